#include "StoreFixture.h"
#include "store/AccountStore.h"
#include "store/SqlStatement.h"
#include "store/SyncRunLog.h"

using namespace roster;
using namespace roster::test;

// The sync panel's reads of the run log (history, last sync) and the account dialog's update.
class TestSyncRunLog : public QObject
{
    Q_OBJECT

private slots:
    void runsNewestFirstPerAccount();
    void lastRunOfAccountThatNeverRan();
    void lastCompletedRunSkipsFailures_data();
    void lastCompletedRunSkipsFailures();
    void errorCodesStoredByName();
    void updateRewritesAccount();
    void updateRefusesTakenNameAndUnknownId();

private:
    static qint64 addAccount(Database& db, const QString& name)
    {
        AccountRecord record;
        record.name = name;
        record.provider = QStringLiteral("lemlist");
        record.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1/api"));
        return *AccountStore(db).add(record);
    }
};

void TestSyncRunLog::runsNewestFirstPerAccount()
{
    StoreFixture fx;
    const qint64 a = addAccount(*fx.db, QStringLiteral("a"));
    const qint64 b = addAccount(*fx.db, QStringLiteral("b"));
    SyncRunLog log(*fx.db);
    const qint64 first = *log.start(a);
    QVERIFY(log.finish(first, QStringLiteral("done"), {3, 4, 1}, QStringLiteral("{}")));
    const qint64 other = *log.start(b);
    QVERIFY(log.finish(other, QStringLiteral("failed"), {0, 0, 2}, QStringLiteral("{}")));
    const qint64 running = *log.start(a);

    auto ofA = log.runs(a, 10);
    QVERIFY(ofA);
    QCOMPARE(ofA->size(), 2);
    QCOMPARE(ofA->at(0).id, running);
    QCOMPARE(ofA->at(0).state, QStringLiteral("running"));
    QVERIFY(!ofA->at(0).finishedAt.isValid());
    QCOMPARE(ofA->at(1).id, first);
    QCOMPARE(ofA->at(1).state, QStringLiteral("done"));
    QCOMPARE(ofA->at(1).totals.pushed, 3);
    QCOMPARE(ofA->at(1).totals.pulled, 4);
    QCOMPARE(ofA->at(1).totals.failed, 1);
    QVERIFY(ofA->at(1).startedAt.isValid());
    QVERIFY(ofA->at(1).finishedAt >= ofA->at(1).startedAt);

    auto all = log.runs(0, 10);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(1).accountId, b);
    QCOMPARE(log.runs(0, 1)->size(), 1);
    QCOMPARE(log.lastRun(b)->id, other);
}

void TestSyncRunLog::lastRunOfAccountThatNeverRan()
{
    StoreFixture fx;
    const qint64 a = addAccount(*fx.db, QStringLiteral("a"));
    auto last = SyncRunLog(*fx.db).lastRun(a);
    QVERIFY(last);
    QCOMPARE(last->id, 0);
}

void TestSyncRunLog::lastCompletedRunSkipsFailures_data()
{
    QTest::addColumn<QString>("completed");
    QTest::newRow("done") << QStringLiteral("done");
    QTest::newRow("waiting for confirmation") << QStringLiteral("waiting for confirmation");
}

// "Last sync" is the last time the account was in sync: runs that failed, were cancelled or are still
// running after it do not move it.
void TestSyncRunLog::lastCompletedRunSkipsFailures()
{
    QFETCH(QString, completed);
    StoreFixture fx;
    const qint64 a = addAccount(*fx.db, QStringLiteral("a"));
    SyncRunLog log(*fx.db);
    QCOMPARE(log.lastCompletedRun(a)->id, 0);
    const qint64 good = *log.start(a);
    QVERIFY(log.finish(good, completed, {1, 0, 0}, QStringLiteral("{}")));
    for (const QString& state : {QStringLiteral("failed"), QStringLiteral("cancelled")}) {
        const qint64 bad = *log.start(a);
        QVERIFY(log.finish(bad, state, {0, 0, 1}, QStringLiteral("{}")));
    }
    [[maybe_unused]] const qint64 running = *log.start(a);
    const auto last = log.lastCompletedRun(a);
    QVERIFY(last);
    QCOMPARE(last->id, good);
    QCOMPARE(last->state, completed);
    QVERIFY(last->finishedAt.isValid());
    QVERIFY(log.lastRun(a)->id > good);
}

// The code of a run error is the program's ErrorCode, NeedsConfirmation included; sync_errors keeps its
// name, and a name this build does not know reads as a service error with its message kept.
void TestSyncRunLog::errorCodesStoredByName()
{
    StoreFixture fx;
    const qint64 a = addAccount(*fx.db, QStringLiteral("a"));
    SyncRunLog log(*fx.db);
    const qint64 run = *log.start(a);
    QVERIFY(log.addError(run, {0, QStringLiteral("r1"), ErrorCode::NeedsConfirmation, QStringLiteral("held")}));
    QVERIFY(log.addError(run, {0, {}, ErrorCode::RateLimited, QStringLiteral("slow down")}));
    SqlStatement stored(*fx.db, "SELECT code FROM sync_errors WHERE run_id = ? ORDER BY id");
    stored.bind(1, run);
    QVERIFY(stored.next());
    QCOMPARE(stored.columnText(0), QStringLiteral("NeedsConfirmation"));
    QVERIFY(stored.next());
    QCOMPARE(stored.columnText(0), QStringLiteral("RateLimited"));
    SqlStatement future(*fx.db, "INSERT INTO sync_errors (run_id, code, message) VALUES (?, 'SomeFutureCode', 'why')");
    future.bind(1, run);
    QVERIFY(future.exec());

    const auto errors = log.errors(run);
    QVERIFY(errors);
    QCOMPARE(errors->size(), 3);
    QCOMPARE(errors->at(0).code, ErrorCode::NeedsConfirmation);
    QCOMPARE(errors->at(0).remoteId, QStringLiteral("r1"));
    QCOMPARE(errors->at(0).message, QStringLiteral("held"));
    QCOMPARE(errors->at(1).code, ErrorCode::RateLimited);
    QCOMPARE(errors->at(2).code, ErrorCode::HttpError);
    QCOMPARE(errors->at(2).message, QStringLiteral("why"));
}

void TestSyncRunLog::updateRewritesAccount()
{
    StoreFixture fx;
    AccountStore store(*fx.db);
    const qint64 id = addAccount(*fx.db, QStringLiteral("a"));
    AccountRecord record = *store.find(QStringLiteral("a"));
    record.name = QStringLiteral("renamed");
    record.provider = QStringLiteral("getsales");
    record.baseUrl = QUrl(QStringLiteral("https://api.example.com"));
    record.options.insert(QStringLiteral("list_uuid"), QStringLiteral("L1"));
    record.conflictPolicy = QStringLiteral("remote");
    QVERIFY(store.update(record));
    QVERIFY(!store.find(QStringLiteral("a")));
    const AccountRecord read = *store.find(QStringLiteral("renamed"));
    QCOMPARE(read.id, id);
    QCOMPARE(read.provider, QStringLiteral("getsales"));
    QCOMPARE(read.baseUrl, QUrl(QStringLiteral("https://api.example.com")));
    QCOMPARE(read.options.value(QStringLiteral("list_uuid")), QStringLiteral("L1"));
    QCOMPARE(read.conflictPolicy, QStringLiteral("remote"));
    // Keeping its own name is not a clash.
    QVERIFY(store.update(read));
}

void TestSyncRunLog::updateRefusesTakenNameAndUnknownId()
{
    StoreFixture fx;
    AccountStore store(*fx.db);
    addAccount(*fx.db, QStringLiteral("a"));
    addAccount(*fx.db, QStringLiteral("b"));
    AccountRecord b = *store.find(QStringLiteral("b"));
    b.name = QStringLiteral("a");
    auto clash = store.update(b);
    QVERIFY(!clash);
    QCOMPARE(clash.error().code, ErrorCode::IdentifierTaken);
    AccountRecord ghost = b;
    ghost.id = 999;
    ghost.name = QStringLiteral("ghost");
    auto missing = store.update(ghost);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::InvalidArgument);
    b.name = QString();
    QVERIFY(!store.update(b));
}

QTEST_GUILESS_MAIN(TestSyncRunLog)
#include "tst_syncrunlog.moc"
