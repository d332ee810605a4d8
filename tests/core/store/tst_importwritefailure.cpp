#include "store/ImportJob.h"
#include "store/SqlStatement.h"
#include "store/StoreSession.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace roster;

// An import whose write the database refuses partway, as a full disk does: SQLite's own page limit
// (`PRAGMA max_page_count`) makes it answer SQLITE_FULL exactly as for a full disk. The summary must say what is
// saved (the batches before), where to resume, and why; the file must hold those batches whole, their search
// rows and nothing else; and the same import again, once there is room, must finish the job.
class TestImportWriteFailure final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void fullDiskKeepsTheBatchesBefore_data();
    void fullDiskKeepsTheBatchesBefore();
    void fullDiskBeforeTheFirstRow();

private:
    QString writeCsv(int rows, int from = 0);
    qint64 scalar(const char* sql, const QString& bind = {});
    void limitToCurrentSize();
    void liftLimit();
    void verifyConsistent(qint64 contacts);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreSession> m_session;
};

void TestImportWriteFailure::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_session = std::move(*StoreSession::open(m_dir->filePath("db.sqlite"), "FR"));
}

QString TestImportWriteFailure::writeCsv(int rows, int from)
{
    QFile file(m_dir->filePath(QStringLiteral("people%1.csv").arg(from)));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write the file");
    file.write("first_name,last_name,email,tags\n");
    for (int i = from; i < from + rows; ++i)
        file.write(QStringLiteral("Nm%1,Müller,person%1@firm%2.com,\"t%2, all\"\n").arg(i).arg(i % 7).toUtf8());
    return file.fileName();
}

qint64 TestImportWriteFailure::scalar(const char* sql, const QString& bind)
{
    SqlStatement query(m_session->database(), sql);
    if (!bind.isNull())
        query.bind(1, bind);
    return query.next() ? query.columnInt(0) : -1;
}

// From now on the file may not grow: the next write that needs a page fails with SQLITE_FULL.
void TestImportWriteFailure::limitToCurrentSize()
{
    const qint64 pages = scalar("PRAGMA page_count");
    SqlStatement::execute(m_session->database(),
                          QByteArray("PRAGMA max_page_count = " + QByteArray::number(pages)).constData());
}

void TestImportWriteFailure::liftLimit()
{
    SqlStatement::execute(m_session->database(), "PRAGMA max_page_count = 1073741823");
}

// Every live contact has its search row and no other row is there; each contact is found by its name.
void TestImportWriteFailure::verifyConsistent(qint64 contacts)
{
    QCOMPARE(scalar("SELECT count(*) FROM contacts WHERE deleted_at IS NULL"), contacts);
    QCOMPARE(scalar("SELECT count(*) FROM contacts_fts_docsize"), contacts);
    QCOMPARE(scalar("SELECT count(*) FROM contacts_fts_docsize d LEFT JOIN contacts c ON c.id = d.id "
                    "AND c.deleted_at IS NULL WHERE c.id IS NULL"),
             0);
    QCOMPARE(scalar("SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH ?", QStringLiteral("nm0")), 1);
    const QString last = QStringLiteral("nm%1").arg(contacts - 1);
    QCOMPARE(scalar("SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH ?", last), 1);
    QCOMPARE(scalar("SELECT count(*) FROM settings WHERE key LIKE 'deferred_index.%'"), 0);
    QCOMPARE(scalar("SELECT count(*) FROM contacts c WHERE NOT EXISTS "
                    "(SELECT 1 FROM contact_tags t WHERE t.contact_id = c.id)"),
             0);
}

void TestImportWriteFailure::fullDiskKeepsTheBatchesBefore_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("batch");
    QTest::addColumn<int>("failingBatch"); // 1-based; past the last batch: the indexes built at the end fail
    // Below 1,000 rows the engine writes row by row with every index in place; from 1,000 it defers the sort
    // indexes to the end; from 10,000 it also builds the search index on its own thread.
    QTest::newRow("row by row, second batch") << 900 << 300 << 2;
    QTest::newRow("bulk, third batch") << 3000 << 1000 << 3;
    QTest::newRow("bulk with the side index, second batch") << 12000 << 4000 << 2;
    QTest::newRow("bulk with the side index, last batch") << 12000 << 4000 << 3;
    QTest::newRow("bulk, indexes at the end") << 3000 << 1000 << 4;
    QTest::newRow("bulk with the side index, indexes at the end") << 12000 << 4000 << 4;
}

void TestImportWriteFailure::fullDiskKeepsTheBatchesBefore()
{
    QFETCH(int, rows);
    QFETCH(int, batch);
    QFETCH(int, failingBatch);
    const QString path = writeCsv(rows);
    ImportOptions options;
    options.path = path;
    options.batchSize = batch;
    ImportJob job(*m_session, options);
    const qint64 saved = std::min<qint64>(qint64(failingBatch - 1) * batch, rows);
    if (saved < rows) {
        // After the first chunk of the failing batch is written (the header is line 1): the rest of it, or the
        // commit (which logs the batch's new contacts), needs pages it cannot have.
        job.setRowSink([&](const ImportRowOutcome& outcome) {
            if (outcome.line == saved + 2)
                limitToCurrentSize();
        });
    } else {
        // After the last commit, before the indexes set aside are built.
        connect(&job, &ImportJob::progress, this, [&](qint64 read) {
            if (read == rows)
                limitToCurrentSize();
        });
    }
    const auto summary = job.run();
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
    liftLimit();
    if (saved < rows) {
        QVERIFY(summary->incomplete);
        QVERIFY(summary->writeError);
        QCOMPARE(summary->stoppedAtLine, saved + 2);
        QCOMPARE(summary->rows, saved);
        QCOMPARE(summary->created, saved);
        QCOMPARE(errorCodeName(summary->writeError->code), QStringLiteral("DiskFull"));
        QVERIFY2(summary->writeError->detail.contains(m_session->database().path()),
                 qPrintable(summary->writeError->detail));
        // No row was at fault: none is listed as rejected, and no issue of a row that was not kept is left.
        QVERIFY(summary->errors.isEmpty());
        QVERIFY(summary->warnings.isEmpty());
    } else {
        QVERIFY(!summary->incomplete);
        QCOMPARE(summary->created, rows);
        QVERIFY(summary->indexesPending);
        QCOMPARE(errorCodeName(summary->indexesPending->code), QStringLiteral("DiskFull"));
    }
    QVERIFY(summary->operationId > 0);
    QCOMPARE(scalar("SELECT count(*) FROM contacts"), saved);
    QCOMPARE(scalar("SELECT count(*) FROM change_log WHERE op_id = ?", QString::number(summary->operationId)), saved);
    QCOMPARE(scalar("SELECT max(id) FROM contacts"), saved);

    // With room again, the same file once more: the saved rows are recognised, the rest is added.
    const auto again = [&] {
        ImportOptions more;
        more.path = path;
        more.batchSize = batch;
        ImportJob job(*m_session, more);
        return job.run();
    }();
    QVERIFY2(again, qPrintable(again ? QString() : again.error().toString()));
    QVERIFY(!again->incomplete);
    QVERIFY(!again->indexesPending);
    QCOMPARE(again->unchanged, saved);
    QCOMPARE(again->created, rows - saved);
    verifyConsistent(rows);
    SqlStatement check(m_session->database(), "PRAGMA integrity_check");
    QVERIFY(check.next());
    QCOMPARE(check.columnText(0), QStringLiteral("ok"));
}

// With no room at all, nothing is written, and the import says why.
void TestImportWriteFailure::fullDiskBeforeTheFirstRow()
{
    const QString path = writeCsv(3000);
    limitToCurrentSize();
    ImportOptions options;
    options.path = path;
    options.batchSize = 1000;
    ImportJob job(*m_session, options);
    const auto summary = job.run();
    liftLimit();
    const ErrorCode code = summary ? summary->writeError.value_or(Error {}).code : summary.error().code;
    QCOMPARE(errorCodeName(code), QStringLiteral("DiskFull"));
    if (summary) {
        QVERIFY(summary->writeError);
        QCOMPARE(summary->stoppedAtLine, 2);
        QCOMPARE(summary->created, 0);
    }
    QCOMPARE(scalar("SELECT count(*) FROM contacts"), 0);
    ImportJob again(*m_session, options);
    const auto rest = again.run();
    QVERIFY(rest);
    QCOMPARE(rest->created, 3000);
    verifyConsistent(3000);
}

QTEST_GUILESS_MAIN(TestImportWriteFailure)
#include "tst_importwritefailure.moc"
