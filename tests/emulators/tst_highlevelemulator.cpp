#include "HighLevelEmulator.h"
#include "HttpTestClient.h"

#include <QtTest>

using namespace roster::emulator;

// HighLevel's contracts (002, 004) and PROVIDERS.md §3, over HTTP on loopback.
class TestHighLevelEmulator final : public QObject
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
    void duplicateOrder_data();
    void duplicateOrder();
    void searchPastTenThousand();
    void searchFilters();
    void getDeleteAndFieldDefinitions();
    void rateLimit();
    void updateById();

private:
    HttpTestClient::Response upsert(QJsonObject body);

    std::unique_ptr<HighLevelEmulator> m_emulator;
    std::unique_ptr<HttpTestClient> m_client;
};

void TestHighLevelEmulator::init()
{
    m_emulator = std::make_unique<HighLevelEmulator>();
    QVERIFY(m_emulator->start() != 0);
    m_emulator->rateLimiter().setEnabled(false);
    m_client = std::make_unique<HttpTestClient>(m_emulator->baseUrl());
    m_client->setBearer(m_emulator->apiKey());
    m_client->setHeader("Version", "2021-07-28");
}

void TestHighLevelEmulator::cleanup()
{
    m_client.reset();
    m_emulator.reset();
}

HttpTestClient::Response TestHighLevelEmulator::upsert(QJsonObject body)
{
    if (!body.contains(QLatin1String("locationId")))
        body.insert(QStringLiteral("locationId"), m_emulator->locationId());
    return m_client->post(QStringLiteral("/contacts/upsert"), body);
}

void TestHighLevelEmulator::authentication_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("version");
    QTest::addColumn<int>("status");
    QTest::newRow("ok") << QByteArray("test-key") << QByteArray("2021-07-28") << 200;
    QTest::newRow("wrong token") << QByteArray("nope") << QByteArray("2021-07-28") << 401;
    QTest::newRow("no version") << QByteArray("test-key") << QByteArray() << 400;
    QTest::newRow("old version") << QByteArray("test-key") << QByteArray("2021-04-15") << 400;
}

void TestHighLevelEmulator::authentication()
{
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, version);
    QFETCH(int, status);
    m_client->setBearer(token);
    if (version.isEmpty())
        m_client->removeHeader("Version");
    else
        m_client->setHeader("Version", version);
    const auto reply = upsert({{QStringLiteral("email"), QStringLiteral("a@example.com")}});
    QCOMPARE(reply.status, status);
    if (status != 200) {
        QCOMPARE(reply.json().value(QLatin1String("statusCode")).toInt(), status);
        QVERIFY(reply.json().contains(QLatin1String("message")));
    }
}

void TestHighLevelEmulator::validationErrors_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const QByteArray loc = HighLevelEmulator::defaultLocationId().toUtf8();
    QTest::newRow("unknown property") << QByteArray(R"({"locationId":")" + loc
                                                    + R"(","email":"a@b.co","additionalEmails":[]})")
                                      << 422 << QStringLiteral("property additionalEmails should not exist");
    QTest::newRow("no locationId") << QByteArray(R"({"email":"a@b.co"})") << 422
                                   << QStringLiteral("locationId should not be empty");
    QTest::newRow("bad email") << QByteArray(R"({"locationId":")" + loc + R"(","email":"nope"})") << 422
                               << QStringLiteral("email must be an email");
    QTest::newRow("bad phone") << QByteArray(R"({"locationId":")" + loc + R"(","phone":"call me"})") << 422
                               << QStringLiteral("phone must be a valid phone number");
    QTest::newRow("tags not strings") << QByteArray(R"({"locationId":")" + loc + R"(","tags":[1]})") << 422
                                      << QStringLiteral("each value in tags must be a string");
    QTest::newRow("other location") << QByteArray(R"({"locationId":"elsewhere","email":"a@b.co"})") << 403 << QString();
    QTest::newRow("unknown custom field") << QByteArray(
        R"({"locationId":")" + loc + R"(","email":"a@b.co","customFields":[{"id":"nope","field_value":"x"}]})")
                                          << 400 << QString();
    QTest::newRow("malformed") << QByteArray(R"({"locationId":)") << 400 << QString();
}

void TestHighLevelEmulator::validationErrors()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, status);
    QFETCH(QString, message);
    const auto reply = m_client->send("POST", QStringLiteral("/contacts/upsert"), payload);
    QCOMPARE(reply.status, status);
    QCOMPARE(reply.json().value(QLatin1String("statusCode")).toInt(), status);
    if (!message.isEmpty())
        QVERIFY2(reply.json().value(QLatin1String("message")).toArray().contains(message), reply.body.constData());
    QCOMPARE(m_emulator->recordCount(), 0);
}

void TestHighLevelEmulator::createUpdateTagsCustomFields()
{
    m_emulator->registerCustomFields({QJsonObject {{QStringLiteral("id"), QStringLiteral("6dvNaf7VhkQ9snc5vnjJ")},
                                                   {QStringLiteral("key"), QStringLiteral("my_custom_field")}},
                                      QJsonObject {{QStringLiteral("name"), QStringLiteral("Second")},
                                                   {QStringLiteral("key"), QStringLiteral("contact.second")}}});
    auto reply = upsert({{QStringLiteral("firstName"), QStringLiteral("John")},
                         {QStringLiteral("email"), QStringLiteral("John@Example.com")},
                         {QStringLiteral("phone"), QStringLiteral("+1 555-987-6543")},
                         {QStringLiteral("tags"), QJsonArray {QStringLiteral("a"), QStringLiteral("b")}},
                         {QStringLiteral("customFields"),
                          QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("6dvNaf7VhkQ9snc5vnjJ")},
                                                   {QStringLiteral("field_value"), QStringLiteral("My Text")}}}}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QLatin1String("new")).toBool(), true);
    QJsonObject contact = reply.json().value(QLatin1String("contact")).toObject();
    const QString id = contact.value(QLatin1String("id")).toString();
    QCOMPARE(contact.value(QLatin1String("phone")).toString(), QStringLiteral("+15559876543"));

    // Tags are replaced; custom fields by key and with fieldValue; empty values ignored.
    reply = upsert({{QStringLiteral("email"), QStringLiteral("john@example.com")},
                    {QStringLiteral("firstName"), QString()},
                    {QStringLiteral("tags"), QJsonArray {QStringLiteral("c")}},
                    {QStringLiteral("customFields"),
                     QJsonArray {QJsonObject {{QStringLiteral("key"), QStringLiteral("second")},
                                              {QStringLiteral("fieldValue"), 42}}}}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QLatin1String("new")).toBool(), false);
    contact = *m_emulator->contact(id);
    QCOMPARE(contact.value(QLatin1String("firstName")).toString(), QStringLiteral("John"));
    QCOMPARE(contact.value(QLatin1String("tags")).toArray(), QJsonArray({QStringLiteral("c")}));
    QCOMPARE(contact.value(QLatin1String("customFields")).toArray().size(), 2);
    QCOMPARE(contact.value(QLatin1String("customFields"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("value"))
                 .toString(),
             QStringLiteral("My Text"));
    QCOMPARE(m_emulator->recordCount(), 1);
}

void TestHighLevelEmulator::duplicateOrder_data()
{
    QTest::addColumn<QStringList>("order");
    QTest::addColumn<QString>("winner");
    QTest::newRow("email first") << QStringList {QStringLiteral("email"), QStringLiteral("phone")}
                                 << QStringLiteral("byEmail");
    QTest::newRow("phone first") << QStringList {QStringLiteral("phone"), QStringLiteral("email")}
                                 << QStringLiteral("byPhone");
}

void TestHighLevelEmulator::duplicateOrder()
{
    QFETCH(QStringList, order);
    QFETCH(QString, winner);
    m_emulator->setDuplicateMatchOrder(order);
    const QString byEmail = m_emulator->seedContact({{QStringLiteral("email"), QStringLiteral("e@example.com")},
                                                     {QStringLiteral("lastName"), QStringLiteral("E")}});
    const QString byPhone = m_emulator->seedContact(
        {{QStringLiteral("phone"), QStringLiteral("+15550001111")}, {QStringLiteral("lastName"), QStringLiteral("P")}});
    const auto reply = upsert({{QStringLiteral("email"), QStringLiteral("e@example.com")},
                               {QStringLiteral("phone"), QStringLiteral("+15550001111")},
                               {QStringLiteral("firstName"), QStringLiteral("Both")}});
    const QString updated
        = reply.json().value(QLatin1String("contact")).toObject().value(QLatin1String("id")).toString();
    QCOMPARE(updated, winner == QLatin1String("byEmail") ? byEmail : byPhone);
    QCOMPARE(m_emulator->recordCount(), 2);
    // The identifier that belongs to the other contact is dropped, not moved.
    QCOMPARE(m_emulator->contact(byEmail)->value(QLatin1String("phone")).toString(), QString());
    QCOMPARE(m_emulator->contact(byPhone)->value(QLatin1String("email")).toString(), QString());
}

void TestHighLevelEmulator::searchPastTenThousand()
{
    const qint64 base = QDateTime::currentMSecsSinceEpoch() - 20000000;
    for (int i = 0; i < 10500; ++i) {
        // Several contacts share a millisecond, so the id must break ties in searchAfter.
        QVERIFY(!m_emulator
                     ->seedContact({{QStringLiteral("email"), QStringLiteral("c%1@example.com").arg(i)}},
                                   base + i / 3 * 1000)
                     .isEmpty());
    }
    auto search = [&](QJsonObject body) {
        body.insert(QStringLiteral("locationId"), m_emulator->locationId());
        return m_client->post(QStringLiteral("/contacts/search"), body);
    };
    QCOMPARE(search({{QStringLiteral("pageLimit"), 501}}).status, 422);
    QCOMPARE(search({{QStringLiteral("page"), 1}}).status, 422);
    auto reply = search({{QStringLiteral("pageLimit"), 500}, {QStringLiteral("page"), 20}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QLatin1String("total")).toInt(), 10500);
    QCOMPARE(search({{QStringLiteral("pageLimit"), 500}, {QStringLiteral("page"), 21}}).status, 422);

    QSet<QString> seen;
    QJsonArray after;
    int pages = 0;
    for (;;) {
        QJsonObject body {{QStringLiteral("pageLimit"), 500}};
        if (!after.isEmpty())
            body.insert(QStringLiteral("searchAfter"), after);
        reply = search(body);
        QCOMPARE(reply.status, 200);
        const QJsonArray contacts = reply.json().value(QLatin1String("contacts")).toArray();
        for (const QJsonValue& contact : contacts)
            seen.insert(contact.toObject().value(QLatin1String("id")).toString());
        if (contacts.size() < 500)
            break;
        after = contacts.last().toObject().value(QLatin1String("searchAfter")).toArray();
        QCOMPARE(after.size(), 2);
        QVERIFY(after.at(0).isDouble());
        ++pages;
    }
    QCOMPARE(pages, 21);
    QCOMPARE(seen.size(), 10500);
}

void TestHighLevelEmulator::searchFilters()
{
    const qint64 old = QDateTime::currentMSecsSinceEpoch() - 100000;
    m_emulator->seedContact({{QStringLiteral("email"), QStringLiteral("old@example.com")},
                             {QStringLiteral("tags"), QJsonArray {QStringLiteral("vip")}}},
                            old);
    m_emulator->seedContact({{QStringLiteral("email"), QStringLiteral("new@example.com")}});
    auto total = [&](const QJsonArray& filters) {
        const auto reply = m_client->post(QStringLiteral("/contacts/search"),
                                          QJsonObject {{QStringLiteral("locationId"), m_emulator->locationId()},
                                                       {QStringLiteral("pageLimit"), 100},
                                                       {QStringLiteral("filters"), filters}});
        return reply.status == 200 ? reply.json().value(QLatin1String("total")).toInt() : -reply.status;
    };
    const QString since = QDateTime::fromMSecsSinceEpoch(old + 1000, Qt::UTC).toString(Qt::ISODateWithMs);
    QCOMPARE(total({QJsonObject {{QStringLiteral("field"), QStringLiteral("dateUpdated")},
                                 {QStringLiteral("operator"), QStringLiteral("range")},
                                 {QStringLiteral("value"), QJsonObject {{QStringLiteral("gt"), since}}}}}),
             1);
    QCOMPARE(total({QJsonObject {{QStringLiteral("field"), QStringLiteral("dateUpdated")},
                                 {QStringLiteral("operator"), QStringLiteral("gt")},
                                 {QStringLiteral("value"), double(old + 1000)}}}),
             1);
    QCOMPARE(total({QJsonObject {{QStringLiteral("field"), QStringLiteral("tags")},
                                 {QStringLiteral("operator"), QStringLiteral("eq")},
                                 {QStringLiteral("value"), QStringLiteral("vip")}}}),
             1);
    QCOMPARE(
        total({QJsonObject {{QStringLiteral("group"), QStringLiteral("OR")},
                            {QStringLiteral("filters"),
                             QJsonArray {QJsonObject {{QStringLiteral("field"), QStringLiteral("email")},
                                                      {QStringLiteral("operator"), QStringLiteral("eq")},
                                                      {QStringLiteral("value"), QStringLiteral("old@example.com")}},
                                         QJsonObject {{QStringLiteral("field"), QStringLiteral("email")},
                                                      {QStringLiteral("operator"), QStringLiteral("contains")},
                                                      {QStringLiteral("value"), QStringLiteral("new")}}}}}}),
        2);
    QCOMPARE(total({QJsonObject {{QStringLiteral("field"), QStringLiteral("email")},
                                 {QStringLiteral("operator"), QStringLiteral("like")}}}),
             -422);
    m_emulator->setUpdatedFilterSupported(false);
    QCOMPARE(total({QJsonObject {{QStringLiteral("field"), QStringLiteral("dateUpdated")},
                                 {QStringLiteral("operator"), QStringLiteral("gt")},
                                 {QStringLiteral("value"), since}}}),
             -422);
}

void TestHighLevelEmulator::getDeleteAndFieldDefinitions()
{
    m_emulator->registerCustomFields({QJsonObject {{QStringLiteral("name"), QStringLiteral("Favourite colour")}}});
    const QString id = m_emulator->seedContact({{QStringLiteral("email"), QStringLiteral("a@example.com")}});
    QCOMPARE(m_client->get(QStringLiteral("/contacts/") + id)
                 .json()
                 .value(QLatin1String("contact"))
                 .toObject()
                 .value(QLatin1String("id"))
                 .toString(),
             id);
    auto reply = m_client->del(QStringLiteral("/contacts/") + id);
    QCOMPARE(reply.json().value(QLatin1String("succeded")).toBool(), true);
    QCOMPARE(m_client->get(QStringLiteral("/contacts/") + id).status, 400);
    reply = m_client->get(QStringLiteral("/locations/%1/customFields?model=contact").arg(m_emulator->locationId()));
    const QJsonObject field = reply.json().value(QLatin1String("customFields")).toArray().at(0).toObject();
    QCOMPARE(field.value(QLatin1String("fieldKey")).toString(), QStringLiteral("contact.favourite_colour"));
    QCOMPARE(field.value(QLatin1String("name")).toString(), QStringLiteral("Favourite colour"));
    QCOMPARE(m_client->get(QStringLiteral("/locations/other/customFields?model=contact")).status, 403);
}

void TestHighLevelEmulator::rateLimit()
{
    m_emulator->rateLimiter().setEnabled(true);
    m_emulator->setRateScale(0.05); // 100 per 500 ms
    m_emulator->setDailyLimit(150);
    HttpTestClient::Response reply;
    for (int i = 0; i < 100; ++i) {
        reply = m_client->get(QStringLiteral("/contacts/none"));
        QCOMPARE(reply.header("X-RateLimit-Remaining").toInt(), 99 - i);
    }
    QCOMPARE(reply.header("X-RateLimit-Max"), QByteArray("100"));
    QCOMPARE(reply.header("X-RateLimit-Interval-Milliseconds"), QByteArray("500"));
    QCOMPARE(reply.header("X-RateLimit-Limit-Daily"), QByteArray("150"));
    QCOMPARE(reply.header("X-RateLimit-Daily-Remaining"), QByteArray("50"));
    reply = m_client->get(QStringLiteral("/contacts/none"));
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.json().value(QLatin1String("statusCode")).toInt(), 429);
    QTest::qWait(550);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(m_client->get(QStringLiteral("/contacts/none")).status, 400);
    // The daily budget is spent although the burst window has room.
    QCOMPARE(m_client->get(QStringLiteral("/contacts/none")).status, 429);
}

void TestHighLevelEmulator::updateById()
{
    // PUT /contacts/{contactId}: UpdateContactDto's properties, that contact only; 404 for an unknown id.
    const QString id = upsert({{QStringLiteral("email"), QStringLiteral("old@example.com")}})
                           .json()
                           .value(QLatin1String("contact"))
                           .toObject()
                           .value(QLatin1String("id"))
                           .toString();
    auto reply = m_client->put(QStringLiteral("/contacts/") + id,
                               {{QStringLiteral("email"), QStringLiteral("new@example.com")},
                                {QStringLiteral("firstName"), QStringLiteral("Ann")}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QLatin1String("succeded")).toBool(), true);
    QCOMPARE(reply.json().value(QLatin1String("contact")).toObject().value(QLatin1String("id")).toString(), id);
    QCOMPARE(m_emulator->recordCount(), qsizetype(1));
    QCOMPARE(m_emulator->contact(id)->value(QLatin1String("email")).toString(), QStringLiteral("new@example.com"));
    reply = m_client->put(QStringLiteral("/contacts/") + id,
                          {{QStringLiteral("locationId"), HighLevelEmulator::defaultLocationId()}});
    QCOMPARE(reply.status, 422);
    QVERIFY(m_emulator->removeRecord(id));
    reply = m_client->put(QStringLiteral("/contacts/") + id, {{QStringLiteral("firstName"), QStringLiteral("Ann")}});
    QCOMPARE(reply.status, 404);
    QCOMPARE(m_emulator->recordCount(), qsizetype(0));
}

QTEST_GUILESS_MAIN(TestHighLevelEmulator)
#include "tst_highlevelemulator.moc"
