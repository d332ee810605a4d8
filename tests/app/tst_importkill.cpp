#include "CliTestSupport.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using roster::test::sqliteValue;
using roster::test::writePeopleCsv;

// Kills an import at random points and checks each time that the database is intact, holds whole batches
// only, and that importing the same file again completes the job.
class TestImportKill final : public QObject
{
    Q_OBJECT

private slots:
    void killAtRandomPoints();
};

void TestImportKill::killAtRandomPoints()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath("people.csv");
    const QString db = dir.filePath("roster.sqlite");
    constexpr int rows = 150000;
    constexpr int batch = 5000;
    QVERIFY(writePeopleCsv(csv, rows));
    const QStringList args {"import", "--db", db, csv, "--batch-size", QString::number(batch)};
    QRandomGenerator random(20261125);
    int killedMidway = 0;
    for (int attempt = 0; attempt < 12; ++attempt) {
        QProcess process;
        process.start(ROSTER_EXECUTABLE, args);
        QVERIFY(process.waitForStarted());
        QTest::qWait(static_cast<int>(random.bounded(30, 1200)));
        if (process.state() == QProcess::Running) {
            process.kill();
            ++killedMidway;
        }
        process.waitForFinished(60000);
        QCOMPARE(sqliteValue(db, "PRAGMA integrity_check"), QString("ok"));
        const int count = sqliteValue(db, "SELECT count(*) FROM contacts").toInt();
        QVERIFY2(count % batch == 0, qPrintable(QString("%1 contacts is not a whole number of batches").arg(count)));
        // A first large import builds its search rows aside and copies them in at the end (SideSearchIndex): killed
        // before that, the index lacks the contacts committed so far and a note says so ...
        const int indexed = sqliteValue(db, "SELECT count(*) FROM contacts_fts").toInt();
        if (indexed != count)
            QCOMPARE(sqliteValue(db, "SELECT count(*) FROM settings WHERE key LIKE 'search_index.pending.%'"),
                     QString("1"));
        // ... until Roster opens the file again, whatever it opens it for.
        QProcess open;
        open.start(ROSTER_EXECUTABLE, {"config", "get", "phone_region", "--db", db});
        QVERIFY(open.waitForFinished(60000));
        QCOMPARE(sqliteValue(db, "SELECT count(*) FROM contacts_fts").toInt(), count);
        QCOMPARE(sqliteValue(db, "SELECT count(*) FROM settings WHERE key LIKE 'search_index.pending.%'"),
                 QString("0"));
        // The killed load's side database and its lock went with its note.
        QCOMPARE(QDir(dir.path()).entryList({"*-search-*"}), QStringList());
    }
    QVERIFY2(killedMidway >= 10, qPrintable(QString("only %1 runs were killed mid-import").arg(killedMidway)));
    QProcess finish;
    finish.start(ROSTER_EXECUTABLE, args);
    QVERIFY(finish.waitForFinished(300000));
    QCOMPARE(finish.exitCode(), 0);
    QCOMPARE(sqliteValue(db, "SELECT count(*) FROM contacts").toInt(), rows);
    QCOMPARE(sqliteValue(db, "SELECT count(*) FROM contacts_fts").toInt(), rows);
    QCOMPARE(sqliteValue(db, "PRAGMA integrity_check"), QString("ok"));
}

QTEST_GUILESS_MAIN(TestImportKill)
#include "tst_importkill.moc"
