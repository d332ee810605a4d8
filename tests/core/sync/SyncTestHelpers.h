#pragma once

#include "contact/Contact.h"
#include "sync/HttpResponse.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <utility>

namespace roster::test {

// A stored contact from design.md field names: {"email", "a@b.c"}, {"custom.score", "7"}, {"tags", "a,b"}.
inline Contact contactFrom(const QList<std::pair<QString, QString>>& values)
{
    Contact contact;
    for (const auto& [name, value] : values) {
        if (const auto field = FieldRegistry::fromName(name))
            contact.setValue(*field, value);
        else if (name == QLatin1String("tags"))
            contact.tags = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        else if (name == QLatin1String("extra_emails"))
            contact.extraEmails = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        else if (name.startsWith(QLatin1String("custom.")))
            contact.custom.insert(name.mid(7), value);
    }
    return contact;
}

inline QJsonObject jsonObject(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

inline HttpResponse jsonReply(int status, const char* body)
{
    return HttpResponse::json(status, QByteArray(body));
}

} // namespace roster::test
