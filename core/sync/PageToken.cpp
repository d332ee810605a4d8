#include "PageToken.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace roster {

QString PageToken::toString() const
{
    QJsonObject object {{QStringLiteral("offset"), offset}, {QStringLiteral("page"), page}};
    if (!searchAfter.isEmpty())
        object.insert(QStringLiteral("searchAfter"), searchAfter);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<PageToken> PageToken::fromString(const QString& text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject object = doc.object();
    PageToken token;
    token.offset = static_cast<qint64>(object.value(QLatin1String("offset")).toDouble(0));
    token.page = object.value(QLatin1String("page")).toInt(1);
    token.searchAfter = object.value(QLatin1String("searchAfter")).toArray();
    if (token.offset < 0 || token.page < 1)
        return std::nullopt;
    return token;
}

} // namespace roster
