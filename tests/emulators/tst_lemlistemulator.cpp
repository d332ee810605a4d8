#include "HttpTestClient.h"
#include "LemlistEmulator.h"

#include <QtTest>

using namespace roster::emulator;

// lemlist's contract (000) and PROVIDERS.md §1, over HTTP on loopback.
class TestLemlistEmulator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void authentication_data();
    void authentication();
    void validationErrors_data();
    void validationErrors();
    void createThenUpdate();
    void matchKeys_data();
    void matchKeys();
    void ownerAndSource();
    void customFields();
    void companyLinking_data();
    void companyLinking();
    void paging();
    void getAndDelete();
    void rateLimit();
    void csvExport();
    void exportFaults_data();
    void exportFaults();

private:
    HttpTestClient::Response upsert(const QJsonObject& body)
    {
        return m_client->post(QStringLiteral("/api/contacts"), body);
    }

    std::unique_ptr<LemlistEmulator> m_emulator;
    std::unique_ptr<HttpTestClient> m_client;
};

void TestLemlistEmulator::init()
{
    m_emulator = std::make_unique<LemlistEmulator>();
    QVERIFY(m_emulator->start() != 0);
    QCOMPARE(m_emulator->baseUrl().path(), QStringLiteral("/api"));
    m_emulator->rateLimiter().setEnabled(false);
    m_client = std::make_unique<HttpTestClient>(m_emulator->baseUrl());
    m_client->setBasic({}, m_emulator->apiKey());
}

void TestLemlistEmulator::cleanup()
{
    m_client.reset();
    m_emulator.reset();
}

void TestLemlistEmulator::authentication_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    const QByteArray key = QByteArrayLiteral("test-key");
    QTest::newRow("empty login") << QByteArray("Basic " + QByteArray(':' + key).toBase64()) << QString() << 200;
    QTest::newRow("none") << QByteArray() << QString() << 401;
    QTest::newRow("wrong key") << QByteArray("Basic " + QByteArray(":nope").toBase64()) << QString() << 401;
    QTest::newRow("key as login") << QByteArray("Basic " + QByteArray(key + ':').toBase64()) << QString() << 401;
    QTest::newRow("bearer") << QByteArray("Bearer " + key) << QString() << 401;
    QTest::newRow("access_token") << QByteArray() << QStringLiteral("&access_token=test-key") << 200;
}

void TestLemlistEmulator::authentication()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QString, query);
    QFETCH(int, status);
    if (authorization.isEmpty())
        m_client->removeHeader("Authorization");
    else
        m_client->setHeader("Authorization", authorization);
    const auto reply = m_client->get(QStringLiteral("/api/contacts?limit=10") + query);
    QCOMPARE(reply.status, status);
    if (status == 401) {
        QVERIFY(reply.header("Content-Type").startsWith("text/plain"));
        QCOMPARE(reply.body, QByteArray("The authentication you supplied is incorrect"));
    }
}

void TestLemlistEmulator::validationErrors_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::newRow("no identifier") << QByteArray(R"({"firstName":"Jane"})") << QStringLiteral("MISSING_IDENTIFIER");
    QTest::newRow("blank identifiers") << QByteArray(R"({"email":"","linkedinUrl":null})")
                                       << QStringLiteral("MISSING_IDENTIFIER");
    QTest::newRow("bad email") << QByteArray(R"({"email":"jane@"})") << QStringLiteral("INVALID_EMAIL");
    QTest::newRow("bad linkedin") << QByteArray(R"({"linkedinUrl":"https://example.com/in/jane"})")
                                  << QStringLiteral("INVALID_LINKEDIN_URL");
    QTest::newRow("bad sales nav") << QByteArray(R"({"linkedinUrlSalesNav":"https://linkedin.com/in/jane"})")
                                   << QStringLiteral("INVALID_LINKEDIN_URL");
    QTest::newRow("unregistered field") << QByteArray(R"({"email":"j@example.com","favouriteColour":"red"})")
                                        << QStringLiteral("INVALID_FIELD");
    QTest::newRow("bad contact id") << QByteArray(R"({"contactId":"12345"})") << QStringLiteral("INVALID_CONTACT_ID");
    QTest::newRow("unknown contact id") << QByteArray(R"({"contactId":"ctc_doesNotExist"})")
                                        << QStringLiteral("CONTACT_NOT_FOUND_BY_ID");
    QTest::newRow("bad additional emails") << QByteArray(R"({"email":"j@example.com","additionalEmails":["x"]})")
                                           << QStringLiteral("INVALID_ADDITIONAL_EMAILS");
    QTest::newRow("additional emails not a list")
        << QByteArray(R"({"email":"j@example.com","additionalEmails":"a@b.co"})")
        << QStringLiteral("INVALID_ADDITIONAL_EMAILS");
    QTest::newRow("wrong type") << QByteArray(R"({"email":"j@example.com","firstName":5})")
                                << QStringLiteral("CONTACT_VALIDATION_FAILED");
    QTest::newRow("malformed json") << QByteArray(R"({"email":)") << QStringLiteral("CONTACT_VALIDATION_FAILED");
    QTest::newRow("array body") << QByteArray(R"([1,2])") << QStringLiteral("CONTACT_VALIDATION_FAILED");
}

void TestLemlistEmulator::validationErrors()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    const auto reply = m_client->send("POST", QStringLiteral("/api/contacts"), body);
    QCOMPARE(reply.status, 400);
    QCOMPARE(reply.json().value(QLatin1String("success")).toBool(true), false);
    QCOMPARE(reply.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(), code);
    QVERIFY(
        !reply.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString().isEmpty());
    QCOMPARE(m_emulator->recordCount(), 0);
}

void TestLemlistEmulator::createThenUpdate()
{
    auto reply = upsert({{QStringLiteral("email"), QStringLiteral("Jane.Smith@Example.com")},
                         {QStringLiteral("firstName"), QStringLiteral("Jane")},
                         {QStringLiteral("lastName"), QStringLiteral("Smith")},
                         {QStringLiteral("jobTitle"), QStringLiteral("PM")},
                         {QStringLiteral("additionalEmails"), QJsonArray {QStringLiteral("jane@home.example")}}});
    QCOMPARE(reply.status, 201);
    QJsonObject data = reply.json().value(QLatin1String("data")).toObject();
    const QString id = data.value(QLatin1String("_id")).toString();
    QVERIFY(id.startsWith(QLatin1String("ctc_")));
    QCOMPARE(data.value(QLatin1String("created")).toBool(), true);
    QVERIFY(!data.contains(QLatin1String("updated")));
    QCOMPARE(data.value(QLatin1String("emails")).toArray().size(), 2);
    QCOMPARE(data.value(QLatin1String("fields")).toObject().value(QLatin1String("jobTitle")).toString(),
             QStringLiteral("PM"));

    // Same email in another case: an update; empty and null values keep what is stored.
    reply = upsert({{QStringLiteral("email"), QStringLiteral("jane.smith@example.com")},
                    {QStringLiteral("firstName"), QString()},
                    {QStringLiteral("lastName"), QJsonValue::Null},
                    {QStringLiteral("jobTitle"), QStringLiteral("VP")}});
    QCOMPARE(reply.status, 200);
    data = reply.json().value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("_id")).toString(), id);
    QCOMPARE(data.value(QLatin1String("created")).toBool(), false);
    QCOMPARE(data.value(QLatin1String("updated")).toBool(), true);
    const QJsonObject fields = m_emulator->contact(id)->value(QLatin1String("fields")).toObject();
    QCOMPARE(fields.value(QLatin1String("firstName")).toString(), QStringLiteral("Jane"));
    QCOMPARE(fields.value(QLatin1String("lastName")).toString(), QStringLiteral("Smith"));
    QCOMPARE(fields.value(QLatin1String("jobTitle")).toString(), QStringLiteral("VP"));
    QCOMPARE(m_emulator->recordCount(), 1);
}

void TestLemlistEmulator::matchKeys_data()
{
    QTest::addColumn<QJsonObject>("second");
    QTest::addColumn<int>("status");
    QTest::newRow("linkedin, other spelling")
        << QJsonObject {{QStringLiteral("linkedinUrl"), QStringLiteral("http://www.LinkedIn.com/in/jane/")}} << 200;
    QTest::newRow("sales nav") << QJsonObject {{QStringLiteral("linkedinUrlSalesNav"),
                                                QStringLiteral("https://www.linkedin.com/sales/lead/ACw123")}}
                               << 200;
    QTest::newRow("email wins over linkedin")
        << QJsonObject {{QStringLiteral("email"), QStringLiteral("jane@example.com")},
                        {QStringLiteral("linkedinUrl"), QStringLiteral("https://linkedin.com/in/other")}}
        << 200;
    QTest::newRow("new email, new linkedin")
        << QJsonObject {{QStringLiteral("email"), QStringLiteral("bob@example.com")}} << 201;
}

void TestLemlistEmulator::matchKeys()
{
    QFETCH(QJsonObject, second);
    QFETCH(int, status);
    QVERIFY(!m_emulator
                 ->seedContact({{QStringLiteral("email"), QStringLiteral("jane@example.com")},
                                {QStringLiteral("linkedinUrl"), QStringLiteral("https://linkedin.com/in/jane")},
                                {QStringLiteral("linkedinUrlSalesNav"),
                                 QStringLiteral("https://linkedin.com/sales/lead/ACw123")}})
                 .isEmpty());
    QCOMPARE(upsert(second).status, status);
    QCOMPARE(m_emulator->recordCount(), status == 201 ? 2 : 1);
}

void TestLemlistEmulator::ownerAndSource()
{
    m_emulator->addTeamMember(QStringLiteral("usr_alice"), QStringLiteral("alice@team.example"));
    auto reply = upsert({{QStringLiteral("email"), QStringLiteral("a@example.com")},
                         {QStringLiteral("source"), QStringLiteral("import")},
                         {QStringLiteral("contactOwner"), QStringLiteral("nobody@team.example")}});
    QCOMPARE(reply.status, 201);
    const QString id = reply.json().value(QLatin1String("data")).toObject().value(QLatin1String("_id")).toString();
    QCOMPARE(m_emulator->contact(id)->value(QLatin1String("ownerId")).toString(),
             QStringLiteral("usr_emulatorOwner0001"));
    QCOMPARE(m_emulator->contact(id)->value(QLatin1String("source")).toString(), QStringLiteral("import"));

    reply = upsert({{QStringLiteral("contactId"), id},
                    {QStringLiteral("source"), QStringLiteral("other")},
                    {QStringLiteral("contactOwner"), QStringLiteral("Alice@Team.example")}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(m_emulator->contact(id)->value(QLatin1String("source")).toString(), QStringLiteral("import"));
    QCOMPARE(m_emulator->contact(id)->value(QLatin1String("ownerId")).toString(), QStringLiteral("usr_alice"));
    reply = upsert({{QStringLiteral("email"), QStringLiteral("b@example.com")}});
    QCOMPARE(reply.json().value(QLatin1String("data")).toObject().value(QLatin1String("source")).toString(),
             QStringLiteral("api"));
}

void TestLemlistEmulator::customFields()
{
    HttpTestClient control(m_emulator->baseUrl());
    QCOMPARE(control
                 .post(QStringLiteral("/__emulator/custom-fields"),
                       QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("favouriteColour")},
                                                {QStringLiteral("type"), QStringLiteral("text")}},
                                   QJsonObject {{QStringLiteral("name"), QStringLiteral("score")},
                                                {QStringLiteral("type"), QStringLiteral("number")}}})
                 .status,
             200);
    auto reply = upsert({{QStringLiteral("email"), QStringLiteral("a@example.com")},
                         {QStringLiteral("favouriteColour"), QStringLiteral("red")},
                         {QStringLiteral("score"), 7}});
    QCOMPARE(reply.status, 201);
    QCOMPARE(reply.json()
                 .value(QLatin1String("data"))
                 .toObject()
                 .value(QLatin1String("fields"))
                 .toObject()
                 .value(QLatin1String("favouriteColour"))
                 .toString(),
             QStringLiteral("red"));
    QCOMPARE(upsert({{QStringLiteral("email"), QStringLiteral("a@example.com")},
                     {QStringLiteral("score"), QStringLiteral("high")}})
                 .status,
             400);

    reply = m_client->get(QStringLiteral("/api/fields?entity=contact&source=custom"));
    QCOMPARE(reply.status, 200);
    const QJsonArray fields
        = reply.json().value(QLatin1String("data")).toObject().value(QLatin1String("contact")).toArray();
    QCOMPARE(fields.size(), 2);
    QCOMPARE(fields.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("favouriteColour"));
    QVERIFY(!m_client->get(QStringLiteral("/api/fields?entity=contact"))
                 .json()
                 .value(QLatin1String("data"))
                 .toObject()
                 .contains(QLatin1String("company")));
}

void TestLemlistEmulator::companyLinking_data()
{
    QTest::addColumn<QJsonObject>("reference");
    QTest::addColumn<QString>("companyId");
    QTest::newRow("by id") << QJsonObject {{QStringLiteral("companyId"), QStringLiteral("cpn_acme")}}
                           << QStringLiteral("cpn_acme");
    QTest::newRow("by domain") << QJsonObject {{QStringLiteral("companyDomain"), QStringLiteral("Globex.com")}}
                               << QStringLiteral("cpn_globex");
    QTest::newRow("by linkedin") << QJsonObject {{QStringLiteral("companyLinkedinUrl"),
                                                  QStringLiteral("https://www.linkedin.com/company/acme/")}}
                                 << QStringLiteral("cpn_acme");
    QTest::newRow("id beats domain") << QJsonObject {{QStringLiteral("companyId"), QStringLiteral("cpn_acme")},
                                                     {QStringLiteral("companyDomain"), QStringLiteral("globex.com")}}
                                     << QStringLiteral("cpn_acme");
    QTest::newRow("unknown domain") << QJsonObject {{QStringLiteral("companyDomain"), QStringLiteral("nowhere.com")}}
                                    << QString();
}

void TestLemlistEmulator::companyLinking()
{
    QFETCH(QJsonObject, reference);
    QFETCH(QString, companyId);
    m_emulator->addCompany(QStringLiteral("cpn_acme"), QStringLiteral("acme.com"),
                           QStringLiteral("https://linkedin.com/company/acme"));
    m_emulator->addCompany(QStringLiteral("cpn_globex"), QStringLiteral("globex.com"), {});
    QJsonObject body = reference;
    body.insert(QStringLiteral("email"), QStringLiteral("a@example.com"));
    const auto reply = upsert(body);
    QCOMPARE(reply.status, 201);
    const QJsonObject data = reply.json().value(QLatin1String("data")).toObject();
    QCOMPARE(data.value(QLatin1String("companyLinked")).toBool(), !companyId.isEmpty());
    QCOMPARE(data.value(QLatin1String("companyId")).toString(), companyId);
    QCOMPARE(reply.json().contains(QLatin1String("warnings")), companyId.isEmpty());
}

void TestLemlistEmulator::paging()
{
    for (int i = 0; i < 250; ++i)
        QVERIFY(
            !m_emulator->seedContact({{QStringLiteral("email"), QStringLiteral("p%1@example.com").arg(i)}}).isEmpty());
    QSet<QString> seen;
    for (int offset = 0;; offset += 100) {
        const auto reply = m_client->get(QStringLiteral("/api/contacts?limit=100&offset=%1").arg(offset));
        QCOMPARE(reply.status, 200);
        const QJsonObject page = reply.json();
        QCOMPARE(page.value(QLatin1String("total")).toInt(), 250);
        QCOMPARE(page.value(QLatin1String("offset")).toInt(), offset);
        const QJsonArray data = page.value(QLatin1String("data")).toArray();
        for (const QJsonValue& contact : data) {
            QVERIFY(contact.toObject().contains(QLatin1String("fullName")));
            seen.insert(contact.toObject().value(QLatin1String("_id")).toString());
        }
        if (data.size() < 100)
            break;
    }
    QCOMPARE(seen.size(), 250);
    // A limit over the maximum is clamped, not refused: a client must not stop early.
    auto reply = m_client->get(QStringLiteral("/api/contacts?limit=500"));
    QCOMPARE(reply.json().value(QLatin1String("data")).toArray().size(), 100);
    QCOMPARE(reply.json().value(QLatin1String("limit")).toInt(), 100);
    QCOMPARE(m_client->get(QStringLiteral("/api/contacts?limit=0")).status, 400);
    reply = m_client->get(QStringLiteral("/api/contacts?idsOrEmails=p1@example.com,p2@example.com,nobody@example.com"));
    QCOMPARE(reply.jsonArray().size(), 2);
    m_emulator->setListArrayKey(QStringLiteral("contacts"));
    QCOMPARE(
        m_client->get(QStringLiteral("/api/contacts?limit=5")).json().value(QLatin1String("contacts")).toArray().size(),
        5);
}

void TestLemlistEmulator::getAndDelete()
{
    const QString id = m_emulator->seedContact({{QStringLiteral("email"), QStringLiteral("a@example.com")},
                                                {QStringLiteral("firstName"), QStringLiteral("Ann")}});
    auto reply = m_client->get(QStringLiteral("/api/contacts/") + id);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QLatin1String("fullName")).toString(), QStringLiteral("Ann"));
    QCOMPARE(
        m_client->get(QStringLiteral("/api/contacts/a%40example.com")).json().value(QLatin1String("_id")).toString(),
        id);
    reply = m_client->del(QStringLiteral("/api/contacts/") + id);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QLatin1String("deletedContactId")).toString(), id);
    reply = m_client->del(QStringLiteral("/api/contacts/") + id);
    QCOMPARE(reply.status, 404);
    QCOMPARE(reply.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
             QStringLiteral("CONTACT_NOT_FOUND"));
    QCOMPARE(m_client->get(QStringLiteral("/api/contacts/") + id).status, 404);
}

void TestLemlistEmulator::rateLimit()
{
    m_emulator->rateLimiter().setEnabled(true);
    m_emulator->setRateScale(0.25); // 20 requests per 500 ms
    for (int i = 0; i < 20; ++i) {
        const auto reply = m_client->get(QStringLiteral("/api/contacts?limit=1"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("X-RateLimit-Limit"), QByteArray("20"));
        QCOMPARE(reply.header("X-RateLimit-Remaining").toInt(), 19 - i);
        // A JavaScript date string, not a number.
        QVERIFY2(reply.header("X-RateLimit-Reset").contains("GMT"), reply.header("X-RateLimit-Reset").constData());
    }
    const auto limited = m_client->get(QStringLiteral("/api/contacts?limit=1"));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArray("1"));
    QCOMPARE(limited.header("X-RateLimit-Remaining"), QByteArray("0"));
    QTest::qWait(550);
    QCOMPARE(m_client->get(QStringLiteral("/api/contacts?limit=1")).status, 200);
    QCOMPARE(m_emulator->statusCount(429), 1);
}

void TestLemlistEmulator::csvExport()
{
    QCOMPARE(m_emulator->registerCustomFields(QJsonArray {QJsonObject {{"name", "score"}, {"type", "text"}}}),
             QString());
    QCOMPARE(upsert({{"email", "a@example.com"}, {"lastName", "Lee, Jr."}, {"score", "7"}}).status, 201);
    QCOMPARE(upsert({{"email", "b@example.com"}, {"summary", "one\ntwo \"quoted\""}}).status, 201);
    const auto reply = m_client->get(QStringLiteral("/api/contacts/export?listId=all&entity=contact"));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("content-type").startsWith("text/csv"));
    QVERIFY(reply.body.startsWith("\xEF\xBB\xBF_id,email,"));
    const QByteArray header = reply.body.left(reply.body.indexOf("\r\n"));
    QVERIFY(header.endsWith(",score")); // custom fields as columns
    QVERIFY(header.contains(",firstName,lastName,"));
    QVERIFY(reply.body.contains(",\"Lee, Jr.\","));
    QVERIFY(reply.body.contains("\"one\ntwo \"\"quoted\"\"\""));
    QVERIFY(reply.body.endsWith(",7\r\n") || reply.body.contains(",7\r\n"));
    QCOMPARE(m_emulator->requestCount(QStringLiteral("export")), 1);
    QCOMPARE(m_emulator->requestCount(QStringLiteral("get")), 0); // not taken for a contact id

    m_emulator->setExportFormat(QStringLiteral("human"));
    const auto human = m_client->get(QStringLiteral("/api/contacts/export?listId=all&entity=contact"));
    QVERIFY(human.body.startsWith("\xEF\xBB\xBF"
                                  "Contact ID,Email,"));

    m_client->removeHeader("Authorization");
    QCOMPARE(m_client->get(QStringLiteral("/api/contacts/export?listId=all")).status, 401);
}

void TestLemlistEmulator::exportFaults_data()
{
    QTest::addColumn<QJsonObject>("config");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<bool>("whole");

    QTest::newRow("served") << QJsonObject {} << 200 << QByteArray("text/csv") << true;
    QTest::newRow("refused 403") << QJsonObject {{"exportStatus", 403}} << 403 << QByteArray("text/plain") << false;
    QTest::newRow("refused 404") << QJsonObject {{"exportStatus", 404}} << 404 << QByteArray("text/plain") << false;
    QTest::newRow("refused 405") << QJsonObject {{"exportStatus", 405}} << 405 << QByteArray("text/plain") << false;
    QTest::newRow("json") << QJsonObject {{"exportFormat", "json"}} << 200 << QByteArray("application/json") << false;
    QTest::newRow("truncated") << QJsonObject {{"exportTruncateAt", 0.5}} << 200 << QByteArray("text/csv") << false;
}

void TestLemlistEmulator::exportFaults()
{
    QFETCH(QJsonObject, config);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(bool, whole);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(upsert({{"email", QStringLiteral("u%1@example.com").arg(i)}, {"firstName", "Ann"}}).status, 201);
    const QByteArray full = m_client->get(QStringLiteral("/api/contacts/export?listId=all&entity=contact")).body;
    // The switches travel over HTTP like the other configuration.
    QCOMPARE(m_client->post(QStringLiteral("/__emulator/config"), config).status, 200);
    const auto reply = m_client->get(QStringLiteral("/api/contacts/export?listId=all&entity=contact"));
    QCOMPARE(reply.status, status);
    QVERIFY2(reply.header("content-type").startsWith(contentType), reply.header("content-type").constData());
    QCOMPARE(reply.body == full, whole);
    if (config.contains("exportTruncateAt")) {
        QCOMPARE(reply.body.size(), full.size() / 2);
        QVERIFY(full.startsWith(reply.body));
    }
}

QTEST_GUILESS_MAIN(TestLemlistEmulator)
#include "tst_lemlistemulator.moc"
