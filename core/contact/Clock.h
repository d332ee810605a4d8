#pragma once

#include <QDateTime>

namespace roster {

// Time as the engine sees it, so tests can pin "now" and replay "newer wins" deterministically.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace roster
