#include "GetSalesProvider.h"

#include "sync/JsonReader.h"
#include "sync/RemoteError.h"

#include <QJsonArray>

#include <array>
#include <utility>

namespace roster {

namespace {

using WireName = std::pair<Field, QLatin1String>;

// design.md's field-name table, GetSales column (inside `lead`). Email, LinkedIn and Sales Navigator are
// handled apart: they are read back under other names or in another form.
constexpr std::array kWire {
    WireName {Field::FirstName, QLatin1String("first_name")},
    WireName {Field::LastName, QLatin1String("last_name")},
    WireName {Field::JobTitle, QLatin1String("position")},
    WireName {Field::Headline, QLatin1String("headline")},
    WireName {Field::Summary, QLatin1String("about")},
    WireName {Field::CompanyName, QLatin1String("company_name")},
    WireName {Field::CompanyDomain, QLatin1String("domain")},
    WireName {Field::Location, QLatin1String("raw_address")},
};

const QString kLinkedinPrefix = QStringLiteral("https://www.linkedin.com/in/");
const QString kSalesNavPrefix = QStringLiteral("https://www.linkedin.com/sales/lead/");

// GetSales stores profile slugs and Sales Navigator ids; the store keeps URLs.
QString asUrl(const QString& value, const QString& prefix)
{
    if (value.isEmpty() || value.contains(QLatin1String("linkedin.com")))
        return value;
    return prefix + value;
}

QString salesNavId(const QString& url)
{
    if (!url.contains(QLatin1String("linkedin.com")))
        return url;
    QString path = QUrl(url).path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    QString id = path.section(QLatin1Char('/'), -1);
    return id.section(QLatin1Char(','), 0, 0);
}

QString fieldForWireKey(const QString& key)
{
    const QString bare = key.startsWith(QLatin1String("lead.")) ? key.mid(5) : key;
    if (bare == QLatin1String("email"))
        return QStringLiteral("email");
    if (bare == QLatin1String("linkedin_id") || bare == QLatin1String("linkedin"))
        return QStringLiteral("linkedin_url");
    if (bare == QLatin1String("sn_id"))
        return QStringLiteral("sales_nav_url");
    for (const WireName& w : kWire) {
        if (w.second == bare)
            return FieldRegistry::name(w.first);
    }
    if (bare.startsWith(QLatin1String("custom_fields.")))
        return FieldRegistry::customPrefix() + bare.mid(14);
    return {};
}

QJsonObject unwrap(const QJsonObject& row)
{
    for (QLatin1String key : {QLatin1String("lead"), QLatin1String("data")}) {
        const QJsonValue inner = row.value(key);
        if (inner.isObject()) {
            QJsonObject lead = inner.toObject();
            // Search rows put the aggregates (custom fields, ...) beside the lead.
            if (!lead.contains(QLatin1String("custom_fields")) && row.contains(QLatin1String("custom_fields")))
                lead.insert(QLatin1String("custom_fields"), row.value(QLatin1String("custom_fields")));
            return lead;
        }
    }
    return row;
}

} // namespace

GetSalesProvider::GetSalesProvider(ProviderOptions options, Flavour flavour)
    : Provider(std::move(options))
    , m_flavour(flavour)
{
}

ProviderProfile GetSalesProvider::profile() const
{
    ProviderProfile p;
    const bool grinfi = m_flavour == Flavour::Grinfi;
    p.name = grinfi ? QStringLiteral("grinfi") : QStringLiteral("getsales");
    p.displayName = grinfi ? QStringLiteral("Grinfi") : QStringLiteral("GetSales");
    p.defaultBaseUrl
        = QUrl(grinfi ? QStringLiteral("https://leadgen.grinfi.io") : QStringLiteral("https://amazing.getsales.io"));
    p.auth = AuthScheme::Bearer;
    p.rateLimits = {RateLimit {300, std::chrono::minutes(1)}};
    return p;
}

HttpRequestSpec GetSalesProvider::spec(HttpMethod method, const QString& path, RequestKind kind) const
{
    HttpRequestSpec spec;
    spec.method = method;
    spec.path = path;
    spec.kind = kind;
    if (const QString team = options().value(teamIdOption()).trimmed(); !team.isEmpty())
        spec.headers.append({QByteArrayLiteral("Team-ID"), team.toUtf8()});
    return spec;
}

Result<void> GetSalesProvider::validateForPush(const Contact& contact) const
{
    if (contact.value(Field::LinkedinUrl).isEmpty())
        return fail(ErrorCode::MissingIdentifier, QStringLiteral("GetSales needs a LinkedIn profile URL"),
                    QStringLiteral("linkedin_url"));
    return {};
}

Result<HttpRequestSpec> GetSalesProvider::upsertRequest(const Contact& contact, const QString& remoteId) const
{
    Q_UNUSED(remoteId) // the upsert matches on linkedin_id only
    const QString listUuid = options().value(listUuidOption());
    if (listUuid.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("the GetSales account has no list_uuid option"));
    if (auto valid = validateForPush(contact); !valid)
        return std::unexpected(valid.error());

    QJsonObject lead;
    lead.insert(QLatin1String("linkedin_id"), contact.value(Field::LinkedinUrl));
    for (const WireName& w : kWire)
        putText(lead, w.second, contact, w.first);
    putText(lead, QLatin1String("email"), contact, Field::Email);
    if (!contact.value(Field::SalesNavUrl).isEmpty())
        lead.insert(QLatin1String("sn_id"), salesNavId(contact.value(Field::SalesNavUrl)));

    QJsonObject custom;
    for (auto it = contact.custom.begin(); it != contact.custom.end(); ++it) {
        if (!it.value().isEmpty())
            custom.insert(remoteCustomKey(it.key()), it.value());
    }
    QJsonObject body {{QLatin1String("lead"), lead},
                      {QLatin1String("list_uuid"), listUuid},
                      {QLatin1String("update_if_exists"), true}};
    if (!custom.isEmpty())
        body.insert(QLatin1String("custom_fields"), custom);

    HttpRequestSpec request = spec(HttpMethod::Post, QStringLiteral("/leads/api/leads/upsert"), RequestKind::Upsert);
    request.setJsonBody(body);
    return request;
}

QList<Field> GetSalesProvider::fieldsReadBack() const
{
    // The lead's own text fields; the email and LinkedIn ids are identities.
    return {Field::FirstName, Field::LastName,    Field::JobTitle,      Field::Headline,
            Field::Summary,   Field::CompanyName, Field::CompanyDomain, Field::Location};
}

QList<Field> GetSalesProvider::fieldsClearedByRead() const
{
    // `domain` is an input for email discovery only: the official lead read schema has none (PROVIDERS.md §7).
    QList<Field> fields = fieldsReadBack();
    fields.removeAll(Field::CompanyDomain);
    return fields;
}

RemoteRecord GetSalesProvider::readRecord(const QJsonObject& row) const
{
    const QJsonObject lead = unwrap(row);
    RemoteRecord record;
    record.remoteId = JsonReader::firstText(lead, {QLatin1String("uuid"), QLatin1String("id")});
    for (const WireName& w : kWire)
        readText(record.patch, w.first, lead, w.second);
    // The lead has a work and a personal address (the read schema): the work one is the main email, the
    // personal one is kept beside it (or is the main one when it is all there is). Only added: the read
    // carries no other address, so it cannot say that one was removed.
    const QString work = JsonReader::firstText(lead, {QLatin1String("work_email"), QLatin1String("email")});
    const QString personal = JsonReader::text(lead.value(QLatin1String("personal_email"))).trimmed();
    setText(record.patch, Field::Email, work.isEmpty() ? personal : work);
    if (!work.isEmpty() && !personal.isEmpty() && personal.compare(work.trimmed(), Qt::CaseInsensitive) != 0)
        record.patch.setExtraEmails({personal}, TagMode::Append);
    setText(
        record.patch, Field::LinkedinUrl,
        asUrl(JsonReader::firstText(lead, {QLatin1String("linkedin"), QLatin1String("linkedin_id")}), kLinkedinPrefix));
    setText(record.patch, Field::SalesNavUrl,
            asUrl(JsonReader::text(lead.value(QLatin1String("sn_id"))), kSalesNavPrefix));

    const QJsonValue custom = lead.value(QLatin1String("custom_fields"));
    if (custom.isObject()) {
        const QJsonObject object = custom.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString key = localCustomKey(it.key());
            const QString value = JsonReader::text(it.value());
            if (!key.isEmpty() && !value.isEmpty())
                record.patch.setCustom(key, value);
        }
    } else if (custom.isArray()) {
        for (const QJsonValue& item : custom.toArray()) {
            const QJsonObject o = item.toObject();
            const QString remote = JsonReader::firstText(o, {QLatin1String("name"), QLatin1String("uuid")});
            const QString key = localCustomKey(remote);
            const QString value = JsonReader::text(o.value(QLatin1String("value")));
            if (!key.isEmpty() && !value.isEmpty())
                record.patch.setCustom(key, value);
        }
    }
    record.updatedAt = JsonReader::dateTime(lead.value(QLatin1String("updated_at")));
    return record;
}

Result<UpsertOutcome> GetSalesProvider::parseUpsertReply(const HttpResponse& response) const
{
    auto root = successObject(response);
    if (!root)
        return std::unexpected(root.error());
    UpsertOutcome outcome;
    outcome.record = readRecord(*root);
    outcome.remoteId = outcome.record.remoteId;
    if (outcome.remoteId.isEmpty())
        return fail(ErrorCode::ParseError, QStringLiteral("GetSales upsert reply has no lead uuid"));
    // GetSales answers 200 for both; the caller knows whether it had a remote id before.
    outcome.disposition = UpsertDisposition::Unknown;
    return outcome;
}

Result<HttpRequestSpec> GetSalesProvider::listRequest(const ListQuery& query) const
{
    QJsonObject filter;
    QJsonObject body;
    if (query.updatedSince.isValid()) {
        filter.insert(QLatin1String("updated_at"),
                      QJsonObject {{QStringLiteral(">="), query.updatedSince.toUTC().toString(Qt::ISODateWithMs)}});
        // Ascending on the watermark so a run cut short resumes without a gap.
        body.insert(QLatin1String("order_field"), QStringLiteral("updated_at"));
        body.insert(QLatin1String("order_type"), QStringLiteral("asc"));
    }
    body.insert(QLatin1String("filter"), filter);
    body.insert(QLatin1String("limit"), std::clamp(query.pageSize, 1, kMaxPageSize));
    body.insert(QLatin1String("offset"), query.token.offset);

    HttpRequestSpec request = spec(HttpMethod::Post, QStringLiteral("/leads/api/leads/search"), RequestKind::List);
    request.retryOnEmptyBody = true;
    request.setJsonBody(body);
    return request;
}

Result<RemotePage> GetSalesProvider::parseListReply(const ListQuery& query, const HttpResponse& response) const
{
    QJsonObject root;
    auto listed = listRows(response, {QLatin1String("data")}, &root);
    if (!listed)
        return std::unexpected(listed.error());
    const QJsonArray rows = *listed;
    RemotePage page;
    if (root.value(QLatin1String("total")).isDouble())
        page.total = static_cast<qint64>(root.value(QLatin1String("total")).toDouble());
    const std::optional<bool> hasMore
        = root.isEmpty() ? std::nullopt : JsonReader::boolean(root.value(QLatin1String("has_more")));
    for (const QJsonValue& row : std::as_const(rows)) {
        if (row.isObject())
            page.records << readRecord(row.toObject());
    }
    const qint64 nextOffset = query.token.offset + rows.size();
    bool more = false;
    // An empty page that says there is more is passed on as such: the scan calls it incomplete.
    if (hasMore)
        more = *hasMore;
    else
        more
            = rows.size() >= std::clamp(query.pageSize, 1, kMaxPageSize) && (page.total < 0 || nextOffset < page.total);
    if (more) {
        PageToken next;
        next.offset = nextOffset;
        page.next = next;
    }
    return page;
}

HttpRequestSpec GetSalesProvider::getRequest(const QString& remoteId) const
{
    return spec(HttpMethod::Get, QStringLiteral("/leads/api/leads/") + segment(remoteId), RequestKind::Get);
}

Result<RemoteRecord> GetSalesProvider::parseGetReply(const HttpResponse& response) const
{
    auto root = successObject(response);
    if (!root)
        return std::unexpected(root.error());
    RemoteRecord record = readRecord(*root);
    if (record.remoteId.isEmpty())
        return fail(ErrorCode::ParseError, QStringLiteral("GetSales lead has no uuid"));
    return record;
}

HttpRequestSpec GetSalesProvider::deleteRequest(const QString& remoteId) const
{
    return spec(HttpMethod::Delete, QStringLiteral("/leads/api/leads/") + segment(remoteId), RequestKind::Delete);
}

Result<HttpRequestSpec> GetSalesProvider::fieldDefinitionsRequest() const
{
    HttpRequestSpec request
        = spec(HttpMethod::Get, QStringLiteral("/leads/api/custom-fields"), RequestKind::FieldDefinitions);
    request.query.addQueryItem(QStringLiteral("limit"), QString::number(kMaxPageSize));
    request.query.addQueryItem(QStringLiteral("offset"), QStringLiteral("0"));
    return request;
}

Result<QList<RemoteFieldDefinition>> GetSalesProvider::parseFieldDefinitionsReply(const HttpResponse& response) const
{
    if (!response.isSuccess())
        return std::unexpected(parseError(response));
    auto parsed = JsonReader::value(response.body);
    if (!parsed)
        return std::unexpected(parsed.error());
    const QJsonArray rows
        = parsed->isArray() ? parsed->toArray() : parsed->toObject().value(QLatin1String("data")).toArray();
    QList<RemoteFieldDefinition> list;
    for (const QJsonValue& row : rows) {
        const QJsonObject o = row.toObject();
        const QString object = JsonReader::text(o.value(QLatin1String("object")));
        const QString name = JsonReader::text(o.value(QLatin1String("name")));
        if (name.isEmpty() || (!object.isEmpty() && object != QLatin1String("lead")))
            continue;
        RemoteFieldDefinition d;
        d.remoteId = JsonReader::firstText(o, {QLatin1String("uuid"), QLatin1String("id")});
        d.remoteKey = name; // the upsert's custom_fields map is keyed by name
        d.key = FieldRegistry::isValidCustomKey(name) ? name : RemoteFieldDefinition::keyFromName(name);
        d.label = name;
        d.type = JsonReader::text(o.value(QLatin1String("type")));
        list << d;
    }
    return list;
}

Error GetSalesProvider::parseError(const HttpResponse& response) const
{
    const RemoteError remote = RemoteError::parse(response);
    ErrorCode code = RemoteError::codeForStatus(response.status);
    if (remote.code == QLatin1String("auth_exception") || remote.code == QLatin1String("access_denied"))
        code = ErrorCode::AuthenticationFailed;
    else if (remote.code == QLatin1String("validation_error") || remote.code == QLatin1String("bad_request"))
        code = ErrorCode::RemoteValidation;
    else if (remote.code == QLatin1String("payment_required"))
        code = ErrorCode::HttpError;
    QString field;
    if (remote.data.size() == 1)
        field = fieldForWireKey(remote.data.begin().key());
    return Error {code, field, QStringLiteral("GetSales ") + remote.summary()};
}

} // namespace roster
