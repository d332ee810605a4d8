#include "LemlistProvider.h"

#include "LemlistExportReader.h"
#include "sync/JsonReader.h"
#include "sync/RemoteError.h"

#include <QJsonArray>

#include <array>
#include <utility>

namespace roster {

namespace {

using WireName = std::pair<Field, QLatin1String>;

// design.md's field-name table, lemlist column. do_not_contact (`unsubscribed`) is read only.
constexpr std::array kWire {
    WireName {Field::FirstName, QLatin1String("firstName")},
    WireName {Field::LastName, QLatin1String("lastName")},
    WireName {Field::Email, QLatin1String("email")},
    WireName {Field::Phone, QLatin1String("phone")},
    WireName {Field::LinkedinUrl, QLatin1String("linkedinUrl")},
    WireName {Field::SalesNavUrl, QLatin1String("linkedinUrlSalesNav")},
    WireName {Field::JobTitle, QLatin1String("jobTitle")},
    WireName {Field::JobDescription, QLatin1String("jobDescription")},
    WireName {Field::Headline, QLatin1String("tagline")},
    WireName {Field::Summary, QLatin1String("summary")},
    WireName {Field::CompanyDomain, QLatin1String("companyDomain")},
    WireName {Field::CompanyLinkedinUrl, QLatin1String("companyLinkedinUrl")},
    WireName {Field::Location, QLatin1String("location")},
    WireName {Field::Timezone, QLatin1String("timezone")},
    WireName {Field::Industry, QLatin1String("industry")},
    WireName {Field::Languages, QLatin1String("languages")},
    WireName {Field::Skills, QLatin1String("skills")},
    WireName {Field::PictureUrl, QLatin1String("picture")},
    WireName {Field::Owner, QLatin1String("contactOwner")},
    WireName {Field::Source, QLatin1String("source")},
};

// Keys of the contact object that are never custom fields, whether top level or inside `fields`.
bool isReservedKey(const QString& key)
{
    static const QStringList reserved {
        QStringLiteral("contactId"),
        QStringLiteral("companyId"),
        QStringLiteral("additionalEmails"),
        QStringLiteral("emails"),
        QStringLiteral("linkedInUrl"),
        QStringLiteral("fullName"),
        QStringLiteral("companyName"),
        QStringLiteral("ownerId"),
        QStringLiteral("unsubscribed"),
        QStringLiteral("_id"),
        QStringLiteral("id"),
        QStringLiteral("teamId"),
        QStringLiteral("createdAt"),
        QStringLiteral("createdBy"),
        QStringLiteral("updatedAt"),
        QStringLiteral("campaigns"),
        QStringLiteral("fieldRejections"),
        QStringLiteral("created"),
        QStringLiteral("updated"),
        QStringLiteral("companyLinked"),
        QStringLiteral("success"),
    };
    // Values lemlist computes for a contact and shows inside `fields` (PROVIDERS.md §7, the OpenAPI's read
    // examples): not the user's custom fields, and an upsert naming them is refused (400 INVALID_FIELD).
    static const QStringList computed {
        QStringLiteral("isActiveInCampaigns"),
        QStringLiteral("lastCampaign"),
        QStringLiteral("lastLeadMarkedAsInterestedDate"),
        QStringLiteral("leadStatus"),
    };
    if (reserved.contains(key) || computed.contains(key))
        return true;
    for (const WireName& w : kWire) {
        if (w.second == key)
            return true;
    }
    return false;
}

ErrorCode codeFor(const QString& remoteCode, int status, QString* field)
{
    if (remoteCode == QLatin1String("MISSING_IDENTIFIER"))
        return ErrorCode::MissingIdentifier;
    // A stale or malformed contactId: the sync job drops the link and upserts by natural key again.
    if (remoteCode == QLatin1String("INVALID_CONTACT_ID") || remoteCode == QLatin1String("CONTACT_NOT_FOUND_BY_ID")
        || remoteCode == QLatin1String("CONTACT_NOT_FOUND"))
        return ErrorCode::ContactNotFound;
    if (remoteCode == QLatin1String("INVALID_EMAIL")) {
        *field = QStringLiteral("email");
        return ErrorCode::InvalidEmail;
    }
    if (remoteCode == QLatin1String("INVALID_ADDITIONAL_EMAILS")) {
        *field = QStringLiteral("extra_emails");
        return ErrorCode::InvalidExtraEmail;
    }
    if (remoteCode == QLatin1String("INVALID_LINKEDIN_URL")) {
        *field = QStringLiteral("linkedin_url");
        return ErrorCode::InvalidLinkedinUrl;
    }
    if (remoteCode == QLatin1String("INVALID_FIELD"))
        return ErrorCode::UnknownCustomField;
    if (remoteCode == QLatin1String("CONTACT_VALIDATION_FAILED"))
        return ErrorCode::RemoteValidation;
    // CONTACT_DELETE_BLOCKED (409, enrichment running) is transient: not the caller's data at fault.
    if (remoteCode == QLatin1String("CONTACT_DELETE_BLOCKED"))
        return ErrorCode::HttpError;
    return RemoteError::codeForStatus(status);
}

QJsonObject unwrapData(const QJsonObject& root)
{
    const QJsonValue data = root.value(QLatin1String("data"));
    return data.isObject() ? data.toObject() : root;
}

} // namespace

LemlistProvider::LemlistProvider(ProviderOptions options)
    : Provider(std::move(options))
{
}

ProviderProfile LemlistProvider::profile() const
{
    ProviderProfile p;
    p.name = QStringLiteral("lemlist");
    p.displayName = QStringLiteral("lemlist");
    p.defaultBaseUrl = QUrl(QStringLiteral("https://api.lemlist.com/api"));
    p.auth = AuthScheme::BasicKeyAsPassword;
    p.rateLimits = {RateLimit {20, std::chrono::seconds(2)}};
    return p;
}

Result<void> LemlistProvider::validateForPush(const Contact& contact) const
{
    if (contact.value(Field::Email).isEmpty() && contact.value(Field::LinkedinUrl).isEmpty()
        && contact.value(Field::SalesNavUrl).isEmpty())
        return fail(ErrorCode::MissingIdentifier,
                    QStringLiteral("lemlist needs an email, a LinkedIn URL or a Sales Navigator URL"));
    return {};
}

Result<HttpRequestSpec> LemlistProvider::upsertRequest(const Contact& contact, const QString& remoteId) const
{
    HttpRequestSpec spec;
    spec.method = HttpMethod::Post;
    spec.path = QStringLiteral("/contacts");
    spec.kind = RequestKind::Upsert;
    QJsonObject body;
    if (!remoteId.isEmpty())
        body.insert(QLatin1String("contactId"), remoteId);
    for (const WireName& w : kWire)
        putText(body, w.second, contact, w.first);
    if (!contact.extraEmails.isEmpty())
        body.insert(QLatin1String("additionalEmails"), QJsonArray::fromStringList(contact.extraEmails));
    for (auto it = contact.custom.begin(); it != contact.custom.end(); ++it) {
        if (it.value().isEmpty())
            continue;
        const QString key = remoteCustomKey(it.key());
        if (isReservedKey(key)) {
            // A custom key spelled like a standard one would overwrite it on the server.
            spec.warnings << Error {ErrorCode::FieldIgnored, FieldRegistry::customPrefix() + it.key(),
                                    QStringLiteral("lemlist reserves the key '%1'").arg(key)};
            continue;
        }
        body.insert(key, it.value());
    }
    spec.setJsonBody(body);
    return spec;
}

QList<Field> LemlistProvider::fieldsReadBack() const
{
    // The "fields" of a lead; the company references (companyDomain, companyLinkedinUrl) only link a company
    // and the owner, source and emails are identities or not read back as sent.
    return {Field::FirstName, Field::LastName, Field::Phone,     Field::JobTitle, Field::JobDescription,
            Field::Headline,  Field::Summary,  Field::Location,  Field::Timezone, Field::Industry,
            Field::Languages, Field::Skills,   Field::PictureUrl};
}

RemoteRecord LemlistProvider::readRecord(const QJsonObject& object) const
{
    RemoteRecord record;
    record.remoteId = JsonReader::firstText(object, {QLatin1String("_id"), QLatin1String("id")});
    const QJsonObject fields = object.value(QLatin1String("fields")).toObject();
    for (const WireName& w : kWire) {
        if (w.first == Field::Email || w.first == Field::Owner)
            continue;
        // Reads keep the lead's fields in `fields`, the upsert reply some at the top level.
        if (!JsonReader::text(object.value(w.second)).isEmpty() || !fields.contains(w.second))
            readText(record.patch, w.first, object, w.second);
        else
            readText(record.patch, w.first, fields, w.second);
    }
    if (!record.patch.has(Field::LinkedinUrl))
        setText(record.patch, Field::LinkedinUrl, JsonReader::text(fields.value(QLatin1String("linkedInUrl"))));

    QStringList emails = JsonReader::stringList(object.value(QLatin1String("emails")));
    QString email = JsonReader::firstText(object, {QLatin1String("email")});
    if (email.isEmpty())
        email = JsonReader::firstText(fields, {QLatin1String("email")});
    if (email.isEmpty() && !emails.isEmpty())
        email = emails.constFirst();
    setText(record.patch, Field::Email, email);
    emails.removeAll(email);
    for (const QString& extra : JsonReader::stringList(object.value(QLatin1String("additionalEmails")))) {
        if (!emails.contains(extra) && extra != email)
            emails << extra;
    }
    if (!emails.isEmpty())
        record.patch.setExtraEmails(emails);

    setText(record.patch, Field::Owner,
            JsonReader::firstText(object, {QLatin1String("contactOwner"), QLatin1String("ownerId")}));
    if (const auto unsubscribed = JsonReader::boolean(object.value(QLatin1String("unsubscribed"))))
        record.patch.set(Field::DoNotContact, JsonReader::booleanText(*unsubscribed));

    const bool onlyDefined = !options().customFields.isEmpty();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (isReservedKey(it.key()))
            continue;
        const RemoteFieldDefinition* d = RemoteFieldDefinition::byRemoteKey(options().customFields, it.key());
        if (onlyDefined && !d)
            continue;
        const QString key = d ? d->key : localCustomKey(it.key());
        const QString value = JsonReader::text(it.value());
        if (!key.isEmpty() && !value.isEmpty())
            record.patch.setCustom(key, value);
    }
    record.updatedAt = JsonReader::dateTime(object.value(QLatin1String("updatedAt")));
    return record;
}

Result<UpsertOutcome> LemlistProvider::parseUpsertReply(const HttpResponse& response) const
{
    auto root = successObject(response);
    if (!root)
        return std::unexpected(root.error());
    const QJsonObject data = unwrapData(*root);
    UpsertOutcome outcome;
    outcome.record = readRecord(data);
    outcome.remoteId = outcome.record.remoteId;
    if (outcome.remoteId.isEmpty())
        return fail(ErrorCode::ParseError, QStringLiteral("lemlist upsert reply has no contact id"));
    const auto created = JsonReader::boolean(data.value(QLatin1String("created")));
    if (created)
        outcome.disposition = *created ? UpsertDisposition::Created : UpsertDisposition::Updated;
    else
        outcome.disposition = response.status == 201 ? UpsertDisposition::Created : UpsertDisposition::Updated;
    for (const QJsonValue& w : root->value(QLatin1String("warnings")).toArray()) {
        const QJsonObject o = w.toObject();
        outcome.warnings << Error {ErrorCode::CompanyNotFound,
                                   {},
                                   QStringLiteral("lemlist ") + JsonReader::text(o.value(QLatin1String("code")))
                                       + QStringLiteral(": ") + JsonReader::text(o.value(QLatin1String("message")))};
    }
    return outcome;
}

Result<HttpRequestSpec> LemlistProvider::listRequest(const ListQuery& query) const
{
    HttpRequestSpec spec;
    spec.method = HttpMethod::Get;
    spec.path = QStringLiteral("/contacts");
    spec.kind = RequestKind::List;
    const int limit = std::clamp(query.pageSize, 1, kMaxPageSize);
    spec.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    spec.query.addQueryItem(QStringLiteral("offset"), QString::number(query.token.offset));
    return spec;
}

Result<RemotePage> LemlistProvider::parseListReply(const ListQuery& query, const HttpResponse& response) const
{
    QJsonObject root;
    auto listed = listRows(response, {QLatin1String("data"), QLatin1String("contacts")}, &root);
    if (!listed)
        return std::unexpected(listed.error());
    const QJsonArray rows = *listed;
    RemotePage page;
    if (root.value(QLatin1String("total")).isDouble())
        page.total = static_cast<qint64>(root.value(QLatin1String("total")).toDouble());
    for (const QJsonValue& row : std::as_const(rows)) {
        if (row.isObject())
            page.records << readRecord(row.toObject());
    }
    // The server may cap the limit below what was asked (the docs say 100, the OpenAPI 500): a page as
    // long as the limit it reports is not the last.
    int limit = std::clamp(query.pageSize, 1, kMaxPageSize);
    if (const int served = root.value(QLatin1String("limit")).toInt(); served > 0 && served < limit)
        limit = served;
    const qint64 nextOffset = query.token.offset + rows.size();
    const bool shortPage = rows.size() < limit;
    const bool pastTotal = page.total >= 0 && nextOffset >= page.total;
    if (!shortPage && !pastTotal) {
        PageToken next;
        next.offset = nextOffset;
        page.next = next;
    }
    return page;
}

qint64 LemlistProvider::exportThreshold() const
{
    const QString value = options().value(bulkExportOption()).trimmed().toLower();
    if (value == QLatin1String("never") || value == QLatin1String("off"))
        return -1;
    if (value == QLatin1String("always"))
        return 0;
    bool ok = false;
    if (const qint64 threshold = value.toLongLong(&ok); ok && threshold >= 0)
        return threshold;
    return kExportThreshold;
}

Result<HttpRequestSpec> LemlistProvider::exportRequest() const
{
    // PROVIDERS.md §1: streams text/csv, custom fields as columns.
    HttpRequestSpec spec;
    spec.method = HttpMethod::Get;
    spec.path = QStringLiteral("/contacts/export");
    spec.query.addQueryItem(QStringLiteral("listId"), QStringLiteral("all"));
    spec.query.addQueryItem(QStringLiteral("entity"), QStringLiteral("contact"));
    spec.headers << HttpHeader {QByteArrayLiteral("Accept"), QByteArrayLiteral("text/csv")};
    spec.kind = RequestKind::List;
    spec.timeout = std::chrono::minutes(5);
    spec.maxReplyBytes = kMaxExportBytes;
    return spec;
}

Result<std::unique_ptr<RemoteExportReader>> LemlistProvider::openExport(const HttpResponse& response) const
{
    if (!response.isSuccess())
        return std::unexpected(parseError(response));
    const QByteArray type = response.header("Content-Type").toLower();
    const QByteArray start = response.body.left(64).trimmed();
    const bool csv = type.contains("csv");
    const bool other = type.contains("json") || type.contains("html") || type.contains("xml") || start.startsWith('{')
        || start.startsWith('[') || start.startsWith('<');
    if (!csv && other)
        return fail(ErrorCode::ParseError,
                    QStringLiteral("lemlist export answered %1 with %2, not CSV")
                        .arg(response.status)
                        .arg(type.isEmpty() ? QStringLiteral("no content type") : QString::fromLatin1(type)));
    auto reader = LemlistExportReader::open(*this, response.body);
    if (!reader)
        return std::unexpected(reader.error());
    return std::unique_ptr<RemoteExportReader>(std::move(*reader));
}

Result<HttpRequestSpec> LemlistProvider::lookupRequest(const Contact& contact) const
{
    // `GET /contacts/{idOrEmail}` by the email. Without one the upsert matches the LinkedIn URLs, which no
    // lookup of the contract takes.
    const QString email = contact.value(Field::Email);
    if (email.isEmpty())
        return Provider::lookupRequest(contact);
    return getRequest(email);
}

Result<std::optional<RemoteRecord>> LemlistProvider::parseLookupReply(const Contact& contact,
                                                                      const HttpResponse& response) const
{
    if (response.status == 404)
        return std::optional<RemoteRecord>();
    auto record = parseGetReply(response);
    if (!record) {
        if (record.error().code == ErrorCode::ContactNotFound)
            return std::optional<RemoteRecord>();
        return std::unexpected(record.error());
    }
    return recordWithKeyOf(contact, {*record});
}

HttpRequestSpec LemlistProvider::getRequest(const QString& remoteId) const
{
    HttpRequestSpec spec;
    spec.path = QStringLiteral("/contacts/") + segment(remoteId);
    spec.kind = RequestKind::Get;
    return spec;
}

Result<RemoteRecord> LemlistProvider::parseGetReply(const HttpResponse& response) const
{
    auto root = successObject(response);
    if (!root)
        return std::unexpected(root.error());
    RemoteRecord record = readRecord(unwrapData(*root));
    if (record.remoteId.isEmpty())
        return fail(ErrorCode::ParseError, QStringLiteral("lemlist contact has no id"));
    return record;
}

HttpRequestSpec LemlistProvider::deleteRequest(const QString& remoteId) const
{
    HttpRequestSpec spec;
    spec.method = HttpMethod::Delete;
    spec.path = QStringLiteral("/contacts/") + segment(remoteId);
    spec.kind = RequestKind::Delete;
    return spec;
}

Result<HttpRequestSpec> LemlistProvider::fieldDefinitionsRequest() const
{
    HttpRequestSpec spec;
    spec.path = QStringLiteral("/fields");
    spec.query.addQueryItem(QStringLiteral("entity"), QStringLiteral("contact"));
    spec.kind = RequestKind::FieldDefinitions;
    return spec;
}

Result<QList<RemoteFieldDefinition>> LemlistProvider::parseFieldDefinitionsReply(const HttpResponse& response) const
{
    auto root = successObject(response);
    if (!root)
        return std::unexpected(root.error());
    const QJsonValue data = root->value(QLatin1String("data"));
    const QJsonArray rows
        = data.isObject() ? data.toObject().value(QLatin1String("contact")).toArray() : data.toArray();
    QList<RemoteFieldDefinition> list;
    for (const QJsonValue& row : rows) {
        const QJsonObject o = row.toObject();
        const QString name = JsonReader::text(o.value(QLatin1String("name")));
        // Built-in fields (firstName, ...) are listed too, with source "default"; "crm_synced" ones (leadStatus
        // from HubSpot's hs_lead_status) are written by lemlist's CRM integration and refused on an upsert.
        const QString source = JsonReader::text(o.value(QLatin1String("source")));
        if (name.isEmpty() || source == QLatin1String("default") || source == QLatin1String("crm_synced")
            || isReservedKey(name))
            continue;
        RemoteFieldDefinition d;
        d.remoteKey = name;
        d.key = FieldRegistry::isValidCustomKey(name) ? name : RemoteFieldDefinition::keyFromName(name);
        d.label = JsonReader::text(o.value(QLatin1String("label")));
        d.type = JsonReader::text(o.value(QLatin1String("type")));
        list << d;
    }
    return list;
}

Error LemlistProvider::parseError(const HttpResponse& response) const
{
    const RemoteError remote = RemoteError::parse(response);
    QString field;
    const ErrorCode code = codeFor(remote.code, response.status, &field);
    return Error {code, field, QStringLiteral("lemlist ") + remote.summary()};
}

} // namespace roster
