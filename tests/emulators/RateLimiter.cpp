#include "RateLimiter.h"

#include <algorithm>

namespace roster::emulator {

RateLimiter::RateLimiter(int limit, qint64 windowMs)
    : m_limit(limit)
    , m_windowMs(windowMs)
{
    m_clock.start();
}

void RateLimiter::setLimit(int limit, qint64 windowMs)
{
    m_limit = limit;
    m_windowMs = std::max<qint64>(1, windowMs);
    reset();
}

void RateLimiter::setTimeScale(double scale)
{
    m_scale = scale > 0 ? scale : 1.0;
    reset();
}

qint64 RateLimiter::scaledWindowMs() const
{
    return std::max<qint64>(1, qint64(double(m_windowMs) * m_scale));
}

void RateLimiter::roll() const
{
    const qint64 now = m_clock.elapsed();
    if (m_windowStart < 0 || now >= m_windowStart + scaledWindowMs()) {
        m_windowStart = now;
        m_used = 0;
    }
}

RateLimiter::Decision RateLimiter::acquire()
{
    roll();
    const bool allowed = !isEnabled() || m_used < m_limit;
    if (allowed)
        ++m_used;
    Decision decision = peek();
    decision.allowed = allowed;
    return decision;
}

RateLimiter::Decision RateLimiter::peek() const
{
    roll();
    Decision decision;
    decision.limit = m_limit;
    decision.remaining = std::max(0, m_limit - m_used);
    decision.windowMs = scaledWindowMs();
    decision.resetInMs = std::max<qint64>(0, m_windowStart + scaledWindowMs() - m_clock.elapsed());
    return decision;
}

void RateLimiter::reset()
{
    m_windowStart = -1;
    m_used = 0;
}

} // namespace roster::emulator
