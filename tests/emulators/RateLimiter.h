#pragma once

#include <QElapsedTimer>

namespace roster::emulator {

// A fixed-window counter, as the CRMs describe theirs: `limit` requests per window, the
// window starting with the first request after the previous one ended. The time scale
// shrinks the window so tests run the published limits in a fraction of the time.
class RateLimiter final
{
public:
    struct Decision
    {
        bool allowed = true;
        int limit = 0;
        int remaining = 0;
        qint64 windowMs = 0; // the scaled window
        qint64 resetInMs = 0; // until the current window ends
    };

    RateLimiter(int limit, qint64 windowMs);

    void setLimit(int limit, qint64 windowMs);
    void setTimeScale(double scale);
    // A limit of 0 or less disables the limiter.
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled && m_limit > 0; }

    int limit() const { return m_limit; }
    qint64 scaledWindowMs() const;

    Decision acquire();
    // The state without counting a request (headers of a reply that was not limited).
    Decision peek() const;
    void reset();

private:
    void roll() const;

    int m_limit;
    qint64 m_windowMs;
    double m_scale = 1.0;
    bool m_enabled = true;
    QElapsedTimer m_clock;
    mutable qint64 m_windowStart = -1;
    mutable int m_used = 0;
};

} // namespace roster::emulator
