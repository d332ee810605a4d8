// SQLite's process-wide settings hold only when made before its first use, so this test runs in a process of its
// own and starts the way a command does: it peeks at a file's schema version before opening it.
#include "store/Database.h"
#include "store/SqlStatement.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace roster;

class TestSqliteConfig : public QObject
{
    Q_OBJECT

private slots:
    void noAllocationCountingAfterAPeek();
};

void TestSqliteConfig::noAllocationCountingAfterAPeek()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("peeked.sqlite"));
    {
        QFile file(path); // an empty file is an empty database: the peek opens it
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QCOMPARE(Database::fileSchemaVersion(path), 0);

    auto db = Database::open(dir.filePath(QStringLiteral("roster.sqlite")));
    QVERIFY(db);
    QVERIFY(SqlStatement::execute(**db, "CREATE TABLE t (x); INSERT INTO t VALUES (randomblob(100000))"));
    // With the statistics off SQLite counts nothing (and takes no process-wide lock on each allocation).
    sqlite3_int64 used = -1;
    sqlite3_int64 highest = -1;
    QCOMPARE(sqlite3_status64(SQLITE_STATUS_MEMORY_USED, &used, &highest, 0), SQLITE_OK);
    QCOMPARE(used, 0);
    QCOMPARE(highest, 0);
}

QTEST_GUILESS_MAIN(TestSqliteConfig)
#include "tst_sqliteconfig.moc"
