#include "MonacoEmulator.h"

#include "EmulatorUtil.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace roster::emulator {

namespace {

const QStringList kStringKeys
    = {QStringLiteral("email"),     QStringLiteral("linkedin_url"), QStringLiteral("first_name"),
       QStringLiteral("last_name"), QStringLiteral("title"),        QStringLiteral("phone_number"),
       QStringLiteral("location"),  QStringLiteral("account_id"),   QStringLiteral("domain"),
       QStringLiteral("notes"),     QStringLiteral("source")};
// The contact fields an upsert writes (account_id and domain only choose the account).
const QStringList kStoredKeys
    = {QStringLiteral("email"),     QStringLiteral("linkedin_url"), QStringLiteral("first_name"),
       QStringLiteral("last_name"), QStringLiteral("title"),        QStringLiteral("phone_number"),
       QStringLiteral("location"),  QStringLiteral("notes"),        QStringLiteral("source")};
const QStringList kFilterable
    = {QStringLiteral("email"),      QStringLiteral("first_name"),     QStringLiteral("last_name"),
       QStringLiteral("title"),      QStringLiteral("linkedin_url"),   QStringLiteral("account_id"),
       QStringLiteral("location"),   QStringLiteral("do_not_contact"), QStringLiteral("tags"),
       QStringLiteral("created_at"), QStringLiteral("updated_at")};
const QStringList kSortable = {QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("first_name"),
                               QStringLiteral("last_name"), QStringLiteral("email")};
const QStringList kConditions
    = {QStringLiteral("is"),       QStringLiteral("is_not"),       QStringLiteral("contains"),
       QStringLiteral("equals"),   QStringLiteral("greater_than"), QStringLiteral("less_than"),
       QStringLiteral("is_empty"), QStringLiteral("is_not_empty")};
const QString kCustomPrefix = QStringLiteral("custom_field_");
// TagObject in the OpenAPI.
const QStringList kTagObjects
    = {QStringLiteral("contacts"), QStringLiteral("accounts"), QStringLiteral("opportunities")};
constexpr qsizetype kMaxTagName = 100;

EmulatorReply mcError(int status, const QString& code, const QString& message)
{
    return EmulatorReply::json(
        status,
        QJsonObject {{QStringLiteral("error"),
                      QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

EmulatorReply invalid(const QString& message)
{
    return mcError(422, QStringLiteral("validation_error"), message);
}

QJsonObject meta()
{
    return QJsonObject {{QStringLiteral("timestamp"), util::isoTime(util::nowMs())}};
}

} // namespace

MonacoEmulator::MonacoEmulator(QObject* parent)
    : EmulatorServer(QStringLiteral("monaco"), QString(), 1000, 3600000, parent)
    , m_contacts(QStringLiteral("id"))
{
    setApiKey(QByteArrayLiteral("mks_test0000000000000000000000000000000000000000000"));
    m_contacts.addIndex(QStringLiteral("email"), [](const QJsonObject& r) {
        return QStringList {util::normalizeEmail(r.value(QLatin1String("email")).toString())};
    });
    m_contacts.addIndex(QStringLiteral("linkedin"), [](const QJsonObject& r) {
        return QStringList {r.value(QLatin1String("linkedin_url")).toString().trimmed()};
    });

    auto withBody = [](std::function<EmulatorReply(const QJsonObject&)> handler) {
        return [handler](const EmulatorRequest& request, const QStringList&) {
            const auto body = request.jsonObject();
            return body
                ? handler(*body)
                : mcError(400, QStringLiteral("invalid_request"), QStringLiteral("Request body must be a JSON object"));
        };
    };
    addRoute("PUT", QStringLiteral("/v1/contacts/?"), QStringLiteral("upsert"),
             withBody([this](const QJsonObject& b) { return upsert(b); }));
    addRoute("PATCH", QStringLiteral("/v1/contacts/([^/]+)/?"), QStringLiteral("update"),
             [this](const EmulatorRequest& request, const QStringList& c) {
                 if (!m_contacts.find(c.at(0)))
                     return mcError(404, QStringLiteral("not_found"), QStringLiteral("Contact not found"));
                 const auto body = request.jsonObject();
                 return body ? upsert(*body, c.at(0))
                             : mcError(400, QStringLiteral("invalid_request"),
                                       QStringLiteral("Request body must be a JSON object"));
             });
    addRoute("POST", QStringLiteral("/v1/contacts/list/?"), QStringLiteral("list"),
             withBody([this](const QJsonObject& b) { return list(b); }));
    addRoute("GET", QStringLiteral("/v1/contacts/([^/]+)/?"), QStringLiteral("get"),
             [this](const EmulatorRequest&, const QStringList& c) {
                 const auto found = m_contacts.find(c.at(0));
                 return found ? EmulatorReply::json(
                            200, QJsonObject {{QStringLiteral("data"), *found}, {QStringLiteral("meta"), meta()}})
                              : mcError(404, QStringLiteral("not_found"), QStringLiteral("Contact not found"));
             });
    addRoute("DELETE", QStringLiteral("/v1/contacts/([^/]+)/?"), QStringLiteral("delete"),
             [this](const EmulatorRequest&, const QStringList& c) {
                 return m_contacts.remove(c.at(0))
                     ? EmulatorReply::empty(204)
                     : mcError(404, QStringLiteral("not_found"), QStringLiteral("Contact not found"));
             });
    addRoute("GET", QStringLiteral("/v1/schemas/contacts/?"), QStringLiteral("schema"),
             [this](const EmulatorRequest&, const QStringList&) { return schema(); });
    addRoute("GET", QStringLiteral("/v1/me/?"), QStringLiteral("me"), [](const EmulatorRequest&, const QStringList&) {
        return EmulatorReply::json(
            200,
            QJsonObject {{QStringLiteral("data"),
                          QJsonObject {{QStringLiteral("organization_id"), QStringLiteral("org_emulator")},
                                       {QStringLiteral("email"), QStringLiteral("owner@emulator.test")}}},
                         {QStringLiteral("meta"), meta()}});
    });
    addRoute("GET", QStringLiteral("/v1/tags/?"), QStringLiteral("tags"),
             [this](const EmulatorRequest& request, const QStringList&) { return listTags(request); });
    addRoute("POST", QStringLiteral("/v1/tags/?"), QStringLiteral("createTag"),
             withBody([this](const QJsonObject& b) { return createTag(b); }));
}

MonacoEmulator::~MonacoEmulator() = default;

QJsonArray MonacoEmulator::recordsJson() const
{
    return m_contacts.toJsonArray();
}

QJsonArray MonacoEmulator::accountsJson() const
{
    QJsonArray accounts;
    for (const QJsonObject& account : m_accounts)
        accounts.append(account);
    return accounts;
}

QString MonacoEmulator::registerCustomFields(const QJsonArray& fields)
{
    for (const QJsonValue& value : fields) {
        const QJsonObject field = value.toObject();
        const QString name = field.value(QLatin1String("name")).toString(field.value(QLatin1String("key")).toString());
        if (name.isEmpty())
            return QStringLiteral("a custom field needs a name");
        const QJsonArray allowed = field.value(QLatin1String("allowed_values")).toArray();
        QJsonObject stored {{QStringLiteral("id"), field.value(QLatin1String("id")).toString(util::uuid())},
                            {QStringLiteral("name"), name},
                            {QStringLiteral("type"),
                             field.value(QLatin1String("type"))
                                 .toString(allowed.isEmpty() ? QStringLiteral("text") : QStringLiteral("enum"))}};
        if (!allowed.isEmpty())
            stored.insert(QStringLiteral("allowed_values"), allowed);
        m_customFields.append(stored);
    }
    return {};
}

QString MonacoEmulator::seedContact(const QJsonObject& upsertBody)
{
    const EmulatorReply reply = upsert(upsertBody);
    return reply.status == 200 ? QJsonDocument::fromJson(reply.body)
                                     .object()
                                     .value(QLatin1String("data"))
                                     .toObject()
                                     .value(QLatin1String("id"))
                                     .toString()
                               : QString();
}

void MonacoEmulator::addTag(const QString& id, const QString& name, const QString& object)
{
    m_tags[object].insert(id,
                          QJsonObject {{QStringLiteral("id"), id},
                                       {QStringLiteral("name"), name},
                                       {QStringLiteral("color"), QJsonValue::Null}});
}

QJsonArray MonacoEmulator::tagsJson(const QString& object) const
{
    QJsonArray tags;
    for (const QJsonObject& tag : m_tags.value(object))
        tags.append(tag);
    return tags;
}

EmulatorReply MonacoEmulator::listTags(const EmulatorRequest& request) const
{
    // `object` is a required query parameter (GET /v1/tags/ in the OpenAPI).
    const QString object = request.query.queryItemValue(QStringLiteral("object"));
    if (!kTagObjects.contains(object))
        return invalid(QStringLiteral("Query parameter object is required: one of contacts, accounts, opportunities"));
    return EmulatorReply::json(
        200, QJsonObject {{QStringLiteral("data"), tagsJson(object)}, {QStringLiteral("meta"), meta()}});
}

EmulatorReply MonacoEmulator::createTag(const QJsonObject& body)
{
    // TagCreateRequest: object and name required; name 1 to 100 characters of ^[a-zA-Z0-9\s]+$, unique per
    // object type; color optional.
    const QJsonValue object = body.value(QLatin1String("object"));
    if (!object.isString() || !kTagObjects.contains(object.toString()))
        return invalid(QStringLiteral("object is required: one of contacts, accounts, opportunities"));
    const QJsonValue nameValue = body.value(QLatin1String("name"));
    if (!nameValue.isString())
        return invalid(QStringLiteral("name is required"));
    const QString name = nameValue.toString();
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9\\s]+$"));
    if (name.isEmpty() || name.size() > kMaxTagName)
        return invalid(QStringLiteral("name must be between 1 and 100 characters"));
    if (!pattern.match(name).hasMatch())
        return invalid(QStringLiteral("name may contain letters, numbers, and spaces only"));
    const QJsonValue color = body.value(QLatin1String("color"));
    if (!color.isUndefined() && !color.isNull() && !color.isString())
        return invalid(QStringLiteral("color must be a string"));
    for (const QJsonObject& tag : m_tags.value(object.toString())) {
        if (tag.value(QLatin1String("name")).toString().compare(name, Qt::CaseInsensitive) == 0)
            return mcError(409, QStringLiteral("conflict"),
                           QStringLiteral("A tag named %1 already exists for %2").arg(name, object.toString()));
    }
    const QString id = util::uuid();
    addTag(id, name, object.toString());
    if (color.isString())
        m_tags[object.toString()][id].insert(QStringLiteral("color"), color);
    return EmulatorReply::json(
        200,
        QJsonObject {{QStringLiteral("data"), m_tags[object.toString()].value(id)}, {QStringLiteral("meta"), meta()}});
}

void MonacoEmulator::addAccount(const QString& id, const QString& domain, const QString& name)
{
    m_accounts.append(QJsonObject {{QStringLiteral("id"), id},
                                   {QStringLiteral("domain"), domain.toLower()},
                                   {QStringLiteral("name"), name.isEmpty() ? domain : name}});
}

QString MonacoEmulator::applyConfig(const QJsonObject& config)
{
    if (config.contains(QLatin1String("createDelayMs")))
        m_createDelayMs = std::max(0, config.value(QLatin1String("createDelayMs")).toInt());
    if (config.contains(QLatin1String("updatedFilterSupported")))
        m_updatedFilterSupported = config.value(QLatin1String("updatedFilterSupported")).toBool(true);
    return EmulatorServer::applyConfig(config);
}

QJsonObject MonacoEmulator::configJson() const
{
    QJsonObject config = EmulatorServer::configJson();
    config.insert(QStringLiteral("createDelayMs"), m_createDelayMs);
    config.insert(QStringLiteral("updatedFilterSupported"), m_updatedFilterSupported);
    return config;
}

std::optional<EmulatorReply> MonacoEmulator::authenticate(const EmulatorRequest& request) const
{
    const QByteArray token = request.bearerToken();
    if (token == apiKey())
        return std::nullopt;
    return EmulatorReply::json(
        401,
        QJsonObject {{QStringLiteral("detail"),
                      token.isEmpty() ? QStringLiteral("No key found") : QStringLiteral("Invalid API key")}});
}

void MonacoEmulator::addRateHeaders(EmulatorReply& reply, const RateLimiter::Decision& decision) const
{
    const qint64 resetAt = qint64(std::ceil(double(QDateTime::currentMSecsSinceEpoch() + decision.resetInMs) / 1000.0));
    reply.setHeader("X-RateLimit-Limit", QByteArray::number(decision.limit));
    reply.setHeader("X-RateLimit-Remaining", QByteArray::number(decision.remaining));
    reply.setHeader("X-RateLimit-Reset", QByteArray::number(resetAt));
}

EmulatorReply MonacoEmulator::rateLimitedReply(const RateLimiter::Decision& decision) const
{
    EmulatorReply reply = mcError(429, QStringLiteral("rate_limit_exceeded"), QStringLiteral("Rate limit exceeded"));
    addRateHeaders(reply, decision);
    return reply;
}

EmulatorReply MonacoEmulator::serverErrorReply(int status) const
{
    return mcError(status, status == 503 ? QStringLiteral("service_unavailable") : QStringLiteral("internal_error"),
                   QStringLiteral("Something went wrong"));
}

EmulatorReply MonacoEmulator::notFoundReply(const EmulatorRequest&) const
{
    return EmulatorReply::json(404, QJsonObject {{QStringLiteral("detail"), QStringLiteral("Not Found")}});
}

void MonacoEmulator::clearRecords()
{
    m_contacts.clear();
}

std::optional<EmulatorReply> MonacoEmulator::handleExtraControl(const QString& name, const EmulatorRequest& request)
{
    if (request.method != "POST" || (name != QLatin1String("tags") && name != QLatin1String("accounts")))
        return std::nullopt;
    for (const QJsonValue& value : QJsonDocument::fromJson(request.body).array()) {
        const QJsonObject item = value.toObject();
        if (name == QLatin1String("tags"))
            addTag(item.value(QLatin1String("id")).toString(), item.value(QLatin1String("name")).toString());
        else
            addAccount(item.value(QLatin1String("id")).toString(), item.value(QLatin1String("domain")).toString(),
                       item.value(QLatin1String("name")).toString());
    }
    return EmulatorReply::json(200, QJsonObject {{QStringLiteral("ok"), true}});
}

QString MonacoEmulator::resolveAccount(const QJsonObject& body)
{
    const QString accountId = body.value(QLatin1String("account_id")).toString().trimmed();
    if (!accountId.isEmpty())
        return accountId;
    QString domain = body.value(QLatin1String("domain")).toString().trimmed().toLower();
    if (domain.isEmpty())
        domain = util::domainOfEmail(body.value(QLatin1String("email")).toString());
    if (domain.isEmpty())
        return {};
    for (const QJsonObject& account : m_accounts) {
        if (account.value(QLatin1String("domain")).toString() == domain)
            return account.value(QLatin1String("id")).toString();
    }
    const QString id = util::uuid();
    addAccount(id, domain);
    return id;
}

EmulatorReply MonacoEmulator::upsert(const QJsonObject& body, const QString& updateId)
{
    for (const QString& key : kStringKeys) {
        const QJsonValue value = body.value(key);
        if (!value.isUndefined() && !value.isNull() && !value.isString())
            return invalid(QStringLiteral("%1 must be a string").arg(key));
    }
    const QString email = body.value(QLatin1String("email")).toString().trimmed();
    const QString linkedin = body.value(QLatin1String("linkedin_url")).toString().trimmed();
    if (email.isEmpty() && linkedin.isEmpty() && updateId.isEmpty())
        return invalid(QStringLiteral("Either email or linkedin_url is required"));
    if (!email.isEmpty() && !util::isValidEmail(email))
        return invalid(QStringLiteral("email is not a valid email address"));
    if (!linkedin.isEmpty() && !util::isLinkedinProfileUrl(linkedin))
        return invalid(QStringLiteral("linkedin_url is not a valid LinkedIn profile URL"));
    if (email.isEmpty() && updateId.isEmpty() && util::isBlank(body.value(QLatin1String("account_id")))
        && util::isBlank(body.value(QLatin1String("domain"))))
        return invalid(QStringLiteral("account_id or domain is required when only linkedin_url is provided"));
    const QString accountId = body.value(QLatin1String("account_id")).toString().trimmed();
    if (!accountId.isEmpty() && std::none_of(m_accounts.cbegin(), m_accounts.cend(), [&](const QJsonObject& a) {
            return a.value(QLatin1String("id")).toString() == accountId;
        }))
        return mcError(404, QStringLiteral("not_found"), QStringLiteral("Account %1 not found").arg(accountId));
    if (body.contains(QLatin1String("do_not_contact")) && !body.value(QLatin1String("do_not_contact")).isBool()
        && !body.value(QLatin1String("do_not_contact")).isNull())
        return invalid(QStringLiteral("do_not_contact must be a boolean"));
    const QJsonValue tagsValue = body.value(QLatin1String("tags"));
    if (!tagsValue.isUndefined() && !tagsValue.isNull() && !tagsValue.isArray())
        return invalid(QStringLiteral("tags must be a list of tag ids"));
    QStringList tagNames;
    const QMap<QString, QJsonObject> contactTags = m_tags.value(QStringLiteral("contacts"));
    for (const QJsonValue& tag : tagsValue.toArray()) {
        if (!contactTags.contains(tag.toString()))
            return invalid(QStringLiteral("Unknown tag id: %1").arg(tag.toString()));
        tagNames << contactTags.value(tag.toString()).value(QLatin1String("name")).toString();
    }
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!it.key().startsWith(kCustomPrefix))
            continue;
        const QString fieldId = it.key().mid(kCustomPrefix.size());
        const auto field = std::find_if(m_customFields.cbegin(), m_customFields.cend(), [&](const QJsonObject& f) {
            return f.value(QLatin1String("id")).toString() == fieldId;
        });
        if (field == m_customFields.cend())
            return invalid(QStringLiteral("Unknown custom field: %1").arg(it.key()));
        // Enum and select fields take an option's key, not its display value.
        const QJsonArray allowed = field->value(QLatin1String("allowed_values")).toArray();
        if (!allowed.isEmpty() && !util::isBlank(it.value())) {
            QStringList keys;
            for (const QJsonValue& option : allowed)
                keys << option.toObject().value(QLatin1String("key")).toString();
            if (!it.value().isString() || !keys.contains(it.value().toString()))
                return invalid(QStringLiteral("Invalid value for %1: expected one of %2")
                                   .arg(it.key(), keys.join(QStringLiteral(", "))));
        }
    }

    const QString byEmail
        = updateId.isEmpty() ? m_contacts.lookup(QStringLiteral("email"), util::normalizeEmail(email)) : QString();
    const QString byLinkedin = updateId.isEmpty() ? m_contacts.lookup(QStringLiteral("linkedin"), linkedin) : QString();
    if (!byEmail.isEmpty() && !byLinkedin.isEmpty() && byEmail != byLinkedin
        && m_contacts.find(byEmail)->value(QLatin1String("account_id"))
            == m_contacts.find(byLinkedin)->value(QLatin1String("account_id")))
        return mcError(409, QStringLiteral("conflict"),
                       QStringLiteral("The identifiers resolve to two different contacts on the same account"));
    const QString id = !updateId.isEmpty() ? updateId : byEmail.isEmpty() ? byLinkedin : byEmail;
    const bool created = id.isEmpty();
    const QString now = util::isoTime(util::nowMs());
    QJsonObject contact;
    if (created) {
        const QString account = resolveAccount(body);
        contact = QJsonObject {{QStringLiteral("id"), util::uuid()},
                               {QStringLiteral("account_id"), account.isEmpty() ? QJsonValue() : QJsonValue(account)},
                               {QStringLiteral("source"), QStringLiteral("api")},
                               {QStringLiteral("do_not_contact"), false},
                               {QStringLiteral("scoring"), QJsonValue::Null},
                               {QStringLiteral("tags"), QJsonArray {}},
                               {QStringLiteral("created_at"), now}};
    } else {
        contact = *m_contacts.find(id);
    }
    for (const QString& key : kStoredKeys) {
        if (!util::isBlank(body.value(key)))
            contact.insert(key, body.value(key).toString().trimmed());
    }
    if (body.value(QLatin1String("do_not_contact")).isBool())
        contact.insert(QStringLiteral("do_not_contact"), body.value(QLatin1String("do_not_contact")));
    QStringList tags;
    for (const QJsonValue& tag : contact.value(QLatin1String("tags")).toArray())
        tags << tag.toString();
    for (const QString& name : std::as_const(tagNames)) {
        if (!tags.contains(name))
            tags << name; // appended, never replaced
    }
    contact.insert(QStringLiteral("tags"), QJsonArray::fromStringList(tags));
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (it.key().startsWith(kCustomPrefix) && !util::isBlank(it.value()))
            contact.insert(it.key(), it.value());
    }
    contact.insert(QStringLiteral("updated_at"), now);
    m_contacts.put(contact);
    EmulatorReply reply
        = EmulatorReply::json(200, QJsonObject {{QStringLiteral("data"), contact}, {QStringLiteral("meta"), meta()}});
    if (created)
        reply.extraDelayMs = m_createDelayMs;
    reply.createdRecord = created;
    return reply;
}

QString MonacoEmulator::validateFilters(const QJsonValue& filters) const
{
    if (filters.isUndefined() || filters.isNull())
        return {};
    if (filters.isObject()) {
        const QJsonObject expression = filters.toObject();
        const QString op = expression.value(QLatin1String("operator")).toString();
        if (op != QLatin1String("and") && op != QLatin1String("or"))
            return QStringLiteral("filters must be an array of conditions or an {operator, filters} expression");
        return validateFilters(expression.value(QLatin1String("filters")).toArray());
    }
    if (!filters.isArray())
        return QStringLiteral("filters must be an array");
    for (const QJsonValue& value : filters.toArray()) {
        const QJsonObject filter = value.toObject();
        if (filter.contains(QLatin1String("operator"))) {
            const QString nested = validateFilters(filter);
            if (!nested.isEmpty())
                return nested;
            continue;
        }
        const QString field = filter.value(QLatin1String("field")).toString();
        if (field == QLatin1String("updated_at") && !m_updatedFilterSupported)
            return QStringLiteral("Field updated_at is not filterable");
        if (!kFilterable.contains(field) && !field.startsWith(kCustomPrefix))
            return QStringLiteral("Field %1 is not filterable").arg(field);
        if (!kConditions.contains(filter.value(QLatin1String("condition")).toString()))
            return QStringLiteral("Unsupported condition for %1").arg(field);
    }
    return {};
}

bool MonacoEmulator::matches(const QJsonObject& contact, const QJsonValue& filters) const
{
    QJsonArray conditions = filters.toArray();
    bool any = false;
    if (filters.isObject()) {
        conditions = filters.toObject().value(QLatin1String("filters")).toArray();
        any = filters.toObject().value(QLatin1String("operator")).toString() == QLatin1String("or");
    }
    for (const QJsonValue& value : conditions) {
        const QJsonObject filter = value.toObject();
        bool hit = false;
        if (filter.contains(QLatin1String("operator"))) {
            hit = matches(contact, filter);
        } else {
            const QString field = filter.value(QLatin1String("field")).toString();
            const QString condition = filter.value(QLatin1String("condition")).toString();
            const QJsonValue actual = contact.value(field);
            const QJsonValue wanted = filter.value(QLatin1String("value"));
            const bool time = field.endsWith(QLatin1String("_at"));
            const QString text = actual.isArray() ? QString::fromUtf8(QJsonDocument(actual.toArray()).toJson())
                                                  : actual.toVariant().toString();
            const QString needle = wanted.toVariant().toString();
            const int order = time ? (util::parseTime(actual) < util::parseTime(wanted)
                                          ? -1
                                          : (util::parseTime(actual) > util::parseTime(wanted) ? 1 : 0))
                                   : text.compare(needle, Qt::CaseInsensitive);
            if (condition == QLatin1String("is") || condition == QLatin1String("equals"))
                hit = order == 0;
            else if (condition == QLatin1String("is_not"))
                hit = order != 0;
            else if (condition == QLatin1String("contains"))
                hit = text.contains(needle, Qt::CaseInsensitive);
            else if (condition == QLatin1String("greater_than"))
                hit = order > 0;
            else if (condition == QLatin1String("less_than"))
                hit = order < 0;
            else if (condition == QLatin1String("is_empty"))
                hit = util::isBlank(actual) || (actual.isArray() && actual.toArray().isEmpty());
            else if (condition == QLatin1String("is_not_empty"))
                hit = !util::isBlank(actual) && !(actual.isArray() && actual.toArray().isEmpty());
        }
        if (any && hit)
            return true;
        if (!any && !hit)
            return false;
    }
    return !any || conditions.isEmpty();
}

EmulatorReply MonacoEmulator::list(const QJsonObject& body) const
{
    const QJsonValue pageValue = body.value(QLatin1String("page"));
    const QJsonValue sizeValue = body.value(QLatin1String("page_size"));
    if (!pageValue.isUndefined() && (!pageValue.isDouble() || pageValue.toInt() < 1))
        return invalid(QStringLiteral("page must be an integer >= 1"));
    if (!sizeValue.isUndefined() && (!sizeValue.isDouble() || sizeValue.toInt() < 1 || sizeValue.toInt() > 500))
        return invalid(QStringLiteral("page_size must be between 1 and 500"));
    const QString error = validateFilters(body.value(QLatin1String("filters")));
    if (!error.isEmpty())
        return invalid(error);
    QString sort = body.value(QLatin1String("sort")).toString(QStringLiteral("-created_at"));
    const bool descending = sort.startsWith(QLatin1Char('-'));
    if (descending)
        sort = sort.mid(1);
    if (!kSortable.contains(sort))
        return invalid(QStringLiteral("Unsupported sort field: %1").arg(sort));
    if (faults().errorBody())
        return EmulatorReply::okWithErrorBody();
    const int page = faults().ignorePaging() ? 1 : pageValue.toInt(1);
    const int pageSize = sizeValue.toInt(50);

    QList<QJsonObject> rows;
    for (const QJsonObject& contact : m_contacts.all()) {
        if (matches(contact, body.value(QLatin1String("filters"))))
            rows.append(contact);
    }
    const bool time = sort.endsWith(QLatin1String("_at"));
    std::stable_sort(rows.begin(), rows.end(), [&](const QJsonObject& a, const QJsonObject& b) {
        const int c = time ? int(util::parseTime(a.value(sort)) > util::parseTime(b.value(sort)))
                - int(util::parseTime(a.value(sort)) < util::parseTime(b.value(sort)))
                           : a.value(sort).toString().compare(b.value(sort).toString());
        return descending ? c > 0 : c < 0;
    });
    QJsonArray data;
    for (qsizetype i = qsizetype(page - 1) * pageSize; i < rows.size() && data.size() < pageSize; ++i) {
        QJsonObject row = rows.at(i);
        if (faults().sparseRows()) {
            for (const QString& key : row.keys()) {
                if (key == QLatin1String("title") || key == QLatin1String("phone_number")
                    || key.startsWith(QLatin1String("custom_field_")))
                    row.remove(key);
            }
        }
        data.append(row);
    }
    const qsizetype phantom = faults().moreForever() ? FaultPlan::kPhantomRecords : 0;
    const qsizetype totalPages = (rows.size() + phantom + pageSize - 1) / pageSize;
    return EmulatorReply::json(200,
                               QJsonObject {{QStringLiteral("data"), data},
                                            {QStringLiteral("pagination"),
                                             QJsonObject {{QStringLiteral("page"), page},
                                                          {QStringLiteral("page_size"), pageSize},
                                                          {QStringLiteral("total_count"), rows.size() + phantom},
                                                          {QStringLiteral("total_pages"), totalPages}}},
                                            {QStringLiteral("meta"), meta()}});
}

EmulatorReply MonacoEmulator::schema() const
{
    QJsonArray fields;
    auto add = [&](const QString& name, const QString& key, const QString& type, bool updatable,
                   const QJsonValue& custom, const QJsonValue& enumSettings = QJsonValue::Null) {
        fields.append(QJsonObject {{QStringLiteral("name"), name},
                                   {QStringLiteral("key"), key},
                                   {QStringLiteral("type"), type},
                                   {QStringLiteral("filterable"), kFilterable.contains(key) || custom.isObject()},
                                   {QStringLiteral("sortable"), kSortable.contains(key)},
                                   {QStringLiteral("updatable"), updatable},
                                   {QStringLiteral("allowed_operators"), QJsonArray::fromStringList(kConditions)},
                                   {QStringLiteral("custom_field_settings"), custom},
                                   {QStringLiteral("enum_field_settings"), enumSettings}});
    };
    for (const QString& key : kStoredKeys)
        add(key, key, QStringLiteral("text"), true, QJsonValue::Null);
    add(QStringLiteral("do_not_contact"), QStringLiteral("do_not_contact"), QStringLiteral("boolean"), true,
        QJsonValue::Null);
    add(QStringLiteral("tags"), QStringLiteral("tags"), QStringLiteral("array"), true, QJsonValue::Null);
    add(QStringLiteral("created_at"), QStringLiteral("created_at"), QStringLiteral("datetime"), false,
        QJsonValue::Null);
    add(QStringLiteral("updated_at"), QStringLiteral("updated_at"), QStringLiteral("datetime"), false,
        QJsonValue::Null);
    for (const QJsonObject& field : m_customFields) {
        const QString id = field.value(QLatin1String("id")).toString();
        add(field.value(QLatin1String("name")).toString(), kCustomPrefix + id,
            field.value(QLatin1String("type")).toString(), true,
            QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("is_ai_auto_filled"), false}},
            field.contains(QLatin1String("allowed_values")) ? QJsonValue(
                QJsonObject {{QStringLiteral("allowed_values"), field.value(QLatin1String("allowed_values"))}})
                                                            : QJsonValue(QJsonValue::Null));
    }
    return EmulatorReply::json(200, QJsonObject {{QStringLiteral("data"), fields}, {QStringLiteral("meta"), meta()}});
}

} // namespace roster::emulator
