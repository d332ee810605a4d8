#include "SyncUiFixture.h"
#include "store/SyncLease.h"
#include "store/SyncRunLog.h"
#include "sync/AccountSecrets.h"
#include "sync/ConnectionTester.h"
#include "sync/SyncCoordinator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>

using namespace roster;
using namespace roster::test;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(roster::SyncProgress)
Q_DECLARE_METATYPE(roster::SyncReport)
Q_DECLARE_METATYPE(roster::Error)

// The sync panel's engine room: all accounts at once with progress and estimates, cancel, and Test
// connection, against the emulators on loopback.
class TestSyncCoordinator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void estimate_data();
    void estimate();
    void syncsAllAccountsAtOnce();
    void missingKeyFailsThatAccountOnly();
    void accountSyncedElsewhereLeftAlone();
    void cancelStopsTheRun();
    void noSecondStartWhileReadingKeys();
    void connectionTest_data();
    void connectionTest();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreSession> m_session;
};

void TestSyncCoordinator::initTestCase()
{
    qputenv("ROSTER_NO_KEYCHAIN", "1");
    qRegisterMetaType<roster::SyncProgress>();
    qRegisterMetaType<roster::SyncReport>();
    qRegisterMetaType<roster::Error>();
}

void TestSyncCoordinator::init()
{
    static int n = 0;
    m_session = std::move(*StoreSession::open(m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++n))));
}

void TestSyncCoordinator::cleanup()
{
    m_session.reset();
}

void TestSyncCoordinator::estimate_data()
{
    QTest::addColumn<qint64>("remaining");
    QTest::addColumn<QList<RateLimit>>("limits");
    QTest::addColumn<double>("scale");
    QTest::addColumn<qint64>("spent");
    QTest::addColumn<qint64>("expected");
    const QList<RateLimit> lemlist {RateLimit {20, 2s}};
    const QList<RateLimit> highlevel {RateLimit {100, 10s}, RateLimit {200000, 24h}};
    const QList<RateLimit> monaco {RateLimit {1000, 1h}};
    QTest::newRow("nothing left") << qint64(0) << lemlist << 1.0 << qint64(20) << qint64(0);
    QTest::newRow("window spent: 100 at 20 per 2 s") << qint64(100) << lemlist << 1.0 << qint64(20) << qint64(10000);
    QTest::newRow("fresh window goes at once") << qint64(15) << lemlist << 1.0 << qint64(0) << qint64(0);
    QTest::newRow("fresh window, rest waits") << qint64(60) << lemlist << 1.0 << qint64(0) << qint64(4000);
    QTest::newRow("scaled") << qint64(100) << lemlist << 0.05 << qint64(20) << qint64(500);
    QTest::newRow("daily quota not reached") << qint64(1000) << highlevel << 1.0 << qint64(100) << qint64(100000);
    QTest::newRow("monaco hour") << qint64(500) << monaco << 1.0 << qint64(1000) << qint64(1800000);
    QTest::newRow("no published limit") << qint64(500) << QList<RateLimit> {} << 1.0 << qint64(0) << qint64(0);
}

void TestSyncCoordinator::estimate()
{
    QFETCH(qint64, remaining);
    QFETCH(QList<RateLimit>, limits);
    QFETCH(double, scale);
    QFETCH(qint64, spent);
    QFETCH(qint64, expected);
    QCOMPARE(SyncCoordinator::estimateMs(remaining, limits, scale, spent), expected);
}

void TestSyncCoordinator::syncsAllAccountsAtOnce()
{
    EmulatedAccount lemlist(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Sales"));
    EmulatedAccount monaco(m_session->database(), QStringLiteral("monaco"), QStringLiteral("Monaco EU"));
    addContacts(*m_session, 0, 60);
    SyncCoordinator coordinator(*m_session);
    coordinator.setTimeScale(0.05);
    QSignalSpy started(&coordinator, &SyncCoordinator::accountStarted);
    QSignalSpy progress(&coordinator, &SyncCoordinator::accountProgress);
    QSignalSpy finished(&coordinator, &SyncCoordinator::accountFinished);
    QSignalSpy all(&coordinator, &SyncCoordinator::allFinished);
    QVERIFY(coordinator.start({lemlist.account, monaco.account}));
    QCOMPARE(started.size(), 2);
    // Both run side by side, not one after the other.
    QVERIFY(coordinator.isRunning(lemlist.account.id));
    QVERIFY(coordinator.isRunning(monaco.account.id));
    QVERIFY(all.wait(30000));
    QCOMPARE(all.size(), 1);
    QCOMPARE(finished.size(), 2);
    QVERIFY(!coordinator.isRunning());
    for (const QList<QVariant>& args : std::as_const(finished)) {
        const auto report = args.at(1).value<SyncReport>();
        QVERIFY2(report.ok(), qPrintable(QJsonDocument(report.toJson()).toJson()));
        QCOMPARE(report.pushed.created, 60);
        QVERIFY(report.runId > 0);
    }
    QCOMPARE(lemlist.server->recordCount(), 60);
    QCOMPARE(monaco.server->recordCount(), 60);

    // Push progress of the lemlist account: counts up to 60, with an estimate once the total is known.
    qint64 lastDone = -1;
    bool sawEstimate = false;
    bool sawPull = false;
    for (const QList<QVariant>& args : std::as_const(progress)) {
        if (args.at(0).toLongLong() != lemlist.account.id)
            continue;
        const auto p = args.at(1).value<SyncProgress>();
        if (p.phase == QLatin1String("push")) {
            QCOMPARE(p.total, 60);
            QVERIFY(p.done >= lastDone);
            lastDone = p.done;
            sawEstimate = sawEstimate || (p.done < 60 && p.etaMs > 0);
        }
        sawPull = sawPull || p.phase == QLatin1String("pull");
    }
    QCOMPARE(lastDone, 60);
    // 60 upserts at 20 per 100 ms (scaled): the first estimate is a few hundred milliseconds, not zero.
    QVERIFY(sawEstimate);
    QVERIFY(sawPull);
    QCOMPARE(SyncRunLog(m_session->database()).lastRun(lemlist.account.id)->state, QStringLiteral("done"));
}

void TestSyncCoordinator::missingKeyFailsThatAccountOnly()
{
    EmulatedAccount good(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("good"));
    EmulatedAccount keyless(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("keyless"));
    qunsetenv(keyless.secretVariable.constData());
    addContacts(*m_session, 0, 3);
    SyncCoordinator coordinator(*m_session);
    coordinator.setTimeScale(0.05);
    QSignalSpy finished(&coordinator, &SyncCoordinator::accountFinished);
    QSignalSpy all(&coordinator, &SyncCoordinator::allFinished);
    QVERIFY(coordinator.start({good.account, keyless.account}));
    QVERIFY(all.wait(20000));
    QCOMPARE(finished.size(), 2);
    const auto first = finished.at(0).at(1).value<SyncReport>();
    QCOMPARE(finished.at(0).at(0).toLongLong(), keyless.account.id);
    QVERIFY(first.fatal);
    QCOMPARE(first.fatal->code, ErrorCode::SecretUnavailable);
    QVERIFY(finished.at(1).at(1).value<SyncReport>().ok());
    // The refusal is in the history, so the account's last sync says why.
    SyncRunLog log(m_session->database());
    const auto last = log.lastRun(keyless.account.id);
    QCOMPARE(last->state, QStringLiteral("failed"));
    QCOMPARE(log.errors(last->id)->first().code, ErrorCode::SecretUnavailable);
}

void TestSyncCoordinator::accountSyncedElsewhereLeftAlone()
{
    EmulatedAccount idle(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("idle"));
    EmulatedAccount busy(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("busy"));
    // Its key is not even read: the account is known busy before.
    qunsetenv(busy.secretVariable.constData());
    addContacts(*m_session, 0, 3);
    // Another process syncs `busy`: its lease, taken through a connection of its own.
    auto otherDb = Database::open(m_session->database().path());
    QVERIFY(otherDb);
    SyncLease other(**otherDb);
    QVERIFY(other.acquire(busy.account.id));

    SyncCoordinator coordinator(*m_session);
    coordinator.setTimeScale(0.05);
    QCOMPARE(coordinator.runningElsewhere().keys(), QList<qint64> {busy.account.id});
    QSignalSpy finished(&coordinator, &SyncCoordinator::accountFinished);
    QSignalSpy all(&coordinator, &SyncCoordinator::allFinished);
    QVERIFY(coordinator.start({idle.account, busy.account}));
    QVERIFY(!coordinator.isRunning(busy.account.id));
    // Its own run is not "elsewhere".
    QCOMPARE(coordinator.runningElsewhere().keys(), QList<qint64> {busy.account.id});
    QVERIFY(all.wait(20000));
    QCOMPARE(finished.size(), 2);
    const auto refused = finished.at(0).at(1).value<SyncReport>();
    QCOMPARE(finished.at(0).at(0).toLongLong(), busy.account.id);
    QCOMPARE(refused.state, QStringLiteral("running elsewhere"));
    QCOMPARE(refused.fatal->code, ErrorCode::SyncRunningElsewhere);
    QCOMPARE(refused.runningElsewhere->pid, QCoreApplication::applicationPid());
    QVERIFY2(refused.fatal->detail.startsWith(QStringLiteral("a sync of busy is already running in process ")),
             qPrintable(refused.fatal->detail));
    QCOMPARE(busy.server->totalRequests(), 0);
    // Not in the history: the run that holds the lease writes its own.
    QCOMPARE(SyncRunLog(m_session->database()).lastRun(busy.account.id)->id, 0);
    QVERIFY(finished.at(1).at(1).value<SyncReport>().ok());
    QCOMPARE(idle.server->recordCount(), 3);
    QVERIFY(coordinator.runningElsewhere().contains(busy.account.id));
    other.release();
    QVERIFY(coordinator.runningElsewhere().isEmpty());
}

void TestSyncCoordinator::cancelStopsTheRun()
{
    EmulatedAccount monaco(m_session->database(), QStringLiteral("monaco"), QStringLiteral("slow"));
    monaco.server->faults().setDelayMs(200);
    addContacts(*m_session, 0, 40);
    SyncCoordinator coordinator(*m_session);
    coordinator.setTimeScale(0.002);
    QSignalSpy progress(&coordinator, &SyncCoordinator::accountProgress);
    QSignalSpy finished(&coordinator, &SyncCoordinator::accountFinished);
    QVERIFY(coordinator.start(monaco.account));
    QTRY_VERIFY_WITH_TIMEOUT(
        !progress.isEmpty() && progress.constLast().at(1).value<SyncProgress>().phase == QLatin1String("push"), 10000);
    coordinator.cancel();
    QCOMPARE(finished.size(), 1);
    const auto report = finished.first().at(1).value<SyncReport>();
    QCOMPARE(report.state, QStringLiteral("cancelled"));
    QVERIFY(!coordinator.isRunning());
    QCOMPARE(SyncRunLog(m_session->database()).lastRun(monaco.account.id)->state, QStringLiteral("cancelled"));
}

void TestSyncCoordinator::noSecondStartWhileReadingKeys()
{
    // The keychain answers on a local event loop, where a second click on Sync Now could arrive.
    EmulatedAccount sales(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Sales"));
    SyncCoordinator coordinator(*m_session);
    coordinator.setTimeScale(0.05);
    int reads = 0;
    bool nested = true;
    coordinator.setSecretReader([&](const AccountRecord& account) -> Result<QString> {
        ++reads;
        nested = coordinator.start(sales.account);
        return AccountSecrets(m_session->database()).read(account);
    });
    QSignalSpy started(&coordinator, &SyncCoordinator::accountStarted);
    QSignalSpy all(&coordinator, &SyncCoordinator::allFinished);
    QVERIFY(coordinator.start(sales.account));
    QVERIFY(!nested);
    QCOMPARE(reads, 1);
    QCOMPARE(started.size(), 1);
    QVERIFY(all.wait(20000));
}

void TestSyncCoordinator::connectionTest_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("url"); // empty: the emulator's
    QTest::addColumn<int>("expected"); // -1: success
    for (const char* p : {"lemlist", "getsales", "highlevel", "monaco"}) {
        QTest::addRow("%s ok", p) << p << ""
                                  << "" << -1;
        QTest::addRow("%s wrong key", p) << p << "wrong-SECRET-424242"
                                         << "" << int(ErrorCode::AuthenticationFailed);
    }
    QTest::newRow("plain http elsewhere") << "lemlist"
                                          << ""
                                          << "http://crm.example.com/api" << int(ErrorCode::InsecureUrl);
    QTest::newRow("nobody listening") << "lemlist"
                                      << ""
                                      << "http://127.0.0.1:1/api" << int(ErrorCode::NetworkError);
}

void TestSyncCoordinator::connectionTest()
{
    QFETCH(QString, provider);
    QFETCH(QString, key);
    QFETCH(QString, url);
    QFETCH(int, expected);
    EmulatedAccount emulated(m_session->database(), provider, QStringLiteral("probe"));
    AccountRecord account = emulated.account;
    if (!url.isEmpty())
        account.baseUrl = QUrl(url);
    ConnectionTester tester;
    QSignalSpy ok(&tester, &ConnectionTester::succeeded);
    QSignalSpy failed(&tester, &ConnectionTester::failed);
    tester.start(account, key.isEmpty() ? QString::fromLatin1(emulated.server->apiKey()) : key, scaleFor(provider));
    QVERIFY(tester.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(ok.size() + failed.size() == 1, 20000);
    QVERIFY(!tester.isRunning());
    if (expected < 0) {
        QVERIFY2(ok.size() == 1, failed.isEmpty() ? "" : qPrintable(failed.first().first().value<Error>().toString()));
        return;
    }
    QCOMPARE(failed.size(), 1);
    const auto error = failed.first().first().value<Error>();
    QCOMPARE(int(error.code), expected);
    QVERIFY(!error.toString().contains(QStringLiteral("SECRET")));
    QVERIFY(!error.toString().contains(QStringLiteral("424242")));
}

QTEST_GUILESS_MAIN(TestSyncCoordinator)
#include "tst_synccoordinator.moc"
