#include "EmulatorUtil.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

namespace roster::emulator::util {

QString randomId(const QString& prefix, int length)
{
    static const QString alphabet = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    QString id = prefix;
    id.reserve(prefix.size() + length);
    for (int i = 0; i < length; ++i)
        id.append(alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size()))));
    return id;
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

qint64 nowMs()
{
    static qint64 last = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    last = now > last ? now : last;
    return last;
}

QString isoTime(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

qint64 parseTime(const QJsonValue& value)
{
    if (value.isDouble())
        return qint64(value.toDouble());
    if (!value.isString())
        return -1;
    bool isNumber = false;
    const qint64 number = value.toString().toLongLong(&isNumber);
    if (isNumber)
        return number;
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(value.toString(), Qt::ISODate);
    return time.isValid() ? time.toMSecsSinceEpoch() : -1;
}

bool isValidEmail(const QString& email)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^[^\s@]+@[^\s@]+\.[^\s@]{2,}$)"));
    return pattern.match(email.trimmed()).hasMatch();
}

QString normalizeEmail(const QString& email)
{
    return email.trimmed().toLower();
}

QString normalizeLinkedinUrl(const QString& url)
{
    QString text = url.trimmed();
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("https://"));
    const QUrl parsed(text, QUrl::StrictMode);
    QString host = parsed.host().toLower();
    if (host.startsWith(QLatin1String("www.")))
        host = host.mid(4);
    if (!parsed.isValid() || !(host == QLatin1String("linkedin.com") || host.endsWith(QLatin1String(".linkedin.com"))))
        return {};
    QString path = parsed.path().toLower();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return QStringLiteral("linkedin.com") + path;
}

bool isLinkedinProfileUrl(const QString& url)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^linkedin\.com/in/[^/]+$)"));
    return pattern.match(normalizeLinkedinUrl(url)).hasMatch();
}

bool isSalesNavUrl(const QString& url)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^linkedin\.com/sales/.+)"));
    return pattern.match(normalizeLinkedinUrl(url)).hasMatch();
}

QString domainOfEmail(const QString& email)
{
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    return at < 0 ? QString() : email.mid(at + 1).trimmed().toLower();
}

bool isBlank(const QJsonValue& value)
{
    if (value.isUndefined() || value.isNull())
        return true;
    if (value.isString())
        return value.toString().trimmed().isEmpty();
    return false;
}

} // namespace roster::emulator::util
