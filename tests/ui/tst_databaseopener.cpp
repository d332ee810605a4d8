#include "dialogs/DatabaseOpener.h"
#include "store/Database.h"

#include <QApplication>
#include <QProgressDialog>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sqlite3.h>

using namespace roster;

// Opening the file before the window (DatabaseOpener): a file that takes long to open (an upgrade, another
// process's write lock) gets a busy notice after half a second instead of a window that shows nothing; a quick
// one gets none; a file that is not a database is an error, not a crash.
class TestDatabaseOpener final : public QObject
{
    Q_OBJECT

private slots:
    void newFileIsCreatedWithoutNotice();
    void noticeWhileTheFileIsLocked();
    void notADatabaseIsAnError();
};

namespace {

bool noticeVisible()
{
    for (QWidget* widget : QApplication::topLevelWidgets()) {
        if (widget->objectName() == QLatin1String("databaseOpenerNotice") && widget->isVisible())
            return true;
    }
    return false;
}

} // namespace

void TestDatabaseOpener::newFileIsCreatedWithoutNotice()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("new.sqlite");
    bool seen = false;
    QTimer watch;
    connect(&watch, &QTimer::timeout, this, [&] { seen = seen || noticeVisible(); });
    watch.start(20);
    QVERIFY(DatabaseOpener::prepare(path));
    QVERIFY(!seen);
    auto db = Database::open(path);
    QVERIFY(db);
    QVERIFY((*db)->schemaVersion() > 0);
}

void TestDatabaseOpener::noticeWhileTheFileIsLocked()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("locked.sqlite");
    sqlite3* other = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &other), SQLITE_OK);
    QCOMPARE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
    bool seen = false;
    QTimer watch;
    connect(&watch, &QTimer::timeout, this, [&] { seen = seen || noticeVisible(); });
    watch.start(20);
    // Another writer lets go after 1.5 s; the file stays open here until the end (closing it would drop this
    // process's other locks on it).
    QTimer::singleShot(1500, this, [&] { sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr); });
    const auto prepared = DatabaseOpener::prepare(path);
    QVERIFY2(prepared, prepared ? "" : qPrintable(prepared.error().detail));
    QVERIFY(seen);
    QVERIFY(!noticeVisible());
    sqlite3_close(other);
    auto db = Database::open(path);
    QVERIFY(db);
}

void TestDatabaseOpener::notADatabaseIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("notes.sqlite");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    QVERIFY(!DatabaseOpener::prepare(path));
}

QTEST_MAIN(TestDatabaseOpener)
#include "tst_databaseopener.moc"
