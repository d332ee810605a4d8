#include "LemlistEmulator.h"

#include "EmulatorUtil.h"
#include "LemlistCsvExport.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>

namespace roster::emulator {

namespace {

const QString kTeamId = QStringLiteral("tea_emulatorTeam00001");
const QString kKeyOwner = QStringLiteral("usr_emulatorOwner0001");

// Standard keys stored under `fields`, and the keys with a meaning of their own.
const QStringList kFieldKeys
    = {QStringLiteral("firstName"), QStringLiteral("lastName"),       QStringLiteral("phone"),
       QStringLiteral("jobTitle"),  QStringLiteral("jobDescription"), QStringLiteral("picture"),
       QStringLiteral("timezone"),  QStringLiteral("industry"),       QStringLiteral("languages"),
       QStringLiteral("location"),  QStringLiteral("skills"),         QStringLiteral("summary"),
       QStringLiteral("tagline")};
const QStringList kStringKeys
    = {QStringLiteral("contactId"),           QStringLiteral("email"),         QStringLiteral("linkedinUrl"),
       QStringLiteral("linkedinUrlSalesNav"), QStringLiteral("contactOwner"),  QStringLiteral("source"),
       QStringLiteral("companyId"),           QStringLiteral("companyDomain"), QStringLiteral("companyLinkedinUrl")};

EmulatorReply error(int status, const QString& code, const QString& message)
{
    return EmulatorReply::json(
        status,
        QJsonObject {{QStringLiteral("success"), false},
                     {QStringLiteral("error"),
                      QJsonObject {{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}});
}

QString str(const QJsonObject& object, const QString& key)
{
    return object.value(key).toString().trimmed();
}

} // namespace

LemlistEmulator::LemlistEmulator(QObject* parent)
    : EmulatorServer(QStringLiteral("lemlist"), QStringLiteral("/api"), 20, 2000, parent)
    , m_contacts(QStringLiteral("_id"))
{
    m_contacts.addIndex(QStringLiteral("email"), [](const QJsonObject& r) {
        return QStringList {util::normalizeEmail(str(r, QStringLiteral("email")))};
    });
    m_contacts.addIndex(QStringLiteral("linkedin"), [](const QJsonObject& r) {
        return QStringList {util::normalizeLinkedinUrl(str(r, QStringLiteral("linkedinUrl")))};
    });
    m_contacts.addIndex(QStringLiteral("salesnav"), [](const QJsonObject& r) {
        return QStringList {util::normalizeLinkedinUrl(str(r, QStringLiteral("linkedinUrlSalesNav")))};
    });
    m_teamMembers.insert(kKeyOwner, QStringLiteral("owner@emulator.test"));

    addRoute("POST", QStringLiteral("/api/contacts/?"), QStringLiteral("upsert"),
             [this](const EmulatorRequest& request, const QStringList&) {
                 const auto body = request.jsonObject();
                 if (!body)
                     return error(400, QStringLiteral("CONTACT_VALIDATION_FAILED"),
                                  QStringLiteral("The request body must be a JSON object"));
                 return upsert(*body);
             });
    addRoute("GET", QStringLiteral("/api/contacts/?"), QStringLiteral("list"),
             [this](const EmulatorRequest& request, const QStringList&) { return list(request); });
    // Before "get", which would take "export" for a contact id.
    addRoute("GET", QStringLiteral("/api/contacts/export/?"), QStringLiteral("export"),
             [this](const EmulatorRequest& request, const QStringList&) { return exportCsv(request); });
    addRoute("GET", QStringLiteral("/api/contacts/([^/]+)"), QStringLiteral("get"),
             [this](const EmulatorRequest&, const QStringList& captures) { return getOne(captures.at(0)); });
    addRoute("DELETE", QStringLiteral("/api/contacts/([^/]+)"), QStringLiteral("delete"),
             [this](const EmulatorRequest&, const QStringList& captures) { return remove(captures.at(0)); });
    addRoute("GET", QStringLiteral("/api/fields/?"), QStringLiteral("fields"),
             [this](const EmulatorRequest& request, const QStringList&) { return fields(request); });
}

LemlistEmulator::~LemlistEmulator() = default;

QJsonArray LemlistEmulator::recordsJson() const
{
    return m_contacts.toJsonArray();
}

std::optional<QJsonObject> LemlistEmulator::contact(const QString& idOrEmail) const
{
    return m_contacts.find(resolveId(idOrEmail));
}

QString LemlistEmulator::registerCustomFields(const QJsonArray& fields)
{
    for (const QJsonValue& value : fields) {
        const QJsonObject field = value.toObject();
        const QString name = field.contains(QLatin1String("name")) ? str(field, QStringLiteral("name"))
                                                                   : str(field, QStringLiteral("key"));
        if (name.isEmpty())
            return QStringLiteral("a custom field needs a name");
        if (kFieldKeys.contains(name) || kStringKeys.contains(name) || name == QLatin1String("additionalEmails"))
            return QStringLiteral("%1 is a standard field").arg(name);
        m_customFields.append(
            QJsonObject {{QStringLiteral("name"), name},
                         {QStringLiteral("label"), field.value(QLatin1String("label")).toString(name)},
                         {QStringLiteral("type"), field.value(QLatin1String("type")).toString(QStringLiteral("text"))},
                         {QStringLiteral("source"), QStringLiteral("custom")}});
    }
    return {};
}

QString LemlistEmulator::seedContact(const QJsonObject& upsertBody)
{
    const EmulatorReply reply = upsert(upsertBody);
    if (reply.status >= 300)
        return {};
    return QJsonDocument::fromJson(reply.body)
        .object()
        .value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("_id"))
        .toString();
}

void LemlistEmulator::addCompany(const QString& id, const QString& domain, const QString& linkedinUrl,
                                 const QString& name)
{
    m_companies.append(Company {id, domain.toLower(), util::normalizeLinkedinUrl(linkedinUrl), name});
}

void LemlistEmulator::addTeamMember(const QString& userId, const QString& email)
{
    m_teamMembers.insert(userId, util::normalizeEmail(email));
}

QString LemlistEmulator::applyConfig(const QJsonObject& config)
{
    if (config.contains(QLatin1String("listArrayKey")))
        m_listArrayKey = config.value(QLatin1String("listArrayKey")).toString(QStringLiteral("data"));
    if (config.contains(QLatin1String("listMaxLimit")))
        m_listMaxLimit = config.value(QLatin1String("listMaxLimit")).toInt(100);
    if (config.contains(QLatin1String("exportStatus")))
        m_exportStatus = config.value(QLatin1String("exportStatus")).toInt();
    if (config.contains(QLatin1String("exportFormat"))) {
        const QString format = config.value(QLatin1String("exportFormat")).toString();
        if (format != QLatin1String("csv") && format != QLatin1String("human") && format != QLatin1String("json"))
            return QStringLiteral("exportFormat must be csv, human or json");
        m_exportFormat = format;
    }
    if (config.contains(QLatin1String("exportTruncateAt")))
        m_exportTruncateAt = config.value(QLatin1String("exportTruncateAt")).toDouble();
    return EmulatorServer::applyConfig(config);
}

QJsonObject LemlistEmulator::configJson() const
{
    QJsonObject config = EmulatorServer::configJson();
    config.insert(QStringLiteral("listArrayKey"), m_listArrayKey);
    config.insert(QStringLiteral("listMaxLimit"), m_listMaxLimit);
    config.insert(QStringLiteral("exportStatus"), m_exportStatus);
    config.insert(QStringLiteral("exportFormat"), m_exportFormat);
    config.insert(QStringLiteral("exportTruncateAt"), m_exportTruncateAt);
    return config;
}

std::optional<EmulatorReply> LemlistEmulator::authenticate(const EmulatorRequest& request) const
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.toLower().startsWith("basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        // The login is always empty: ":KEY".
        if (decoded == ':' + apiKey())
            return std::nullopt;
    } else if (authorization.isEmpty()
               && request.query.queryItemValue(QStringLiteral("access_token")).toUtf8() == apiKey()) {
        return std::nullopt;
    }
    return EmulatorReply::text(401, QStringLiteral("The authentication you supplied is incorrect"));
}

void LemlistEmulator::addRateHeaders(EmulatorReply& reply, const RateLimiter::Decision& decision) const
{
    const QDateTime reset = QDateTime::currentDateTimeUtc().addMSecs(decision.resetInMs);
    reply.setHeader("X-RateLimit-Limit", QByteArray::number(decision.limit));
    reply.setHeader("X-RateLimit-Remaining", QByteArray::number(decision.remaining));
    // A JavaScript Date.toString(), as lemlist sends it.
    reply.setHeader("X-RateLimit-Reset",
                    QLocale::c().toString(reset, QStringLiteral("ddd MMM dd yyyy HH:mm:ss")).toLatin1()
                        + " GMT+0000 (Coordinated Universal Time)");
}

EmulatorReply LemlistEmulator::rateLimitedReply(const RateLimiter::Decision& decision) const
{
    EmulatorReply reply = EmulatorReply::text(429, QStringLiteral("Too Many Requests"));
    addRateHeaders(reply, decision);
    const qint64 seconds = std::max<qint64>(1, qint64(std::ceil(double(decision.resetInMs) / 1000.0)));
    reply.setHeader("Retry-After", QByteArray::number(seconds));
    return reply;
}

void LemlistEmulator::clearRecords()
{
    m_contacts.clear();
}

std::optional<EmulatorReply> LemlistEmulator::handleExtraControl(const QString& name, const EmulatorRequest& request)
{
    const QJsonArray items = QJsonDocument::fromJson(request.body).array();
    if (name == QLatin1String("companies") && request.method == "POST") {
        for (const QJsonValue& value : items) {
            const QJsonObject company = value.toObject();
            addCompany(str(company, QStringLiteral("_id")), str(company, QStringLiteral("domain")),
                       str(company, QStringLiteral("linkedinUrl")), str(company, QStringLiteral("name")));
        }
        return EmulatorReply::json(200, QJsonObject {{QStringLiteral("ok"), true}});
    }
    if (name == QLatin1String("users") && request.method == "POST") {
        for (const QJsonValue& value : items)
            addTeamMember(str(value.toObject(), QStringLiteral("_id")), str(value.toObject(), QStringLiteral("email")));
        return EmulatorReply::json(200, QJsonObject {{QStringLiteral("ok"), true}});
    }
    return std::nullopt;
}

QString LemlistEmulator::validate(const QJsonObject& body, QString* message) const
{
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == QLatin1String("additionalEmails")) {
            if (value.isNull())
                continue;
            const QJsonArray emails = value.toArray();
            bool valid = value.isArray();
            for (const QJsonValue& email : emails)
                valid = valid && email.isString() && util::isValidEmail(email.toString());
            if (!valid) {
                *message = QStringLiteral("additionalEmails must be an array of valid email addresses");
                return QStringLiteral("INVALID_ADDITIONAL_EMAILS");
            }
            continue;
        }
        if (kFieldKeys.contains(key) || kStringKeys.contains(key)) {
            if (!value.isString() && !value.isNull()) {
                *message = QStringLiteral("\"%1\" must be a string").arg(key);
                return QStringLiteral("CONTACT_VALIDATION_FAILED");
            }
            continue;
        }
        auto field = std::find_if(m_customFields.cbegin(), m_customFields.cend(), [&](const QJsonObject& f) {
            return f.value(QLatin1String("name")).toString() == key;
        });
        if (field == m_customFields.cend()) {
            *message = QStringLiteral("Field \"%1\" is not registered in the CRM field registry").arg(key);
            return QStringLiteral("INVALID_FIELD");
        }
        const QString type = field->value(QLatin1String("type")).toString();
        const bool ok = value.isNull() || (type == QLatin1String("number") && value.isDouble())
            || (type == QLatin1String("boolean") && value.isBool())
            || (type != QLatin1String("number") && type != QLatin1String("boolean")
                && (value.isString() || value.isDouble()));
        if (!ok) {
            *message = QStringLiteral("\"%1\" must be of type %2").arg(key, type);
            return QStringLiteral("CONTACT_VALIDATION_FAILED");
        }
    }
    const QString contactId = str(body, QStringLiteral("contactId"));
    if (contactId.isEmpty() && str(body, QStringLiteral("email")).isEmpty()
        && str(body, QStringLiteral("linkedinUrl")).isEmpty()
        && str(body, QStringLiteral("linkedinUrlSalesNav")).isEmpty()) {
        *message = QStringLiteral("At least one identifier is required: email, linkedinUrl or contactId");
        return QStringLiteral("MISSING_IDENTIFIER");
    }
    static const QRegularExpression idPattern(QStringLiteral("^ctc_[A-Za-z0-9]+$"));
    if (!contactId.isEmpty() && !idPattern.match(contactId).hasMatch()) {
        *message = QStringLiteral("contactId must be a contact id (ctc_...)");
        return QStringLiteral("INVALID_CONTACT_ID");
    }
    const QString email = str(body, QStringLiteral("email"));
    if (!email.isEmpty() && !util::isValidEmail(email)) {
        *message = QStringLiteral("Invalid email: %1").arg(email);
        return QStringLiteral("INVALID_EMAIL");
    }
    const QString linkedin = str(body, QStringLiteral("linkedinUrl"));
    const QString salesNav = str(body, QStringLiteral("linkedinUrlSalesNav"));
    if ((!linkedin.isEmpty() && !util::isLinkedinProfileUrl(linkedin))
        || (!salesNav.isEmpty() && !util::isSalesNavUrl(salesNav))) {
        *message = QStringLiteral("Invalid LinkedIn URL");
        return QStringLiteral("INVALID_LINKEDIN_URL");
    }
    return {};
}

EmulatorReply LemlistEmulator::upsert(const QJsonObject& body)
{
    QString message;
    const QString code = validate(body, &message);
    if (!code.isEmpty())
        return error(400, code, message);

    QString id;
    const QString contactId = str(body, QStringLiteral("contactId"));
    if (!contactId.isEmpty()) {
        if (!m_contacts.find(contactId))
            return error(400, QStringLiteral("CONTACT_NOT_FOUND_BY_ID"),
                         QStringLiteral("No contact found with id %1").arg(contactId));
        id = contactId;
    } else {
        id = m_contacts.lookup(QStringLiteral("email"), util::normalizeEmail(str(body, QStringLiteral("email"))));
        if (id.isEmpty())
            id = m_contacts.lookup(QStringLiteral("linkedin"),
                                   util::normalizeLinkedinUrl(str(body, QStringLiteral("linkedinUrl"))));
        if (id.isEmpty())
            id = m_contacts.lookup(QStringLiteral("salesnav"),
                                   util::normalizeLinkedinUrl(str(body, QStringLiteral("linkedinUrlSalesNav"))));
    }
    const bool created = id.isEmpty();
    QJsonObject record;
    if (created) {
        id = util::randomId(QStringLiteral("ctc_"), 17);
        record
            = QJsonObject {{QStringLiteral("_id"), id},
                           {QStringLiteral("teamId"), kTeamId},
                           {QStringLiteral("fields"), QJsonObject {}},
                           {QStringLiteral("ownerId"), kKeyOwner},
                           {QStringLiteral("source"),
                            util::isBlank(body.value(QLatin1String("source"))) ? QStringLiteral("api")
                                                                               : str(body, QStringLiteral("source"))},
                           {QStringLiteral("createdAt"), util::isoTime(util::nowMs())},
                           {QStringLiteral("createdBy"), kKeyOwner},
                           {QStringLiteral("unsubscribed"), false}};
    } else {
        record = *m_contacts.find(id);
    }

    QJsonObject fields = record.value(QLatin1String("fields")).toObject();
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        const QString key = it.key();
        const bool identity = key == QLatin1String("email") || key == QLatin1String("linkedinUrl")
            || key == QLatin1String("linkedinUrlSalesNav");
        if (util::isBlank(it.value()) || (kStringKeys.contains(key) && !identity))
            continue;
        if (identity)
            record.insert(key, it.value().toString().trimmed());
        else if (key == QLatin1String("additionalEmails")) {
            if (!it.value().toArray().isEmpty())
                record.insert(key, it.value());
        } else
            fields.insert(key, it.value());
    }
    record.insert(QStringLiteral("fields"), fields);

    const QString owner = str(body, QStringLiteral("contactOwner"));
    if (!owner.isEmpty()) {
        // Unknown owners are silently ignored, as documented.
        for (auto it = m_teamMembers.cbegin(); it != m_teamMembers.cend(); ++it) {
            if (it.key() == owner || it.value() == util::normalizeEmail(owner))
                record.insert(QStringLiteral("ownerId"), it.key());
        }
    }

    QJsonArray warnings;
    bool companyLinked = false;
    const QString companyId = str(body, QStringLiteral("companyId"));
    const QString companyDomain = str(body, QStringLiteral("companyDomain")).toLower();
    const QString companyLinkedin = util::normalizeLinkedinUrl(str(body, QStringLiteral("companyLinkedinUrl")));
    if (!companyId.isEmpty() || !companyDomain.isEmpty() || !companyLinkedin.isEmpty()) {
        // Only the highest-priority reference given is used; it must name an existing company.
        auto found = std::find_if(m_companies.cbegin(), m_companies.cend(), [&](const Company& c) {
            if (!companyId.isEmpty())
                return c.id == companyId;
            if (!companyDomain.isEmpty())
                return c.domain == companyDomain;
            return !c.linkedinUrl.isEmpty() && c.linkedinUrl == companyLinkedin;
        });
        if (found != m_companies.cend()) {
            record.insert(QStringLiteral("companyId"), found->id);
            companyLinked = true;
        } else {
            warnings.append(QJsonObject {
                {QStringLiteral("code"), QStringLiteral("COMPANY_NOT_FOUND")},
                {QStringLiteral("message"), QStringLiteral("No existing company matches the given reference")}});
        }
    }
    m_contacts.put(record);

    QJsonObject data = record;
    QJsonArray emails;
    if (!str(record, QStringLiteral("email")).isEmpty())
        emails.append(QJsonObject {{QStringLiteral("value"), record.value(QLatin1String("email"))}});
    for (const QJsonValue& extra : record.value(QLatin1String("additionalEmails")).toArray())
        emails.append(QJsonObject {{QStringLiteral("value"), extra}});
    data.remove(QStringLiteral("email"));
    data.remove(QStringLiteral("additionalEmails"));
    data.insert(QStringLiteral("emails"), emails);
    data.insert(QStringLiteral("created"), created);
    if (!created)
        data.insert(QStringLiteral("updated"), true);
    data.insert(QStringLiteral("companyLinked"), companyLinked);
    QJsonObject response {{QStringLiteral("success"), true}, {QStringLiteral("data"), data}};
    if (!warnings.isEmpty())
        response.insert(QStringLiteral("warnings"), warnings);
    EmulatorReply reply = EmulatorReply::json(created ? 201 : 200, response);
    reply.createdRecord = created;
    return reply;
}

QJsonObject LemlistEmulator::readShape(const QJsonObject& record) const
{
    QJsonObject read = record;
    const QJsonObject fields = record.value(QLatin1String("fields")).toObject();
    const QString fullName = QString(fields.value(QLatin1String("firstName")).toString() + QLatin1Char(' ')
                                     + fields.value(QLatin1String("lastName")).toString())
                                 .trimmed();
    read.insert(QStringLiteral("fullName"), fullName);
    // Reads show what lemlist computes inside `fields` (its OpenAPI's examples); an upsert naming these keys
    // is refused as unregistered.
    QJsonObject computed = fields;
    computed.insert(QStringLiteral("isActiveInCampaigns"), false);
    computed.insert(QStringLiteral("leadStatus"), QStringLiteral("Not contacted"));
    read.insert(QStringLiteral("fields"), computed);
    read.insert(QStringLiteral("campaigns"), QJsonArray {});
    read.insert(QStringLiteral("fieldRejections"), QJsonArray {});
    return read;
}

QString LemlistEmulator::resolveId(const QString& idOrEmail) const
{
    if (idOrEmail.contains(QLatin1Char('@')))
        return m_contacts.lookup(QStringLiteral("email"), util::normalizeEmail(idOrEmail));
    return m_contacts.find(idOrEmail) ? idOrEmail : QString();
}

EmulatorReply LemlistEmulator::list(const EmulatorRequest& request) const
{
    const QUrlQuery& query = request.query;
    if (query.hasQueryItem(QStringLiteral("idsOrEmails"))) {
        const QStringList keys = query.queryItemValue(QStringLiteral("idsOrEmails"), QUrl::FullyDecoded)
                                     .split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (keys.size() > 100)
            return EmulatorReply::text(400, QStringLiteral("idsOrEmails accepts at most 100 values"));
        QJsonArray found;
        for (const QString& key : keys) {
            if (auto record = m_contacts.find(resolveId(key.trimmed())))
                found.append(readShape(*record));
        }
        return EmulatorReply::json(200, found);
    }
    bool limitOk = true;
    bool offsetOk = true;
    int limit = query.hasQueryItem(QStringLiteral("limit"))
        ? query.queryItemValue(QStringLiteral("limit")).toInt(&limitOk)
        : 20;
    int offset = query.hasQueryItem(QStringLiteral("offset"))
        ? query.queryItemValue(QStringLiteral("offset")).toInt(&offsetOk)
        : 0;
    if (!limitOk || limit < 1 || !offsetOk || offset < 0)
        return EmulatorReply::text(400,
                                   QStringLiteral("limit must be a positive number and offset a non-negative number"));
    limit = std::min(limit, m_listMaxLimit);
    if (faults().errorBody())
        return EmulatorReply::okWithErrorBody();
    if (faults().ignorePaging())
        offset = 0;
    const QString email = util::normalizeEmail(query.queryItemValue(QStringLiteral("email"), QUrl::FullyDecoded));
    QJsonArray page;
    int total = 0;
    for (const QJsonObject& record : m_contacts.all()) {
        if (!email.isEmpty() && util::normalizeEmail(str(record, QStringLiteral("email"))) != email)
            continue;
        if (total >= offset && page.size() < limit) {
            QJsonObject row = readShape(record);
            if (faults().sparseRows())
                row.remove(QStringLiteral("fields"));
            page.append(row);
        }
        ++total;
    }
    if (faults().moreForever())
        total += FaultPlan::kPhantomRecords;
    return EmulatorReply::json(200,
                               QJsonObject {{m_listArrayKey, page},
                                            {QStringLiteral("total"), total},
                                            {QStringLiteral("limit"), limit},
                                            {QStringLiteral("offset"), offset}});
}

EmulatorReply LemlistEmulator::getOne(const QString& idOrEmail) const
{
    const auto record = m_contacts.find(resolveId(QUrl::fromPercentEncoding(idOrEmail.toUtf8())));
    if (!record)
        return error(404, QStringLiteral("CONTACT_NOT_FOUND"), QStringLiteral("Contact not found"));
    return EmulatorReply::json(200, readShape(*record));
}

EmulatorReply LemlistEmulator::remove(const QString& idOrEmail)
{
    const QString id = resolveId(QUrl::fromPercentEncoding(idOrEmail.toUtf8()));
    if (id.isEmpty() || !m_contacts.remove(id))
        return error(404, QStringLiteral("CONTACT_NOT_FOUND"), QStringLiteral("Contact not found"));
    return EmulatorReply::json(
        200, QJsonObject {{QStringLiteral("success"), true}, {QStringLiteral("deletedContactId"), id}});
}

EmulatorReply LemlistEmulator::fields(const EmulatorRequest& request) const
{
    const QString entity = request.query.queryItemValue(QStringLiteral("entity"));
    const QString source = request.query.queryItemValue(QStringLiteral("source"));
    if (!entity.isEmpty() && entity != QLatin1String("contact") && entity != QLatin1String("company"))
        return EmulatorReply::text(400, QStringLiteral("entity must be contact or company"));
    QJsonArray contactFields;
    if (source.isEmpty() || source == QLatin1String("default")) {
        for (const QString& name : kFieldKeys + QStringList {QStringLiteral("email"), QStringLiteral("linkedinUrl")}) {
            contactFields.append(
                QJsonObject {{QStringLiteral("name"), name},
                             {QStringLiteral("label"), name},
                             {QStringLiteral("type"),
                              name == QLatin1String("phone") ? QStringLiteral("phone") : QStringLiteral("text")},
                             {QStringLiteral("source"), QStringLiteral("default")}});
        }
    }
    if (source.isEmpty() || source == QLatin1String("custom")) {
        for (const QJsonObject& field : m_customFields)
            contactFields.append(field);
    }
    if (source.isEmpty() || source == QLatin1String("crm_synced"))
        contactFields.append(QJsonObject {{QStringLiteral("name"), QStringLiteral("leadStatus")},
                                          {QStringLiteral("label"), QStringLiteral("leadStatus")},
                                          {QStringLiteral("type"), QStringLiteral("text")},
                                          {QStringLiteral("source"), QStringLiteral("crm_synced")},
                                          {QStringLiteral("crmField"), QStringLiteral("hs_lead_status")}});
    QJsonObject data;
    if (entity.isEmpty() || entity == QLatin1String("contact"))
        data.insert(QStringLiteral("contact"), contactFields);
    if (entity.isEmpty() || entity == QLatin1String("company"))
        data.insert(QStringLiteral("company"), QJsonArray {});
    return EmulatorReply::json(200, QJsonObject {{QStringLiteral("success"), true}, {QStringLiteral("data"), data}});
}

EmulatorReply LemlistEmulator::exportCsv(const EmulatorRequest& request) const
{
    switch (m_exportStatus) {
    case 0:
        break;
    case 403:
        return EmulatorReply::text(403, QStringLiteral("Forbidden: exports are not part of this plan"));
    case 404:
        return EmulatorReply::text(404, QStringLiteral("Not Found"));
    case 405:
        return EmulatorReply::text(405, QStringLiteral("Method Not Allowed"));
    default:
        return EmulatorReply::text(m_exportStatus, QStringLiteral("Export refused"));
    }
    const QString entity = request.query.queryItemValue(QStringLiteral("entity"));
    if (!entity.isEmpty() && entity != QLatin1String("contact"))
        return EmulatorReply::text(400, QStringLiteral("entity must be contact"));
    if (faults().errorBody())
        return EmulatorReply::okWithErrorBody();
    QList<QJsonObject> contacts;
    for (const QJsonObject& record : m_contacts.all())
        contacts << readShape(record);
    if (m_exportFormat == QLatin1String("json")) {
        QJsonArray rows;
        for (const QJsonObject& contact : std::as_const(contacts))
            rows.append(contact);
        return EmulatorReply::json(200, rows);
    }
    QStringList customNames;
    for (const QJsonObject& field : m_customFields)
        customNames << field.value(QLatin1String("name")).toString();
    EmulatorReply reply;
    reply.status = 200;
    reply.contentType = QByteArrayLiteral("text/csv; charset=utf-8");
    reply.setHeader("Content-Disposition", "attachment; filename=\"contacts.csv\"");
    reply.body = LemlistCsvExport::render(contacts, customNames, m_exportFormat == QLatin1String("human"));
    if (m_exportTruncateAt > 0.0 && m_exportTruncateAt < 1.0)
        reply.body.truncate(qsizetype(double(reply.body.size()) * m_exportTruncateAt));
    return reply;
}

} // namespace roster::emulator
