#pragma once

#include "ProviderProfile.h"
#include "RateLimitHeaders.h"

#include <QDateTime>
#include <QList>

#include <deque>
#include <vector>

namespace roster {

// A token bucket per account, one per published limit (HighLevel has a 10-second and a daily one). A token
// is held while its request is in flight and comes back one full window after the reply (or the failure)
// that ended it, not after the send: the server counts the request when it arrives, somewhere between the
// two, so timing the window from the reply keeps every window of that length on the server's clock, fixed
// or sliding, at or under the limit whatever the latency. Timed from the send, a burst delayed a little
// less than the previous one lands in the server's previous window (a bucket refilled at a steady rate
// would even allow twice the limit in the first window). The server's own headers then narrow it:
// Retry-After and a spent reset block the account, Remaining below the local count spends the difference,
// a lower Limit or HighLevel's Max/Interval replace the published one.
//
// No clock inside: callers pass a monotonic time in milliseconds, so tests drive time by hand.
class RateLimiter final
{
public:
    struct Config
    {
        QList<RateLimit> limits;
        // Multiplies every window and the backoff: 0.01 runs a one-hour limit in 36 s (tests, benchmarks).
        double timeScale = 1.0;
        // Multiplies server-sent delays (Retry-After, reset, interval). 1 when the server's clock is real
        // time; timeScale when an emulator sends contract-sized values meant on its scaled clock.
        double hintScale = 1.0;
        // Each window is held this much longer than published: the two clocks count whole milliseconds and
        // need not start a window on the same one.
        double safetyMargin = 0.02;
    };

    explicit RateLimiter(Config config);

    // 0 when a request may go now (its token is then held until release()), else the milliseconds to wait
    // before asking again. Nothing is spent while waiting. While every token is in flight the wait is one
    // window, the earliest any of them can come back; release() is the moment to ask again.
    qint64 tryAcquire(qint64 nowMs);
    // A request sent with a token has ended (reply, failure, timeout or abort): its token comes back one
    // window from now. Without a token in flight it does nothing.
    void release(qint64 nowMs);
    // Milliseconds until tryAcquire would succeed, without spending.
    qint64 waitTime(qint64 nowMs);
    // Follows what a reply said; `wallNow` dates the absolute reset times.
    void apply(const RateLimitHeaders& headers, bool wasRateLimited, qint64 nowMs, const QDateTime& wallNow);
    void blockUntil(qint64 untilMs);
    qint64 blockedUntil() const { return m_blockedUntil; }

    // The limits in force, windows scaled.
    QList<RateLimit> effectiveLimits() const;
    // Tokens spent in the current window of each limit, those in flight included.
    QList<int> spent(qint64 nowMs);

private:
    struct Bucket
    {
        int limit = 0;
        qint64 windowMs = 0;
        std::deque<std::pair<qint64, int>> spends; // (when, how many), oldest first
        int count = 0; // in `spends`
        int inFlight = 0; // held by requests not yet answered
    };

    qint64 scaledWindow(std::chrono::milliseconds window) const;
    qint64 hintMs(qint64 serverMs) const;
    qint64 longestWindow() const;
    static void expire(Bucket& bucket, qint64 nowMs);
    static qint64 waitFor(Bucket& bucket, qint64 nowMs);
    static void spendUpTo(Bucket& bucket, int remaining, qint64 nowMs);

    Config m_config;
    std::vector<Bucket> m_buckets;
    qint64 m_blockedUntil = 0;
};

} // namespace roster
