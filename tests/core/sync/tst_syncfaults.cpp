#include "FaultPlan.h"
#include "SyncFixture.h"

using namespace roster;
using namespace roster::test;

// With one request in five failing at random in every way the emulators can fail (500, 503, 429 storms,
// connections dropped before or after the write, slow replies), a push of 1,000 contacts still ends with
// each stored exactly once, and the next sync sends nothing.
class TestSyncFaults final : public QObject
{
    Q_OBJECT

private slots:
    void thousandUnderFaults_data();
    void thousandUnderFaults();
};

void TestSyncFaults::thousandUnderFaults_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<double>("scale");
    QTest::newRow("lemlist") << "lemlist" << 0.02;
    QTest::newRow("getsales") << "getsales" << 0.01;
    QTest::newRow("highlevel") << "highlevel" << 0.02;
    QTest::newRow("monaco") << "monaco" << 0.0005;
}

void TestSyncFaults::thousandUnderFaults()
{
    QFETCH(QString, provider);
    QFETCH(double, scale);
    constexpr int kCount = 1000;
    SyncFixture f(provider, scale);
    f.addContacts(0, kCount);
    f.emulator().faults().setRandom(0.2, 20240607, {}, 200);

    // A record whose attempts all failed is left for the next run, which sends only what is missing.
    SyncReport report = f.sync(true, false);
    int acknowledged = report.pushed.created + report.pushed.updated;
    for (int run = 0; run < 3 && report.pushed.failed > 0; ++run) {
        report = f.sync(true, false);
        acknowledged += report.pushed.created + report.pushed.updated;
        QVERIFY(!report.fatal);
    }
    QCOMPARE(report.pushed.failed, 0);
    QCOMPARE(acknowledged, kCount);
    QVERIFY(f.emulator().faults().injectedTotal() > 100);

    QCOMPARE(f.emulator().recordCount(), qsizetype(kCount));
    const QHash<int, int> keys = f.remoteKeys();
    QCOMPARE(keys.size(), kCount);
    for (auto it = keys.cbegin(); it != keys.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("u%1 stored %2 times").arg(it.key()).arg(it.value())));

    const int before = f.emulator().totalRequests();
    SyncReport again = f.sync(true, false);
    QCOMPARE(again.transport.requests, 0);
    QCOMPARE(again.pushed.unchanged, kCount);
    QCOMPARE(f.emulator().totalRequests(), before);
}

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
