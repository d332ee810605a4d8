#include "HttpTestClient.h"
#include "LemlistEmulator.h"

#include <QtTest>

using namespace roster::emulator;

// The fault switches, shared by every emulator through EmulatorServer, exercised on
// lemlist: each must fail the way a real network or service does, and a write dropped
// after it was applied must still be stored.
class TestEmulatorFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void statusFaults_data();
    void statusFaults();
    void storm429();
    void dropBeforeWrite();
    void dropAfterWrite();
    void slowReplies();
    void randomFailures();
    void faultsOverHttp();
    void stateAndReset();

private:
    HttpTestClient::Response upsert(const QString& email);

    std::unique_ptr<LemlistEmulator> m_emulator;
    std::unique_ptr<HttpTestClient> m_client;
};

void TestEmulatorFaults::init()
{
    m_emulator = std::make_unique<LemlistEmulator>();
    QVERIFY(m_emulator->start() != 0);
    m_client = std::make_unique<HttpTestClient>(m_emulator->baseUrl());
    m_client->setBasic({}, m_emulator->apiKey());
}

void TestEmulatorFaults::cleanup()
{
    m_client.reset();
    m_emulator.reset();
}

HttpTestClient::Response TestEmulatorFaults::upsert(const QString& email)
{
    return m_client->post(QStringLiteral("/api/contacts"), QJsonObject {{QStringLiteral("email"), email}});
}

void TestEmulatorFaults::statusFaults_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::newRow("500") << int(FaultPlan::Kind::Status500) << 500;
    QTest::newRow("503") << int(FaultPlan::Kind::Status503) << 503;
}

void TestEmulatorFaults::statusFaults()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    m_emulator->faults().failNext(FaultPlan::Kind(kind), 2);
    QCOMPARE(upsert(QStringLiteral("a@example.com")).status, status);
    QCOMPARE(upsert(QStringLiteral("a@example.com")).status, status);
    QCOMPARE(m_emulator->recordCount(), 0);
    QCOMPARE(upsert(QStringLiteral("a@example.com")).status, 201);
    QCOMPARE(m_emulator->recordCount(), 1);
    QCOMPARE(m_emulator->statusCount(status), 2);
    QCOMPARE(m_emulator->faults().injected(FaultPlan::Kind(kind)), 2);
}

void TestEmulatorFaults::storm429()
{
    m_emulator->faults().failNext(FaultPlan::Kind::Storm429, 3);
    for (int i = 0; i < 3; ++i) {
        const auto reply = upsert(QStringLiteral("a@example.com"));
        QCOMPARE(reply.status, 429);
        QVERIFY(reply.header("Retry-After").toInt() >= 1);
        QCOMPARE(reply.header("X-RateLimit-Remaining"), QByteArray("0"));
    }
    QCOMPARE(m_emulator->recordCount(), 0);
    QCOMPARE(upsert(QStringLiteral("a@example.com")).status, 201);
}

void TestEmulatorFaults::dropBeforeWrite()
{
    m_emulator->faults().failNext(FaultPlan::Kind::DropBeforeWrite, 1);
    const auto reply = upsert(QStringLiteral("a@example.com"));
    QCOMPARE(reply.status, 0);
    QCOMPARE(reply.error, QNetworkReply::RemoteHostClosedError);
    QCOMPARE(m_emulator->recordCount(), 0);
    QCOMPARE(m_emulator->faults().injectedTotal(), 1);
    QCOMPARE(m_emulator->statusCount(0), 1 + m_emulator->replaysDropped());
    QCOMPARE(upsert(QStringLiteral("a@example.com")).status, 201);
}

void TestEmulatorFaults::dropAfterWrite()
{
    m_emulator->faults().failNext(FaultPlan::Kind::DropAfterWrite, 1);
    const auto reply = upsert(QStringLiteral("a@example.com"));
    QCOMPARE(reply.status, 0);
    QCOMPARE(reply.error, QNetworkReply::RemoteHostClosedError);
    QCOMPARE(m_emulator->recordCount(), 1);
    QCOMPARE(m_emulator->faults().injectedTotal(), 1);
    // The retry finds the record the dropped request stored.
    const auto retry = upsert(QStringLiteral("a@example.com"));
    QCOMPARE(retry.status, 200);
    QCOMPARE(m_emulator->recordCount(), 1);
}

void TestEmulatorFaults::slowReplies()
{
    m_emulator->faults().setDelayMs(300);
    const auto slow = upsert(QStringLiteral("a@example.com"));
    QCOMPARE(slow.status, 201);
    QVERIFY2(slow.elapsedMs >= 290, qPrintable(QString::number(slow.elapsedMs)));
    m_client->setTimeoutMs(100);
    const auto timedOut = upsert(QStringLiteral("b@example.com"));
    QCOMPARE(timedOut.status, 0);
    QCOMPARE(timedOut.error, QNetworkReply::OperationCanceledError);
    // The service still finished the write the client gave up on.
    QCOMPARE(m_emulator->recordCount(), 2);
    QTest::qWait(300); // let the late reply hit the closed socket
}

void TestEmulatorFaults::randomFailures()
{
    m_emulator->rateLimiter().setEnabled(false);
    m_emulator->faults().setRandom(0.5, 42, {}, 10);
    int failures = 0;
    for (int i = 0; i < 60; ++i) {
        const auto reply = upsert(QStringLiteral("p%1@example.com").arg(i));
        if (reply.status != 201 || reply.error != QNetworkReply::NoError)
            ++failures;
    }
    const int injected = m_emulator->faults().injectedTotal();
    QVERIFY2(injected > 15 && injected < 45, qPrintable(QString::number(injected)));
    // Slow replies still succeed; every other kind is a failure the client sees.
    QCOMPARE(failures, injected - m_emulator->faults().injected(FaultPlan::Kind::Slow));
    for (const auto kind : {FaultPlan::Kind::Status500, FaultPlan::Kind::Status503, FaultPlan::Kind::Storm429,
                            FaultPlan::Kind::DropBeforeWrite, FaultPlan::Kind::DropAfterWrite, FaultPlan::Kind::Slow})
        QVERIFY2(m_emulator->faults().injected(kind) > 0, qPrintable(FaultPlan::kindName(kind)));
    // Stored: the successes plus the writes dropped after they were applied.
    QCOMPARE(m_emulator->recordCount(), 60 - failures + m_emulator->faults().injected(FaultPlan::Kind::DropAfterWrite));

    // The same seed replays the same faults.
    FaultPlan replay;
    replay.setRandom(0.5, 42, {}, 10);
    FaultPlan original;
    original.setRandom(0.5, 42, {}, 10);
    for (int i = 0; i < 100; ++i)
        QCOMPARE(int(replay.next().kind), int(original.next().kind));
}

void TestEmulatorFaults::faultsOverHttp()
{
    HttpTestClient control(m_emulator->baseUrl());
    auto reply = control.post(QStringLiteral("/__emulator/faults"),
                              QJsonObject {{QStringLiteral("fail503"), 1}, {QStringLiteral("dropAfter"), 1}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json().value(QLatin1String("fail503")).toInt(), 1);
    QCOMPARE(upsert(QStringLiteral("a@example.com")).status, 503);
    const auto dropped = upsert(QStringLiteral("a@example.com"));
    QCOMPARE(dropped.error, QNetworkReply::RemoteHostClosedError);
    QCOMPARE(upsert(QStringLiteral("a@example.com")).status, 200);

    reply = control.post(QStringLiteral("/__emulator/faults"),
                         QJsonObject {{QStringLiteral("random"),
                                       QJsonObject {{QStringLiteral("probability"), 1.0},
                                                    {QStringLiteral("seed"), 7},
                                                    {QStringLiteral("kinds"), QJsonArray {QStringLiteral("500")}}}}});
    QCOMPARE(reply.status, 200);
    QCOMPARE(upsert(QStringLiteral("a@example.com")).status, 500);
    reply = control.post(QStringLiteral("/__emulator/faults"),
                         QJsonObject {{QStringLiteral("random"),
                                       QJsonObject {{QStringLiteral("kinds"), QJsonArray {QStringLiteral("nope")}}}}});
    QCOMPARE(reply.status, 400);
    QCOMPARE(control.send("POST", QStringLiteral("/__emulator/faults"), "{not json").status, 400);
    QCOMPARE(control.post(QStringLiteral("/__emulator/reset"), QJsonObject {}).status, 200);
    QCOMPARE(upsert(QStringLiteral("a@example.com")).status, 201);
}

void TestEmulatorFaults::stateAndReset()
{
    QCOMPARE(upsert(QStringLiteral("a@example.com")).status, 201);
    QCOMPARE(upsert(QStringLiteral("bad")).status, 400);
    HttpTestClient control(m_emulator->baseUrl());
    const QJsonObject state = control.get(QStringLiteral("/__emulator/state")).json();
    QCOMPARE(state.value(QLatin1String("provider")).toString(), QStringLiteral("lemlist"));
    QCOMPARE(state.value(QLatin1String("recordCount")).toInt(), 1);
    QCOMPARE(state.value(QLatin1String("records")).toArray().size(), 1);
    const QJsonObject requests = state.value(QLatin1String("requests")).toObject();
    QCOMPARE(requests.value(QLatin1String("total")).toInt(), 2);
    QCOMPARE(requests.value(QLatin1String("byRoute")).toObject().value(QLatin1String("upsert")).toInt(), 2);
    QCOMPARE(requests.value(QLatin1String("byStatus")).toObject().value(QLatin1String("400")).toInt(), 1);
    QCOMPARE(m_emulator->requestCount(QStringLiteral("upsert")), 2);
    QCOMPARE(control.get(QStringLiteral("/__emulator/nothing")).status, 404);
    QCOMPARE(control.post(QStringLiteral("/__emulator/reset"), QJsonObject {}).status, 200);
    QCOMPARE(m_emulator->recordCount(), 0);
    QCOMPARE(m_emulator->totalRequests(), 0);
}

QTEST_GUILESS_MAIN(TestEmulatorFaults)
#include "tst_emulatorfaults.moc"
