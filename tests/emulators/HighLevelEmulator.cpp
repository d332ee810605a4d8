#include "HighLevelEmulator.h"

#include "EmulatorUtil.h"
#include "HighLevelSearch.h"

#include <QJsonDocument>

namespace roster::emulator {

namespace {

const QByteArray kVersion = QByteArrayLiteral("2021-07-28");
const QStringList kStringKeys
    = {QStringLiteral("firstName"),   QStringLiteral("lastName"),    QStringLiteral("name"),
       QStringLiteral("email"),       QStringLiteral("gender"),      QStringLiteral("phone"),
       QStringLiteral("address1"),    QStringLiteral("city"),        QStringLiteral("state"),
       QStringLiteral("postalCode"),  QStringLiteral("website"),     QStringLiteral("timezone"),
       QStringLiteral("source"),      QStringLiteral("dateOfBirth"), QStringLiteral("country"),
       QStringLiteral("companyName"), QStringLiteral("assignedTo")};
const QStringList kOtherKeys = {QStringLiteral("locationId"),
                                QStringLiteral("dnd"),
                                QStringLiteral("dndSettings"),
                                QStringLiteral("inboundDndSettings"),
                                QStringLiteral("tags"),
                                QStringLiteral("customFields"),
                                QStringLiteral("createNewIfDuplicateAllowed")};

EmulatorReply hlError(int status, const QJsonValue& message, const QString& error = {})
{
    QJsonObject body {{QStringLiteral("statusCode"), status}, {QStringLiteral("message"), message}};
    if (!error.isEmpty())
        body.insert(QStringLiteral("error"), error);
    return EmulatorReply::json(status, body);
}

EmulatorReply unprocessable(const QStringList& messages)
{
    return hlError(422, QJsonArray::fromStringList(messages), QStringLiteral("Unprocessable Entity"));
}

// E.164 from what people type ("+1 888-888-8888"); empty when it cannot be a number.
QString normalizePhone(const QString& phone)
{
    QString digits;
    for (const QChar c : phone) {
        if (c.isDigit())
            digits.append(c);
        else if (!QStringLiteral(" -().+").contains(c))
            return {};
    }
    if (digits.size() < 7 || digits.size() > 15)
        return {};
    return QLatin1Char('+') + digits;
}

} // namespace

HighLevelEmulator::HighLevelEmulator(QObject* parent)
    : EmulatorServer(QStringLiteral("highlevel"), QString(), 100, 10000, parent)
    , m_contacts(QStringLiteral("id"))
    , m_locationId(defaultLocationId())
    , m_daily(200000, 86400000)
{
    m_contacts.addIndex(QStringLiteral("email"), [](const QJsonObject& r) {
        return QStringList {util::normalizeEmail(r.value(QLatin1String("email")).toString())};
    });
    m_contacts.addIndex(QStringLiteral("phone"),
                        [](const QJsonObject& r) { return QStringList {r.value(QLatin1String("phone")).toString()}; });

    addRoute("POST", QStringLiteral("/contacts/upsert"), QStringLiteral("upsert"),
             [this](const EmulatorRequest& request, const QStringList&) {
                 const auto body = request.jsonObject();
                 return body ? upsert(*body)
                             : hlError(400, QStringLiteral("Unexpected token in JSON"), QStringLiteral("Bad Request"));
             });
    addRoute("POST", QStringLiteral("/contacts/search"), QStringLiteral("search"),
             [this](const EmulatorRequest& request, const QStringList&) {
                 const auto body = request.jsonObject();
                 if (!body)
                     return hlError(400, QStringLiteral("Unexpected token in JSON"), QStringLiteral("Bad Request"));
                 if (body->value(QLatin1String("locationId")).isString()
                     && body->value(QLatin1String("locationId")).toString() != m_locationId)
                     return hlError(403, QStringLiteral("The token does not have access to this location."));
                 if (faults().errorBody())
                     return EmulatorReply::okWithErrorBody();
                 QJsonObject search = *body;
                 if (faults().ignorePaging()) {
                     search.remove(QStringLiteral("searchAfter"));
                     search.insert(QStringLiteral("page"), 1);
                 }
                 return HighLevelSearch(m_updatedFilterSupported, &faults()).run(search, m_contacts.all());
             });
    addRoute("GET", QStringLiteral("/contacts/([^/]+)"), QStringLiteral("get"),
             [this](const EmulatorRequest&, const QStringList& captures) {
                 const auto found = m_contacts.find(captures.at(0));
                 return found ? EmulatorReply::json(200, QJsonObject {{QStringLiteral("contact"), *found}})
                              : hlError(400, QStringLiteral("Contact not found"));
             });
    addRoute("PUT", QStringLiteral("/contacts/([^/]+)"), QStringLiteral("update"),
             [this](const EmulatorRequest& request, const QStringList& captures) {
                 return update(captures.at(0), request);
             });
    addRoute("DELETE", QStringLiteral("/contacts/([^/]+)"), QStringLiteral("delete"),
             [this](const EmulatorRequest&, const QStringList& captures) {
                 // "succeded" is the service's own spelling.
                 return m_contacts.remove(captures.at(0))
                     ? EmulatorReply::json(200, QJsonObject {{QStringLiteral("succeded"), true}})
                     : hlError(400, QStringLiteral("Contact not found"));
             });
    addRoute("GET", QStringLiteral("/locations/([^/]+)/customFields/?"), QStringLiteral("custom-fields"),
             [this](const EmulatorRequest& request, const QStringList& captures) {
                 return customFields(captures.at(0), request);
             });
    addRoute("POST", QStringLiteral("/locations/([^/]+)/customFields/?"), QStringLiteral("create-custom-field"),
             [this](const EmulatorRequest& request, const QStringList& captures) {
                 if (captures.at(0) != m_locationId)
                     return hlError(403, QStringLiteral("The token does not have access to this location."));
                 const auto body = request.jsonObject();
                 if (!body || util::isBlank(body->value(QLatin1String("name"))))
                     return unprocessable({QStringLiteral("name should not be empty")});
                 registerCustomFields(QJsonArray {*body});
                 return EmulatorReply::json(200, QJsonObject {{QStringLiteral("customField"), m_customFields.last()}});
             });
}

HighLevelEmulator::~HighLevelEmulator() = default;

QString HighLevelEmulator::defaultLocationId()
{
    return QStringLiteral("ve9EPM428h8vShlRW1KT");
}

QJsonArray HighLevelEmulator::recordsJson() const
{
    return m_contacts.toJsonArray();
}

QString HighLevelEmulator::registerCustomFields(const QJsonArray& fields)
{
    for (const QJsonValue& value : fields) {
        const QJsonObject field = value.toObject();
        const QString name = field.value(QLatin1String("name")).toString();
        QString key = field.value(QLatin1String("key")).toString(field.value(QLatin1String("fieldKey")).toString());
        if (key.isEmpty())
            key = name.toLower().replace(QLatin1Char(' '), QLatin1Char('_'));
        if (key.isEmpty())
            return QStringLiteral("a custom field needs a name or a key");
        if (!key.startsWith(QLatin1String("contact.")))
            key.prepend(QLatin1String("contact."));
        m_customFields.append(QJsonObject {
            {QStringLiteral("id"), field.value(QLatin1String("id")).toString(util::randomId({}, 20))},
            {QStringLiteral("name"), name.isEmpty() ? key.mid(8) : name},
            {QStringLiteral("fieldKey"), key},
            {QStringLiteral("dataType"), field.value(QLatin1String("dataType")).toString(QStringLiteral("TEXT"))},
            {QStringLiteral("picklistOptions"), field.value(QLatin1String("picklistOptions")).toArray()},
            {QStringLiteral("model"), QStringLiteral("contact")},
            {QStringLiteral("locationId"), m_locationId}});
    }
    return {};
}

QString HighLevelEmulator::seedContact(const QJsonObject& upsertBody)
{
    return seedContact(upsertBody, -1);
}

QString HighLevelEmulator::seedContact(const QJsonObject& upsertBody, qint64 dateAddedMs)
{
    QJsonObject body = upsertBody;
    if (!body.contains(QLatin1String("locationId")))
        body.insert(QStringLiteral("locationId"), m_locationId);
    const EmulatorReply reply = upsert(body, dateAddedMs);
    if (reply.status != 200)
        return {};
    return QJsonDocument::fromJson(reply.body)
        .object()
        .value(QLatin1String("contact"))
        .toObject()
        .value(QLatin1String("id"))
        .toString();
}

void HighLevelEmulator::setDailyLimit(int limit)
{
    m_daily.setLimit(limit, 86400000);
}

void HighLevelEmulator::setRateScale(double scale)
{
    EmulatorServer::setRateScale(scale);
    m_daily.setTimeScale(rateScale());
}

QString HighLevelEmulator::applyConfig(const QJsonObject& config)
{
    if (config.contains(QLatin1String("duplicateMatchOrder"))) {
        QStringList order;
        for (const QJsonValue& value : config.value(QLatin1String("duplicateMatchOrder")).toArray())
            order << value.toString();
        if (order.isEmpty() || !std::all_of(order.cbegin(), order.cend(), [](const QString& key) {
                return key == QLatin1String("email") || key == QLatin1String("phone");
            }))
            return QStringLiteral("duplicateMatchOrder must list \"email\" and/or \"phone\"");
        m_matchOrder = order;
    }
    if (config.contains(QLatin1String("allowDuplicates")))
        m_allowDuplicates = config.value(QLatin1String("allowDuplicates")).toBool();
    if (config.contains(QLatin1String("updatedFilterSupported")))
        m_updatedFilterSupported = config.value(QLatin1String("updatedFilterSupported")).toBool(true);
    if (config.contains(QLatin1String("dailyLimit")))
        setDailyLimit(config.value(QLatin1String("dailyLimit")).toInt(200000));
    return EmulatorServer::applyConfig(config);
}

QJsonObject HighLevelEmulator::configJson() const
{
    QJsonObject config = EmulatorServer::configJson();
    config.insert(QStringLiteral("locationId"), m_locationId);
    config.insert(QStringLiteral("duplicateMatchOrder"), QJsonArray::fromStringList(m_matchOrder));
    config.insert(QStringLiteral("allowDuplicates"), m_allowDuplicates);
    config.insert(QStringLiteral("updatedFilterSupported"), m_updatedFilterSupported);
    config.insert(QStringLiteral("dailyLimit"), m_daily.limit());
    return config;
}

std::optional<EmulatorReply> HighLevelEmulator::authenticate(const EmulatorRequest& request) const
{
    if (request.bearerToken() != apiKey())
        return hlError(401, QStringLiteral("Invalid token: access token is invalid"), QStringLiteral("Unauthorized"));
    if (request.header("version").trimmed() != kVersion)
        return hlError(400, QStringLiteral("version header was not found or is not supported"),
                       QStringLiteral("Bad Request"));
    return std::nullopt;
}

RateLimiter::Decision HighLevelEmulator::acquireRate()
{
    RateLimiter::Decision burst = m_limiter.acquire();
    m_lastDaily = burst.allowed ? m_daily.acquire() : m_daily.peek();
    burst.allowed = burst.allowed && m_lastDaily.allowed;
    return burst;
}

void HighLevelEmulator::addRateHeaders(EmulatorReply& reply, const RateLimiter::Decision& decision) const
{
    reply.setHeader("X-RateLimit-Max", QByteArray::number(decision.limit));
    reply.setHeader("X-RateLimit-Remaining", QByteArray::number(decision.remaining));
    reply.setHeader("X-RateLimit-Interval-Milliseconds", QByteArray::number(decision.windowMs));
    reply.setHeader("X-RateLimit-Limit-Daily", QByteArray::number(m_daily.limit()));
    reply.setHeader("X-RateLimit-Daily-Remaining", QByteArray::number(m_daily.peek().remaining));
}

EmulatorReply HighLevelEmulator::rateLimitedReply(const RateLimiter::Decision& decision) const
{
    EmulatorReply reply = hlError(429, QStringLiteral("Too Many Requests"), QStringLiteral("Too Many Requests"));
    addRateHeaders(reply, decision);
    return reply;
}

EmulatorReply HighLevelEmulator::notFoundReply(const EmulatorRequest& request) const
{
    return hlError(404, QStringLiteral("Cannot %1 %2").arg(QString::fromLatin1(request.method), request.path),
                   QStringLiteral("Not Found"));
}

void HighLevelEmulator::clearRecords()
{
    m_contacts.clear();
    m_daily.reset();
}

std::optional<QJsonObject> HighLevelEmulator::findCustomField(const QJsonObject& reference) const
{
    const QString id = reference.value(QLatin1String("id")).toString();
    QString key = reference.value(QLatin1String("key")).toString();
    if (!key.isEmpty() && !key.startsWith(QLatin1String("contact.")))
        key.prepend(QLatin1String("contact."));
    for (const QJsonObject& field : m_customFields) {
        if ((!id.isEmpty() && field.value(QLatin1String("id")).toString() == id)
            || (id.isEmpty() && !key.isEmpty() && field.value(QLatin1String("fieldKey")).toString() == key))
            return field;
    }
    return std::nullopt;
}

EmulatorReply HighLevelEmulator::update(const QString& id, const EmulatorRequest& request)
{
    const auto body = request.jsonObject();
    if (!body)
        return hlError(400, QStringLiteral("Unexpected token in JSON"), QStringLiteral("Bad Request"));
    if (!m_contacts.find(id))
        return hlError(404, QStringLiteral("Contact not found"), QStringLiteral("Not Found"));
    // UpdateContactDto (the official OpenAPI) has the upsert's properties but these.
    QStringList errors;
    for (const QString& key : {QStringLiteral("locationId"), QStringLiteral("companyName"), QStringLiteral("gender"),
                               QStringLiteral("createNewIfDuplicateAllowed")}) {
        if (body->contains(key))
            errors << QStringLiteral("property %1 should not exist").arg(key);
    }
    if (!errors.isEmpty())
        return unprocessable(errors);
    QJsonObject withLocation = *body;
    withLocation.insert(QStringLiteral("locationId"), m_locationId);
    return upsert(withLocation, -1, id);
}

EmulatorReply HighLevelEmulator::upsert(const QJsonObject& body, qint64 dateAddedMs, const QString& updateId)
{
    QStringList errors;
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!kStringKeys.contains(it.key()) && !kOtherKeys.contains(it.key()))
            errors << QStringLiteral("property %1 should not exist").arg(it.key());
        else if (kStringKeys.contains(it.key()) && !it.value().isString() && !it.value().isNull())
            errors << QStringLiteral("%1 must be a string").arg(it.key());
    }
    if (!body.value(QLatin1String("locationId")).isString() || util::isBlank(body.value(QLatin1String("locationId"))))
        errors << QStringLiteral("locationId should not be empty") << QStringLiteral("locationId must be a string");
    const QString email = body.value(QLatin1String("email")).toString().trimmed();
    if (!email.isEmpty() && !util::isValidEmail(email))
        errors << QStringLiteral("email must be an email");
    const QString phoneText = body.value(QLatin1String("phone")).toString().trimmed();
    const QString phone = normalizePhone(phoneText);
    if (!phoneText.isEmpty() && phone.isEmpty())
        errors << QStringLiteral("phone must be a valid phone number");
    const QJsonValue tags = body.value(QLatin1String("tags"));
    if (!tags.isUndefined() && !tags.isNull()
        && (!tags.isArray() || std::any_of(tags.toArray().begin(), tags.toArray().end(), [](const QJsonValue& v) {
               return !v.isString();
           })))
        errors << QStringLiteral("each value in tags must be a string");
    for (const QString& key : {QStringLiteral("dnd"), QStringLiteral("createNewIfDuplicateAllowed")}) {
        if (body.contains(key) && !body.value(key).isBool())
            errors << QStringLiteral("%1 must be a boolean value").arg(key);
    }
    const QJsonValue customValue = body.value(QLatin1String("customFields"));
    if (!customValue.isUndefined() && !customValue.isNull() && !customValue.isArray())
        errors << QStringLiteral("customFields must be an array");
    if (!errors.isEmpty())
        return unprocessable(errors);
    if (body.value(QLatin1String("locationId")).toString() != m_locationId)
        return hlError(403, QStringLiteral("The token does not have access to this location."));

    // Custom fields resolve before anything is written, so a bad one rejects the request.
    QList<QPair<QString, QJsonValue>> customValues;
    for (const QJsonValue& value : customValue.toArray()) {
        const QJsonObject reference = value.toObject();
        const auto field = findCustomField(reference);
        if (!field)
            return hlError(400,
                           QStringLiteral("Custom field %1 not found")
                               .arg(reference.value(QLatin1String("id"))
                                        .toString(reference.value(QLatin1String("key")).toString())),
                           QStringLiteral("Bad Request"));
        // field_value is documented; fieldValue is what PUT /contacts/{id} is reported to take.
        QJsonValue fieldValue = reference.value(QLatin1String("field_value"));
        if (fieldValue.isUndefined())
            fieldValue = reference.value(QLatin1String("fieldValue"));
        if (fieldValue.isUndefined())
            fieldValue = reference.value(QLatin1String("value"));
        // CheckboxField and MultiSelectField (the official OpenAPI) take a string array, nothing else.
        const QString type = field->value(QLatin1String("dataType")).toString();
        if ((type == QLatin1String("CHECKBOX") || type == QLatin1String("MULTIPLE_OPTIONS")) && !fieldValue.isNull()
            && (!fieldValue.isArray()
                || std::any_of(fieldValue.toArray().begin(), fieldValue.toArray().end(),
                               [](const QJsonValue& v) { return !v.isString(); })))
            return unprocessable({QStringLiteral("field_value of a %1 field must be an array of strings").arg(type)});
        customValues.append({field->value(QLatin1String("id")).toString(), fieldValue});
    }

    QString id = updateId;
    QString ignoredKey;
    const bool createDuplicate = m_allowDuplicates && body.value(QLatin1String("createNewIfDuplicateAllowed")).toBool();
    if (!createDuplicate && updateId.isEmpty()) {
        for (const QString& key : m_matchOrder) {
            const QString found = key == QLatin1String("email") ? m_contacts.lookup(key, util::normalizeEmail(email))
                                                                : m_contacts.lookup(key, phone);
            if (id.isEmpty())
                id = found;
            else if (!found.isEmpty() && found != id)
                ignoredKey = key; // belongs to another contact: dropped, as the service does
        }
    }
    const bool created = id.isEmpty();
    const qint64 now = util::nowMs();
    QJsonObject contact;
    if (created) {
        const qint64 added = dateAddedMs >= 0 ? dateAddedMs : now;
        contact = QJsonObject {
            {QStringLiteral("id"), util::randomId({}, 20)},     {QStringLiteral("locationId"), m_locationId},
            {QStringLiteral("type"), QStringLiteral("lead")},   {QStringLiteral("tags"), QJsonArray {}},
            {QStringLiteral("customFields"), QJsonArray {}},    {QStringLiteral("dnd"), false},
            {QStringLiteral("dateAdded"), util::isoTime(added)}};
    } else {
        contact = *m_contacts.find(id);
    }
    for (const QString& key : kStringKeys) {
        const QJsonValue value = body.value(key);
        if (util::isBlank(value) || key == ignoredKey)
            continue;
        if (key == QLatin1String("phone"))
            contact.insert(key, phone);
        else if (key == QLatin1String("email"))
            contact.insert(key, value.toString().trimmed().toLower());
        else
            contact.insert(key, value.toString());
    }
    if (body.value(QLatin1String("dnd")).isBool())
        contact.insert(QStringLiteral("dnd"), body.value(QLatin1String("dnd")));
    if (body.value(QLatin1String("dndSettings")).isObject())
        contact.insert(QStringLiteral("dndSettings"), body.value(QLatin1String("dndSettings")));
    if (tags.isArray())
        contact.insert(QStringLiteral("tags"), tags); // replaces every tag
    QJsonArray stored = contact.value(QLatin1String("customFields")).toArray();
    for (const auto& [fieldId, fieldValue] : customValues) {
        if (util::isBlank(fieldValue))
            continue;
        for (qsizetype i = stored.size() - 1; i >= 0; --i) {
            if (stored.at(i).toObject().value(QLatin1String("id")).toString() == fieldId)
                stored.removeAt(i);
        }
        stored.append(QJsonObject {{QStringLiteral("id"), fieldId}, {QStringLiteral("value"), fieldValue}});
    }
    contact.insert(QStringLiteral("customFields"), stored);
    const QString first = contact.value(QLatin1String("firstName")).toString();
    const QString last = contact.value(QLatin1String("lastName")).toString();
    if (!first.isEmpty() || !last.isEmpty())
        contact.insert(QStringLiteral("contactName"), QString(first + QLatin1Char(' ') + last).trimmed().toLower());
    contact.insert(QStringLiteral("dateUpdated"), util::isoTime(dateAddedMs >= 0 ? dateAddedMs : now));
    m_contacts.put(contact);
    if (!updateId.isEmpty()) // "succeded" (sic), as the reference spells it
        return EmulatorReply::json(
            200, QJsonObject {{QStringLiteral("succeded"), true}, {QStringLiteral("contact"), contact}});
    EmulatorReply reply = EmulatorReply::json(200,
                                              QJsonObject {{QStringLiteral("new"), created},
                                                           {QStringLiteral("contact"), contact},
                                                           {QStringLiteral("traceId"), util::uuid()}});
    reply.createdRecord = created;
    return reply;
}

EmulatorReply HighLevelEmulator::customFields(const QString& locationId, const EmulatorRequest& request) const
{
    if (locationId != m_locationId)
        return hlError(403, QStringLiteral("The token does not have access to this location."));
    const QString model = request.query.queryItemValue(QStringLiteral("model"));
    QJsonArray fields;
    if (model.isEmpty() || model == QLatin1String("contact") || model == QLatin1String("all")) {
        for (const QJsonObject& field : m_customFields)
            fields.append(field);
    }
    return EmulatorReply::json(200, QJsonObject {{QStringLiteral("customFields"), fields}});
}

} // namespace roster::emulator
