#include "RetryPolicy.h"

#include <QtGlobal>

#include <algorithm>
#include <cmath>

namespace roster {

std::chrono::milliseconds RetryPolicy::ceiling(int failedAttempts) const
{
    const int exponent = std::clamp(failedAttempts - 1, 0, 30);
    const double ms = static_cast<double>(baseDelay.count()) * std::pow(2.0, exponent);
    return std::chrono::milliseconds(static_cast<qint64>(std::min(ms, static_cast<double>(maxDelay.count()))));
}

std::chrono::milliseconds RetryPolicy::backoff(int failedAttempts, double random) const
{
    const double r = std::clamp(random, 0.0, 1.0);
    return std::chrono::milliseconds(static_cast<qint64>(static_cast<double>(ceiling(failedAttempts).count()) * r));
}

bool RetryPolicy::isRetryableStatus(int status)
{
    // 501 and 505 say the request can never work; the rest of 5xx are transient.
    return status == 429 || status == 408 || (status >= 500 && status <= 599 && status != 501 && status != 505);
}

} // namespace roster
