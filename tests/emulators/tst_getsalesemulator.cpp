#include "GetSalesEmulator.h"
#include "HttpTestClient.h"

#include <QtTest>

using namespace roster::emulator;

// GetSales / Grinfi's contract (001) and PROVIDERS.md §2, over HTTP on loopback.
class TestGetSalesEmulator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void authentication();
    void validationErrors_data();
    void validationErrors();
    void createUpdateAndCustomFields();
    void matchScope();
    void searchPaging();
    void searchFilters();
    void getAndDelete();
    void rateLimit();

private:
    QJsonObject body(const QString& linkedinId, const QJsonObject& lead = {}) const;

    std::unique_ptr<GetSalesEmulator> m_emulator;
    std::unique_ptr<HttpTestClient> m_client;
};

void TestGetSalesEmulator::init()
{
    m_emulator = std::make_unique<GetSalesEmulator>();
    QVERIFY(m_emulator->start() != 0);
    m_emulator->rateLimiter().setEnabled(false);
    m_client = std::make_unique<HttpTestClient>(m_emulator->baseUrl());
    m_client->setBearer(m_emulator->apiKey());
}

void TestGetSalesEmulator::cleanup()
{
    m_client.reset();
    m_emulator.reset();
}

QJsonObject TestGetSalesEmulator::body(const QString& linkedinId, const QJsonObject& lead) const
{
    QJsonObject fields = lead;
    fields.insert(QStringLiteral("linkedin_id"), linkedinId);
    return {{QStringLiteral("lead"), fields},
            {QStringLiteral("list_uuid"), GetSalesEmulator::defaultListUuid()},
            {QStringLiteral("update_if_exists"), true}};
}

void TestGetSalesEmulator::authentication()
{
    m_client->setBearer("wrong");
    const auto reply = m_client->post(QStringLiteral("/leads/api/leads/search"), QJsonObject {});
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json().value(QLatin1String("code")).toInt(), 401);
    QCOMPARE(reply.json().value(QLatin1String("error")).toObject().value(QLatin1String("reason")).toString(),
             QStringLiteral("auth_exception"));
    m_client->removeHeader("Authorization");
    QCOMPARE(m_client->post(QStringLiteral("/leads/api/leads/search"), QJsonObject {}).status, 401);
}

void TestGetSalesEmulator::validationErrors_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    const QByteArray list = GetSalesEmulator::defaultListUuid().toUtf8();
    QTest::newRow("no lead") << QByteArray(R"({"list_uuid":")" + list + R"("})") << 422 << QStringLiteral("lead");
    QTest::newRow("no linkedin_id") << QByteArray(R"({"lead":{"first_name":"J"},"list_uuid":")" + list + R"("})") << 422
                                    << QStringLiteral("lead.linkedin_id");
    QTest::newRow("empty linkedin_id") << QByteArray(R"({"lead":{"linkedin_id":""},"list_uuid":")" + list + R"("})")
                                       << 422 << QStringLiteral("lead.linkedin_id");
    QTest::newRow("no list") << QByteArray(R"({"lead":{"linkedin_id":"jd"}})") << 422 << QStringLiteral("list_uuid");
    QTest::newRow("unknown list") << QByteArray(R"({"lead":{"linkedin_id":"jd"},"list_uuid":"nope"})") << 422
                                  << QStringLiteral("list_uuid");
    QTest::newRow("bad email") << QByteArray(R"({"lead":{"linkedin_id":"jd","email":"x"},"list_uuid":")" + list
                                             + R"("})")
                               << 422 << QStringLiteral("lead.email");
    QTest::newRow("wrong type") << QByteArray(R"({"lead":{"linkedin_id":"jd","first_name":3},"list_uuid":")" + list
                                              + R"("})")
                                << 422 << QStringLiteral("lead.first_name");
    QTest::newRow("custom fields not an object")
        << QByteArray(R"({"lead":{"linkedin_id":"jd"},"custom_fields":[1],"list_uuid":")" + list + R"("})") << 422
        << QStringLiteral("custom_fields");
    QTest::newRow("malformed") << QByteArray(R"({"lead":)") << 400 << QString();
}

void TestGetSalesEmulator::validationErrors()
{
    QFETCH(QByteArray, payload);
    QFETCH(int, status);
    QFETCH(QString, field);
    const auto reply = m_client->send("POST", QStringLiteral("/leads/api/leads/upsert"), payload);
    QCOMPARE(reply.status, status);
    const QJsonObject error = reply.json().value(QLatin1String("error")).toObject();
    QCOMPARE(reply.json().value(QLatin1String("code")).toInt(), status);
    QCOMPARE(error.value(QLatin1String("reason")).toString(),
             status == 422 ? QStringLiteral("validation_error") : QStringLiteral("bad_request"));
    if (!field.isEmpty())
        QVERIFY2(error.value(QLatin1String("data")).toObject().contains(field), reply.body.constData());
    QCOMPARE(m_emulator->recordCount(), 0);
}

void TestGetSalesEmulator::createUpdateAndCustomFields()
{
    QCOMPARE(m_emulator->registerCustomFields({QJsonObject {{QStringLiteral("name"), QStringLiteral("msg1")}}}),
             QString());
    QJsonObject request = body(QStringLiteral("https://www.linkedin.com/in/john-doe-123456/"),
                               {{QStringLiteral("first_name"), QStringLiteral("John")},
                                {QStringLiteral("email"), QStringLiteral("john@acme.com")},
                                {QStringLiteral("position"), QStringLiteral("CTO")}});
    request.insert(QStringLiteral("custom_fields"),
                   QJsonObject {{QStringLiteral("msg1"), QStringLiteral("hello")},
                                {QStringLiteral("unknown"), QStringLiteral("x")}});
    auto reply = m_client->post(QStringLiteral("/leads/api/leads/upsert"), request);
    QCOMPARE(reply.status, 200);
    QJsonObject lead = reply.json();
    const QString uuid = lead.value(QLatin1String("uuid")).toString();
    QCOMPARE(lead.value(QLatin1String("linkedin")).toString(), QStringLiteral("john-doe-123456"));
    QCOMPARE(lead.value(QLatin1String("work_email")).toString(), QStringLiteral("john@acme.com"));
    QCOMPARE(lead.value(QLatin1String("name")).toString(), QStringLiteral("John"));
    QCOMPARE(lead.value(QLatin1String("custom_fields")).toObject(),
             QJsonObject({{QStringLiteral("msg1"), QStringLiteral("hello")}}));

    // The bare member id matches the URL; empty values keep what is stored.
    reply = m_client->post(
        QStringLiteral("/leads/api/leads/upsert"),
        body(QStringLiteral("john-doe-123456"),
             {{QStringLiteral("position"), QStringLiteral("CEO")}, {QStringLiteral("email"), QString()}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QLatin1String("uuid")).toString(), uuid);
    QCOMPARE(m_emulator->lead(uuid)->value(QLatin1String("position")).toString(), QStringLiteral("CEO"));
    QCOMPARE(m_emulator->lead(uuid)->value(QLatin1String("work_email")).toString(), QStringLiteral("john@acme.com"));

    // Without update_if_exists the existing lead comes back unchanged.
    request = body(QStringLiteral("john-doe-123456"), {{QStringLiteral("position"), QStringLiteral("Intern")}});
    request.remove(QStringLiteral("update_if_exists"));
    reply = m_client->post(QStringLiteral("/leads/api/leads/upsert"), request);
    QCOMPARE(reply.json().value(QLatin1String("position")).toString(), QStringLiteral("CEO"));
    QCOMPARE(m_emulator->recordCount(), 1);

    const auto fields = m_client->get(QStringLiteral("/leads/api/custom-fields"));
    QCOMPARE(
        fields.json().value(QLatin1String("data")).toArray().at(0).toObject().value(QLatin1String("name")).toString(),
        QStringLiteral("msg1"));
}

void TestGetSalesEmulator::matchScope()
{
    m_emulator->addList(QStringLiteral("list-2"), QStringLiteral("Second"));
    QVERIFY(!m_emulator->seedContact(body(QStringLiteral("jd"))).isEmpty());
    QJsonObject other = body(QStringLiteral("jd"));
    other.insert(QStringLiteral("list_uuid"), QStringLiteral("list-2"));
    QCOMPARE(m_client->post(QStringLiteral("/leads/api/leads/upsert"), other).status, 200);
    QCOMPARE(m_emulator->recordCount(), 2); // matched within its list only

    m_emulator->reset();
    m_emulator->setMatchScope(GetSalesEmulator::MatchScope::Team);
    const QString uuid = m_emulator->seedContact(body(QStringLiteral("jd")));
    other.insert(QStringLiteral("move_to_list"), true);
    const auto reply = m_client->post(QStringLiteral("/leads/api/leads/upsert"), other);
    QCOMPARE(reply.json().value(QLatin1String("uuid")).toString(), uuid);
    QCOMPARE(reply.json().value(QLatin1String("list_uuid")).toString(), QStringLiteral("list-2"));
    QCOMPARE(m_emulator->recordCount(), 1);
}

void TestGetSalesEmulator::searchPaging()
{
    for (int i = 0; i < 230; ++i)
        QVERIFY(!m_emulator->seedContact(body(QStringLiteral("lead-%1").arg(i))).isEmpty());
    QSet<QString> seen;
    int offset = 0;
    for (bool more = true; more; offset += 100) {
        const auto reply
            = m_client->post(QStringLiteral("/leads/api/leads/search"),
                             QJsonObject {{QStringLiteral("limit"), 100}, {QStringLiteral("offset"), offset}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QLatin1String("total")).toInt(), 230);
        for (const QJsonValue& lead : reply.json().value(QLatin1String("data")).toArray())
            seen.insert(lead.toObject().value(QLatin1String("uuid")).toString());
        more = reply.json().value(QLatin1String("has_more")).toBool();
    }
    QCOMPARE(offset, 300);
    QCOMPARE(seen.size(), 230);
    QCOMPARE(
        m_client->post(QStringLiteral("/leads/api/leads/search"), QJsonObject {{QStringLiteral("limit"), 101}}).status,
        422);
    m_emulator->setWrapSearchRows(true);
    const auto wrapped
        = m_client->post(QStringLiteral("/leads/api/leads/search"), QJsonObject {{QStringLiteral("limit"), 1}});
    QVERIFY(wrapped.json().value(QLatin1String("data")).toArray().at(0).toObject().contains(QLatin1String("lead")));
}

void TestGetSalesEmulator::searchFilters()
{
    const QString first
        = m_emulator->seedContact(body(QStringLiteral("a"), {{QStringLiteral("first_name"), QStringLiteral("Ann")}}));
    QTest::qWait(20);
    const QString since = m_emulator->lead(first)->value(QLatin1String("updated_at")).toString();
    QTest::qWait(20);
    m_emulator->seedContact(body(QStringLiteral("b"), {{QStringLiteral("first_name"), QStringLiteral("Bob")}}));
    auto search = [&](const QJsonObject& filter) {
        return m_client->post(QStringLiteral("/leads/api/leads/search"),
                              QJsonObject {{QStringLiteral("filter"), filter}});
    };
    QCOMPARE(
        search({{QStringLiteral("first_name"), QStringLiteral("Bob")}}).json().value(QLatin1String("total")).toInt(),
        1);
    QCOMPARE(search({{QStringLiteral("first_name"), QJsonArray {QStringLiteral("Ann"), QStringLiteral("Bob")}}})
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
             2);
    QCOMPARE(search({{QStringLiteral("updated_at"), QJsonObject {{QStringLiteral(">"), since}}}})
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
             1);
    QCOMPARE(search({{QStringLiteral("work_email"), QStringLiteral("is_null")}})
                 .json()
                 .value(QLatin1String("total"))
                 .toInt(),
             2);
    QCOMPARE(search({{QStringLiteral("updated_at"), QJsonObject {{QStringLiteral("~"), since}}}}).status, 422);
    m_emulator->setUpdatedFilterSupported(false);
    QCOMPARE(search({{QStringLiteral("updated_at"), QJsonObject {{QStringLiteral(">"), since}}}}).status, 422);
}

void TestGetSalesEmulator::getAndDelete()
{
    const QString uuid = m_emulator->seedContact(body(QStringLiteral("a")));
    QCOMPARE(m_client->get(QStringLiteral("/leads/api/leads/") + uuid).json().value(QLatin1String("uuid")).toString(),
             uuid);
    QCOMPARE(m_client->del(QStringLiteral("/leads/api/leads/") + uuid).status, 200);
    QCOMPARE(m_client->del(QStringLiteral("/leads/api/leads/") + uuid).status, 404);
    QCOMPARE(m_client->get(QStringLiteral("/leads/api/leads/") + uuid).status, 404);
}

void TestGetSalesEmulator::rateLimit()
{
    m_emulator->rateLimiter().setEnabled(true);
    m_emulator->rateLimiter().setLimit(300, 60000);
    m_emulator->setRateScale(0.01); // 300 per 600 ms
    int ok = 0;
    HttpTestClient::Response limited;
    for (int i = 0; i < 310 && limited.status == 0; ++i) {
        const auto reply = m_client->get(QStringLiteral("/leads/api/custom-fields"));
        if (reply.status == 200)
            ++ok;
        else
            limited = reply;
    }
    QVERIFY2(ok >= 250 && ok <= 300, qPrintable(QString::number(ok)));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.json().value(QLatin1String("code")).toInt(), 429);
    QTest::qWait(650);
    QCOMPARE(m_client->get(QStringLiteral("/leads/api/custom-fields")).status, 200);
}

QTEST_GUILESS_MAIN(TestGetSalesEmulator)
#include "tst_getsalesemulator.moc"
