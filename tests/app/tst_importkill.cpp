#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

// Kills an import at random points and checks each time that the database is intact, holds whole batches
// only, and that importing the same file again completes the job.
class TestImportKill final : public QObject
{
    Q_OBJECT

private slots:
    void killAtRandomPoints();

private:
    static QString pragma(const QString& db, const char* sql);
};

QString TestImportKill::pragma(const QString& db, const char* sql)
{
    sqlite3* handle = nullptr;
    sqlite3_open_v2(db.toUtf8().constData(), &handle, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* stmt = nullptr;
    QString value;
    if (sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return value;
}

void TestImportKill::killAtRandomPoints()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath("people.csv");
    const QString db = dir.filePath("roster.sqlite");
    constexpr int rows = 150000;
    constexpr int batch = 5000;
    {
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("First Name,Last Name,Email,Company,Tags\n");
        for (int i = 0; i < rows; ++i)
            file.write(
                QStringLiteral("Person%1,Müller,person%1@firm%2.com,Firm %2,\"a, b\"\n").arg(i).arg(i % 300).toUtf8());
    }
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
        QCOMPARE(pragma(db, "PRAGMA integrity_check"), QString("ok"));
        const int count = pragma(db, "SELECT count(*) FROM contacts").toInt();
        QVERIFY2(count % batch == 0, qPrintable(QString("%1 contacts is not a whole number of batches").arg(count)));
        // A first large import builds its search rows aside and copies them in at the end (SideSearchIndex): killed
        // before that, the index lacks the contacts committed so far and a note says so ...
        const int indexed = pragma(db, "SELECT count(*) FROM contacts_fts").toInt();
        if (indexed != count)
            QCOMPARE(pragma(db, "SELECT count(*) FROM settings WHERE key LIKE 'search_index.pending.%'"), QString("1"));
        // ... until Roster opens the file again, whatever it opens it for.
        QProcess open;
        open.start(ROSTER_EXECUTABLE, {"config", "get", "phone_region", "--db", db});
        QVERIFY(open.waitForFinished(60000));
        QCOMPARE(pragma(db, "SELECT count(*) FROM contacts_fts").toInt(), count);
        QCOMPARE(pragma(db, "SELECT count(*) FROM settings WHERE key LIKE 'search_index.pending.%'"), QString("0"));
        // The killed load's side database and its lock went with its note.
        QCOMPARE(QDir(dir.path()).entryList({"*-search-*"}), QStringList());
    }
    QVERIFY2(killedMidway >= 10, qPrintable(QString("only %1 runs were killed mid-import").arg(killedMidway)));
    QProcess finish;
    finish.start(ROSTER_EXECUTABLE, args);
    QVERIFY(finish.waitForFinished(300000));
    QCOMPARE(finish.exitCode(), 0);
    QCOMPARE(pragma(db, "SELECT count(*) FROM contacts").toInt(), rows);
    QCOMPARE(pragma(db, "SELECT count(*) FROM contacts_fts").toInt(), rows);
    QCOMPARE(pragma(db, "PRAGMA integrity_check"), QString("ok"));
}

QTEST_GUILESS_MAIN(TestImportKill)
#include "tst_importkill.moc"
