#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QUrl>

namespace roster {

// One CRM account as stored in `accounts`. The API key is not here: it lives in the keychain (or the
// environment) and never touches the database.
struct AccountRecord
{
    qint64 id = 0;
    QString name;
    QString provider; // "lemlist", "getsales", "highlevel", "monaco"
    QUrl baseUrl;
    QMap<QString, QString> options; // GetSales list_uuid, HighLevel location_id, ...
    QString conflictPolicy = QStringLiteral("ask");
    QDateTime createdAt;
};

} // namespace roster
