#pragma once

#include "ProviderProfile.h"
#include "RetryPolicy.h"

#include <QString>
#include <QUrl>

namespace roster {

// One CRM account as the transport sees it. The secret lives here only as long as the client needs it; it
// is never logged, and every error and reply the client reports is scrubbed of it.
struct HttpAccount
{
    QString name;
    QUrl baseUrl; // path prefix included (lemlist: https://api.lemlist.com/api)
    QString secret;
    ProviderProfile profile; // auth scheme, published limits, timeouts (edit to override)
    RetryPolicy retry;
    double timeScale = 1.0; // < 1 speeds the rate windows and the backoff up, for tests and benchmarks
    double hintScale = 1.0; // see RateLimiter::Config::hintScale
    double safetyMargin = 0.02;
};

} // namespace roster
