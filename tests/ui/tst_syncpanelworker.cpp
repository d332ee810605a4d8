#include "FaultPlan.h"
#include "SyncUiFixture.h"
#include "models/SyncAccountsModel.h"
#include "store/SyncLease.h"
#include "store/SyncRunLog.h"
#include "sync/BackgroundSync.h"
#include "widgets/MainWindow.h"
#include "widgets/SyncPanel.h"

#include <QMutex>
#include <QPushButton>
#include <QSet>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

using namespace roster;
using namespace roster::test;

// The sync panel's runs live on a worker thread (BackgroundSync): the jobs report from another thread than
// the window's, the window's thread keeps serving its events meanwhile, and a window closed mid-run cancels
// the run, records it and gives its lease back.
class TestSyncPanelWorker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void jobsRunOnAWorkerThread_data();
    void jobsRunOnAWorkerThread();
    void closingTheWindowCancelsTheRun();

private:
    SyncPanel* panel() { return m_window->syncPanel(); }
    void openWindow();
    QString state(int row) const
    {
        return m_window->syncPanel()->accountsModel()->index(row, SyncAccountsModel::StateColumn).data().toString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestSyncPanelWorker::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("ROSTER_NO_KEYCHAIN", "1");
    qputenv("ROSTER_SYNC_TIME_SCALE", "0.05");
}

void TestSyncPanelWorker::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto session = StoreSession::open(m_dir->filePath(QStringLiteral("worker.sqlite")));
    QVERIFY(session);
    m_session = std::move(*session);
}

void TestSyncPanelWorker::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_dir.reset();
}

void TestSyncPanelWorker::openWindow()
{
    m_window = std::make_unique<MainWindow>(std::move(m_session));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->showSyncPanel();
}

void TestSyncPanelWorker::jobsRunOnAWorkerThread_data()
{
    QTest::addColumn<QString>("provider");
    QTest::newRow("lemlist") << QStringLiteral("lemlist");
    QTest::newRow("highlevel") << QStringLiteral("highlevel");
}

void TestSyncPanelWorker::jobsRunOnAWorkerThread()
{
    QFETCH(QString, provider);
    EmulatedAccount sales(m_session->database(), provider, QStringLiteral("Sales"));
    addContacts(*m_session, 0, 30);
    openWindow();
    QMutex mutex;
    QSet<QThread*> jobThreads;
    panel()->coordinator()->setWorkerProbe([&](qint64) {
        const QMutexLocker lock(&mutex);
        jobThreads.insert(QThread::currentThread());
    });
    // The emulator answers on this thread too: the window's events keep being served while the run goes.
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(1);
    connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
    ticker.start();
    QVERIFY(panel()->syncNow());
    QVERIFY(panel()->isSyncing());
    QCOMPARE(state(0), QStringLiteral("Syncing…"));
    const int ticksAtStart = ticks;
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->isSyncing(), 30000);
    QVERIFY(ticks > ticksAtStart);
    QCOMPARE(state(0), QStringLiteral("Up to date"));
    QCOMPARE(sales.server->recordCount(), 30);
    const QMutexLocker lock(&mutex);
    QVERIFY(!jobThreads.isEmpty());
    QVERIFY(!jobThreads.contains(QThread::currentThread()));
}

void TestSyncPanelWorker::closingTheWindowCancelsTheRun()
{
    EmulatedAccount sales(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Sales"));
    sales.server->faults().setDelayMs(400); // slow replies: the run is still going when the window closes
    addContacts(*m_session, 0, 80);
    const QString path = m_session->database().path();
    openWindow();
    QVERIFY(panel()->syncNow());
    QTRY_VERIFY_WITH_TIMEOUT(panel()
                                 ->accountsModel()
                                 ->index(0, SyncAccountsModel::ProgressColumn)
                                 .data()
                                 .toString()
                                 .contains(QStringLiteral(" of 80")),
                             10000);
    auto db = Database::open(path);
    QVERIFY(db);
    auto held = SyncLease(**db).holders();
    QVERIFY(held);
    QCOMPARE(held->size(), 1);

    m_window.reset();
    held = SyncLease(**db).holders();
    QVERIFY(held);
    QVERIFY(held->isEmpty());
    const auto run = SyncRunLog(**db).lastRun(sales.account.id);
    QVERIFY(run);
    QCOMPARE(run->state, QStringLiteral("cancelled"));
    QVERIFY(sales.server->recordCount() < 80);
}

QTEST_MAIN(TestSyncPanelWorker)
#include "tst_syncpanelworker.moc"
