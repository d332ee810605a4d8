#include "MonacoProvider.h"

#include "sync/JsonReader.h"
#include "sync/RemoteError.h"

#include <QJsonArray>

#include <array>
#include <utility>

namespace roster {

namespace {

using WireName = std::pair<Field, QLatin1String>;

// design.md's field-name table, Monaco column. do_not_contact, tags and custom fields are handled apart.
constexpr std::array kWire {
    WireName {Field::FirstName, QLatin1String("first_name")},
    WireName {Field::LastName, QLatin1String("last_name")},
    WireName {Field::Email, QLatin1String("email")},
    WireName {Field::Phone, QLatin1String("phone_number")},
    WireName {Field::LinkedinUrl, QLatin1String("linkedin_url")},
    WireName {Field::JobTitle, QLatin1String("title")},
    WireName {Field::CompanyDomain, QLatin1String("domain")},
    WireName {Field::Location, QLatin1String("location")},
};

// The remote id of a local tag name. Local tags are typed by people and Monaco's are named in its UI, so
// "VIP" and "vip" are the same tag; an exact match wins when the account has both spellings.
QString tagIdFor(const QMap<QString, QString>& ids, const QString& name)
{
    if (const auto it = ids.constFind(name); it != ids.constEnd())
        return it.value();
    for (auto it = ids.constBegin(); it != ids.constEnd(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return {};
}

} // namespace

MonacoProvider::MonacoProvider(ProviderOptions options)
    : Provider(std::move(options))
{
}

ProviderProfile MonacoProvider::profile() const
{
    ProviderProfile p;
    p.name = QStringLiteral("monaco");
    p.displayName = QStringLiteral("Monaco");
    p.defaultBaseUrl = QUrl(QStringLiteral("https://api.monaco.com"));
    p.auth = AuthScheme::Bearer;
    p.rateLimits = {RateLimit {1000, std::chrono::hours(1)}};
    // A create enriches the contact before answering: ten seconds and more.
    p.upsertTimeout = std::chrono::seconds(60);
    return p;
}

Result<void> MonacoProvider::validateForPush(const Contact& contact) const
{
    if (!contact.value(Field::Email).isEmpty())
        return {};
    if (contact.value(Field::LinkedinUrl).isEmpty())
        return fail(ErrorCode::MissingIdentifier, QStringLiteral("Monaco needs an email or a LinkedIn URL"));
    if (contact.value(Field::CompanyDomain).isEmpty())
        return fail(ErrorCode::MissingIdentifier,
                    QStringLiteral("Monaco needs a company domain with a LinkedIn URL when there is no email"),
                    QStringLiteral("company_domain"));
    return {};
}

Result<HttpRequestSpec> MonacoProvider::upsertRequest(const Contact& contact, const QString& remoteId) const
{
    HttpRequestSpec spec;
    spec.kind = RequestKind::Upsert;
    if (remoteId.isEmpty()) {
        // The upsert matches on email, then linkedin_url, and creates when neither matches.
        spec.method = HttpMethod::Put;
        spec.path = QStringLiteral("/v1/contacts/");
    } else {
        // Linked: `PATCH /v1/contacts/{id}` (PROVIDERS.md §4, §7), so a changed email updates this record.
        spec.method = HttpMethod::Patch;
        spec.path = QStringLiteral("/v1/contacts/") + segment(remoteId);
    }

    QJsonObject body;
    for (const WireName& w : kWire)
        putText(body, w.second, contact, w.first);
    if (const auto dnc = JsonReader::parseBooleanText(contact.value(Field::DoNotContact)))
        body.insert(QLatin1String("do_not_contact"), *dnc);

    // Monaco appends the tags it is given, and takes them as ids only (the sync job fetches them first).
    QStringList ids;
    QStringList unknown;
    for (const QString& tag : contact.tags) {
        const QString id = tagIdFor(options().tagIds, tag);
        if (id.isEmpty())
            unknown << tag;
        else if (!ids.contains(id)) // two local spellings of one remote tag
            ids << id;
    }
    if (!ids.isEmpty())
        body.insert(QLatin1String("tags"), QJsonArray::fromStringList(ids));
    // The contract has no endpoint creating tags: the rest is sent without them, and the user told why.
    if (!unknown.isEmpty())
        spec.warnings << Error {ErrorCode::UnsupportedByProvider, FieldRegistry::tagsName(),
                                QStringLiteral("tags not defined in Monaco, not sent (create them in Monaco "
                                               "first; its API cannot create tags): ")
                                    + unknown.join(QStringLiteral(", "))};

    for (auto it = contact.custom.begin(); it != contact.custom.end(); ++it) {
        if (it.value().isEmpty())
            continue;
        const RemoteFieldDefinition* d = RemoteFieldDefinition::byKey(options().customFields, it.key());
        const QString key = d && !d->remoteKey.isEmpty() ? d->remoteKey : customPrefix() + it.key();
        body.insert(key, it.value());
    }
    // `domain` only resolves the account of a contact being created.
    if (!remoteId.isEmpty())
        body.remove(QLatin1String("domain"));
    spec.setJsonBody(body);
    return spec;
}

Result<HttpRequestSpec> MonacoProvider::lookupRequest(const Contact& contact) const
{
    // `POST /v1/contacts/list` filtered on the upsert's first key (email, else linkedin_url).
    const bool byEmail = !contact.value(Field::Email).isEmpty();
    const QString value = contact.value(byEmail ? Field::Email : Field::LinkedinUrl);
    if (value.isEmpty())
        return fail(ErrorCode::MissingIdentifier, QStringLiteral("Monaco needs an email or a LinkedIn URL"));
    const QJsonObject filter {
        {QStringLiteral("field"), byEmail ? QStringLiteral("email") : QStringLiteral("linkedin_url")},
        {QStringLiteral("condition"), QStringLiteral("is")},
        {QStringLiteral("value"), value}};
    HttpRequestSpec spec;
    spec.method = HttpMethod::Post;
    spec.path = QStringLiteral("/v1/contacts/list");
    spec.kind = RequestKind::Get;
    spec.setJsonBody(QJsonObject {
        {QLatin1String("page"), 1}, {QLatin1String("page_size"), 20}, {QLatin1String("filters"), QJsonArray {filter}}});
    return spec;
}

Result<std::optional<RemoteRecord>> MonacoProvider::parseLookupReply(const Contact& contact,
                                                                     const HttpResponse& response) const
{
    auto rows = listRows(response, {QLatin1String("data")}, nullptr);
    if (!rows)
        return std::unexpected(rows.error());
    QList<RemoteRecord> records;
    for (const QJsonValue& row : std::as_const(*rows))
        records << readRecord(row.toObject());
    return recordWithKeyOf(contact, records);
}

QList<Field> MonacoProvider::fieldsReadBack() const
{
    // The contact's stored fields; `domain` only chooses the account, the email and LinkedIn URL are identities.
    return {Field::FirstName, Field::LastName, Field::Phone, Field::JobTitle, Field::Location};
}

RemoteRecord MonacoProvider::readRecord(const QJsonObject& contact) const
{
    RemoteRecord record;
    record.remoteId = JsonReader::text(contact.value(QLatin1String("id")));
    for (const WireName& w : kWire)
        readText(record.patch, w.first, contact, w.second);
    if (const auto dnc = JsonReader::boolean(contact.value(QLatin1String("do_not_contact"))))
        record.patch.set(Field::DoNotContact, JsonReader::booleanText(*dnc));
    // Replies name the tags; a read is the whole set.
    if (contact.value(QLatin1String("tags")).isArray())
        record.patch.setTags(JsonReader::stringList(contact.value(QLatin1String("tags"))), TagMode::Replace);
    for (auto it = contact.begin(); it != contact.end(); ++it) {
        if (!it.key().startsWith(customPrefix()))
            continue;
        QString key;
        if (const RemoteFieldDefinition* d = RemoteFieldDefinition::byRemoteKey(options().customFields, it.key()))
            key = d->key;
        else
            key = localCustomKey(it.key().mid(customPrefix().size()));
        const QString value = JsonReader::text(it.value()); // {value, reasoning, ...} with include_reasoning
        if (!key.isEmpty() && !value.isEmpty())
            record.patch.setCustom(key, value);
    }
    record.updatedAt = JsonReader::dateTime(contact.value(QLatin1String("updated_at")));
    return record;
}

Result<UpsertOutcome> MonacoProvider::parseUpsertReply(const HttpResponse& response) const
{
    auto root = successObject(response);
    if (!root)
        return std::unexpected(root.error());
    const QJsonValue data = root->value(QLatin1String("data"));
    UpsertOutcome outcome;
    outcome.record = readRecord(data.isObject() ? data.toObject() : *root);
    outcome.remoteId = outcome.record.remoteId;
    if (outcome.remoteId.isEmpty())
        return fail(ErrorCode::ParseError, QStringLiteral("Monaco upsert reply has no contact id"));
    // Monaco does not say; 201 where a server sends it, else equal timestamps mean a fresh record.
    const QJsonObject record = data.toObject();
    if (response.status == 201)
        outcome.disposition = UpsertDisposition::Created;
    else if (record.contains(QLatin1String("created_at")) && record.contains(QLatin1String("updated_at")))
        outcome.disposition = record.value(QLatin1String("created_at")) == record.value(QLatin1String("updated_at"))
            ? UpsertDisposition::Created
            : UpsertDisposition::Updated;
    return outcome;
}

Result<HttpRequestSpec> MonacoProvider::listRequest(const ListQuery& query) const
{
    QJsonObject body {{QLatin1String("page"), std::max(1, query.token.page)},
                      {QLatin1String("page_size"), std::clamp(query.pageSize, 1, kMaxPageSize)}};
    if (query.updatedSince.isValid()) {
        body.insert(QLatin1String("filters"),
                    QJsonArray {QJsonObject {
                        {QStringLiteral("field"), QStringLiteral("updated_at")},
                        {QStringLiteral("condition"), QStringLiteral("greater_than")},
                        {QStringLiteral("value"), query.updatedSince.toUTC().toString(Qt::ISODateWithMs)}}});
        body.insert(QLatin1String("sort"), QStringLiteral("updated_at"));
    } else {
        // Oldest first, so records created during the scan land on later pages instead of shifting these.
        body.insert(QLatin1String("sort"), QStringLiteral("created_at"));
    }
    HttpRequestSpec spec;
    spec.method = HttpMethod::Post;
    spec.path = QStringLiteral("/v1/contacts/list");
    spec.kind = RequestKind::List;
    spec.setJsonBody(body);
    return spec;
}

Result<RemotePage> MonacoProvider::parseListReply(const ListQuery& query, const HttpResponse& response) const
{
    QJsonObject root;
    auto listed = listRows(response, {QLatin1String("data")}, &root);
    if (!listed)
        return std::unexpected(listed.error());
    const QJsonArray rows = *listed;
    RemotePage page;
    for (const QJsonValue& row : rows) {
        if (row.isObject())
            page.records << readRecord(row.toObject());
    }
    const int current = std::max(1, query.token.page);
    bool more = rows.size() >= std::clamp(query.pageSize, 1, kMaxPageSize);
    const QJsonObject pagination = root.value(QLatin1String("pagination")).toObject();
    if (pagination.value(QLatin1String("total_count")).isDouble())
        page.total = static_cast<qint64>(pagination.value(QLatin1String("total_count")).toDouble());
    if (pagination.value(QLatin1String("total_pages")).isDouble())
        more = current < pagination.value(QLatin1String("total_pages")).toInt() && !rows.isEmpty();
    if (more) {
        PageToken next;
        next.page = current + 1;
        page.next = next;
    }
    return page;
}

HttpRequestSpec MonacoProvider::getRequest(const QString& remoteId) const
{
    HttpRequestSpec spec;
    spec.path = QStringLiteral("/v1/contacts/") + segment(remoteId);
    spec.kind = RequestKind::Get;
    return spec;
}

Result<RemoteRecord> MonacoProvider::parseGetReply(const HttpResponse& response) const
{
    auto root = successObject(response);
    if (!root)
        return std::unexpected(root.error());
    const QJsonValue data = root->value(QLatin1String("data"));
    RemoteRecord record = readRecord(data.isObject() ? data.toObject() : *root);
    if (record.remoteId.isEmpty())
        return fail(ErrorCode::ParseError, QStringLiteral("Monaco contact has no id"));
    return record;
}

HttpRequestSpec MonacoProvider::deleteRequest(const QString& remoteId) const
{
    HttpRequestSpec spec;
    spec.method = HttpMethod::Delete;
    spec.path = QStringLiteral("/v1/contacts/") + segment(remoteId);
    spec.kind = RequestKind::Delete;
    return spec;
}

Result<HttpRequestSpec> MonacoProvider::fieldDefinitionsRequest() const
{
    HttpRequestSpec spec;
    spec.path = QStringLiteral("/v1/schemas/contacts");
    spec.kind = RequestKind::FieldDefinitions;
    return spec;
}

Result<QList<RemoteFieldDefinition>> MonacoProvider::parseFieldDefinitionsReply(const HttpResponse& response) const
{
    auto root = successObject(response);
    if (!root)
        return std::unexpected(root.error());
    QList<RemoteFieldDefinition> list;
    for (const QJsonValue& row : root->value(QLatin1String("data")).toArray()) {
        const QJsonObject o = row.toObject();
        const QString key = JsonReader::text(o.value(QLatin1String("key")));
        const QJsonObject settings = o.value(QLatin1String("custom_field_settings")).toObject();
        if (settings.isEmpty() && !key.startsWith(customPrefix()))
            continue; // a standard field
        RemoteFieldDefinition d;
        d.remoteId = JsonReader::text(settings.value(QLatin1String("id")));
        d.remoteKey = key.isEmpty() ? customPrefix() + d.remoteId : key;
        d.label = JsonReader::text(o.value(QLatin1String("name")));
        d.type = JsonReader::text(o.value(QLatin1String("type")));
        d.key = RemoteFieldDefinition::keyFromName(d.label);
        if (d.key.isEmpty())
            d.key = localCustomKey(d.remoteKey.mid(customPrefix().size()));
        if (!d.key.isEmpty())
            list << d;
    }
    return list;
}

Result<HttpRequestSpec> MonacoProvider::tagsRequest() const
{
    HttpRequestSpec spec;
    spec.path = QStringLiteral("/v1/tags/");
    spec.kind = RequestKind::FieldDefinitions;
    return spec;
}

Result<QMap<QString, QString>> MonacoProvider::parseTagsReply(const HttpResponse& response) const
{
    auto root = successObject(response);
    if (!root)
        return std::unexpected(root.error());
    QMap<QString, QString> tags;
    for (const QJsonValue& row : root->value(QLatin1String("data")).toArray()) {
        const QJsonObject o = row.toObject();
        const QString name = JsonReader::text(o.value(QLatin1String("name")));
        const QString id = JsonReader::text(o.value(QLatin1String("id")));
        if (!name.isEmpty() && !id.isEmpty())
            tags.insert(name, id);
    }
    return tags;
}

Error MonacoProvider::parseError(const HttpResponse& response) const
{
    const RemoteError remote = RemoteError::parse(response);
    ErrorCode code = RemoteError::codeForStatus(response.status);
    // 409: the email and the LinkedIn URL name two different contacts.
    if (response.status == 409)
        code = ErrorCode::IdentifierTaken;
    return Error {code, {}, QStringLiteral("Monaco ") + remote.summary()};
}

} // namespace roster
