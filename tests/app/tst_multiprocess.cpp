#include "TestSupport.h"
#include "contact/ContactPatch.h"
#include "store/ContactQuery.h"
#include "store/Database.h"
#include "store/SqlStatement.h"
#include "store/StoreSession.h"
#include "store/UpsertPolicies.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>
#include <unistd.h>

using namespace roster;

// One database file shared by the window's connections and other processes, as people use Roster: the
// window open while `roster` commands run from a terminal or cron.
class TestMultiProcess final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void windowAndCommandLineShareTheFile();
    void ownDatabaseFileRefusedAsImportOrExport();
    void fourProcessesUpsertAtOnce_data();
    void fourProcessesUpsertAtOnce();
    void twoProcessesMigrateAnOldFile();
    void commandSaysItUpgradesAnOldFile();
    void eightProcessesCreateOneFile();
    void readOnlyDatabase_data();
    void readOnlyDatabase();
    void dryRunImportLetsOthersWrite();
    void writeBesideALargeUndo();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out, err;
    };
    Run roster(const QStringList& args, const QStringList& prefix = {});
    QProcess* startRoster(const QStringList& args, const QStringList& prefix = {});
    QJsonArray exported(const QStringList& prefix = {});
    void openAtOnce(int processes);
    void writeOldDatabase(int version);
    static void verifyWalLinked(const QString& path);
    static void verifyIntegrity(const QString& path);
    // A CSV of `rows` people (person<i>@example.org) in the test's folder; empty when it cannot be written.
    QString writePeopleCsv(int rows);
    static UpsertResult upsert(StoreSession& session, const QString& email);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestMultiProcess::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = m_dir->filePath("roster.sqlite");
}

QProcess* TestMultiProcess::startRoster(const QStringList& args, const QStringList& prefix)
{
    auto* process = new QProcess(this);
    QStringList argv = args;
    argv.insert(1, "--db");
    argv.insert(2, m_db);
    if (prefix.isEmpty()) {
        process->start(ROSTER_EXECUTABLE, argv);
    } else {
        QStringList all = prefix;
        all << ROSTER_EXECUTABLE << argv;
        process->start(all.takeFirst(), all);
    }
    return process;
}

TestMultiProcess::Run TestMultiProcess::roster(const QStringList& args, const QStringList& prefix)
{
    std::unique_ptr<QProcess> process(startRoster(args, prefix));
    process->waitForFinished(120000);
    return {process->exitCode(), process->readAllStandardOutput(), process->readAllStandardError()};
}

QJsonArray TestMultiProcess::exported(const QStringList& prefix)
{
    const Run run = roster({"export", "--format", "json"}, prefix);
    if (run.exitCode != 0)
        qWarning("export failed: %s", run.err.constData());
    return QJsonDocument::fromJson(run.out).array();
}

// `processes` exports started together on the database: each succeeds, and the file ends at the newest schema.
void TestMultiProcess::openAtOnce(int processes)
{
    QList<QProcess*> openers;
    for (int p = 0; p < processes; ++p)
        openers << startRoster({"export", "--format", "json"});
    for (QProcess* opener : std::as_const(openers)) {
        QVERIFY(opener->waitForFinished(60000));
        QVERIFY2(opener->exitCode() == 0, opener->readAllStandardError().constData());
    }
    qDeleteAll(openers);
    auto db = Database::open(m_db);
    QVERIFY(db);
    QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
}

// Every descriptor this process holds of the database's -wal and -shm is still the file on disk: none was
// unlinked by another process that believed it was the last one on the database.
void TestMultiProcess::verifyWalLinked(const QString& path)
{
    QVERIFY(QFile::exists(path + "-wal"));
    QVERIFY(QFile::exists(path + "-shm"));
    const QDir fds("/proc/self/fd");
    int held = 0;
    for (const QString& fd : fds.entryList(QDir::System | QDir::Files | QDir::NoDotAndDotDot)) {
        const QString target = QFile::symLinkTarget(fds.filePath(fd));
        if (!target.startsWith(path))
            continue;
        ++held;
        QVERIFY2(!target.endsWith(" (deleted)"), qPrintable(target));
    }
    QVERIFY(held >= 2);
}

void TestMultiProcess::verifyIntegrity(const QString& path)
{
    sqlite3* handle = nullptr;
    QCOMPARE(sqlite3_open_v2(path.toUtf8().constData(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    QCOMPARE(sqlite3_prepare_v2(handle, "PRAGMA integrity_check", -1, &stmt, nullptr), SQLITE_OK);
    QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
    const QString verdict = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    QCOMPARE(verdict, "ok");
}

QString TestMultiProcess::writePeopleCsv(int rows)
{
    const QString csv = m_dir->filePath("people.csv");
    QFile file(csv);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("email,first_name,last_name,company\n");
    for (int i = 0; i < rows; ++i)
        file.write(QStringLiteral("person%1@example.org,First%1,Last%1,Company %2\n").arg(i).arg(i % 97).toUtf8());
    return csv;
}

UpsertResult TestMultiProcess::upsert(StoreSession& session, const QString& email)
{
    ContactPatch patch;
    patch.set(Field::Email, email);
    auto result = session.engine().upsert(patch, UpsertPolicies::local(), {"manual", email});
    return result ? *result : UpsertResult {};
}

// The window holds several connections (its session, the table's counter, the sidebar's reader) while
// `roster upsert` and `roster export` run beside it. Before the fix, opening one more connection read the
// file's header through QFile, whose close dropped every lock of the process: the next command to finish
// then deleted the WAL the window was still writing into, and both sides handed out the same ids.
void TestMultiProcess::windowAndCommandLineShareTheFile()
{
    auto window = StoreSession::open(m_db);
    QVERIFY(window);
    const UpsertResult first = upsert(**window, "window-1@example.org");
    QCOMPARE(first.status, UpsertResult::Status::Created);
    {
        // A background count, as the window's table model runs one after every write.
        auto counter = Database::open(m_db);
        QVERIFY(counter);
        auto query = ContactQuery::create(**counter);
        QVERIFY(query);
        QCOMPARE((*query)->total(), 1);
    }
    verifyWalLinked(m_db);

    const Run cli = roster({"upsert", "email=cli-1@example.org"});
    QCOMPARE(cli.exitCode, 0);
    const qint64 cliId = QJsonDocument::fromJson(cli.out).object().value("contact_id").toInteger();
    verifyWalLinked(m_db);
    QCOMPARE(exported().size(), 2);
    verifyWalLinked(m_db);

    const UpsertResult second = upsert(**window, "window-2@example.org");
    QCOMPARE(second.status, UpsertResult::Status::Created);
    QVERIFY(second.contactId != cliId);
    {
        auto counter = Database::open(m_db);
        QVERIFY(counter);
    }
    QCOMPARE(exported().size(), 3); // the command line sees the window's write
    verifyWalLinked(m_db);
    QCOMPARE(roster({"upsert", "email=cli-2@example.org"}).exitCode, 0);
    verifyWalLinked(m_db);
    QCOMPARE((*window)->contacts().count(), 4); // and the window sees the command line's

    window->reset();
    QStringList emails;
    for (const QJsonValue& contact : exported())
        emails << contact.toObject().value("email").toString();
    emails.sort();
    QCOMPARE(emails,
             QStringList({"cli-1@example.org", "cli-2@example.org", "window-1@example.org", "window-2@example.org"}));
    verifyIntegrity(m_db);
}

// Dropping the database itself on the import, or exporting over it, would read or replace the file under
// every connection's feet (and reading it with QFile drops the window's locks).
void TestMultiProcess::ownDatabaseFileRefusedAsImportOrExport()
{
    auto window = StoreSession::open(m_db);
    QVERIFY(window);
    QCOMPARE(upsert(**window, "kept@example.org").status, UpsertResult::Status::Created);
    QVERIFY(QFile::link(m_db, m_dir->filePath("link.csv")));
    for (const QString& file : QStringList {m_db, m_db + "-wal", m_dir->filePath("link.csv")}) {
        const Run import = roster({"import", file});
        QCOMPARE(import.exitCode, 1);
        QVERIFY2(import.err.contains("Roster's own database"), import.err.constData());
        const Run exportOver = roster({"export", "--format", "csv", "--output", file});
        QCOMPARE(exportOver.exitCode, 1);
        QVERIFY2(exportOver.err.contains("Roster's own database"), exportOver.err.constData());
        verifyWalLinked(m_db);
    }
    QCOMPARE((*window)->contacts().count(), 1);
    window->reset();
    verifyIntegrity(m_db);
}

void TestMultiProcess::fourProcessesUpsertAtOnce_data()
{
    QTest::addColumn<bool>("fileExists");
    QTest::newRow("a new file, created by all four at once") << false;
    QTest::newRow("an existing file") << true;
}

// Each worker is a shell loop of 50 `roster upsert` calls that stops at the first failure.
void TestMultiProcess::fourProcessesUpsertAtOnce()
{
    QFETCH(bool, fileExists);
    if (fileExists)
        QVERIFY(StoreSession::open(m_db));
    QList<QProcess*> workers;
    for (int w = 0; w < 4; ++w) {
        auto* worker = new QProcess(this);
        const QString script = QStringLiteral("for i in $(seq 1 50); do \"$0\" upsert --db \"$1\" "
                                              "email=w%1-$i@example.org first_name=W%1 >/dev/null || exit 1; done")
                                   .arg(w);
        worker->start("bash", {"-c", script, ROSTER_EXECUTABLE, m_db});
        workers << worker;
    }
    for (QProcess* worker : std::as_const(workers)) {
        QVERIFY(worker->waitForFinished(240000));
        QVERIFY2(worker->exitCode() == 0, worker->readAllStandardError().constData());
    }
    QCOMPARE(exported().size(), 200);
    verifyIntegrity(m_db);
}

// A file left by an older Roster, opened by four processes at once: the schema version is read under the
// write lock, so one migrates and the others find it current. Before the fix one failed "table ... already
// exists". Repeated, since which process wins varies.
void TestMultiProcess::twoProcessesMigrateAnOldFile()
{
    const int oldVersion = Database::latestSchemaVersion() - 1;
    for (int round = 0; round < 3; ++round) {
        writeOldDatabase(oldVersion);
        if (QTest::currentTestFailed())
            return;
        openAtOnce(4);
        if (QTest::currentTestFailed())
            return;
    }
}

// Built by this Roster's own migrations up to `version`, as an older Roster left it.
void TestMultiProcess::writeOldDatabase(int version)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(m_db + suffix);
    QByteArray script = "PRAGMA journal_mode=WAL;";
    for (int v = 1; v <= version; ++v) {
        const QStringList matches
            = QDir(":/roster/sql").entryList({QStringLiteral("%1_*.sql").arg(v, 3, 10, QLatin1Char('0'))});
        QCOMPARE(matches.size(), 1);
        QFile migration(":/roster/sql/" + matches.first());
        QVERIFY(migration.open(QIODevice::ReadOnly));
        script += migration.readAll();
    }
    script += "PRAGMA application_id=" + QByteArray::number(Database::kApplicationId)
        + "; PRAGMA user_version=" + QByteArray::number(version) + ";";
    sqlite3* handle = nullptr;
    QCOMPARE(sqlite3_open(m_db.toUtf8().constData(), &handle), SQLITE_OK);
    Database::registerFunctions(handle);
    char* error = nullptr;
    QVERIFY2(sqlite3_exec(handle, script.constData(), nullptr, nullptr, &error) == SQLITE_OK, error);
    sqlite3_close(handle);
}

// Upgrading a large file takes minutes: a command says so on stderr before it starts, and only when it upgrades;
// what it prints on stdout for a script stays the same. Before, it was silent for as long as the upgrade took.
void TestMultiProcess::commandSaysItUpgradesAnOldFile()
{
    const int oldVersion = Database::latestSchemaVersion() - 1;
    writeOldDatabase(oldVersion);
    if (QTest::currentTestFailed())
        return;
    const Run first = roster({"export", "--format", "json"});
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(first.out, QByteArray("[]\n"));
    const QString notice = QString::fromUtf8(first.err);
    QVERIFY2(notice.contains(QStringLiteral("earlier version of Roster (schema %1)").arg(oldVersion))
                 && notice.contains(QStringLiteral("to schema %1").arg(Database::latestSchemaVersion())),
             qPrintable(notice));
    QVERIFY2(notice.contains(QDir::toNativeSeparators(m_db)), qPrintable(notice));
    const Run again = roster({"export", "--format", "json"});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(again.err, QByteArray());
    // Nor for a new file, a missing one or one that is not Roster's.
    QFile::remove(m_db);
    QCOMPARE(roster({"export"}).err, QByteArray());
    QCOMPARE(Database::fileSchemaVersion(m_db), Database::latestSchemaVersion());
    QCOMPARE(Database::fileSchemaVersion(m_db + ".missing"), 0);
    QFile text(m_db + ".txt");
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("not a database");
    text.close();
    QCOMPARE(Database::fileSchemaVersion(text.fileName()), 0);
    QVERIFY(!QFile::exists(m_db + ".missing"));
}

// Eight processes opening one file that does not exist yet, ten times over. Switching the new file to WAL
// upgrades a read to a write, whose SQLITE_BUSY SQLite returns at once: before the retry, one of four upserting
// processes failed "stayed locked" now and then (seen on a bare Debian root), though nothing had waited.
void TestMultiProcess::eightProcessesCreateOneFile()
{
    for (int round = 0; round < 10; ++round) {
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(m_db + suffix);
        openAtOnce(8);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestMultiProcess::readOnlyDatabase_data()
{
    QTest::addColumn<bool>("readOnlyFolder");
    QTest::addColumn<bool>("writerOpen");
    QTest::newRow("read-only file") << false << false;
    QTest::newRow("read-only file in a read-only folder") << true << false;
    QTest::newRow("read-only file, its owner's window open") << false << true;
}

// Read-only for the user who runs the command, root included (see setReadOnly).
void TestMultiProcess::readOnlyDatabase()
{
    QFETCH(bool, readOnlyFolder);
    QFETCH(bool, writerOpen);
    {
        auto session = StoreSession::open(m_db);
        QVERIFY(session);
        QCOMPARE(upsert(**session, "reader@example.org").status, UpsertResult::Status::Created);
    }
    std::unique_ptr<StoreSession> owner;
    if (writerOpen) {
        auto session = StoreSession::open(m_db);
        QVERIFY(session);
        owner = std::move(*session);
        QCOMPARE(upsert(*owner, "owner@example.org").status, UpsertResult::Status::Created);
    }
    const QByteArray before = owner ? QByteArray() : [this] {
        QFile file(m_db);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    QStringList locked {m_db};
    if (readOnlyFolder)
        locked << m_dir->path();
    if (!test::setReadOnly(locked, true))
        QSKIP("this file system cannot make a file read-only for this user");
    const Run exportRun = roster({"export", "--format", "json"});
    const Run write = roster({"upsert", "email=refused@example.org"});
    test::setReadOnly(locked, false);

    QVERIFY2(exportRun.exitCode == 0, exportRun.err.constData());
    QCOMPARE(QJsonDocument::fromJson(exportRun.out).array().size(), writerOpen ? 2 : 1);
    QCOMPARE(write.exitCode, 1);
    QVERIFY2(write.err.contains("read-only") && write.err.contains(m_db.toUtf8()), write.err.constData());
    if (!owner) {
        QFile file(m_db);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    } else {
        verifyWalLinked(m_db);
        QCOMPARE(owner->contacts().count(), 2);
    }
}

// A dry run checks a large file batch by batch, each in a transaction it rolls back: another process
// writes between its batches instead of waiting for the whole run (before the fix, the upsert failed
// "database is locked" after the busy timeout, or waited for the end).
void TestMultiProcess::dryRunImportLetsOthersWrite()
{
    QVERIFY(StoreSession::open(m_db));
    const QString csv = writePeopleCsv(150000);
    QVERIFY(!csv.isEmpty());
    std::unique_ptr<QProcess> dryRun(startRoster({"import", csv, "--dry-run"}));
    QVERIFY(dryRun->waitForStarted());
    QTest::qWait(1500); // well inside its first batches
    QVERIFY(dryRun->state() == QProcess::Running);
    QElapsedTimer clock;
    clock.start();
    const Run write = roster({"upsert", "email=during@example.org"});
    const qint64 waited = clock.elapsed();
    const bool dryRunStillRunning = dryRun->state() == QProcess::Running;
    QVERIFY2(write.exitCode == 0, write.err.constData());
    qInfo("the upsert took %lld ms beside the dry run", waited);
    QVERIFY2(dryRunStillRunning, "the dry run ended before the upsert: the file is too small to tell");
    QVERIFY(dryRun->waitForFinished(240000));
    QCOMPARE(dryRun->exitCode(), 0);
    QCOMPARE(exported().size(), 1); // the dry run wrote nothing
}

// A large undo drops the identity indexes (unique ones included) and builds them again inside its one
// transaction. Another process that writes meanwhile waits for it, then finds the indexes as they were: the
// email the undo freed is taken by a new contact, once, and the file's indexes match its rows.
void TestMultiProcess::writeBesideALargeUndo()
{
    const QString csv = writePeopleCsv(150000);
    QVERIFY(!csv.isEmpty());
    const Run import = roster({"import", csv});
    QVERIFY2(import.exitCode == 0, import.err.constData());
    const auto indexes = [&] {
        auto db = Database::open(m_db);
        SqlStatement q(**db,
                       "SELECT group_concat(name || ':' || sql, '|') FROM (SELECT name, sql FROM sqlite_master "
                       "WHERE type = 'index' ORDER BY name)");
        return q.next() ? q.columnText(0) : QString();
    };
    const QString before = indexes();

    std::unique_ptr<QProcess> undo(startRoster({"undo"}));
    QVERIFY(undo->waitForStarted());
    // Wait until the undo holds the write lock: a write from here is refused at once while it does.
    sqlite3* probe = nullptr;
    QCOMPARE(sqlite3_open_v2(m_db.toUtf8().constData(), &probe, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    int busy = 0;
    QElapsedTimer clock;
    clock.start();
    while (busy < 2 && clock.elapsed() < 60000 && undo->state() == QProcess::Running) {
        if (sqlite3_exec(probe, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_BUSY) {
            ++busy;
        } else {
            busy = 0;
            sqlite3_exec(probe, "ROLLBACK", nullptr, nullptr, nullptr);
        }
        QTest::qWait(20);
    }
    sqlite3_close(probe);
    QVERIFY2(busy == 2, "the undo ended before another process could write beside it");
    const Run write = roster({"upsert", "email=person5@example.org", "first_name=Again"});
    QVERIFY2(write.exitCode == 0, write.err.constData());
    QVERIFY(undo->waitForFinished(120000));
    QCOMPARE(undo->exitCode(), 0);
    QCOMPARE(QJsonDocument::fromJson(write.out).object().value("status").toString(), QStringLiteral("created"));

    const QJsonArray live = exported();
    QCOMPARE(live.size(), 1);
    QCOMPARE(live.first().toObject().value("first_name").toString(), QStringLiteral("Again"));
    QCOMPARE(indexes(), before);
    verifyIntegrity(m_db);
    // And the rebuilt unique index refuses a second live contact with that email.
    const Run again = roster({"upsert", "email=PERSON5@example.org", "last_name=Once"});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(again.out).object().value("status").toString(), QStringLiteral("updated"));
    QCOMPARE(exported().size(), 1);
}

QTEST_GUILESS_MAIN(TestMultiProcess)
#include "tst_multiprocess.moc"
