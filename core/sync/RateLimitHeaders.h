#pragma once

#include "HttpResponse.h"

#include <QDateTime>

#include <chrono>
#include <optional>

namespace roster {

// What a reply says about the rate limit, from whichever headers the CRM sends: `Retry-After` (seconds or
// an HTTP date), `X-RateLimit-Limit/-Remaining/-Reset` (lemlist's reset a JavaScript date string, Monaco's
// Unix seconds), HighLevel's `X-RateLimit-Max/-Remaining/-Interval-Milliseconds` and daily counters.
struct RateLimitHeaders
{
    std::optional<std::chrono::milliseconds> retryAfter;
    std::optional<int> limit;
    std::optional<int> remaining;
    std::optional<QDateTime> reset;
    std::optional<std::chrono::milliseconds> interval;
    std::optional<int> dailyLimit;
    std::optional<int> dailyRemaining;

    // `now` turns an HTTP-date Retry-After into a delay.
    static RateLimitHeaders parse(const HttpResponse& response, const QDateTime& now);
    // "Tue Feb 16 2021 09:02:42 GMT+0100 (Central European Standard Time)", Unix seconds or milliseconds,
    // RFC 2822 or ISO 8601; invalid when none of those.
    static QDateTime parseReset(const QByteArray& value);
    bool isEmpty() const;
};

} // namespace roster
