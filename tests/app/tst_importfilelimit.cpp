#include "CliTestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using roster::test::sqliteValue;
using roster::test::writePeopleCsv;

// `roster import` run with a file size limit (RLIMIT_FSIZE, as `ulimit -f` sets): the kernel refuses its writes
// past the limit as a full disk would, at whatever point of the import the file reaches it. The report must say
// what is saved and why it stopped, the file must hold whole batches and open cleanly, and the same import
// without the limit must finish the job.
class TestImportFileLimit final : public QObject
{
    Q_OBJECT

private slots:
    void stopsCleanlyAtTheLimit_data();
    void stopsCleanlyAtTheLimit();
};

void TestImportFileLimit::stopsCleanlyAtTheLimit_data()
{
    QTest::addColumn<int>("limitKiB");
    QTest::addColumn<bool>("mustStopInTheRows");
    // The whole file takes about 9.6 MB; past about 6 MiB the import completes, the rest waiting in the
    // write-ahead log for a checkpoint that has room (SQLite's own doing).
    QTest::newRow("1 MiB: in the first batches") << 1024 << true;
    QTest::newRow("3 MiB: in a later batch") << 3 * 1024 << true;
    QTest::newRow("5 MiB: in the rows or in the indexes built at the end") << 5 * 1024 << false;
}

void TestImportFileLimit::stopsCleanlyAtTheLimit()
{
    QFETCH(int, limitKiB);
    QFETCH(bool, mustStopInTheRows);
    QTemporaryDir dir;
    const QString csv = dir.filePath("people.csv");
    const QString db = dir.filePath("roster.sqlite");
    constexpr int rows = 20000;
    constexpr int batch = 2000;
    QVERIFY(writePeopleCsv(csv, rows));
    const QStringList args {"import", "--db", db, csv, "--batch-size", QString::number(batch), "--json"};

    QProcess limited;
    const rlim_t limit = rlim_t(limitKiB) * 1024;
    limited.setChildProcessModifier([limit] {
        // Ignored, SIGXFSZ no longer kills the process: the write fails with EFBIG, and SQLite reports it.
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit bytes {limit, limit};
        setrlimit(RLIMIT_FSIZE, &bytes);
    });
    limited.start(ROSTER_EXECUTABLE, args);
    QVERIFY(limited.waitForFinished(120000));
    QCOMPARE(limited.exitStatus(), QProcess::NormalExit);
    QCOMPARE(limited.exitCode(), 1);
    const QByteArray out = limited.readAllStandardOutput();
    QJsonParseError parseError;
    const QJsonObject report = QJsonDocument::fromJson(out, &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, out.left(400).constData());
    const int created = report.value("created").toInt();
    const int saved = sqliteValue(db, "SELECT count(*) FROM contacts").toInt();
    QCOMPARE(saved, created);
    QCOMPARE(report.value("rows").toInt(), created);
    QCOMPARE(created % batch, 0);
    if (report.value("incomplete").toBool()) {
        QVERIFY(report.value("write_failed").toBool());
        QCOMPARE(report.value("stopped_at_line").toInt(), created + 2);
        QCOMPARE(report.value("errors").toArray().size(), 0); // no row of the file was at fault
        const QJsonObject why = report.value("write_error").toObject();
        QCOMPARE(why.value("code").toString(), QStringLiteral("DiskFull"));
        QVERIFY2(why.value("message").toString().contains(db), qPrintable(why.value("message").toString()));
    } else {
        QVERIFY(!mustStopInTheRows);
        QCOMPARE(created, rows);
        QVERIFY2(report.contains("indexes_error"), out.left(400).constData());
    }

    // Opened again without the limit, whatever for, the file is whole: its indexes built, every contact searchable.
    QProcess open;
    open.start(ROSTER_EXECUTABLE, {"config", "get", "phone_region", "--db", db});
    QVERIFY(open.waitForFinished(60000));
    QCOMPARE(open.exitCode(), 0);
    QCOMPARE(sqliteValue(db, "PRAGMA integrity_check"), QString("ok"));
    QCOMPARE(sqliteValue(db, "SELECT count(*) FROM contacts_fts_docsize").toInt(), saved);
    QCOMPARE(sqliteValue(db, "SELECT count(*) FROM settings WHERE key LIKE 'deferred_index.%'"), QString("0"));
    QCOMPARE(sqliteValue(db, "SELECT count(*) FROM settings WHERE key LIKE 'search_index.%'"), QString("0"));

    QProcess again;
    again.start(ROSTER_EXECUTABLE, args);
    QVERIFY(again.waitForFinished(120000));
    QCOMPARE(again.exitCode(), 0);
    const QJsonObject rest = QJsonDocument::fromJson(again.readAllStandardOutput()).object();
    QCOMPARE(rest.value("created").toInt(), rows - saved);
    QCOMPARE(rest.value("unchanged").toInt(), saved);
    QCOMPARE(sqliteValue(db, "SELECT count(*) FROM contacts").toInt(), rows);
    QCOMPARE(sqliteValue(db, "SELECT count(*) FROM contacts_fts_docsize").toInt(), rows);
}

QTEST_GUILESS_MAIN(TestImportFileLimit)
#include "tst_importfilelimit.moc"
