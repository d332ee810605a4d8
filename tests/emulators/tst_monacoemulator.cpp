#include "HttpTestClient.h"
#include "MonacoEmulator.h"

#include <QUuid>
#include <QtTest>

using namespace roster::emulator;

// Monaco's contract (003) and PROVIDERS.md §4, over HTTP on loopback.
class TestMonacoEmulator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void authentication_data();
    void authentication();
    void validationErrors_data();
    void validationErrors();
    void createUpdateTagsCustomFields();
    void accountResolution_data();
    void accountResolution();
    void matching();
    void slowCreates();
    void listPaging();
    void listFilters();
    void getDeleteSchemaMe();
    void rateLimit();
    void updateById();
    void createFaults();
    void listTagsNeedsObject_data();
    void listTagsNeedsObject();
    void createTag_data();
    void createTag();
    void tagsPerObject();
    void enumCustomField_data();
    void enumCustomField();

private:
    HttpTestClient::Response upsert(const QJsonObject& body)
    {
        return m_client->put(QStringLiteral("/v1/contacts/"), body);
    }
    QJsonObject data(const HttpTestClient::Response& reply) const
    {
        return reply.json().value(QLatin1String("data")).toObject();
    }

    std::unique_ptr<MonacoEmulator> m_emulator;
    std::unique_ptr<HttpTestClient> m_client;
};

void TestMonacoEmulator::init()
{
    m_emulator = std::make_unique<MonacoEmulator>();
    QVERIFY(m_emulator->start() != 0);
    m_emulator->rateLimiter().setEnabled(false);
    m_emulator->addTag(QStringLiteral("11111111-1111-4111-8111-111111111111"), QStringLiteral("vip"));
    m_emulator->addTag(QStringLiteral("22222222-2222-4222-8222-222222222222"), QStringLiteral("partner"));
    m_emulator->addAccount(QStringLiteral("acc-acme"), QStringLiteral("acme.com"), QStringLiteral("Acme"));
    m_client = std::make_unique<HttpTestClient>(m_emulator->baseUrl());
    m_client->setBearer(m_emulator->apiKey());
}

void TestMonacoEmulator::cleanup()
{
    m_client.reset();
    m_emulator.reset();
}

void TestMonacoEmulator::authentication_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    QTest::newRow("ok") << QByteArray("mks_test0000000000000000000000000000000000000000000") << 200 << QString();
    QTest::newRow("none") << QByteArray() << 401 << QStringLiteral("No key found");
    QTest::newRow("wrong") << QByteArray("mks_wrong") << 401 << QStringLiteral("Invalid API key");
}

void TestMonacoEmulator::authentication()
{
    QFETCH(QByteArray, token);
    QFETCH(int, status);
    QFETCH(QString, detail);
    if (token.isEmpty())
        m_client->removeHeader("Authorization");
    else
        m_client->setBearer(token);
    const auto reply = m_client->get(QStringLiteral("/v1/me"));
    QCOMPARE(reply.status, status);
    if (!detail.isEmpty())
        QCOMPARE(reply.json().value(QLatin1String("detail")).toString(), detail);
}

void TestMonacoEmulator::validationErrors_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("status");
    QTest::newRow("no identifier") << QByteArray(R"({"first_name":"Jane"})") << 422;
    QTest::newRow("linkedin only") << QByteArray(R"({"linkedin_url":"https://linkedin.com/in/jane"})") << 422;
    QTest::newRow("bad email") << QByteArray(R"({"email":"jane"})") << 422;
    QTest::newRow("bad linkedin") << QByteArray(R"({"linkedin_url":"https://example.com/jane","domain":"acme.com"})")
                                  << 422;
    QTest::newRow("unknown account") << QByteArray(R"({"email":"j@acme.com","account_id":"acc-none"})") << 404;
    QTest::newRow("unknown tag") << QByteArray(R"({"email":"j@acme.com","tags":["vip"]})") << 422;
    QTest::newRow("unknown custom field") << QByteArray(R"({"email":"j@acme.com","custom_field_nope":"x"})") << 422;
    QTest::newRow("wrong type") << QByteArray(R"({"email":"j@acme.com","title":7})") << 422;
    QTest::newRow("malformed") << QByteArray(R"({"email")") << 400;
}

void TestMonacoEmulator::validationErrors()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, status);
    const auto reply = m_client->send("PUT", QStringLiteral("/v1/contacts/"), payload);
    QCOMPARE(reply.status, status);
    const QJsonObject error = reply.json().value(QLatin1String("error")).toObject();
    QVERIFY2(!error.value(QLatin1String("code")).toString().isEmpty()
                 && !error.value(QLatin1String("message")).toString().isEmpty(),
             reply.body.constData());
    QCOMPARE(m_emulator->recordCount(), 0);
}

void TestMonacoEmulator::createUpdateTagsCustomFields()
{
    m_emulator->registerCustomFields({QJsonObject {{QStringLiteral("id"), QStringLiteral("cf1")},
                                                   {QStringLiteral("name"), QStringLiteral("Score")}}});
    auto reply = upsert({{QStringLiteral("email"), QStringLiteral("Jane@Acme.com")},
                         {QStringLiteral("first_name"), QStringLiteral("Jane")},
                         {QStringLiteral("tags"), QJsonArray {QStringLiteral("11111111-1111-4111-8111-111111111111")}},
                         {QStringLiteral("custom_field_cf1"), QStringLiteral("90")}});
    QCOMPARE(reply.status, 200);
    const QString id = data(reply).value(QLatin1String("id")).toString();
    QCOMPARE(data(reply).value(QLatin1String("tags")).toArray(), QJsonArray({QStringLiteral("vip")}));
    QCOMPARE(data(reply).value(QLatin1String("custom_field_cf1")).toString(), QStringLiteral("90"));
    QVERIFY(reply.json().value(QLatin1String("meta")).toObject().contains(QLatin1String("timestamp")));

    // Case-insensitive email match; tags appended; empty values ignored.
    reply = upsert({{QStringLiteral("email"), QStringLiteral("jane@acme.com")},
                    {QStringLiteral("first_name"), QString()},
                    {QStringLiteral("title"), QStringLiteral("CTO")},
                    {QStringLiteral("tags"), QJsonArray {QStringLiteral("22222222-2222-4222-8222-222222222222")}}});
    QCOMPARE(data(reply).value(QLatin1String("id")).toString(), id);
    QCOMPARE(data(reply).value(QLatin1String("tags")).toArray(),
             QJsonArray({QStringLiteral("vip"), QStringLiteral("partner")}));
    QCOMPARE(data(reply).value(QLatin1String("first_name")).toString(), QStringLiteral("Jane"));
    QCOMPARE(data(reply).value(QLatin1String("title")).toString(), QStringLiteral("CTO"));
    QCOMPARE(m_emulator->recordCount(), 1);
}

void TestMonacoEmulator::accountResolution_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("account");
    QTest::newRow("account_id") << QJsonObject {{QStringLiteral("email"), QStringLiteral("a@other.com")},
                                                {QStringLiteral("account_id"), QStringLiteral("acc-acme")},
                                                {QStringLiteral("domain"), QStringLiteral("x.com")}}
                                << QStringLiteral("acc-acme");
    QTest::newRow("domain") << QJsonObject {{QStringLiteral("email"), QStringLiteral("a@other.com")},
                                            {QStringLiteral("domain"), QStringLiteral("ACME.com")}}
                            << QStringLiteral("acc-acme");
    QTest::newRow("email domain") << QJsonObject {{QStringLiteral("email"), QStringLiteral("a@acme.com")}}
                                  << QStringLiteral("acc-acme");
    QTest::newRow("created") << QJsonObject {{QStringLiteral("linkedin_url"),
                                              QStringLiteral("https://linkedin.com/in/a")},
                                             {QStringLiteral("domain"), QStringLiteral("new.io")}}
                             << QString();
}

void TestMonacoEmulator::accountResolution()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, account);
    const auto reply = upsert(body);
    QCOMPARE(reply.status, 200);
    const QString resolved = data(reply).value(QLatin1String("account_id")).toString();
    if (account.isEmpty()) {
        QCOMPARE(m_emulator->accountsJson().size(), 2);
        QCOMPARE(m_emulator->accountsJson().last().toObject().value(QLatin1String("id")).toString(), resolved);
    } else {
        QCOMPARE(resolved, account);
        QCOMPARE(m_emulator->accountsJson().size(), 1);
    }
}

void TestMonacoEmulator::matching()
{
    const QString byEmail = m_emulator->seedContact({{QStringLiteral("email"), QStringLiteral("e@acme.com")}});
    const QString byLinkedin
        = m_emulator->seedContact({{QStringLiteral("linkedin_url"), QStringLiteral("https://linkedin.com/in/l")},
                                   {QStringLiteral("domain"), QStringLiteral("globex.com")}});
    // linkedin_url matches exactly, not after normalising.
    auto reply = upsert({{QStringLiteral("linkedin_url"), QStringLiteral("https://linkedin.com/in/l")},
                         {QStringLiteral("domain"), QStringLiteral("globex.com")}});
    QCOMPARE(data(reply).value(QLatin1String("id")).toString(), byLinkedin);
    reply = upsert({{QStringLiteral("linkedin_url"), QStringLiteral("https://www.linkedin.com/in/l/")},
                    {QStringLiteral("domain"), QStringLiteral("globex.com")}});
    QVERIFY(data(reply).value(QLatin1String("id")).toString() != byLinkedin);
    // Two different contacts on different accounts: the email match wins.
    reply = upsert({{QStringLiteral("email"), QStringLiteral("e@acme.com")},
                    {QStringLiteral("linkedin_url"), QStringLiteral("https://linkedin.com/in/l")}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(data(reply).value(QLatin1String("id")).toString(), byEmail);
    // On the same account: 409.
    m_emulator->seedContact({{QStringLiteral("email"), QStringLiteral("f@acme.com")},
                             {QStringLiteral("linkedin_url"), QStringLiteral("https://linkedin.com/in/f")}});
    m_emulator->seedContact({{QStringLiteral("email"), QStringLiteral("g@acme.com")}});
    reply = upsert({{QStringLiteral("email"), QStringLiteral("g@acme.com")},
                    {QStringLiteral("linkedin_url"), QStringLiteral("https://linkedin.com/in/f")}});
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("conflict"));
}

void TestMonacoEmulator::slowCreates()
{
    m_emulator->setCreateDelayMs(400);
    auto reply = upsert({{QStringLiteral("email"), QStringLiteral("a@acme.com")}});
    QCOMPARE(reply.status, 200);
    QVERIFY2(reply.elapsedMs >= 390, qPrintable(QString::number(reply.elapsedMs)));
    reply = upsert(
        {{QStringLiteral("email"), QStringLiteral("a@acme.com")}, {QStringLiteral("title"), QStringLiteral("CTO")}});
    QVERIFY2(reply.elapsedMs < 300, qPrintable(QString::number(reply.elapsedMs))); // updates are not slow
}

void TestMonacoEmulator::listPaging()
{
    for (int i = 0; i < 1200; ++i)
        QVERIFY(!m_emulator->seedContact({{QStringLiteral("email"), QStringLiteral("p%1@acme.com").arg(i)}}).isEmpty());
    QSet<QString> seen;
    int page = 1;
    for (;; ++page) {
        const auto reply = m_client->post(QStringLiteral("/v1/contacts/list"),
                                          QJsonObject {{QStringLiteral("page"), page},
                                                       {QStringLiteral("page_size"), 500},
                                                       {QStringLiteral("sort"), QStringLiteral("created_at")}});
        QCOMPARE(reply.status, 200);
        const QJsonObject pagination = reply.json().value(QLatin1String("pagination")).toObject();
        QCOMPARE(pagination.value(QLatin1String("total_count")).toInt(), 1200);
        for (const QJsonValue& contact : reply.json().value(QLatin1String("data")).toArray())
            seen.insert(contact.toObject().value(QLatin1String("id")).toString());
        if (page >= pagination.value(QLatin1String("total_pages")).toInt())
            break;
    }
    QCOMPARE(page, 3);
    QCOMPARE(seen.size(), 1200);
    QCOMPARE(
        m_client->post(QStringLiteral("/v1/contacts/list"), QJsonObject {{QStringLiteral("page_size"), 501}}).status,
        422);
    QCOMPARE(m_client->post(QStringLiteral("/v1/contacts/list"), QJsonObject {{QStringLiteral("page"), 0}}).status,
             422);
    QCOMPARE(m_client
                 ->post(QStringLiteral("/v1/contacts/list"),
                        QJsonObject {{QStringLiteral("sort"), QStringLiteral("-title")}})
                 .status,
             422);
    const auto defaults = m_client->post(QStringLiteral("/v1/contacts/list"), QJsonObject {});
    QCOMPARE(defaults.json().value(QLatin1String("data")).toArray().size(), 50);
}

void TestMonacoEmulator::listFilters()
{
    m_emulator->seedContact({{QStringLiteral("email"), QStringLiteral("old@acme.com")},
                             {QStringLiteral("first_name"), QStringLiteral("Old")}});
    QTest::qWait(20);
    const QString since = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QTest::qWait(20);
    m_emulator->seedContact({{QStringLiteral("email"), QStringLiteral("new@acme.com")},
                             {QStringLiteral("first_name"), QStringLiteral("New")}});
    auto list = [&](const QJsonValue& filters) {
        const auto reply
            = m_client->post(QStringLiteral("/v1/contacts/list"), QJsonObject {{QStringLiteral("filters"), filters}});
        return reply.status == 200
            ? reply.json().value(QLatin1String("pagination")).toObject().value(QLatin1String("total_count")).toInt()
            : -reply.status;
    };
    const QJsonObject updatedSince {{QStringLiteral("field"), QStringLiteral("updated_at")},
                                    {QStringLiteral("condition"), QStringLiteral("greater_than")},
                                    {QStringLiteral("value"), since}};
    QCOMPARE(list(QJsonArray {updatedSince}), 1);
    QCOMPARE(list(QJsonObject {{QStringLiteral("operator"), QStringLiteral("or")},
                               {QStringLiteral("filters"),
                                QJsonArray {updatedSince,
                                            QJsonObject {{QStringLiteral("field"), QStringLiteral("first_name")},
                                                         {QStringLiteral("condition"), QStringLiteral("is")},
                                                         {QStringLiteral("value"), QStringLiteral("old")}}}}}),
             2);
    QCOMPARE(list(updatedSince), -422); // a bare condition object is invalid
    m_emulator->setUpdatedFilterSupported(false);
    QCOMPARE(list(QJsonArray {updatedSince}), -422);
}

void TestMonacoEmulator::getDeleteSchemaMe()
{
    m_emulator->registerCustomFields({QJsonObject {{QStringLiteral("id"), QStringLiteral("cf1")},
                                                   {QStringLiteral("name"), QStringLiteral("Score")}}});
    const QString id = m_emulator->seedContact({{QStringLiteral("email"), QStringLiteral("a@acme.com")}});
    QCOMPARE(data(m_client->get(QStringLiteral("/v1/contacts/") + id)).value(QLatin1String("id")).toString(), id);
    auto reply = m_client->del(QStringLiteral("/v1/contacts/") + id);
    QCOMPARE(reply.status, 204);
    QVERIFY(reply.body.isEmpty());
    QCOMPARE(m_client->get(QStringLiteral("/v1/contacts/") + id).status, 404);
    QCOMPARE(m_client->del(QStringLiteral("/v1/contacts/") + id).status, 404);
    const QJsonArray schema
        = m_client->get(QStringLiteral("/v1/schemas/contacts")).json().value(QLatin1String("data")).toArray();
    QCOMPARE(schema.last().toObject().value(QLatin1String("key")).toString(), QStringLiteral("custom_field_cf1"));
    QCOMPARE(schema.last()
                 .toObject()
                 .value(QLatin1String("custom_field_settings"))
                 .toObject()
                 .value(QLatin1String("id"))
                 .toString(),
             QStringLiteral("cf1"));
    QCOMPARE(m_client->get(QStringLiteral("/v1/me")).status, 200);
    QCOMPARE(
        m_client->get(QStringLiteral("/v1/tags/?object=contacts")).json().value(QLatin1String("data")).toArray().size(),
        2);
}

void TestMonacoEmulator::rateLimit()
{
    m_emulator->rateLimiter().setEnabled(true);
    m_emulator->setRateScale(0.0002); // 1000 per 720 ms
    m_emulator->rateLimiter().setLimit(20, 3600000);
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    HttpTestClient::Response reply;
    for (int i = 0; i < 20; ++i) {
        reply = m_client->get(QStringLiteral("/v1/me"));
        QCOMPARE(reply.status, 200);
    }
    QCOMPARE(reply.header("X-RateLimit-Limit"), QByteArray("20"));
    QCOMPARE(reply.header("X-RateLimit-Remaining"), QByteArray("0"));
    const qint64 reset = reply.header("X-RateLimit-Reset").toLongLong();
    QVERIFY2(reset >= now && reset <= now + 2, reply.header("X-RateLimit-Reset").constData());
    reply = m_client->get(QStringLiteral("/v1/me"));
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("rate_limit_exceeded"));
    QTest::qWait(800);
    QCOMPARE(m_client->get(QStringLiteral("/v1/me")).status, 200);
}

void TestMonacoEmulator::updateById()
{
    // PATCH /v1/contacts/{id} updates that contact whatever its email, and 404s an unknown id.
    const QString id = data(upsert({{QStringLiteral("email"), QStringLiteral("jane@acme.com")}}))
                           .value(QLatin1String("id"))
                           .toString();
    auto reply = m_client->send("PATCH", QStringLiteral("/v1/contacts/") + id,
                                R"({"email": "jane.new@acme.com", "first_name": "Jane"})");
    QCOMPARE(reply.status, 200);
    QCOMPARE(data(reply).value(QLatin1String("id")).toString(), id);
    QCOMPARE(m_emulator->recordCount(), qsizetype(1));
    QCOMPARE(m_emulator->contact(id)->value(QLatin1String("email")).toString(), QStringLiteral("jane.new@acme.com"));
    QVERIFY(m_emulator->removeRecord(id));
    reply = m_client->send("PATCH", QStringLiteral("/v1/contacts/") + id, R"({"first_name": "Jane"})");
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("not_found"));
    QCOMPARE(m_emulator->recordCount(), qsizetype(0));
}

void TestMonacoEmulator::createFaults()
{
    // A slow create is stored when it arrives and answered late; a dropped one is stored all the same.
    m_emulator->faults().setSlowCreateMs(5000);
    m_client->setTimeoutMs(200);
    auto reply = upsert({{QStringLiteral("email"), QStringLiteral("slow@acme.com")}});
    QCOMPARE(reply.status, 0);
    QCOMPARE(m_emulator->recordCount(), qsizetype(1));
    m_emulator->faults().setSlowCreateMs(0);
    m_client->setTimeoutMs(15000);
    m_emulator->faults().dropAfterCreate(1);
    reply = upsert({{QStringLiteral("email"), QStringLiteral("dropped@acme.com")}});
    QCOMPARE(reply.status, 0);
    QCOMPARE(m_emulator->recordCount(), qsizetype(2));
    QCOMPARE(m_emulator->faults().droppedAfterCreate(), 1);
    // Updates are neither slowed nor dropped.
    m_emulator->faults().setSlowCreateMs(5000);
    m_emulator->faults().dropAfterCreate(1);
    m_client->setTimeoutMs(2000);
    QCOMPARE(upsert({{QStringLiteral("email"), QStringLiteral("slow@acme.com")}}).status, 200);
}

void TestMonacoEmulator::listTagsNeedsObject_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("count");
    QTest::newRow("contacts") << "?object=contacts" << 200 << 2;
    QTest::newRow("accounts") << "?object=accounts" << 200 << 0;
    QTest::newRow("no object") << "" << 422 << 0;
    QTest::newRow("empty object") << "?object=" << 422 << 0;
    QTest::newRow("unknown object") << "?object=meetings" << 422 << 0;
}

void TestMonacoEmulator::listTagsNeedsObject()
{
    // GET /v1/tags/: `object` is a required query parameter, one of contacts, accounts, opportunities.
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(int, count);
    const auto reply = m_client->get(QStringLiteral("/v1/tags/") + query);
    QCOMPARE(reply.status, status);
    if (status == 200) {
        QCOMPARE(reply.json().value(QLatin1String("data")).toArray().size(), count);
        QVERIFY(reply.json().value(QLatin1String("meta")).toObject().contains(QLatin1String("timestamp")));
    } else {
        const QJsonObject error = reply.json().value(QLatin1String("error")).toObject();
        QVERIFY2(!error.value(QLatin1String("code")).toString().isEmpty()
                     && !error.value(QLatin1String("message")).toString().isEmpty(),
                 reply.body.constData());
    }
}

void TestMonacoEmulator::createTag_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("status");
    // The OpenAPI's own example, then TagCreateRequest's rules.
    QTest::newRow("spec example") << QByteArray(R"({"object": "accounts", "name": "Enterprise", "color": "blue"})")
                                  << 200;
    QTest::newRow("without color") << QByteArray(R"({"object": "contacts", "name": "Hot Lead"})") << 200;
    QTest::newRow("no object") << QByteArray(R"({"name": "Enterprise"})") << 422;
    QTest::newRow("unknown object") << QByteArray(R"({"object": "meetings", "name": "Enterprise"})") << 422;
    QTest::newRow("no name") << QByteArray(R"({"object": "contacts"})") << 422;
    QTest::newRow("empty name") << QByteArray(R"({"object": "contacts", "name": ""})") << 422;
    QTest::newRow("hyphen") << QByteArray(R"({"object": "contacts", "name": "follow-up"})") << 422;
    QTest::newRow("ampersand") << QByteArray(R"({"object": "contacts", "name": "R&D"})") << 422;
    QTest::newRow("accent") << QByteArray(R"({"object": "contacts", "name": "Numéro"})") << 422;
    QTest::newRow("101 characters") << QByteArray(R"({"object": "contacts", "name": ")") + QByteArray(101, 'a')
            + QByteArray(R"("})") << 422;
    QTest::newRow("100 characters") << QByteArray(R"({"object": "contacts", "name": ")") + QByteArray(100, 'a')
            + QByteArray(R"("})") << 200;
    QTest::newRow("taken, other case") << QByteArray(R"({"object": "contacts", "name": "VIP"})") << 409;
    QTest::newRow("malformed") << QByteArray(R"({"object")") << 400;
}

void TestMonacoEmulator::createTag()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, status);
    const QJsonObject sent = QJsonDocument::fromJson(payload).object();
    const auto reply = m_client->send("POST", QStringLiteral("/v1/tags/"), payload);
    QCOMPARE(reply.status, status);
    const QString object = sent.value(QLatin1String("object")).toString();
    if (status != 200) {
        const QJsonObject error = reply.json().value(QLatin1String("error")).toObject();
        QVERIFY2(!error.value(QLatin1String("code")).toString().isEmpty()
                     && !error.value(QLatin1String("message")).toString().isEmpty(),
                 reply.body.constData());
        QCOMPARE(m_emulator->tagsJson().size(), 2);
        return;
    }
    // {"data": {"id", "name", "color"}, "meta": {...}}; the tag is then listed for its object only.
    const QJsonObject tag = data(reply);
    QVERIFY(!QUuid::fromString(tag.value(QLatin1String("id")).toString()).isNull());
    QCOMPARE(tag.value(QLatin1String("name")), sent.value(QLatin1String("name")));
    QCOMPARE(tag.value(QLatin1String("color")).toString(), sent.value(QLatin1String("color")).toString());
    QVERIFY(tag.contains(QLatin1String("color")));
    QVERIFY(reply.json().value(QLatin1String("meta")).toObject().contains(QLatin1String("timestamp")));
    const QJsonArray listed
        = m_client->get(QStringLiteral("/v1/tags/?object=") + object).json().value(QLatin1String("data")).toArray();
    QVERIFY(listed.contains(tag));
    QCOMPARE(m_emulator->tagsJson().size(), object == QLatin1String("contacts") ? 3 : 2);
}

void TestMonacoEmulator::tagsPerObject()
{
    // Unique per object type: an accounts tag does not take a contacts name, nor a contacts id.
    auto reply = m_client->post(QStringLiteral("/v1/tags/"),
                                QJsonObject {{QStringLiteral("object"), QStringLiteral("accounts")},
                                             {QStringLiteral("name"), QStringLiteral("vip")}});
    QCOMPARE(reply.status, 200);
    const QString accountsVip = data(reply).value(QLatin1String("id")).toString();
    reply = m_client->post(QStringLiteral("/v1/tags/"),
                           QJsonObject {{QStringLiteral("object"), QStringLiteral("accounts")},
                                        {QStringLiteral("name"), QStringLiteral("Vip")}});
    QCOMPARE(reply.status, 409);
    QCOMPARE(reply.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("conflict"));
    QCOMPARE(m_emulator->tagsJson(QStringLiteral("accounts")).size(), 1);
    QCOMPARE(m_emulator->tagsJson(QStringLiteral("contacts")).size(), 2);
    reply = upsert(
        {{QStringLiteral("email"), QStringLiteral("a@acme.com")}, {QStringLiteral("tags"), QJsonArray {accountsVip}}});
    QCOMPARE(reply.status, 422);
}

void TestMonacoEmulator::enumCustomField_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<int>("status");
    QTest::newRow("key") << QJsonValue(QStringLiteral("high")) << 200;
    QTest::newRow("other key") << QJsonValue(QStringLiteral("medium")) << 200;
    QTest::newRow("display value") << QJsonValue(QStringLiteral("High")) << 422;
    QTest::newRow("unknown") << QJsonValue(QStringLiteral("low")) << 422;
    QTest::newRow("number") << QJsonValue(1) << 422;
}

void TestMonacoEmulator::enumCustomField()
{
    // The OpenAPI's schema example, "Customer Fit": enum fields take an option's key, not its display value.
    const QString id = QStringLiteral("550e8400-e29b-41d4-a716-446655440001");
    m_emulator->registerCustomFields(QJsonDocument::fromJson(R"([{"id": "550e8400-e29b-41d4-a716-446655440001",
        "name": "Customer Fit", "type": "enum", "allowed_values": [{"key": "high", "display_value": "High"},
        {"key": "medium", "display_value": "Medium"}]}])")
                                         .array());
    const QJsonArray schema
        = m_client->get(QStringLiteral("/v1/schemas/contacts")).json().value(QLatin1String("data")).toArray();
    const QJsonObject field = schema.last().toObject();
    QCOMPARE(field.value(QLatin1String("key")).toString(), QStringLiteral("custom_field_") + id);
    QCOMPARE(field.value(QLatin1String("type")).toString(), QStringLiteral("enum"));
    QCOMPARE(field.value(QLatin1String("enum_field_settings")).toObject().value(QLatin1String("allowed_values")),
             QJsonDocument::fromJson(R"([{"key": "high", "display_value": "High"},
                                          {"key": "medium", "display_value": "Medium"}])")
                 .array());

    QFETCH(QJsonValue, value);
    QFETCH(int, status);
    auto reply = upsert(
        {{QStringLiteral("email"), QStringLiteral("a@acme.com")}, {QStringLiteral("custom_field_") + id, value}});
    QCOMPARE(reply.status, status);
    if (status != 200) {
        QCOMPARE(m_emulator->recordCount(), 0);
        QVERIFY(!reply.json()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("message"))
                     .toString()
                     .isEmpty());
        // PATCH refuses it the same way.
        const QString seeded = m_emulator->seedContact({{QStringLiteral("email"), QStringLiteral("a@acme.com")}});
        reply = m_client->send("PATCH", QStringLiteral("/v1/contacts/") + seeded,
                               QJsonDocument(QJsonObject {{QStringLiteral("custom_field_") + id, value}}).toJson());
        QCOMPARE(reply.status, 422);
        QVERIFY(!m_emulator->contact(seeded)->contains(QStringLiteral("custom_field_") + id));
        return;
    }
    QCOMPARE(data(reply).value(QStringLiteral("custom_field_") + id), value);
}

QTEST_GUILESS_MAIN(TestMonacoEmulator)
#include "tst_monacoemulator.moc"
