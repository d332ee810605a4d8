#pragma once

#include "ProviderProfile.h"
#include "RetryPolicy.h"

#include <QString>
#include <QUrl>

#include <chrono>

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
    // Bounds, so that a server cannot make a run sit silent for hours, fill the memory or take one
    // request per record and attempt while it is down. A rate-limit wait longer than maxRateLimitWait
    // (real time: the server's hints are) ends the account's run with RateLimited, naming the time; a reply
    // body over maxReplyBytes is refused unread (ReplyTooLarge); that many 5xx replies in a row end the
    // account's run with ServiceFailing.
    std::chrono::milliseconds maxRateLimitWait {std::chrono::minutes(5)};
    qint64 maxReplyBytes = qint64(8) << 20;
    int maxServerErrorsInRow = 10;
};

} // namespace roster
