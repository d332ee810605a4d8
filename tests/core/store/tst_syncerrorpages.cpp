#include "StoreFixture.h"
#include "store/AccountStore.h"
#include "store/SqlStatement.h"
#include "store/SyncErrorPages.h"
#include "store/SyncRunLog.h"

using namespace roster;
using namespace roster::test;

// The sync panel reads a run's errors a page at a time and counts them, never the whole list.
class TestSyncErrorPages : public QObject
{
    Q_OBJECT

private slots:
    void pagesCoverTheRunOnce_data();
    void pagesCoverTheRunOnce();
    void pageReadsTheRunIndex();
    void countReadsTheIndexAlone();
    void retryTargetsOfTheWholeRun_data();
    void retryTargetsOfTheWholeRun();

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

void TestSyncErrorPages::pagesCoverTheRunOnce_data()
{
    QTest::addColumn<int>("errors");
    QTest::addColumn<int>("pages"); // holding rows; one more read finds nothing
    // Pages of 5.
    QTest::newRow("none") << 0 << 0;
    QTest::newRow("one") << 1 << 1;
    QTest::newRow("exactly a page") << 5 << 1;
    QTest::newRow("a page and one") << 6 << 2;
    QTest::newRow("many") << 23 << 5;
}

// Each error once, in the order it happened, whatever another run wrote between them; the run's own
// cancellation is not counted or listed.
void TestSyncErrorPages::pagesCoverTheRunOnce()
{
    QFETCH(int, errors);
    QFETCH(int, pages);
    StoreFixture fx;
    SyncRunLog log(*fx.db);
    const qint64 run = *log.start(addAccount(*fx.db, QStringLiteral("a")));
    const qint64 other = *log.start(addAccount(*fx.db, QStringLiteral("b")));
    QVERIFY(fx.db->begin());
    for (int i = 0; i < errors; ++i) {
        QVERIFY(log.addError(
            run,
            {i + 1, QStringLiteral("r%1").arg(i), ErrorCode::RemoteValidation, QStringLiteral("error %1").arg(i)}));
        QVERIFY(log.addError(other, {0, {}, ErrorCode::NetworkError, QStringLiteral("other %1").arg(i)}));
    }
    QVERIFY(log.addError(run, {0, {}, ErrorCode::Cancelled, QStringLiteral("sync cancelled")}));
    QVERIFY(fx.db->commit());

    SyncErrorPages reader(*fx.db);
    QCOMPARE(*reader.count(run), errors);
    QStringList read;
    int pagesRead = 0;
    qint64 after = 0;
    for (;;) {
        const auto page = reader.page(run, after, 5);
        QVERIFY(page);
        QVERIFY(page->size() <= 5);
        if (page->isEmpty())
            break;
        ++pagesRead;
        for (const SyncErrorPages::Row& row : *page) {
            QVERIFY(row.id > after);
            after = row.id;
            read << row.error.message;
            QCOMPARE(row.error.code, ErrorCode::RemoteValidation);
            QCOMPARE(row.error.contactId, read.size());
            QCOMPARE(row.error.remoteId, QStringLiteral("r%1").arg(read.size() - 1));
        }
        QVERIFY(pagesRead <= pages);
    }
    QCOMPARE(pagesRead, pages);
    QStringList expected;
    for (int i = 0; i < errors; ++i)
        expected << QStringLiteral("error %1").arg(i);
    QCOMPARE(read, expected);
    QCOMPARE(*reader.count(0), 0);
}

// A page starts at its run's first error after the cursor, not at the start of the table.
void TestSyncErrorPages::pageReadsTheRunIndex()
{
    StoreFixture fx;
    SqlStatement plan(*fx.db,
                      "EXPLAIN QUERY PLAN SELECT id, contact_id, remote_id, code, message FROM sync_errors "
                      "WHERE run_id = 1 AND id > 7 AND code <> 'Cancelled' ORDER BY id LIMIT 5");
    QStringList steps;
    while (plan.next())
        steps << plan.columnText(3);
    QVERIFY(!plan.hasError());
    QVERIFY2(steps.join(u'\n').contains(QStringLiteral("INDEX sync_errors_run (run_id=? AND rowid>?)")),
             qPrintable(steps.join(u'\n')));
    QVERIFY2(!steps.join(u'\n').contains(QStringLiteral("TEMP B-TREE")), qPrintable(steps.join(u'\n')));
}

// The count reads the index alone, not the errors' messages.
void TestSyncErrorPages::countReadsTheIndexAlone()
{
    StoreFixture fx;
    SqlStatement plan(*fx.db,
                      "EXPLAIN QUERY PLAN SELECT COUNT(*) FROM sync_errors WHERE run_id = 1 AND code <> 'Cancelled'");
    QStringList steps;
    while (plan.next())
        steps << plan.columnText(3);
    QVERIFY(!plan.hasError());
    QVERIFY2(steps.join(u'\n').contains(QStringLiteral("COVERING INDEX sync_errors_run_code")),
             qPrintable(steps.join(u'\n')));
}

void TestSyncErrorPages::retryTargetsOfTheWholeRun_data()
{
    QTest::addColumn<bool>("accountError");
    QTest::addColumn<bool>("wholeAccount");
    QTest::newRow("records only") << false << false;
    QTest::newRow("an account-level error") << true << true;
}

// Retry with nothing selected: every contact of the run's errors, each once, or the whole account when an
// error is not about one local contact. A cancellation is not a reason to sync the whole account.
void TestSyncErrorPages::retryTargetsOfTheWholeRun()
{
    QFETCH(bool, accountError);
    QFETCH(bool, wholeAccount);
    StoreFixture fx;
    SyncRunLog log(*fx.db);
    const qint64 run = *log.start(addAccount(*fx.db, QStringLiteral("a")));
    const qint64 other = *log.start(addAccount(*fx.db, QStringLiteral("b")));
    QVERIFY(fx.db->begin());
    QSet<qint64> expected;
    for (int i = 1; i <= 1000; ++i) {
        // Contact 7 fails twice.
        const qint64 contact = i == 1000 ? 7 : i;
        QVERIFY(log.addError(run, {contact, {}, ErrorCode::RemoteValidation, QStringLiteral("no")}));
        expected.insert(contact);
    }
    QVERIFY(log.addError(other, {5000, {}, ErrorCode::RemoteValidation, QStringLiteral("other run")}));
    QVERIFY(log.addError(run, {0, {}, ErrorCode::Cancelled, QStringLiteral("sync cancelled")}));
    if (accountError)
        QVERIFY(log.addError(run, {0, QStringLiteral("remote-9"), ErrorCode::HttpError, QStringLiteral("pull")}));
    QVERIFY(fx.db->commit());

    const auto targets = SyncErrorPages(*fx.db).retryTargets(run);
    QVERIFY(targets);
    QCOMPARE(targets->wholeAccount, wholeAccount);
    QCOMPARE(targets->contactIds, expected);
}

QTEST_GUILESS_MAIN(TestSyncErrorPages)
#include "tst_syncerrorpages.moc"
