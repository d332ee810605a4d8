#include "RateLimiter.h"

#include <algorithm>
#include <cmath>

namespace roster {

RateLimiter::RateLimiter(Config config)
    : m_config(std::move(config))
{
    for (const RateLimit& limit : std::as_const(m_config.limits)) {
        if (limit.requests <= 0 || limit.window.count() <= 0)
            continue;
        Bucket bucket;
        bucket.limit = limit.requests;
        bucket.windowMs = scaledWindow(limit.window);
        m_buckets.push_back(std::move(bucket));
    }
}

qint64 RateLimiter::scaledWindow(std::chrono::milliseconds window) const
{
    const double ms = static_cast<double>(window.count()) * m_config.timeScale * (1.0 + m_config.safetyMargin);
    return std::max<qint64>(1, static_cast<qint64>(std::ceil(ms)));
}

qint64 RateLimiter::hintMs(qint64 serverMs) const
{
    const auto ms = static_cast<qint64>(std::ceil(static_cast<double>(serverMs) * m_config.hintScale));
    // A server clock far off, or a reset date read wrongly, must not stall an account for longer than its
    // longest window.
    const qint64 longest = longestWindow();
    return std::clamp<qint64>(ms, 0, longest > 0 ? longest : ms);
}

qint64 RateLimiter::longestWindow() const
{
    qint64 longest = 0;
    for (const Bucket& b : m_buckets)
        longest = std::max(longest, b.windowMs);
    return longest;
}

void RateLimiter::expire(Bucket& bucket, qint64 nowMs)
{
    while (!bucket.spends.empty() && bucket.spends.front().first + bucket.windowMs <= nowMs) {
        bucket.count -= bucket.spends.front().second;
        bucket.spends.pop_front();
    }
}

qint64 RateLimiter::waitFor(Bucket& bucket, qint64 nowMs)
{
    expire(bucket, nowMs);
    const int used = bucket.count + bucket.inFlight;
    if (used < bucket.limit)
        return 0;
    // The time when enough of the oldest spends have come back to free one token.
    int freed = 0;
    const int needed = used - bucket.limit + 1;
    for (const auto& [when, n] : bucket.spends) {
        freed += n;
        if (freed >= needed)
            return when + bucket.windowMs - nowMs;
    }
    // Only tokens in flight would free one, and none comes back sooner than a window after its reply.
    return bucket.windowMs;
}

qint64 RateLimiter::waitTime(qint64 nowMs)
{
    qint64 wait = std::max<qint64>(0, m_blockedUntil - nowMs);
    for (Bucket& b : m_buckets)
        wait = std::max(wait, waitFor(b, nowMs));
    return wait;
}

qint64 RateLimiter::tryAcquire(qint64 nowMs)
{
    const qint64 wait = waitTime(nowMs);
    if (wait > 0)
        return wait;
    for (Bucket& b : m_buckets)
        ++b.inFlight;
    return 0;
}

void RateLimiter::release(qint64 nowMs)
{
    for (Bucket& b : m_buckets) {
        if (b.inFlight <= 0)
            continue;
        --b.inFlight;
        if (!b.spends.empty() && b.spends.back().first >= nowMs)
            ++b.spends.back().second;
        else
            b.spends.emplace_back(nowMs, 1);
        ++b.count;
    }
}

void RateLimiter::spendUpTo(Bucket& bucket, int remaining, qint64 nowMs)
{
    expire(bucket, nowMs);
    const int available = bucket.limit - bucket.count - bucket.inFlight;
    const int extra = available - std::max(0, remaining);
    if (extra <= 0)
        return;
    bucket.spends.emplace_back(nowMs, extra);
    std::sort(bucket.spends.begin(), bucket.spends.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    bucket.count += extra;
}

void RateLimiter::apply(const RateLimitHeaders& h, bool wasRateLimited, qint64 nowMs, const QDateTime& wallNow)
{
    if (!m_buckets.empty()) {
        Bucket& primary = m_buckets.front();
        if (h.interval && h.limit && *h.limit > 0) {
            primary.limit = *h.limit;
            primary.windowMs = std::max<qint64>(
                1,
                static_cast<qint64>(std::ceil(static_cast<double>(h.interval->count()) * m_config.hintScale
                                              * (1.0 + m_config.safetyMargin))));
        } else if (h.limit && *h.limit > 0 && *h.limit < primary.limit) {
            // A limit without its window is trusted only when it is stricter.
            primary.limit = *h.limit;
        }
        if (h.remaining)
            spendUpTo(primary, *h.remaining, nowMs);
        if (h.dailyRemaining && m_buckets.size() > 1)
            spendUpTo(m_buckets.back(), *h.dailyRemaining, nowMs);
    }
    if (h.retryAfter) {
        blockUntil(nowMs + hintMs(h.retryAfter->count()));
    } else if (h.reset && ((h.remaining && *h.remaining == 0) || wasRateLimited)) {
        blockUntil(nowMs + hintMs(std::max<qint64>(0, wallNow.msecsTo(*h.reset))));
    } else if (wasRateLimited && !m_buckets.empty()) {
        // A bare 429: the server's short window is full; treat the local one as full too. Not the long ones
        // (HighLevel's daily bucket): filling that would stall the account for a day on one busy second,
        // and the daily counters have headers of their own.
        spendUpTo(m_buckets.front(), 0, nowMs);
    }
}

void RateLimiter::blockUntil(qint64 untilMs)
{
    m_blockedUntil = std::max(m_blockedUntil, untilMs);
}

QList<RateLimit> RateLimiter::effectiveLimits() const
{
    QList<RateLimit> list;
    for (const Bucket& b : m_buckets)
        list << RateLimit {b.limit, std::chrono::milliseconds(b.windowMs)};
    return list;
}

QList<int> RateLimiter::spent(qint64 nowMs)
{
    QList<int> list;
    for (Bucket& b : m_buckets) {
        expire(b, nowMs);
        list << b.count + b.inFlight;
    }
    return list;
}

} // namespace roster
