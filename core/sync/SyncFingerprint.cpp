#include "SyncFingerprint.h"

#include "Provider.h"
#include "ProviderCatalog.h"
#include "contact/ContactJson.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <algorithm>

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

QString SyncFingerprint::accountContext(const Provider& provider, const QString& providerName, bool definitionsKnown,
                                        const QString& previous)
{
    QCryptographicHash options(QCryptographicHash::Sha1);
    options.addData(providerName.toUtf8());
    if (const ProviderDescriptor* descriptor = ProviderCatalog::find(providerName)) {
        for (const ProviderOption& option : descriptor->options) {
            options.addData(QByteArray("\n" + option.key.toUtf8() + '='));
            options.addData(provider.options().value(option.key).toUtf8());
        }
    }
    QString definitions;
    if (definitionsKnown) {
        QList<RemoteFieldDefinition> sorted = provider.options().customFields;
        std::sort(sorted.begin(), sorted.end(),
                  [](const RemoteFieldDefinition& a, const RemoteFieldDefinition& b) { return a.key < b.key; });
        QCryptographicHash hash(QCryptographicHash::Sha1);
        for (const RemoteFieldDefinition& d : std::as_const(sorted)) {
            QStringList parts {d.key, d.remoteId, d.remoteKey, d.type, d.multiple ? QStringLiteral("1") : QString()};
            for (const RemoteFieldDefinition::Option& o : d.options)
                parts << o.key << o.label;
            hash.addData(QByteArray(parts.join(QChar(0x1f)).toUtf8() + '\n'));
        }
        definitions = QString::fromLatin1(hash.result().toHex());
    } else {
        const qsizetype at = previous.indexOf(QLatin1String(";d:"));
        definitions = at < 0 ? QString() : previous.mid(at + 3);
    }
    return QStringLiteral("o:") + QString::fromLatin1(options.result().toHex()) + QStringLiteral(";d:") + definitions;
}

QString SyncFingerprint::snapshot(const Contact& contact)
{
    QJsonObject object = ContactJson::toJson(contact);
    object.remove(QStringLiteral("id"));
    object.remove(QStringLiteral("uid"));
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace roster
