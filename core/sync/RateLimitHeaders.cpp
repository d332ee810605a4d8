#include "RateLimitHeaders.h"

#include <QRegularExpression>

namespace roster {

namespace {

std::optional<int> intHeader(const HttpResponse& response, QByteArrayView name)
{
    bool ok = false;
    const qlonglong value = response.header(name).trimmed().toLongLong(&ok);
    if (!ok || value < 0 || value > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(value);
}

// JavaScript's Date.prototype.toString(), as lemlist sends it.
QDateTime parseJsDate(const QString& text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*[A-Za-z]{3}\\s+([A-Za-z]{3})\\s+(\\d{1,2})\\s+(\\d{4})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})\\s*"
                       "(?:GMT|UTC)?([+-])?(\\d{2})?:?(\\d{2})?"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return {};
    static const QStringList months {QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"),
                                     QStringLiteral("apr"), QStringLiteral("may"), QStringLiteral("jun"),
                                     QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"),
                                     QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    const int month = static_cast<int>(months.indexOf(m.captured(1).toLower())) + 1;
    const QDate date(m.captured(3).toInt(), month, m.captured(2).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (month < 1 || !date.isValid() || !time.isValid())
        return {};
    int offset = 0;
    if (!m.captured(7).isEmpty()) {
        offset = m.captured(8).toInt() * 3600 + m.captured(9).toInt() * 60;
        if (m.captured(7) == QLatin1String("-"))
            offset = -offset;
    }
    return QDateTime(date, time, Qt::OffsetFromUTC, offset).toUTC();
}

} // namespace

QDateTime RateLimitHeaders::parseReset(const QByteArray& value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return {};
    bool ok = false;
    const double number = trimmed.toDouble(&ok);
    if (ok) {
        if (number <= 0)
            return {};
        const auto ms = static_cast<qint64>(number < 1e11 ? number * 1000.0 : number);
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    }
    const QString text = QString::fromLatin1(trimmed);
    QDateTime parsed = parseJsDate(text);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

RateLimitHeaders RateLimitHeaders::parse(const HttpResponse& response, const QDateTime& now)
{
    RateLimitHeaders h;
    const QByteArray retryAfter = response.header("Retry-After").trimmed();
    if (!retryAfter.isEmpty()) {
        bool ok = false;
        const double seconds = retryAfter.toDouble(&ok);
        if (ok && seconds >= 0 && seconds < 1e7) {
            h.retryAfter = std::chrono::milliseconds(static_cast<qint64>(seconds * 1000.0));
        } else {
            // An HTTP date ("Tue, 16 Feb 2021 08:02:50 GMT"); Qt's RFC 2822 parser wants a numeric zone.
            QString text = QString::fromLatin1(retryAfter);
            if (text.endsWith(QLatin1String(" GMT")))
                text = text.chopped(4) + QStringLiteral(" +0000");
            const QDateTime at = QDateTime::fromString(text, Qt::RFC2822Date);
            if (at.isValid())
                h.retryAfter = std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(at)));
        }
    }
    h.limit = intHeader(response, "X-RateLimit-Limit");
    if (!h.limit)
        h.limit = intHeader(response, "X-RateLimit-Max");
    h.remaining = intHeader(response, "X-RateLimit-Remaining");
    if (response.hasHeader("X-RateLimit-Reset")) {
        const QDateTime reset = parseReset(response.header("X-RateLimit-Reset"));
        if (reset.isValid())
            h.reset = reset;
    }
    if (const auto ms = intHeader(response, "X-RateLimit-Interval-Milliseconds"); ms && *ms > 0)
        h.interval = std::chrono::milliseconds(*ms);
    h.dailyLimit = intHeader(response, "X-RateLimit-Limit-Daily");
    h.dailyRemaining = intHeader(response, "X-RateLimit-Daily-Remaining");
    return h;
}

bool RateLimitHeaders::isEmpty() const
{
    return !retryAfter && !limit && !remaining && !reset && !interval && !dailyLimit && !dailyRemaining;
}

} // namespace roster
