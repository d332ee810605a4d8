#include "StoreFixture.h"
#include "store/CollationKeys.h"
#include "store/DatabaseLockHolder.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <sqlite3.h>

using namespace roster;
using namespace roster::test;

class TestDatabase final : public QObject
{
    Q_OBJECT

private slots:
    void createsAndMigratesEmptyFile();
    void migratesFromEachEarlierVersion_data();
    void migratesFromEachEarlierVersion();
    void refusesForeignFilesUntouched_data();
    void refusesForeignFilesUntouched();
    void reopensExistingDatabase();
    void busyWriteNamesTheProcessHoldingTheLock();

private:
    static void writeFile(const QString& path, const QByteArray& bytes);
    static QByteArray readFile(const QString& path);
    static void runSql(const QString& path, const QByteArray& sql);
};

void TestDatabase::writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QByteArray TestDatabase::readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestDatabase::runSql(const QString& path, const QByteArray& sql)
{
    sqlite3* handle = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &handle), SQLITE_OK);
    Database::registerFunctions(handle);
    char* error = nullptr;
    const int rc = sqlite3_exec(handle, sql.constData(), nullptr, nullptr, &error);
    const QString message = QString::fromUtf8(error ? error : "");
    sqlite3_free(error);
    sqlite3_close(handle);
    QVERIFY2(rc == SQLITE_OK, qPrintable(message));
}

void TestDatabase::createsAndMigratesEmptyFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/folder/new.sqlite"));
    auto db = Database::open(path);
    QVERIFY2(db, qPrintable(db ? QString() : db.error().toString()));
    QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
    QVERIFY(Database::latestSchemaVersion() >= 2);
    SqlStatement mode(**db, "PRAGMA journal_mode");
    QVERIFY(mode.next());
    QCOMPARE(mode.columnText(0), QStringLiteral("wal"));
    SqlStatement fk(**db, "PRAGMA foreign_keys");
    QVERIFY(fk.next());
    QCOMPARE(fk.columnInt(0), 1);
    SqlStatement appId(**db, "PRAGMA application_id");
    QVERIFY(appId.next());
    QCOMPARE(appId.columnInt(0), static_cast<qint64>(Database::kApplicationId));
    SqlStatement fts(**db, "SELECT count(*) FROM sqlite_master WHERE name = 'contacts_fts'");
    QVERIFY(fts.next());
    QCOMPARE(fts.columnInt(0), 1);

    // An empty file (touch roster.sqlite) is ours to initialise too.
    const QString empty = dir.filePath(QStringLiteral("empty.sqlite"));
    writeFile(empty, {});
    QVERIFY(Database::open(empty));
}

void TestDatabase::migratesFromEachEarlierVersion_data()
{
    QTest::addColumn<int>("fromVersion");
    // Numbers may be skipped (a branch holds a migration not merged yet): only versions with a file.
    for (int v = 1; v < Database::latestSchemaVersion(); ++v) {
        if (!QDir(QStringLiteral(":/roster/sql"))
                 .entryList({QStringLiteral("%1_*.sql").arg(v, 3, 10, QLatin1Char('0'))})
                 .isEmpty())
            QTest::addRow("from v%d", v) << v;
    }
}

void TestDatabase::migratesFromEachEarlierVersion()
{
    QFETCH(int, fromVersion);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    QByteArray script;
    for (int v = 1; v <= fromVersion; ++v) {
        const QStringList matches = QDir(QStringLiteral(":/roster/sql"))
                                        .entryList({QStringLiteral("%1_*.sql").arg(v, 3, 10, QLatin1Char('0'))});
        if (matches.isEmpty())
            continue;
        QCOMPARE(matches.size(), 1);
        QFile migration(QStringLiteral(":/roster/sql/") + matches.first());
        QVERIFY(migration.open(QIODevice::ReadOnly));
        script += migration.readAll();
    }
    script += "PRAGMA application_id=" + QByteArray::number(Database::kApplicationId)
        + "; PRAGMA user_version=" + QByteArray::number(fromVersion) + ";";
    // Data written the way that version's Roster wrote it.
    script += "INSERT INTO contacts (id, uid, first_name, last_name, email, email_norm, phone, phone_e164, website, "
              "created_at, updated_at) VALUES (1, 'u1', 'Ada', 'Lovelace', 'Ada@Example.org', 'ada@example.org', "
              "'+33612345678', '+33612345678', 'https://ada.example', '2025-01-01', '2025-01-01');"
              "INSERT INTO tags (id, name, name_norm) VALUES (1, 'Pioneer', 'pioneer');"
              "INSERT INTO contact_tags (contact_id, tag_id, position) VALUES (1, 1, 0);";
    runSql(path, script);

    auto db = Database::open(path);
    QVERIFY2(db, qPrintable(db ? QString() : db.error().toString()));
    QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
    auto store = ContactStore::create(**db);
    QVERIFY(store);
    const auto contact = (*store)->contact(1);
    QVERIFY(contact);
    QCOMPARE(contact->value(Field::FirstName), QStringLiteral("Ada"));
    // The phone and web page it had stay its primary ones when phones and web pages become lists (v7).
    QCOMPARE(contact->value(Field::Phone), QStringLiteral("+33612345678"));
    QCOMPARE(contact->value(Field::Website), QStringLiteral("https://ada.example"));
    QVERIFY(contact->extraPhones.isEmpty());
    QCOMPARE(contact->tags, QStringList {QStringLiteral("Pioneer")});
    // The search index built by the migration finds the old rows.
    SqlStatement search(**db, "SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH 'pion*'");
    QVERIFY(search.next());
    QCOMPARE(search.columnInt(0), 1);
    // The name columns' collation keys (v9) are filled on open, for the locale noted in the settings.
    SqlStatement keys(**db,
                      "SELECT length(first_name_key), length(last_name_key), length(company_name_key), "
                      "(SELECT value FROM settings WHERE key = 'sort_locale') FROM contacts WHERE id = 1");
    QVERIFY(keys.next());
    QVERIFY(keys.columnInt(0) > 0);
    QVERIFY(keys.columnInt(1) > 0);
    QCOMPARE(keys.columnInt(2), 0); // no company: the empty key, listed last
    QCOMPARE(keys.columnText(3), CollationKeys::currentLocale());
    SqlStatement verdicts(**db, "SELECT count(*) FROM duplicate_verdicts");
    QVERIFY(verdicts.next());
}

void TestDatabase::refusesForeignFilesUntouched_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("expected");
    QTest::newRow("text file") << "text" << static_cast<int>(ErrorCode::NotARosterDatabase);
    QTest::newRow("binary file") << "binary" << static_cast<int>(ErrorCode::NotARosterDatabase);
    QTest::newRow("another program's SQLite") << "foreign" << static_cast<int>(ErrorCode::NotARosterDatabase);
    QTest::newRow("newer Roster") << "newer" << static_cast<int>(ErrorCode::DatabaseTooNew);
}

void TestDatabase::refusesForeignFilesUntouched()
{
    QFETCH(QString, kind);
    QFETCH(int, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("file.sqlite"));
    if (kind == QLatin1String("text")) {
        writeFile(path, "first_name,last_name\nJane,Smith\n");
    } else if (kind == QLatin1String("binary")) {
        QByteArray bytes(4096, '\0');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = static_cast<char>((i * 7919) & 0xff);
        writeFile(path, bytes);
    } else if (kind == QLatin1String("foreign")) {
        runSql(path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes VALUES (1, 'hi');");
    } else {
        runSql(path,
               "CREATE TABLE future (x); PRAGMA application_id=" + QByteArray::number(Database::kApplicationId)
                   + "; PRAGMA user_version=" + QByteArray::number(Database::latestSchemaVersion() + 1) + ";");
    }
    const QByteArray before = readFile(path);
    auto db = Database::open(path);
    QVERIFY(!db);
    QCOMPARE(static_cast<int>(db.error().code), expected);
    QVERIFY(db.error().detail.contains(path));
    QCOMPARE(readFile(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestDatabase::reopensExistingDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.sqlite"));
    {
        auto db = Database::open(path);
        QVERIFY(db);
        FakeClock clock;
        auto engine = UpsertEngine::create(**db, clock);
        QVERIFY(engine);
        auto r = (*engine)->upsert(patchFrom(QStringLiteral("email=a@b.org")), UpsertPolicies::local(), {});
        QVERIFY(r);
    }
    auto again = Database::open(path);
    QVERIFY2(again, qPrintable(again ? QString() : again.error().toString()));
    auto store = ContactStore::create(**again);
    QCOMPARE((*store)->count(), 1);
}

// Another program holds the write lock longer than the busy timeout: the write fails with DatabaseBusy, naming
// the file and the process (read from the kernel's lock table), and succeeds once the lock is gone.
void TestDatabase::busyWriteNamesTheProcessHoldingTheLock()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("busy.sqlite"));
    auto db = Database::open(path);
    QVERIFY(db);
    QProcess holder;
    holder.start(QStringLiteral("sqlite3"), {path});
    QVERIFY(holder.waitForStarted());
    holder.write("BEGIN IMMEDIATE;\n");
    QTRY_COMPARE_WITH_TIMEOUT(DatabaseLockHolder::writerPid(path), holder.processId(), 10000);

    (*db)->setBusyTimeout(200);
    const auto refused = (*db)->begin();
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::DatabaseBusy);
    QVERIFY2(refused.error().detail.contains(path), qPrintable(refused.error().detail));
    QVERIFY2(refused.error().detail.contains(QStringLiteral("process %1 (sqlite3)").arg(holder.processId())),
             qPrintable(refused.error().detail));
    QVERIFY(!(*db)->inTransaction());

    holder.write("ROLLBACK;\n.quit\n");
    holder.closeWriteChannel();
    QVERIFY(holder.waitForFinished(10000));
    QVERIFY((*db)->begin());
    QVERIFY((*db)->commit());
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
