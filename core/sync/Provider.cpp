#include "Provider.h"

#include "JsonReader.h"
#include "ProviderCatalog.h"
#include "RemoteError.h"

#include <QUrl>

namespace roster {

Provider::Provider(ProviderOptions options)
    : m_options(std::move(options))
{
}

Provider::~Provider() = default;

std::unique_ptr<Provider> Provider::create(const QString& name, ProviderOptions options)
{
    const ProviderDescriptor* d = ProviderCatalog::find(name);
    return d ? d->create(std::move(options)) : nullptr;
}

QStringList Provider::names()
{
    return ProviderCatalog::names();
}

QString Provider::family(const QString& name)
{
    const ProviderDescriptor* d = ProviderCatalog::find(name);
    return d ? d->family : name.toLower();
}

Result<void> Provider::parseDeleteReply(const HttpResponse& response) const
{
    if (!response.isSuccess())
        return std::unexpected(parseError(response));
    return {};
}

Result<HttpRequestSpec> Provider::lookupRequest(const Contact& contact) const
{
    Q_UNUSED(contact)
    return fail(ErrorCode::UnsupportedByProvider,
                profile().displayName + QStringLiteral(" has no lookup by key; its upsert matches by key"));
}

Result<std::optional<RemoteRecord>> Provider::parseLookupReply(const Contact& contact,
                                                               const HttpResponse& response) const
{
    Q_UNUSED(contact)
    Q_UNUSED(response)
    return fail(ErrorCode::UnsupportedByProvider, profile().displayName + QStringLiteral(" has no lookup by key"));
}

std::optional<RemoteRecord> Provider::recordWithKeyOf(const Contact& contact, const QList<RemoteRecord>& records)
{
    // A server may ignore the filter and answer with any records: only the contact's own key counts.
    const auto same = [](const QString& a, const QString& b) {
        auto bare = [](QString url) {
            url = url.trimmed().toLower();
            while (url.endsWith(QLatin1Char('/')))
                url.chop(1);
            return url;
        };
        return !a.trimmed().isEmpty() && bare(a) == bare(b);
    };
    const QString email = contact.value(Field::Email);
    const QString linkedin = contact.value(Field::LinkedinUrl);
    for (const RemoteRecord& record : records) {
        if (record.remoteId.isEmpty())
            continue;
        if (!email.isEmpty() ? same(email, record.patch.value(Field::Email))
                             : same(linkedin, record.patch.value(Field::LinkedinUrl)))
            return record;
    }
    return std::nullopt;
}

Result<HttpRequestSpec> Provider::exportRequest() const
{
    return fail(ErrorCode::UnsupportedByProvider, profile().displayName + QStringLiteral(" has no bulk export"));
}

Result<std::unique_ptr<RemoteExportReader>> Provider::openExport(const HttpResponse& response) const
{
    Q_UNUSED(response)
    return fail(ErrorCode::UnsupportedByProvider, profile().displayName + QStringLiteral(" has no bulk export"));
}

Result<HttpRequestSpec> Provider::tagsRequest() const
{
    return fail(ErrorCode::UnsupportedByProvider, profile().displayName + QStringLiteral(" takes tags by name"));
}

Result<QMap<QString, QString>> Provider::parseTagsReply(const HttpResponse& response) const
{
    Q_UNUSED(response)
    return fail(ErrorCode::UnsupportedByProvider, profile().displayName + QStringLiteral(" takes tags by name"));
}

Result<HttpRequestSpec> Provider::createTagRequest(const QString& name) const
{
    Q_UNUSED(name)
    return fail(ErrorCode::UnsupportedByProvider, profile().displayName + QStringLiteral(" takes tags by name"));
}

Result<QString> Provider::parseCreateTagReply(const HttpResponse& response) const
{
    Q_UNUSED(response)
    return fail(ErrorCode::UnsupportedByProvider, profile().displayName + QStringLiteral(" takes tags by name"));
}

QSet<QString> Provider::fieldsReadInFull(bool withCustom) const
{
    QSet<QString> out;
    for (Field field : fieldsReadBack())
        out.insert(FieldRegistry::name(field));
    if (withCustom) {
        for (const RemoteFieldDefinition& d : m_options.customFields)
            out.insert(FieldRegistry::customPrefix() + d.key);
    }
    return out;
}

Error Provider::parseError(const HttpResponse& response) const
{
    const RemoteError remote = RemoteError::parse(response);
    Error error = remote.toError();
    error.detail = profile().displayName + QLatin1Char(' ') + error.detail;
    return error;
}

QString Provider::segment(const QString& id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

void Provider::putText(QJsonObject& object, QLatin1String key, const Contact& contact, Field field)
{
    const QString& value = contact.value(field);
    if (!value.isEmpty())
        object.insert(key, value);
}

void Provider::setText(ContactPatch& patch, Field field, const QString& text)
{
    const QString trimmed = text.trimmed();
    if (!trimmed.isEmpty())
        patch.set(field, trimmed);
}

QString Provider::remoteCustomKey(const QString& localKey) const
{
    if (const RemoteFieldDefinition* d = RemoteFieldDefinition::byKey(m_options.customFields, localKey))
        return d->remoteKey.isEmpty() ? localKey : d->remoteKey;
    return localKey;
}

QString Provider::localCustomKey(const QString& remoteKey) const
{
    if (const RemoteFieldDefinition* d = RemoteFieldDefinition::byRemoteKey(m_options.customFields, remoteKey))
        return d->key;
    if (const RemoteFieldDefinition* d = RemoteFieldDefinition::byRemoteId(m_options.customFields, remoteKey))
        return d->key;
    return FieldRegistry::isValidCustomKey(remoteKey) ? remoteKey : QString();
}

Result<QJsonObject> Provider::successObject(const HttpResponse& response) const
{
    if (!response.isSuccess())
        return std::unexpected(parseError(response));
    auto object = JsonReader::object(response.body);
    if (!object) {
        Error error = object.error();
        error.detail = profile().displayName + QLatin1Char(' ') + error.detail;
        return std::unexpected(error);
    }
    return object;
}

Result<QJsonArray> Provider::listRows(const HttpResponse& response, std::initializer_list<QLatin1String> keys,
                                      QJsonObject* root) const
{
    if (!response.isSuccess())
        return std::unexpected(parseError(response));
    auto parsed = JsonReader::value(response.body);
    if (!parsed)
        return std::unexpected(
            Error {ErrorCode::ParseError, {}, profile().displayName + QLatin1Char(' ') + parsed.error().detail});
    if (parsed->isArray())
        return parsed->toArray();
    const QJsonObject object = parsed->toObject();
    const QJsonValue success = object.value(QLatin1String("success"));
    const QJsonValue error = object.value(QLatin1String("error"));
    if ((success.isBool() && !success.toBool()) || (!error.isUndefined() && !error.isNull())) {
        Error out = RemoteError::parse(response).toError(ErrorCode::HttpError);
        out.detail = profile().displayName + QStringLiteral(" answered %1 with an error body: ").arg(response.status)
            + out.detail;
        return std::unexpected(out);
    }
    for (QLatin1String key : keys) {
        const QJsonValue rows = object.value(key);
        if (rows.isArray()) {
            if (root)
                *root = object;
            return rows.toArray();
        }
    }
    QStringList names;
    for (QLatin1String key : keys)
        names << key;
    return fail(ErrorCode::ParseError,
                profile().displayName
                    + QStringLiteral(" list reply has no records array (%1)").arg(names.join(QStringLiteral(", "))));
}

void Provider::readText(ContactPatch& patch, Field field, const QJsonObject& object, QLatin1String key) const
{
    const auto it = object.constFind(key);
    if (it == object.constEnd())
        return;
    const QJsonValue value = it.value();
    if ((value.isNull() || (value.isString() && value.toString().trimmed().isEmpty()))
        && fieldsClearedByRead().contains(field)) {
        patch.clear(field);
        return;
    }
    setText(patch, field, JsonReader::text(value));
}

} // namespace roster
