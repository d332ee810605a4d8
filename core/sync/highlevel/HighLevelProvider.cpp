#include "HighLevelProvider.h"

#include "sync/ChoiceText.h"
#include "sync/JsonReader.h"
#include "sync/RemoteError.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <array>
#include <utility>

namespace roster {

namespace {

using WireName = std::pair<Field, QLatin1String>;

// design.md's field-name table, HighLevel column. dnd, tags and customFields are handled apart.
constexpr std::array kWire {
    WireName {Field::FirstName, QLatin1String("firstName")},
    WireName {Field::LastName, QLatin1String("lastName")},
    WireName {Field::Email, QLatin1String("email")},
    WireName {Field::Phone, QLatin1String("phone")},
    WireName {Field::CompanyName, QLatin1String("companyName")},
    WireName {Field::Website, QLatin1String("website")},
    WireName {Field::Address1, QLatin1String("address1")},
    WireName {Field::City, QLatin1String("city")},
    WireName {Field::State, QLatin1String("state")},
    WireName {Field::PostalCode, QLatin1String("postalCode")},
    WireName {Field::Country, QLatin1String("country")},
    WireName {Field::Timezone, QLatin1String("timezone")},
    WireName {Field::DateOfBirth, QLatin1String("dateOfBirth")},
    WireName {Field::Gender, QLatin1String("gender")},
    WireName {Field::Owner, QLatin1String("assignedTo")},
    WireName {Field::Source, QLatin1String("source")},
};

const QString kFieldKeyPrefix = QStringLiteral("contact.");

// CheckboxField and MultiSelectField take a string array (the official OpenAPI); the others a string, a
// picklist choice in the option's own spelling.
QJsonValue wireValue(const RemoteFieldDefinition* definition, const QString& value)
{
    if (!definition)
        return value;
    if (definition->multiple)
        return QJsonArray::fromStringList(ChoiceText::split(value, definition->options));
    if (const RemoteFieldDefinition::Option* option = definition->option(value))
        return option->key;
    return value;
}

bool isMultipleChoice(const QString& dataType)
{
    return dataType.compare(QLatin1String("CHECKBOX"), Qt::CaseInsensitive) == 0
        || dataType.compare(QLatin1String("MULTIPLE_OPTIONS"), Qt::CaseInsensitive) == 0;
}

} // namespace

HighLevelProvider::HighLevelProvider(ProviderOptions options)
    : Provider(std::move(options))
{
}

ProviderProfile HighLevelProvider::profile() const
{
    ProviderProfile p;
    p.name = QStringLiteral("highlevel");
    p.displayName = QStringLiteral("HighLevel");
    p.defaultBaseUrl = QUrl(QStringLiteral("https://services.leadconnectorhq.com"));
    p.auth = AuthScheme::Bearer;
    p.rateLimits = {RateLimit {100, std::chrono::seconds(10)}, RateLimit {200000, std::chrono::hours(24)}};
    return p;
}

HttpRequestSpec HighLevelProvider::baseSpec(HttpMethod method, const QString& path, RequestKind kind) const
{
    HttpRequestSpec spec;
    spec.method = method;
    spec.path = path;
    spec.kind = kind;
    spec.headers.append({QByteArrayLiteral("Version"), apiVersion()});
    return spec;
}

Result<void> HighLevelProvider::validateForPush(const Contact& contact) const
{
    if (contact.value(Field::Email).isEmpty() && contact.value(Field::Phone).isEmpty())
        return fail(ErrorCode::MissingIdentifier, QStringLiteral("HighLevel needs an email or a phone number"));
    return {};
}

Result<HttpRequestSpec> HighLevelProvider::upsertRequest(const Contact& contact, const QString& remoteId) const
{
    const QString location = options().value(locationIdOption());
    if (location.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the HighLevel account has no location_id option"));

    QJsonObject body {{QLatin1String("locationId"), location}};
    for (const WireName& w : kWire)
        putText(body, w.second, contact, w.first);
    if (const auto dnd = JsonReader::parseBooleanText(contact.value(Field::DoNotContact)))
        body.insert(QLatin1String("dnd"), *dnd);
    // The upsert replaces every tag; an empty list would wipe tags set in HighLevel on a first push, so
    // it is sent only when there is something to say.
    if (!contact.tags.isEmpty())
        body.insert(QLatin1String("tags"), QJsonArray::fromStringList(contact.tags));
    QJsonArray custom;
    for (auto it = contact.custom.begin(); it != contact.custom.end(); ++it) {
        if (it.value().isEmpty())
            continue;
        const RemoteFieldDefinition* d = RemoteFieldDefinition::byKey(options().customFields, it.key());
        QJsonObject entry {{QLatin1String("field_value"), wireValue(d, it.value())}};
        if (d && !d->remoteId.isEmpty())
            entry.insert(QLatin1String("id"), d->remoteId);
        else
            entry.insert(QLatin1String("key"), d && !d->remoteKey.isEmpty() ? d->remoteKey : it.key());
        custom.append(entry);
    }
    if (!custom.isEmpty())
        body.insert(QLatin1String("customFields"), custom);

    if (!remoteId.isEmpty()) {
        // `PUT /contacts/{contactId}` (PROVIDERS.md §7): the upsert would match by email or phone, and
        // after a local email change create a second contact. Its body (UpdateContactDto in the official
        // OpenAPI) has no locationId, companyName nor gender, and the server refuses properties it does
        // not list.
        body.remove(QLatin1String("locationId"));
        for (const WireName& w : kWire) {
            if (fieldsNotUpdatedById().contains(w.first))
                body.remove(w.second);
        }
        HttpRequestSpec spec
            = baseSpec(HttpMethod::Put, QStringLiteral("/contacts/") + segment(remoteId), RequestKind::Upsert);
        spec.setJsonBody(body);
        return spec;
    }
    HttpRequestSpec spec = baseSpec(HttpMethod::Post, QStringLiteral("/contacts/upsert"), RequestKind::Upsert);
    spec.setJsonBody(body);
    return spec;
}

Result<HttpRequestSpec> HighLevelProvider::lookupRequest(const Contact& contact) const
{
    // `POST /contacts/search` with an `eq` filter on the upsert's first key.
    const QString location = options().value(locationIdOption());
    if (location.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the HighLevel account has no location_id option"));
    const bool byEmail = !contact.value(Field::Email).isEmpty();
    const QString value = contact.value(byEmail ? Field::Email : Field::Phone);
    if (value.isEmpty())
        return fail(ErrorCode::MissingIdentifier, QStringLiteral("HighLevel needs an email or a phone number"));
    const QJsonObject filter {{QStringLiteral("field"), byEmail ? QStringLiteral("email") : QStringLiteral("phone")},
                              {QStringLiteral("operator"), QStringLiteral("eq")},
                              {QStringLiteral("value"), value}};
    HttpRequestSpec spec = baseSpec(HttpMethod::Post, QStringLiteral("/contacts/search"), RequestKind::Get);
    spec.setJsonBody(QJsonObject {{QLatin1String("locationId"), location},
                                  {QLatin1String("pageLimit"), 20},
                                  {QLatin1String("page"), 1},
                                  {QLatin1String("filters"), QJsonArray {filter}}});
    return spec;
}

Result<std::optional<RemoteRecord>> HighLevelProvider::parseLookupReply(const Contact& contact,
                                                                        const HttpResponse& response) const
{
    auto rows = listRows(response, {QLatin1String("contacts")}, nullptr);
    if (!rows)
        return std::unexpected(rows.error());
    QList<RemoteRecord> records;
    for (const QJsonValue& row : std::as_const(*rows))
        records << readRecord(row.toObject());
    if (!contact.value(Field::Email).isEmpty())
        return recordWithKeyOf(contact, records);
    const QString phone = contact.value(Field::Phone);
    for (const RemoteRecord& record : std::as_const(records)) {
        if (!record.remoteId.isEmpty() && record.patch.value(Field::Phone) == phone)
            return std::optional<RemoteRecord>(record);
    }
    return std::optional<RemoteRecord>();
}

QList<Field> HighLevelProvider::fieldsReadBack() const
{
    // Plain text fields; the email is an identity, the owner, source, timezone, birth date and gender may be
    // refused or rewritten by the CRM and so are not taken as cleared when missing.
    return {Field::FirstName, Field::LastName, Field::Phone, Field::CompanyName, Field::Website,
            Field::Address1,  Field::City,     Field::State, Field::PostalCode,  Field::Country};
}

QList<Field> HighLevelProvider::fieldsClearedByRead() const
{
    // Search rows carry `address`, not `address1` (PROVIDERS.md §7): address1 is never taken as cleared.
    QList<Field> fields = fieldsReadBack();
    fields.removeAll(Field::Address1);
    return fields;
}

RemoteRecord HighLevelProvider::readRecord(const QJsonObject& contact) const
{
    RemoteRecord record;
    record.remoteId = JsonReader::firstText(contact, {QLatin1String("id"), QLatin1String("_id")});
    for (const WireName& w : kWire)
        readText(record.patch, w.first, contact, w.second);
    if (const auto dnd = JsonReader::boolean(contact.value(QLatin1String("dnd"))))
        record.patch.set(Field::DoNotContact, JsonReader::booleanText(*dnd));
    if (contact.value(QLatin1String("tags")).isArray())
        record.patch.setTags(JsonReader::stringList(contact.value(QLatin1String("tags"))), TagMode::Replace);
    for (const QJsonValue& item : contact.value(QLatin1String("customFields")).toArray()) {
        const QJsonObject o = item.toObject();
        const QString id = JsonReader::text(o.value(QLatin1String("id")));
        QString key;
        if (const RemoteFieldDefinition* d = RemoteFieldDefinition::byRemoteId(options().customFields, id))
            key = d->key;
        else
            key = localCustomKey(id.isEmpty() ? JsonReader::text(o.value(QLatin1String("key"))) : id);
        QString value = JsonReader::text(o.value(QLatin1String("value")));
        if (value.isEmpty())
            value = JsonReader::firstText(o, {QLatin1String("field_value"), QLatin1String("fieldValue")});
        if (!key.isEmpty() && !value.isEmpty())
            record.patch.setCustom(key, value);
    }
    record.updatedAt = JsonReader::dateTime(contact.value(QLatin1String("dateUpdated")));
    record.searchAfter = contact.value(QLatin1String("searchAfter")).toArray();
    return record;
}

Result<UpsertOutcome> HighLevelProvider::parseUpsertReply(const HttpResponse& response) const
{
    auto root = successObject(response);
    if (!root)
        return std::unexpected(root.error());
    UpsertOutcome outcome;
    outcome.record = readRecord(root->value(QLatin1String("contact")).toObject());
    outcome.remoteId = outcome.record.remoteId;
    if (outcome.remoteId.isEmpty())
        return fail(ErrorCode::ParseError, QStringLiteral("HighLevel upsert reply has no contact id"));
    if (const auto isNew = JsonReader::boolean(root->value(QLatin1String("new"))))
        outcome.disposition = *isNew ? UpsertDisposition::Created : UpsertDisposition::Updated;
    return outcome;
}

Result<HttpRequestSpec> HighLevelProvider::listRequest(const ListQuery& query) const
{
    const QString location = options().value(locationIdOption());
    if (location.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the HighLevel account has no location_id option"));
    QJsonObject body {{QLatin1String("locationId"), location},
                      {QLatin1String("pageLimit"), std::clamp(query.pageSize, 1, kMaxPageSize)}};
    if (!query.token.searchAfter.isEmpty())
        body.insert(QLatin1String("searchAfter"), query.token.searchAfter);
    else
        body.insert(QLatin1String("page"), query.token.page);
    if (query.updatedSince.isValid()) {
        const QJsonObject range {{QStringLiteral("gt"), query.updatedSince.toUTC().toString(Qt::ISODateWithMs)}};
        body.insert(QLatin1String("filters"),
                    QJsonArray {QJsonObject {{QStringLiteral("field"), QStringLiteral("dateUpdated")},
                                             {QStringLiteral("operator"), QStringLiteral("range")},
                                             {QStringLiteral("value"), range}}});
        body.insert(QLatin1String("sort"),
                    QJsonArray {QJsonObject {{QStringLiteral("field"), QStringLiteral("dateUpdated")},
                                             {QStringLiteral("direction"), QStringLiteral("asc")}}});
    }
    HttpRequestSpec spec = baseSpec(HttpMethod::Post, QStringLiteral("/contacts/search"), RequestKind::List);
    spec.setJsonBody(body);
    return spec;
}

Result<RemotePage> HighLevelProvider::parseListReply(const ListQuery& query, const HttpResponse& response) const
{
    QJsonObject root;
    auto listed = listRows(response, {QLatin1String("contacts")}, &root);
    if (!listed)
        return std::unexpected(listed.error());
    const QJsonArray rows = *listed;
    RemotePage page;
    for (const QJsonValue& row : rows) {
        if (row.isObject())
            page.records << readRecord(row.toObject());
    }
    if (root.value(QLatin1String("total")).isDouble())
        page.total = static_cast<qint64>(root.value(QLatin1String("total")).toDouble());

    const int limit = std::clamp(query.pageSize, 1, kMaxPageSize);
    if (rows.size() < limit)
        return page;
    const bool byPage = query.token.searchAfter.isEmpty();
    if (byPage && page.total >= 0 && qint64(query.token.page) * limit >= page.total)
        return page;
    PageToken next;
    if (byPage && qint64(query.token.page + 1) * limit <= kMaxPagedRecords) {
        next.page = query.token.page + 1;
    } else {
        // Page numbers stop at 10,000 records: from here the last contact's cursor leads.
        next.searchAfter = page.records.isEmpty() ? QJsonArray() : page.records.constLast().searchAfter;
        next.page = query.token.page + 1;
        if (next.searchAfter.isEmpty())
            return fail(ErrorCode::ParseError,
                        QStringLiteral("HighLevel search page has no searchAfter cursor to go past %1 records")
                            .arg(kMaxPagedRecords));
    }
    page.next = next;
    return page;
}

HttpRequestSpec HighLevelProvider::getRequest(const QString& remoteId) const
{
    return baseSpec(HttpMethod::Get, QStringLiteral("/contacts/") + segment(remoteId), RequestKind::Get);
}

Result<RemoteRecord> HighLevelProvider::parseGetReply(const HttpResponse& response) const
{
    auto root = successObject(response);
    if (!root)
        return std::unexpected(root.error());
    const QJsonValue inner = root->value(QLatin1String("contact"));
    RemoteRecord record = readRecord(inner.isObject() ? inner.toObject() : *root);
    if (record.remoteId.isEmpty())
        return fail(ErrorCode::ParseError, QStringLiteral("HighLevel contact has no id"));
    return record;
}

HttpRequestSpec HighLevelProvider::deleteRequest(const QString& remoteId) const
{
    return baseSpec(HttpMethod::Delete, QStringLiteral("/contacts/") + segment(remoteId), RequestKind::Delete);
}

Result<void> HighLevelProvider::parseDeleteReply(const HttpResponse& response) const
{
    if (!response.isSuccess())
        return std::unexpected(parseError(response));
    // `succeded` (sic) in the reference; both spellings are read.
    const QJsonObject root = JsonReader::object(response.body).value_or(QJsonObject());
    for (QLatin1String key : {QLatin1String("succeded"), QLatin1String("succeeded")}) {
        const auto ok = JsonReader::boolean(root.value(key));
        if (ok && !*ok)
            return fail(ErrorCode::HttpError, QStringLiteral("HighLevel did not delete the contact"));
    }
    return {};
}

Result<HttpRequestSpec> HighLevelProvider::fieldDefinitionsRequest() const
{
    const QString location = options().value(locationIdOption());
    if (location.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the HighLevel account has no location_id option"));
    HttpRequestSpec spec
        = baseSpec(HttpMethod::Get, QStringLiteral("/locations/") + segment(location) + QStringLiteral("/customFields"),
                   RequestKind::FieldDefinitions);
    spec.query.addQueryItem(QStringLiteral("model"), QStringLiteral("contact"));
    return spec;
}

Result<QList<RemoteFieldDefinition>> HighLevelProvider::parseFieldDefinitionsReply(const HttpResponse& response) const
{
    auto root = successObject(response);
    if (!root)
        return std::unexpected(root.error());
    QList<RemoteFieldDefinition> list;
    for (const QJsonValue& row : root->value(QLatin1String("customFields")).toArray()) {
        const QJsonObject o = row.toObject();
        RemoteFieldDefinition d;
        d.remoteId = JsonReader::text(o.value(QLatin1String("id")));
        d.label = JsonReader::text(o.value(QLatin1String("name")));
        d.type = JsonReader::text(o.value(QLatin1String("dataType")));
        d.multiple = isMultipleChoice(d.type);
        for (const QString& option : JsonReader::stringList(o.value(QLatin1String("picklistOptions"))))
            d.options << RemoteFieldDefinition::Option {option, option};
        QString fieldKey = JsonReader::text(o.value(QLatin1String("fieldKey")));
        if (fieldKey.startsWith(kFieldKeyPrefix))
            fieldKey = fieldKey.mid(kFieldKeyPrefix.size());
        d.remoteKey = fieldKey;
        d.key = FieldRegistry::isValidCustomKey(fieldKey) ? fieldKey : RemoteFieldDefinition::keyFromName(d.label);
        if (d.remoteId.isEmpty() || d.key.isEmpty())
            continue;
        list << d;
    }
    return list;
}

Error HighLevelProvider::parseError(const HttpResponse& response) const
{
    const RemoteError remote = RemoteError::parse(response);
    ErrorCode code = RemoteError::codeForStatus(response.status);
    // The official reference lists 400 and 422, not 404, on the routes by id: an unknown or deleted contact
    // is a 400 "Contact not found" there (not "Custom field ... not found").
    static const QRegularExpression contactNotFound(QStringLiteral("\\bcontact\\b[^;]*\\bnot found\\b"),
                                                    QRegularExpression::CaseInsensitiveOption);
    if ((response.status == 400 || response.status == 422) && contactNotFound.match(remote.message).hasMatch())
        code = ErrorCode::ContactNotFound;
    return Error {code, {}, QStringLiteral("HighLevel ") + remote.summary()};
}

} // namespace roster
