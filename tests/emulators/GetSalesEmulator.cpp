#include "GetSalesEmulator.h"

#include "EmulatorUtil.h"

#include <QJsonDocument>

#include <algorithm>

namespace roster::emulator {

namespace {

const QStringList kLeadStringKeys
    = {QStringLiteral("linkedin_id"),  QStringLiteral("first_name"), QStringLiteral("last_name"),
       QStringLiteral("company_name"), QStringLiteral("ln_id"),      QStringLiteral("sn_id"),
       QStringLiteral("linkedin"),     QStringLiteral("email"),      QStringLiteral("about"),
       QStringLiteral("domain"),       QStringLiteral("headline"),   QStringLiteral("position"),
       QStringLiteral("raw_address")};
const QStringList kTimeFields = {QStringLiteral("created_at"), QStringLiteral("updated_at")};

EmulatorReply gsError(int status, const QString& reason, const QString& message, const QJsonObject& data = {})
{
    return EmulatorReply::json(status,
                               QJsonObject {{QStringLiteral("error"),
                                             QJsonObject {{QStringLiteral("reason"), reason},
                                                          {QStringLiteral("message"), message},
                                                          {QStringLiteral("data"), data}}},
                                            {QStringLiteral("message"),
                                             status == 422 ? QStringLiteral("The given data was invalid.") : message},
                                            {QStringLiteral("code"), status}});
}

EmulatorReply validationError(const QString& field, const QString& message)
{
    return gsError(422, QStringLiteral("validation_error"), message, QJsonObject {{field, QJsonArray {message}}});
}

// The member id out of a LinkedIn profile URL ("https://linkedin.com/in/john-doe/" ->
// "john-doe"); anything else is taken as the id itself.
QString linkedinSlug(const QString& value)
{
    const QString normalized = util::normalizeLinkedinUrl(value);
    if (normalized.startsWith(QLatin1String("linkedin.com/in/")))
        return normalized.mid(16);
    return value.trimmed().toLower();
}

int compareValues(const QJsonValue& left, const QJsonValue& right, bool asTime)
{
    if (asTime) {
        const qint64 a = util::parseTime(left);
        const qint64 b = util::parseTime(right);
        return a < b ? -1 : (a > b ? 1 : 0);
    }
    if (left.isDouble() && right.isDouble())
        return left.toDouble() < right.toDouble() ? -1 : (left.toDouble() > right.toDouble() ? 1 : 0);
    return left.toVariant().toString().compare(right.toVariant().toString());
}

} // namespace

GetSalesEmulator::GetSalesEmulator(QObject* parent)
    : EmulatorServer(QStringLiteral("getsales"), QString(), 300, 60000, parent)
    , m_leads(QStringLiteral("uuid"))
{
    m_leads.addIndex(QStringLiteral("team"),
                     [](const QJsonObject& r) { return QStringList {r.value(QLatin1String("linkedin")).toString()}; });
    m_leads.addIndex(QStringLiteral("list"), [](const QJsonObject& r) {
        return QStringList {r.value(QLatin1String("list_uuid")).toString() + QLatin1Char('|')
                            + r.value(QLatin1String("linkedin")).toString()};
    });
    m_lists.insert(defaultListUuid(), QStringLiteral("Default list"));

    addRoute("POST", QStringLiteral("/leads/api/leads/upsert"), QStringLiteral("upsert"),
             [this](const EmulatorRequest& request, const QStringList&) {
                 const auto body = request.jsonObject();
                 return body ? upsert(*body)
                             : gsError(400, QStringLiteral("bad_request"), QStringLiteral("Malformed JSON body"));
             });
    addRoute("POST", QStringLiteral("/leads/api/leads/search"), QStringLiteral("search"),
             [this](const EmulatorRequest& request, const QStringList&) {
                 const auto body = request.body.trimmed().isEmpty() ? std::optional<QJsonObject>(QJsonObject {})
                                                                    : request.jsonObject();
                 return body ? search(*body)
                             : gsError(400, QStringLiteral("bad_request"), QStringLiteral("Malformed JSON body"));
             });
    addRoute("GET", QStringLiteral("/leads/api/leads/([^/]+)"), QStringLiteral("get"),
             [this](const EmulatorRequest&, const QStringList& captures) {
                 const auto found = m_leads.find(captures.at(0));
                 return found ? EmulatorReply::json(200, *found)
                              : gsError(404, QStringLiteral("not_found"), QStringLiteral("Lead not found"));
             });
    addRoute("DELETE", QStringLiteral("/leads/api/leads/([^/]+)"), QStringLiteral("delete"),
             [this](const EmulatorRequest&, const QStringList& captures) {
                 return m_leads.remove(captures.at(0))
                     ? EmulatorReply::json(200, QJsonObject {{QStringLiteral("success"), true}})
                     : gsError(404, QStringLiteral("not_found"), QStringLiteral("Lead not found"));
             });
    addRoute("GET", QStringLiteral("/leads/api/custom-fields/?"), QStringLiteral("custom-fields"),
             [this](const EmulatorRequest& request, const QStringList&) { return customFields(request); });
    addRoute("POST", QStringLiteral("/leads/api/custom-fields/?"), QStringLiteral("create-custom-field"),
             [this](const EmulatorRequest& request, const QStringList&) {
                 const auto body = request.jsonObject();
                 return body ? createCustomField(*body)
                             : gsError(400, QStringLiteral("bad_request"), QStringLiteral("Malformed JSON body"));
             });
    addRoute(
        "GET", QStringLiteral("/leads/api/lists/?"), QStringLiteral("lists"),
        [this](const EmulatorRequest&, const QStringList&) {
            QJsonArray lists;
            for (auto it = m_lists.cbegin(); it != m_lists.cend(); ++it)
                lists.append(QJsonObject {{QStringLiteral("uuid"), it.key()}, {QStringLiteral("name"), it.value()}});
            return EmulatorReply::json(200,
                                       QJsonObject {{QStringLiteral("data"), lists},
                                                    {QStringLiteral("limit"), 100},
                                                    {QStringLiteral("offset"), 0},
                                                    {QStringLiteral("total"), lists.size()},
                                                    {QStringLiteral("has_more"), false}});
        });
}

GetSalesEmulator::~GetSalesEmulator() = default;

QString GetSalesEmulator::defaultListUuid()
{
    return QStringLiteral("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
}

QJsonArray GetSalesEmulator::recordsJson() const
{
    return m_leads.toJsonArray();
}

QString GetSalesEmulator::registerCustomFields(const QJsonArray& fields)
{
    for (const QJsonValue& value : fields) {
        const QJsonObject field = value.toObject();
        const QString name = field.value(QLatin1String("name")).toString(field.value(QLatin1String("key")).toString());
        if (name.isEmpty())
            return QStringLiteral("a custom field needs a name");
        m_customFields.append(QJsonObject {
            {QStringLiteral("uuid"), field.value(QLatin1String("uuid")).toString(util::uuid())},
            {QStringLiteral("name"), name},
            {QStringLiteral("object"), field.value(QLatin1String("object")).toString(QStringLiteral("lead"))}});
    }
    return {};
}

QString GetSalesEmulator::seedContact(const QJsonObject& upsertBody)
{
    QJsonObject body = upsertBody;
    if (!body.contains(QLatin1String("list_uuid")))
        body.insert(QStringLiteral("list_uuid"), defaultListUuid());
    if (!body.contains(QLatin1String("update_if_exists")))
        body.insert(QStringLiteral("update_if_exists"), true);
    const EmulatorReply reply = upsert(body);
    return reply.status == 200 ? QJsonDocument::fromJson(reply.body).object().value(QLatin1String("uuid")).toString()
                               : QString();
}

void GetSalesEmulator::addList(const QString& uuid, const QString& name)
{
    m_lists.insert(uuid, name);
}

QString GetSalesEmulator::applyConfig(const QJsonObject& config)
{
    if (config.contains(QLatin1String("matchScope")))
        m_matchScope = config.value(QLatin1String("matchScope")).toString() == QLatin1String("team") ? MatchScope::Team
                                                                                                     : MatchScope::List;
    if (config.contains(QLatin1String("updatedFilterSupported")))
        m_updatedFilterSupported = config.value(QLatin1String("updatedFilterSupported")).toBool(true);
    if (config.contains(QLatin1String("wrapSearchRows")))
        m_wrapSearchRows = config.value(QLatin1String("wrapSearchRows")).toBool();
    if (config.contains(QLatin1String("requiredTeamId")))
        m_requiredTeamId = config.value(QLatin1String("requiredTeamId")).toString();
    return EmulatorServer::applyConfig(config);
}

QJsonObject GetSalesEmulator::configJson() const
{
    QJsonObject config = EmulatorServer::configJson();
    config.insert(QStringLiteral("matchScope"),
                  m_matchScope == MatchScope::Team ? QStringLiteral("team") : QStringLiteral("list"));
    config.insert(QStringLiteral("updatedFilterSupported"), m_updatedFilterSupported);
    config.insert(QStringLiteral("wrapSearchRows"), m_wrapSearchRows);
    config.insert(QStringLiteral("requiredTeamId"), m_requiredTeamId);
    return config;
}

std::optional<EmulatorReply> GetSalesEmulator::authenticate(const EmulatorRequest& request) const
{
    if (request.bearerToken() != apiKey())
        return gsError(401, QStringLiteral("auth_exception"), QStringLiteral("Unauthenticated."));
    if (m_requiredTeamId.isEmpty())
        return std::nullopt;
    const QByteArray team = request.header("Team-ID");
    if (team.isEmpty())
        return gsError(400, QStringLiteral("bad_request"), QStringLiteral("Missing required headers"),
                       QJsonObject {{QStringLiteral("Team-ID"), QJsonArray {QStringLiteral("required")}}});
    if (QString::fromUtf8(team) != m_requiredTeamId)
        return gsError(403, QStringLiteral("access_denied"), QStringLiteral("This key has no access to that team."));
    return std::nullopt;
}

void GetSalesEmulator::addRateHeaders(EmulatorReply&, const RateLimiter::Decision&) const
{
    // GetSales documents no rate-limit headers; a client must not depend on any.
}

EmulatorReply GetSalesEmulator::rateLimitedReply(const RateLimiter::Decision&) const
{
    return gsError(429, QStringLiteral("too_many_requests"), QStringLiteral("Too Many Attempts."));
}

EmulatorReply GetSalesEmulator::notFoundReply(const EmulatorRequest&) const
{
    return gsError(404, QStringLiteral("not_found"), QStringLiteral("Not Found"));
}

void GetSalesEmulator::clearRecords()
{
    m_leads.clear();
}

std::optional<EmulatorReply> GetSalesEmulator::handleExtraControl(const QString& name, const EmulatorRequest& request)
{
    if (name != QLatin1String("lists") || request.method != "POST")
        return std::nullopt;
    for (const QJsonValue& value : QJsonDocument::fromJson(request.body).array())
        addList(value.toObject().value(QLatin1String("uuid")).toString(),
                value.toObject().value(QLatin1String("name")).toString());
    return EmulatorReply::json(200, QJsonObject {{QStringLiteral("ok"), true}});
}

EmulatorReply GetSalesEmulator::upsert(const QJsonObject& body)
{
    if (!body.value(QLatin1String("lead")).isObject())
        return validationError(QStringLiteral("lead"), QStringLiteral("The lead field is required."));
    const QJsonObject input = body.value(QLatin1String("lead")).toObject();
    for (const QString& key : kLeadStringKeys) {
        const QJsonValue value = input.value(key);
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            return validationError(QStringLiteral("lead.") + key,
                                   QStringLiteral("The lead.%1 must be a string.").arg(key));
    }
    if (util::isBlank(input.value(QLatin1String("linkedin_id"))))
        return validationError(QStringLiteral("lead.linkedin_id"),
                               QStringLiteral("The lead.linkedin_id field is required."));
    const QString email = input.value(QLatin1String("email")).toString().trimmed();
    if (!email.isEmpty() && !util::isValidEmail(email))
        return validationError(QStringLiteral("lead.email"),
                               QStringLiteral("The lead.email must be a valid email address."));
    const QJsonValue listValue = body.value(QLatin1String("list_uuid"));
    if (util::isBlank(listValue))
        return validationError(QStringLiteral("list_uuid"), QStringLiteral("The list uuid field is required."));
    const QString listUuid = listValue.toString();
    if (!m_lists.contains(listUuid))
        return validationError(QStringLiteral("list_uuid"), QStringLiteral("The selected list uuid is invalid."));
    const QJsonValue custom = body.value(QLatin1String("custom_fields"));
    if (!custom.isUndefined() && !custom.isNull() && !custom.isObject())
        return validationError(QStringLiteral("custom_fields"), QStringLiteral("The custom fields must be an array."));
    for (const QString& key : {QStringLiteral("update_if_exists"), QStringLiteral("move_to_list")}) {
        if (body.contains(key) && !body.value(key).isBool())
            return validationError(key, QStringLiteral("The %1 field must be true or false.").arg(key));
    }

    const QString slug = linkedinSlug(input.value(QLatin1String("linkedin_id")).toString());
    const QString id = m_matchScope == MatchScope::Team
        ? m_leads.lookup(QStringLiteral("team"), slug)
        : m_leads.lookup(QStringLiteral("list"), listUuid + QLatin1Char('|') + slug);
    const qint64 now = util::nowMs();
    QJsonObject lead;
    if (!id.isEmpty()) {
        lead = *m_leads.find(id);
        const bool update = body.value(QLatin1String("update_if_exists")).toBool(false);
        const bool move = body.value(QLatin1String("move_to_list")).toBool(false);
        if (!update && !move)
            return EmulatorReply::json(200, lead);
        if (move)
            lead.insert(QStringLiteral("list_uuid"), listUuid);
        if (!update) {
            lead.insert(QStringLiteral("updated_at"), util::isoTime(now));
            m_leads.put(lead);
            return EmulatorReply::json(200, lead);
        }
    } else {
        lead = QJsonObject {
            {QStringLiteral("uuid"), util::uuid()},
            {QStringLiteral("team_id"), 1},
            {QStringLiteral("user_id"), QJsonValue::Null},
            {QStringLiteral("sender_profile_uuid"), QJsonValue::Null},
            {QStringLiteral("list_uuid"), listUuid},
            {QStringLiteral("data_source_uuid"), QJsonValue::Null},
            {QStringLiteral("pipeline_stage_uuid"), QStringLiteral("00000000-0000-4000-8000-000000000001")},
            {QStringLiteral("company_uuid"), QJsonValue::Null},
            {QStringLiteral("linkedin"), slug},
            {QStringLiteral("work_email"), QJsonValue::Null},
            {QStringLiteral("personal_email"), QJsonValue::Null},
            {QStringLiteral("tags"), QJsonArray {}},
            {QStringLiteral("custom_fields"), QJsonObject {}},
            {QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("linkedin_status"), QStringLiteral("active")},
            {QStringLiteral("created_at"), util::isoTime(now)}};
    }
    for (const QString& key : kLeadStringKeys) {
        const QJsonValue value = input.value(key);
        if (util::isBlank(value) || key == QLatin1String("linkedin_id") || key == QLatin1String("linkedin"))
            continue;
        // The email is read back as work_email.
        lead.insert(key == QLatin1String("email") ? QStringLiteral("work_email") : key, value.toString().trimmed());
    }
    const QString name = QString(lead.value(QLatin1String("first_name")).toString() + QLatin1Char(' ')
                                 + lead.value(QLatin1String("last_name")).toString())
                             .trimmed();
    lead.insert(QStringLiteral("name"), name.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(name));
    QJsonObject customValues = lead.value(QLatin1String("custom_fields")).toObject();
    const QJsonObject given = custom.toObject();
    for (auto it = given.constBegin(); it != given.constEnd(); ++it) {
        // Unknown names are ignored, as the service documents for PUT /leads/{uuid}.
        const bool known = std::any_of(m_customFields.cbegin(), m_customFields.cend(), [&](const QJsonObject& f) {
            return f.value(QLatin1String("name")).toString() == it.key();
        });
        if (known && !util::isBlank(it.value()))
            customValues.insert(it.key(), it.value());
    }
    lead.insert(QStringLiteral("custom_fields"), customValues);
    lead.insert(QStringLiteral("updated_at"), util::isoTime(now));
    m_leads.put(lead);
    EmulatorReply reply = EmulatorReply::json(200, lead);
    reply.createdRecord = id.isEmpty();
    return reply;
}

EmulatorReply GetSalesEmulator::search(const QJsonObject& body) const
{
    const QJsonValue limitValue = body.value(QLatin1String("limit"));
    const QJsonValue offsetValue = body.value(QLatin1String("offset"));
    if (!limitValue.isUndefined() && (!limitValue.isDouble() || limitValue.toInt() < 1))
        return validationError(QStringLiteral("limit"), QStringLiteral("The limit must be at least 1."));
    if (limitValue.toInt(20) > 100)
        return validationError(QStringLiteral("limit"), QStringLiteral("The limit must not be greater than 100."));
    if (!offsetValue.isUndefined() && (!offsetValue.isDouble() || offsetValue.toInt() < 0))
        return validationError(QStringLiteral("offset"), QStringLiteral("The offset must be at least 0."));
    const int limit = limitValue.toInt(20);
    const int offset = faults().ignorePaging() ? 0 : offsetValue.toInt(0);
    if (faults().errorBody())
        return EmulatorReply::okWithErrorBody();
    const QJsonValue filterValue = body.value(QLatin1String("filter"));
    if (!filterValue.isUndefined() && !filterValue.isNull() && !filterValue.isObject())
        return validationError(QStringLiteral("filter"), QStringLiteral("The filter must be an object."));
    const QJsonObject filter = filterValue.toObject();
    if (filter.contains(QLatin1String("updated_at")) && !m_updatedFilterSupported)
        return validationError(QStringLiteral("filter.updated_at"),
                               QStringLiteral("The filter.updated_at field is not supported."));
    static const QStringList operators
        = {QStringLiteral("="),  QStringLiteral("!="), QStringLiteral("<>"), QStringLiteral("<"),
           QStringLiteral("<="), QStringLiteral(">"),  QStringLiteral(">=")};
    for (auto it = filter.constBegin(); it != filter.constEnd(); ++it) {
        const QJsonObject ops = it.value().toObject();
        for (auto op = ops.constBegin(); op != ops.constEnd(); ++op) {
            if (!operators.contains(op.key()))
                return validationError(QStringLiteral("filter.") + it.key(),
                                       QStringLiteral("Unknown operator %1.").arg(op.key()));
        }
    }
    const QString orderField = body.value(QLatin1String("order_field")).toString();
    const QString orderType = body.value(QLatin1String("order_type")).toString(QStringLiteral("asc"));
    if (orderType != QLatin1String("asc") && orderType != QLatin1String("desc"))
        return validationError(QStringLiteral("order_type"), QStringLiteral("The selected order type is invalid."));

    auto matches = [&](const QJsonObject& lead) {
        for (auto it = filter.constBegin(); it != filter.constEnd(); ++it) {
            const QJsonValue actual = lead.value(it.key());
            const QJsonValue wanted = it.value();
            const bool time = kTimeFields.contains(it.key());
            if (wanted.isString() && wanted.toString() == QLatin1String("is_null")) {
                if (!actual.isNull() && !actual.isUndefined())
                    return false;
            } else if (wanted.isString() && wanted.toString() == QLatin1String("is_not_null")) {
                if (actual.isNull() || actual.isUndefined())
                    return false;
            } else if (wanted.isArray()) {
                const QJsonArray options = wanted.toArray();
                if (std::none_of(options.begin(), options.end(),
                                 [&](const QJsonValue& v) { return compareValues(actual, v, time) == 0; }))
                    return false;
            } else if (wanted.isObject()) {
                const QJsonObject ops = wanted.toObject();
                for (auto op = ops.constBegin(); op != ops.constEnd(); ++op) {
                    const int c = compareValues(actual, op.value(), time);
                    const QString o = op.key();
                    const bool ok = (o == QLatin1String("=") && c == 0)
                        || ((o == QLatin1String("!=") || o == QLatin1String("<>")) && c != 0)
                        || (o == QLatin1String("<") && c < 0) || (o == QLatin1String("<=") && c <= 0)
                        || (o == QLatin1String(">") && c > 0) || (o == QLatin1String(">=") && c >= 0);
                    if (!ok)
                        return false;
                }
            } else if (compareValues(actual, wanted, time) != 0) {
                return false;
            }
        }
        return true;
    };
    QList<QJsonObject> rows;
    for (const QJsonObject& lead : m_leads.all()) {
        if (matches(lead))
            rows.append(lead);
    }
    if (!orderField.isEmpty()) {
        const bool time = kTimeFields.contains(orderField);
        std::stable_sort(rows.begin(), rows.end(), [&](const QJsonObject& a, const QJsonObject& b) {
            const int c = compareValues(a.value(orderField), b.value(orderField), time);
            return orderType == QLatin1String("desc") ? c > 0 : c < 0;
        });
    }
    QJsonArray data;
    const bool lean = body.value(QLatin1String("disable_aggregation")).toBool(false);
    for (qsizetype i = offset; i < rows.size() && data.size() < limit; ++i) {
        QJsonObject row = rows.at(i);
        if (lean || faults().sparseRows())
            row.remove(QStringLiteral("custom_fields"));
        if (faults().sparseRows())
            row.remove(QStringLiteral("domain")); // not in the official lead read schema
        data.append(m_wrapSearchRows ? QJsonValue(QJsonObject {{QStringLiteral("lead"), row}}) : QJsonValue(row));
    }
    return EmulatorReply::json(
        200,
        QJsonObject {{QStringLiteral("data"), data},
                     {QStringLiteral("limit"), limit},
                     {QStringLiteral("offset"), offset},
                     {QStringLiteral("total"), rows.size() + (faults().moreForever() ? FaultPlan::kPhantomRecords : 0)},
                     {QStringLiteral("has_more"), faults().moreForever() || offset + data.size() < rows.size()}});
}

EmulatorReply GetSalesEmulator::customFields(const EmulatorRequest& request) const
{
    const int limit = std::clamp(request.query.queryItemValue(QStringLiteral("limit")).toInt(), 0, 100);
    const int offset = std::max(0, request.query.queryItemValue(QStringLiteral("offset")).toInt());
    const int pageSize = limit == 0 ? 20 : limit;
    QJsonArray data;
    for (qsizetype i = offset; i < m_customFields.size() && data.size() < pageSize; ++i)
        data.append(m_customFields.at(i));
    return EmulatorReply::json(
        200,
        QJsonObject {{QStringLiteral("data"), data},
                     {QStringLiteral("limit"), pageSize},
                     {QStringLiteral("offset"), offset},
                     {QStringLiteral("total"), m_customFields.size()},
                     {QStringLiteral("has_more"), offset + data.size() < m_customFields.size()}});
}

EmulatorReply GetSalesEmulator::createCustomField(const QJsonObject& body)
{
    if (util::isBlank(body.value(QLatin1String("name"))))
        return validationError(QStringLiteral("name"), QStringLiteral("The name field is required."));
    const QString object = body.value(QLatin1String("object")).toString(QStringLiteral("lead"));
    if (object != QLatin1String("lead") && object != QLatin1String("company"))
        return validationError(QStringLiteral("object"), QStringLiteral("The selected object is invalid."));
    registerCustomFields(QJsonArray {
        QJsonObject {{QStringLiteral("name"), body.value(QLatin1String("name"))}, {QStringLiteral("object"), object}}});
    return EmulatorReply::json(200, m_customFields.last());
}

} // namespace roster::emulator
