#include "SyncFingerprint.h"

#include "Provider.h"
#include "contact/ContactJson.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace roster {

QString SyncFingerprint::hash(const Provider& provider, const Contact& contact)
{
    const auto spec = provider.upsertRequest(contact);
    if (!spec)
        return {};
    // QJsonObject keeps its keys sorted, so the same content always gives the same bytes.
    QCryptographicHash sha(QCryptographicHash::Sha1);
    sha.addData(spec->methodName());
    sha.addData(spec->path.toUtf8());
    sha.addData(QJsonDocument(spec->jsonBody()).toJson(QJsonDocument::Compact));
    return QString::fromLatin1(sha.result().toHex());
}

QString SyncFingerprint::snapshot(const Contact& contact)
{
    QJsonObject object = ContactJson::toJson(contact);
    object.remove(QStringLiteral("id"));
    object.remove(QStringLiteral("uid"));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace roster
