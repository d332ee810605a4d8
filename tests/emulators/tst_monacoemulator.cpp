#include "HttpTestClient.h"
#include "MonacoEmulator.h"

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
    QCOMPARE(m_client->get(QStringLiteral("/v1/tags/")).json().value(QLatin1String("data")).toArray().size(), 2);
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

QTEST_GUILESS_MAIN(TestMonacoEmulator)
#include "tst_monacoemulator.moc"
