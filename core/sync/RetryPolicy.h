#pragma once

#include <chrono>

namespace roster {

// When and how often a failed request is tried again: 429, 5xx and network failures only, with exponential
// backoff and full jitter (a uniform delay in [0, min(max, base * 2^n)]), so that many clients that failed
// together do not come back together.
struct RetryPolicy
{
    int maxAttempts = 5; // the first attempt included
    std::chrono::milliseconds baseDelay {500};
    std::chrono::milliseconds maxDelay {30000};
    // After a dropped connection or a timeout, the least wait in real time (never time-scaled): an HTTP
    // stack may resend a dropped request by itself at once, and a server that just dropped one should not
    // see the retry on its heels. Emulators drop such an immediate resend for 250 ms.
    std::chrono::milliseconds reconnectDelay {300};

    // The ceiling of the delay after `failedAttempts` failures (1 after the first).
    std::chrono::milliseconds ceiling(int failedAttempts) const;
    // The delay for a uniform `random` in [0, 1).
    std::chrono::milliseconds backoff(int failedAttempts, double random) const;
    // Statuses worth another try: the server was busy or failed, the request itself is fine.
    static bool isRetryableStatus(int status);
};

} // namespace roster
