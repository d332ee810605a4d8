#include "StoreFixture.h"
#include "store/StoreSession.h"
#include "store/StoreWorker.h"

#include <QFile>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace roster;
using namespace roster::test;

// The window's background store work: tasks run in order on a thread with a connection of its own, their
// answers come back on the caller's thread, a receiver gone meanwhile is not called, and the worker's end
// runs what was posted, deletes what lives on its thread there and joins.
class TestStoreWorker : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void runsInOrderAndAnswersOnTheCallersThread();
    void readsWhatTheCallersConnectionWrote();
    void workReturningResultIsNotWrappedTwice_data();
    void workReturningResultIsNotWrappedTwice();
    void answerDroppedWhenTheReceiverIsGone();
    void shutdownRunsQueuedWorkAndJoins();
    void databaseThatCannotOpenAnswersItsError();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("worker.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreSession> m_session;
};

void TestStoreWorker::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto session = StoreSession::open(path());
    QVERIFY(session);
    m_session = std::move(*session);
}

void TestStoreWorker::cleanup()
{
    m_session.reset();
    m_dir.reset();
}

void TestStoreWorker::runsInOrderAndAnswersOnTheCallersThread()
{
    StoreWorker worker(path(), QStringLiteral("test"));
    QObject receiver;
    QList<int> ran; // on the worker thread, one task after another
    QList<int> answered;
    QList<QThread*> workThreads;
    QList<QThread*> answerThreads;
    constexpr int kTasks = 50;
    for (int i = 0; i < kTasks; ++i) {
        worker.post(
            &receiver,
            [&, i](StoreSession&) {
                ran << i;
                workThreads << QThread::currentThread();
                return i * 10;
            },
            [&](Result<int> value) {
                QVERIFY(value);
                answered << *value / 10;
                answerThreads << QThread::currentThread();
            });
    }
    QTRY_COMPARE(answered.size(), kTasks);
    QList<int> expected;
    for (int i = 0; i < kTasks; ++i)
        expected << i;
    QCOMPARE(answered, expected);
    QCOMPARE(ran, expected);
    for (QThread* thread : std::as_const(workThreads)) {
        QCOMPARE(thread, worker.workerThread());
        QVERIFY(thread != QThread::currentThread());
    }
    for (QThread* thread : std::as_const(answerThreads))
        QCOMPARE(thread, QThread::currentThread());
}

void TestStoreWorker::readsWhatTheCallersConnectionWrote()
{
    for (const char* spec : {"email=a@example.com", "email=b@example.com", "email=c@example.com"}) {
        QVERIFY(m_session->engine().upsert(patchFrom(QString::fromLatin1(spec)), UpsertPolicies::local(),
                                           {QStringLiteral("manual"), QStringLiteral("test")}));
    }
    StoreWorker worker(path());
    QObject receiver;
    std::optional<Result<qint64>> count;
    static_assert(std::is_same_v<decltype(m_session->contacts().count()), qint64>);
    const Database* own = nullptr;
    worker.post(
        &receiver,
        [&](StoreSession& session) {
            own = &session.database();
            return session.contacts().count();
        },
        [&](Result<qint64> value) { count = value; });
    QTRY_VERIFY(count.has_value());
    QVERIFY(*count);
    QCOMPARE(**count, 3);
    QVERIFY(own != &m_session->database());
}

void TestStoreWorker::workReturningResultIsNotWrappedTwice_data()
{
    QTest::addColumn<bool>("fail");
    QTest::newRow("value") << false;
    QTest::newRow("error") << true;
}

void TestStoreWorker::workReturningResultIsNotWrappedTwice()
{
    QFETCH(bool, fail);
    StoreWorker worker(path());
    QObject receiver;
    std::optional<Result<QString>> answer;
    worker.post(
        &receiver,
        [fail](StoreSession&) -> Result<QString> {
            if (fail)
                return std::unexpected(Error {ErrorCode::ContactNotFound, {}, QStringLiteral("contact 7")});
            return QStringLiteral("done");
        },
        [&](Result<QString> value) { answer = std::move(value); });
    QTRY_VERIFY(answer.has_value());
    QCOMPARE(answer->has_value(), !fail);
    if (fail)
        QCOMPARE(answer->error().detail, QStringLiteral("contact 7"));
    else
        QCOMPARE(**answer, QStringLiteral("done"));
}

void TestStoreWorker::answerDroppedWhenTheReceiverIsGone()
{
    StoreWorker worker(path());
    QSemaphore started;
    QSemaphore gate;
    auto* doomed = new QObject;
    bool doomedCalled = false;
    worker.post(
        doomed,
        [&](StoreSession&) {
            started.release();
            gate.acquire(); // until the receiver is gone
            return 1;
        },
        [&](Result<int>) { doomedCalled = true; });
    QObject alive;
    bool aliveCalled = false;
    worker.post(
        &alive, [](StoreSession&) { return 3; }, [&](Result<int> value) { aliveCalled = value && *value == 3; });
    started.acquire();
    delete doomed;
    gate.release();
    QTRY_VERIFY(aliveCalled);
    QVERIFY(!doomedCalled);

    // A receiver that goes after its answer was sent, before this thread takes it.
    auto* late = new QObject;
    bool lateCalled = false;
    worker.post(
        late, [](StoreSession&) { return 2; }, [&](Result<int>) { lateCalled = true; });
    QSemaphore sent;
    worker.post([&](StoreSession&) { sent.release(); });
    sent.acquire(); // the answer is queued here, not yet taken
    delete late;
    QTest::qWait(20);
    QVERIFY(!lateCalled);
}

void TestStoreWorker::shutdownRunsQueuedWorkAndJoins()
{
    QObject receiver;
    std::atomic_int ran = 0;
    int answered = 0;
    QThread* resident = nullptr;
    QThread* residentDeletedOn = nullptr;
    QThread* workerThread = nullptr;
    constexpr int kTasks = 40;
    {
        StoreWorker worker(path());
        workerThread = worker.workerThread();
        // An object living on the worker thread, as a sync coordinator does.
        worker.post([&, home = worker.home()](StoreSession&) {
            auto* object = new QObject(home);
            resident = object->thread();
            connect(object, &QObject::destroyed, [&] { residentDeletedOn = QThread::currentThread(); });
        });
        for (int i = 0; i < kTasks; ++i) {
            worker.post(
                &receiver,
                [&](StoreSession&) {
                    QThread::msleep(1);
                    return ++ran;
                },
                [&](Result<int>) { ++answered; });
        }
        // Goes at once, with the tasks still queued.
    }
    QCOMPARE(ran.load(), kTasks);
    QCOMPARE(resident, workerThread);
    QCOMPARE(residentDeletedOn, workerThread);
    // The answers went with the worker.
    QCoreApplication::processEvents();
    QCOMPARE(answered, 0);
}

void TestStoreWorker::databaseThatCannotOpenAnswersItsError()
{
    // Not a database: a text file.
    const QString notes = m_dir->filePath(QStringLiteral("notes.txt"));
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    StoreWorker worker(notes);
    QObject receiver;
    bool workRan = false;
    std::optional<Result<void>> answer;
    worker.post([&](StoreSession&) { workRan = true; });
    worker.post(
        &receiver, [&](StoreSession&) { workRan = true; }, [&](Result<void> value) { answer = std::move(value); });
    QTRY_VERIFY(answer.has_value());
    QVERIFY(!answer->has_value());
    QVERIFY(!answer->error().detail.isEmpty());
    QVERIFY(!workRan);
}

QTEST_GUILESS_MAIN(TestStoreWorker)
#include "tst_storeworker.moc"
