#include "MonacoProvider.h"

#include "sync/JsonReader.h"
#include "sync/RemoteError.h"

#include <QJsonArray>

#include <algorithm>
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

// Why Monaco would refuse `name` as a tag name (TagCreateRequest: 1 to 100 characters matching
// ^[a-zA-Z0-9\s]+$); empty when it takes it. Said before any request, so the user learns what to rename.
QString tagNameProblem(const QString& name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("Monaco tag names cannot be blank");
    if (name.size() > MonacoProvider::kMaxTagName)
        return QStringLiteral("Monaco tag names take at most %1 characters").arg(MonacoProvider::kMaxTagName);
    for (const QChar c : name) {
        const bool fits
            = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c.isSpace();
        if (!fits)
            return QStringLiteral("Monaco tag names take letters, numbers and spaces only");
    }
    return {};
}

// Only enum and select fields are choices on write: a date field's allowed_values are periods for filters.
bool isChoiceType(const QString& type)
{
    return type.compare(QLatin1String("enum"), Qt::CaseInsensitive) == 0
        || type.compare(QLatin1String("select"), Qt::CaseInsensitive) == 0;
}

// Beside values (plain, or {value, reasoning, ...} with include_reasoning) a contact carries keys such as
// `custom_field_explanations`, an object of reasonings that is no field of its own.
bool isCustomValue(const QJsonValue& value)
{
    if (value.isObject())
        return value.toObject().contains(QLatin1String("value"));
    if (value.isArray()) {
        const QJsonArray items = value.toArray();
        return std::none_of(items.begin(), items.end(),
                            [](const QJsonValue& item) { return item.isObject() || item.isArray(); });
    }
    return true;
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
        if (!id.isEmpty()) {
            if (!ids.contains(id)) // two local spellings of one remote tag
                ids << id;
        } else if (tagIdFor(options().unavailableTags, tag).isEmpty()) {
            // Tags the run already reported once, with why, go unsaid here.
            unknown << tag;
        }
    }
    if (!ids.isEmpty())
        body.insert(QLatin1String("tags"), QJsonArray::fromStringList(ids));
    // The rest is sent without them, and the user told which.
    if (!unknown.isEmpty())
        spec.warnings << Error {ErrorCode::TagsIgnored, FieldRegistry::tagsName(),
                                QStringLiteral("not in Monaco and could not be created there, not sent: ")
                                    + unknown.join(QStringLiteral(", "))};

    for (auto it = contact.custom.begin(); it != contact.custom.end(); ++it) {
        if (it.value().isEmpty())
            continue;
        const RemoteFieldDefinition* d = RemoteFieldDefinition::byKey(options().customFields, it.key());
        const QString key = d && !d->remoteKey.isEmpty() ? d->remoteKey : customPrefix() + it.key();
        QString value = it.value();
        if (d && !d->options.isEmpty()) {
            // Monaco takes an option's key, never its label, and refuses the whole contact for a value
            // that is neither: that one value stays here, said on the contact.
            const RemoteFieldDefinition::Option* option = d->option(value);
            if (!option) {
                QStringList labels;
                for (const RemoteFieldDefinition::Option& o : d->options)
                    labels << o.label;
                spec.warnings << Error {
                    ErrorCode::InvalidCustomFieldValue, FieldRegistry::customPrefix() + it.key(),
                    QStringLiteral("\"%1\" is not an option of Monaco's field %2 (%3), not sent")
                        .arg(value, d->label.isEmpty() ? d->remoteKey : d->label, labels.join(QStringLiteral(", ")))};
                continue;
            }
            value = option->key;
        }
        body.insert(key, value);
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
        if (!isCustomValue(it.value()))
            continue;
        QString key;
        const RemoteFieldDefinition* d = RemoteFieldDefinition::byRemoteKey(options().customFields, it.key());
        if (d)
            key = d->key;
        else
            key = localCustomKey(it.key().mid(customPrefix().size()));
        QString value = JsonReader::text(it.value()); // {value, reasoning, ...} with include_reasoning
        // An option is kept as its label, what people read and type; the push sends its key again, so
        // "High" here and "high" there are one value and no change on either side.
        if (d && !d->options.isEmpty()) {
            const auto byKey = std::find_if(d->options.cbegin(), d->options.cend(),
                                            [&](const RemoteFieldDefinition::Option& o) { return o.key == value; });
            if (byKey != d->options.cend())
                value = byKey->label;
            else if (const RemoteFieldDefinition::Option* option = d->option(value))
                value = option->label;
        }
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
        if (isChoiceType(d.type)) {
            const QJsonArray allowed = o.value(QLatin1String("enum_field_settings"))
                                           .toObject()
                                           .value(QLatin1String("allowed_values"))
                                           .toArray();
            for (const QJsonValue& value : allowed) {
                const QJsonObject option = value.toObject();
                const QString optionKey = JsonReader::text(option.value(QLatin1String("key")));
                const QString label = JsonReader::text(option.value(QLatin1String("display_value")));
                if (!optionKey.isEmpty())
                    d.options << RemoteFieldDefinition::Option {optionKey, label.isEmpty() ? optionKey : label};
            }
        }
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
    // Required: tags are kept per object type.
    spec.query.addQueryItem(QStringLiteral("object"), QStringLiteral("contacts"));
    spec.kind = RequestKind::FieldDefinitions;
    return spec;
}

Result<HttpRequestSpec> MonacoProvider::createTagRequest(const QString& name) const
{
    if (const QString problem = tagNameProblem(name); !problem.isEmpty())
        return fail(ErrorCode::InvalidArgument, problem, FieldRegistry::tagsName());
    HttpRequestSpec spec;
    spec.method = HttpMethod::Post;
    spec.path = QStringLiteral("/v1/tags/");
    spec.kind = RequestKind::Other;
    // Names are unique per object type: a repeat answers 409, which the caller settles by listing again.
    spec.idempotent = false;
    spec.setJsonBody(
        QJsonObject {{QLatin1String("object"), QStringLiteral("contacts")}, {QLatin1String("name"), name}});
    return spec;
}

Result<QString> MonacoProvider::parseCreateTagReply(const HttpResponse& response) const
{
    auto root = successObject(response);
    if (!root)
        return std::unexpected(root.error());
    const QString id = JsonReader::text(root->value(QLatin1String("data")).toObject().value(QLatin1String("id")));
    if (id.isEmpty())
        return fail(ErrorCode::ParseError, QStringLiteral("Monaco tag reply has no id"));
    return id;
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
