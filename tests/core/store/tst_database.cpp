#include "StoreFixture.h"
#include "store/CollationKeys.h"
#include "store/ContactQuery.h"
#include "store/ContactTable.h"
#include "store/DatabaseLockHolder.h"
#include "store/SearchRows.h"

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
    void compactStorageKeepsEveryRow();
    void keysStoredOnceFindWhatTheyFound();
    void uidReadsAsWritten_data();
    void uidReadsAsWritten();
    void timesReadTheSameAsNumbers_data();
    void timesReadTheSameAsNumbers();
    void upgradeDropsWhatARemovedContactLeft_data();
    void upgradeDropsWhatARemovedContactLeft();
    void upgradedByANewerRosterWhileOpen();
    void refusesForeignFilesUntouched_data();
    void refusesForeignFilesUntouched();
    void reopensExistingDatabase();
    void busyWriteNamesTheProcessHoldingTheLock();

private:
    static void writeFile(const QString& path, const QByteArray& bytes);
    static QByteArray readFile(const QString& path);
    static void runSql(const QString& path, const QByteArray& sql);
    static QByteArray migrationsUpTo(int version);
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

// The migrations 001 to `version` as one script, leaving the file at that version.
QByteArray TestDatabase::migrationsUpTo(int version)
{
    QByteArray script;
    for (int v = 1; v <= version; ++v) {
        const QStringList matches = QDir(QStringLiteral(":/roster/sql"))
                                        .entryList({QStringLiteral("%1_*.sql").arg(v, 3, 10, QLatin1Char('0'))});
        if (matches.isEmpty())
            continue;
        QFile migration(QStringLiteral(":/roster/sql/") + matches.first());
        if (migration.open(QIODevice::ReadOnly))
            script += migration.readAll();
    }
    return script + "PRAGMA application_id=" + QByteArray::number(Database::kApplicationId)
        + "; PRAGMA user_version=" + QByteArray::number(version) + ";";
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
    // FAST (2): a removed row's bytes are still zeroed on its page, but no freed page is written full of zeros
    // (Debian's SQLite defaults to 1, which doubled the pages an undo of a large import writes).
    SqlStatement secureDelete(**db, "PRAGMA secure_delete");
    QVERIFY(secureDelete.next());
    QCOMPARE(secureDelete.columnInt(0), 2);
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
    // The trigger that notes a removal by another program (018): a later migration that builds contacts again
    // drops it with the table and must make it again.
    SqlStatement trigger(**db,
                         "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = "
                         "'contacts_note_removal' AND tbl_name = 'contacts'");
    QVERIFY(trigger.next());
    QCOMPARE(trigger.columnInt(0), 1);
}

// Version 12 rebuilds contacts and its list tables (issue #15): every row that refers to a contact stays, the
// uid's unique index goes, and the search index, now without a copy of the text, finds what it found.
void TestDatabase::compactStorageKeepsEveryRow()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v11.sqlite"));
    runSql(path,
           migrationsUpTo(11)
               + "INSERT INTO contacts (id, uid, first_name, last_name, email, email_norm, phone, phone_e164, "
                 "created_at, updated_at) VALUES "
                 "(1, '0123456789abcdef0123456789abcdef', 'Ada', 'Lovelace', 'ada@example.org', 'ada@example.org', "
                 "'+33612345678', '+33612345678', '2025-01-01', '2025-01-01'), "
                 "(2, 'fedcba9876543210fedcba9876543210', 'Grace', 'Hopper', 'grace@navy.mil', 'grace@navy.mil', "
                 "NULL, NULL, '2025-01-01', '2025-01-01');"
                 "UPDATE contacts SET deleted_at = '2025-02-01' WHERE id = 2;"
                 // Enough contacts for the old tables' pages to be a large part of the file.
                 "WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                 "INSERT INTO contacts (id, uid, first_name, email, email_norm, created_at, updated_at) "
                 "SELECT i, hex(randomblob(16)), 'Many', 'many' || i || '@example.org', 'many' || i || '@example.org', "
                 "'2025-01-01', '2025-01-01' FROM n;"
                 "INSERT INTO contact_emails VALUES (1, 0, 'ada@analytical.uk', 'ada@analytical.uk');"
                 "INSERT INTO contact_phones VALUES (1, 0, '+33142685300', 'work', '+33142685300');"
                 "INSERT INTO contact_websites VALUES (1, 0, 'https://ada.example');"
                 "INSERT INTO custom_fields (key, label) VALUES ('era', 'Era');"
                 "INSERT INTO contact_custom_values VALUES (1, 'era', 'Victorian');"
                 "INSERT INTO tags (id, name, name_norm) VALUES (1, 'Poet', 'poet');"
                 "INSERT INTO contact_tags VALUES (1, 1, 0), (2, 1, 0);"
                 "INSERT INTO accounts (id, name, provider, base_url, created_at) "
                 "VALUES (1, 'crm', 'lemlist', 'http://127.0.0.1', '2025-01-01');"
                 "INSERT INTO remote_links (contact_id, account_id, remote_id) VALUES (1, 1, 'r1');"
                 "INSERT INTO sync_outbox VALUES (1, 1);"
                 "INSERT INTO duplicate_hints VALUES (1, 2, 'email', 'same', '2025-01-01');"
                 "INSERT INTO duplicate_verdicts VALUES (1, 2, '2025-01-01');"
                 "INSERT INTO operations (id, origin, label, created_at) VALUES (1, 'manual', 'x', '2025-01-01');"
                 "INSERT INTO change_log (op_id, contact_id, action) VALUES (1, 1, 'create'), (1, 2, 'create');");

    auto db = Database::open(path);
    QVERIFY2(db, qPrintable(db ? QString() : db.error().toString()));
    QCOMPARE((*db)->schemaVersion(), Database::latestSchemaVersion());
    const auto scalar = [&](const char* sql) -> QString {
        SqlStatement q(**db, sql);
        return q.next() ? q.columnText(0) : QStringLiteral("(none)");
    };
    // Foreign keys were off while the tables were rebuilt, and are on again.
    QCOMPARE(scalar("PRAGMA foreign_keys"), QStringLiteral("1"));
    QCOMPARE(scalar("SELECT count(*) FROM pragma_foreign_key_check"), QStringLiteral("0"));
    QCOMPARE(scalar("SELECT count(*) FROM contacts"), QStringLiteral("3000"));
    // The deletion time is the same instant, in milliseconds since 1970 from version 16 on.
    QCOMPARE(scalar("SELECT group_concat(id || ':' || uid || ':' || COALESCE(deleted_at, '-'), ' ') FROM contacts "
                    "WHERE id <= 2"),
             QStringLiteral("1:0123456789abcdef0123456789abcdef:- 2:fedcba9876543210fedcba9876543210:%1")
                 .arg(QDateTime::fromString(QStringLiteral("2025-02-01"), Qt::ISODate).toMSecsSinceEpoch()));
    for (const char* sql : {"SELECT count(*) FROM contact_emails", "SELECT count(*) FROM contact_phones",
                            "SELECT count(*) FROM contact_websites", "SELECT count(*) FROM contact_custom_values",
                            "SELECT count(*) FROM remote_links", "SELECT count(*) FROM sync_outbox",
                            "SELECT count(*) FROM duplicate_hints", "SELECT count(*) FROM duplicate_verdicts"})
        QVERIFY2(scalar(sql) == QStringLiteral("1"), sql);
    QCOMPARE(scalar("SELECT count(*) FROM contact_tags"), QStringLiteral("2"));
    QCOMPARE(scalar("SELECT count(*) FROM change_log"), QStringLiteral("2"));
    QCOMPARE(scalar("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_autoindex_contacts_1'"),
             QStringLiteral("0"));
    QCOMPARE(scalar("SELECT count(*) FROM sqlite_master WHERE tbl_name = 'contacts' AND type = 'index'"),
             QStringLiteral("10"));
    QCOMPARE(scalar("SELECT count(*) FROM sqlite_master WHERE name = 'contacts_fts_content'"), QStringLiteral("0"));
    // The old tables' pages were given back: the upgrade leaves the file smaller, not larger.
    QCOMPARE(scalar("PRAGMA freelist_count"), QStringLiteral("0"));
    // The live contact only, by its extra email, its other phone (national digits) and its tag.
    for (const char* search : {"analytical", "0142", "poet", "lovelace"}) {
        SqlStatement q(**db, "SELECT group_concat(rowid) FROM contacts_fts WHERE contacts_fts MATCH ?");
        q.bind(1, QStringLiteral("\"%1\"*").arg(QLatin1String(search)));
        QVERIFY(q.next());
        QVERIFY2(q.columnText(0) == QStringLiteral("1"), search);
    }
    // The sort indexes lost their last column, id, which SQLite stores at the end of every entry anyway: the
    // window's keyset pages (ContactQuery's shapes) still read them in order, without sorting.
    QCOMPARE(scalar("SELECT count(*) FROM sqlite_master WHERE name IN ('contacts_sort_first_name', "
                    "'contacts_sort_last_name', 'contacts_sort_company_name') AND sql NOT LIKE '%, id)%'"),
             QStringLiteral("3"));
    // The email is sorted on its identity key's index (015).
    QCOMPARE(scalar("SELECT count(*) FROM sqlite_master WHERE name = 'contacts_sort_email'"), QStringLiteral("0"));
    for (const char* page :
         {"SELECT c.id FROM contacts c WHERE c.deleted_at IS NULL AND c.email_norm IS NOT NULL AND IIF(c.email_norm "
          "= '', c.email, c.email_norm) <= 'm' AND (IIF(c.email_norm = '', c.email, c.email_norm) < 'm' OR c.id < 5) "
          "ORDER BY IIF(c.email_norm = '', c.email, c.email_norm) DESC, c.id DESC LIMIT 200",
          "SELECT c.id FROM contacts c WHERE c.deleted_at IS NULL AND c.email_norm IS NULL AND c.id > 5 ORDER BY c.id "
          "LIMIT 200",
          "SELECT c.id FROM contacts c WHERE c.deleted_at IS NULL AND c.last_name_key > X'' AND c.last_name_key >= "
          "X'40' AND (c.last_name_key > X'40' OR (c.last_name_key = X'40' AND (c.first_name_key > X'40' OR "
          "(c.first_name_key = X'40' AND c.id > 5)))) ORDER BY c.last_name_key, c.first_name_key, c.id LIMIT 200",
          "SELECT c.id FROM contacts c WHERE c.deleted_at IS NULL AND c.company_name_key = X'' AND c.first_name_key "
          ">= X'40' AND (c.first_name_key > X'40' OR c.id > 5) ORDER BY c.first_name_key DESC, c.id DESC LIMIT 200"}) {
        SqlStatement plan(**db, QByteArray(QByteArray("EXPLAIN QUERY PLAN ") + page).constData());
        QStringList steps;
        while (plan.next())
            steps << plan.columnText(3);
        QVERIFY2(!steps.isEmpty() && !steps.join(u'\n').contains(QStringLiteral("TEMP B-TREE"))
                     && steps.join(u'\n').contains(QStringLiteral("USING")),
                 qPrintable(steps.join(u'\n')));
    }
    // The cascades still hold on the rebuilt tables.
    QVERIFY(SqlStatement::execute(**db, "DELETE FROM contacts WHERE id = 2"));
    QCOMPARE(scalar("SELECT count(*) FROM contact_tags"), QStringLiteral("1"));
    QCOMPARE(scalar("SELECT count(*) FROM duplicate_hints"), QStringLiteral("0"));
}

// Version 13 stores a key that is the displayed value itself as '' (ContactTable::keySql). Keys written out in
// full by version 12 stay as they are and still match and refuse; new contacts store the short form, and the
// indexes built on the key find and refuse them the same way.
void TestDatabase::keysStoredOnceFindWhatTheyFound()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v12.sqlite"));
    runSql(path,
           migrationsUpTo(12)
               + "INSERT INTO contacts (id, uid, first_name, email, email_norm, linkedin_url, linkedin_norm, phone, "
                 "phone_e164, created_at, updated_at) VALUES "
                 "(1, 'u1', 'Ada', 'Ada@Example.org', 'ada@example.org', 'https://www.linkedin.com/in/ada', "
                 "'https://www.linkedin.com/in/ada', '+33612345678', '+33612345678', '2025-01-01', '2025-01-01'), "
                 // An empty key (never matched) becomes none rather than 'the value itself'.
                 "(2, 'u2', 'Empty', 'empty@example.org', '', NULL, NULL, NULL, NULL, '2025-01-01', '2025-01-01');");
    auto opened = Database::open(path);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    Database& db = **opened;
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    const auto text = [&](const char* sql) -> QString {
        SqlStatement q(db, sql);
        return q.next() ? (q.columnText(0).isNull() ? QStringLiteral("NULL") : q.columnText(0))
                        : QStringLiteral("(none)");
    };
    QCOMPARE(text("SELECT email_norm FROM contacts WHERE id = 1"), QStringLiteral("ada@example.org"));
    QCOMPARE(text("SELECT email_norm FROM contacts WHERE id = 2"), QStringLiteral("NULL"));

    FakeClock clock;
    auto engine = UpsertEngine::create(db, clock, QStringLiteral("FR"));
    QVERIFY(engine);
    const auto upsert = [&](const QString& spec) {
        auto result = (*engine)->upsert(patchFrom(spec), UpsertPolicies::local(), {QStringLiteral("manual"), spec});
        clock.advance(1000);
        return result;
    };
    // The old row, by each of its keys written out in full.
    for (const QString& spec : {QStringLiteral("email=ADA@example.org|city=Paris"),
                                QStringLiteral("linkedin_url=linkedin.com/in/ada/|city=Lyon"),
                                QStringLiteral("phone=06 12 34 56 78|city=Nice")}) {
        const auto result = upsert(spec);
        QVERIFY(result);
        QCOMPARE(result->contactId, 1);
    }
    // A new contact stores each key once, and is found by each.
    const auto grace = upsert(QStringLiteral("email=grace@navy.mil|linkedin_url=https://www.linkedin.com/in/grace|"
                                             "phone=+33612345679|first_name=Grace"));
    QVERIFY(grace);
    QCOMPARE(grace->status, UpsertResult::Status::Created);
    SqlStatement stored(db,
                        "SELECT quote(email_norm), quote(linkedin_norm), quote(phone_e164) FROM contacts WHERE id = ?");
    stored.bind(1, grace->contactId);
    QVERIFY(stored.next());
    QCOMPARE(stored.columnText(0) + stored.columnText(1) + stored.columnText(2), QStringLiteral("''''''"));
    stored.reset();
    for (const QString& spec : {QStringLiteral("email=Grace@Navy.mil|city=Arlington"),
                                QStringLiteral("linkedin_url=http://linkedin.com/in/grace|city=NYC"),
                                QStringLiteral("phone=06 12 34 56 79|city=DC")}) {
        const auto result = upsert(spec);
        QVERIFY(result);
        QCOMPARE(result->contactId, grace->contactId);
    }
    // The rewritten old row now stores its LinkedIn and phone keys once too; its email key differs from the
    // email as displayed, so it stays.
    QCOMPARE(text("SELECT quote(email_norm) || quote(linkedin_norm) || quote(phone_e164) FROM contacts WHERE id = 1"),
             QStringLiteral("'ada@example.org'''''"));
    // The unique indexes refuse a second live contact with either form of a key, whatever wrote it.
    for (const char* sql :
         {"INSERT INTO contacts (uid, email, email_norm, created_at, updated_at) VALUES ('x', 'grace@navy.mil', '', "
          "'t', 't')",
          "INSERT INTO contacts (uid, email, email_norm, created_at, updated_at) VALUES ('x', 'GRACE@NAVY.MIL', "
          "'grace@navy.mil', 't', 't')",
          "INSERT INTO contacts (uid, email, email_norm, created_at, updated_at) VALUES ('x', 'ada@example.org', '', "
          "'t', 't')",
          "INSERT INTO contacts (uid, linkedin_url, linkedin_norm, created_at, updated_at) VALUES ('x', "
          "'https://www.linkedin.com/in/ada', '', 't', 't')"}) {
        const auto refused = SqlStatement::execute(db, sql);
        QVERIFY2(!refused, sql);
        QVERIFY2(refused.error().detail.contains(QStringLiteral("UNIQUE")), qPrintable(refused.error().detail));
    }
    // The engine's lookups read the indexes (no scan of a million contacts per row).
    for (const char* key : {"email", "linkedin", "salesnav", "phone"}) {
        const auto which = QByteArray(key) == "email" ? ContactTable::IdentityKey::Email
            : QByteArray(key) == "linkedin"           ? ContactTable::IdentityKey::Linkedin
            : QByteArray(key) == "salesnav"           ? ContactTable::IdentityKey::SalesNav
                                                      : ContactTable::IdentityKey::Phone;
        SqlStatement plan(db,
                          QByteArray("EXPLAIN QUERY PLAN SELECT id FROM contacts WHERE " + ContactTable::keySql(which)
                                     + " = ? AND " + ContactTable::hasKeySql(which) + " AND deleted_at IS NULL")
                              .constData());
        QStringList steps;
        while (plan.next())
            steps << plan.columnText(3);
        QVERIFY2(steps.join(u'\n').contains(QStringLiteral("USING INDEX")), qPrintable(steps.join(u'\n')));
    }
}

void TestDatabase::uidReadsAsWritten_data()
{
    QTest::addColumn<QString>("uid");
    QTest::addColumn<QString>("storedType");
    QTest::newRow("as Roster makes them") << QStringLiteral("mDJXMbPFXykKz3SRZK2xCw") << QStringLiteral("blob");
    QTest::newRow("url alphabet") << QStringLiteral("Bg-8D2vfB11YzZPuMV9O_g") << QStringLiteral("blob");
    // Decodes to 16 bytes, but those bytes spell "...EA": kept as the text it is.
    QTest::newRow("not the bytes' only spelling") << QStringLiteral("AAAAAAAAAAAAAAAAAAAAEB") << QStringLiteral("text");
    QTest::newRow("standard alphabet") << QStringLiteral("Bg+8D2vfB11YzZPuMV9O/g") << QStringLiteral("text");
    QTest::newRow("a UUID") << QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e") << QStringLiteral("text");
    QTest::newRow("not Latin-1") << QStringLiteral("ÉDJXMbPFXykKz3SRZK2xCw") << QStringLiteral("text");
}

// A contact's uid reads back exactly as it was written, whichever way StoredUid keeps it.
void TestDatabase::uidReadsAsWritten()
{
    QFETCH(QString, uid);
    QFETCH(QString, storedType);
    QTemporaryDir dir;
    auto opened = Database::open(dir.filePath(QStringLiteral("uid.sqlite")));
    QVERIFY(opened);
    Database& db = **opened;
    ContactTable table(db);
    QVERIFY(table.prepare());
    Contact contact;
    contact.uid = uid;
    contact.setValue(Field::FirstName, QStringLiteral("Ada"));
    const auto id = table.insert(contact, QDateTime::currentDateTimeUtc());
    QVERIFY(id);
    SqlStatement type(db, "SELECT typeof(uid) FROM contacts");
    QVERIFY(type.next());
    QCOMPARE(type.columnText(0), storedType);
    type.reset();
    const auto loaded = table.load(*id);
    QVERIFY(loaded);
    QCOMPARE(loaded->uid, uid);
    auto query = ContactQuery::create(db);
    QVERIFY(query);
    const auto rows = (*query)->rows({}, {}, 0, 10);
    QVERIFY(rows);
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first().uid, uid);
}

void TestDatabase::timesReadTheSameAsNumbers_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("storedType");
    QTest::newRow("as Roster writes it") << QStringLiteral("2025-03-04T05:06:07.089Z") << QStringLiteral("integer");
    QTest::newRow("no milliseconds") << QStringLiteral("2025-03-04T05:06:07Z") << QStringLiteral("integer");
    QTest::newRow("another offset") << QStringLiteral("2025-03-04T07:06:07.089+02:00") << QStringLiteral("integer");
    QTest::newRow("local date only") << QStringLiteral("2025-03-04") << QStringLiteral("integer");
    QTest::newRow("no time at all") << QStringLiteral("last spring") << QStringLiteral("text");
}

// Version 16 stores a contact's times as milliseconds since 1970 (StoredTime): every time reads back as the same
// instant it read as before, one that never read as a time stays as it was, and the contacts' indexes are all
// there again, less the change log's index by contact, which nothing reads.
void TestDatabase::timesReadTheSameAsNumbers()
{
    QFETCH(QString, written);
    QFETCH(QString, storedType);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v15.sqlite"));
    const QByteArray quoted = "'" + written.toUtf8() + "'";
    runSql(path,
           migrationsUpTo(15)
               + "INSERT INTO contacts (id, uid, first_name, email, email_norm, created_at, updated_at, deleted_at) "
                 "VALUES (1, 'u1', 'Ada', 'ada@example.org', '', "
               + quoted + ", " + quoted + ", NULL), (2, 'u2', 'Grace', 'grace@navy.mil', '', " + quoted + ", " + quoted
               + ", " + quoted + ");");
    const QDateTime before = QDateTime::fromString(written, Qt::ISODateWithMs);

    auto opened = Database::open(path);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    Database& db = **opened;
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    // The upgrade ran with a small page cache; the window's is back.
    QCOMPARE(db.cacheSizeKiB(), 256 * 1024);
    SqlStatement types(db,
                       "SELECT typeof(created_at), typeof(updated_at), typeof(deleted_at) FROM contacts ORDER BY id");
    QVERIFY(types.next());
    QCOMPARE(types.columnText(0) + u' ' + types.columnText(1) + u' ' + types.columnText(2),
             storedType + u' ' + storedType + QStringLiteral(" null"));
    QVERIFY(types.next());
    QCOMPARE(types.columnText(2), storedType);
    types.reset();

    ContactTable table(db);
    QVERIFY(table.prepare());
    const auto ada = table.load(1, false, true);
    QVERIFY(ada);
    QCOMPARE(ada->createdAt.isValid(), before.isValid());
    QCOMPARE(ada->createdAt, before);
    QCOMPARE(ada->updatedAt, before);
    QVERIFY(ada->deletedAt.isNull());
    const auto grace = table.load(2, true, true);
    QVERIFY(grace);
    QCOMPARE(grace->deletedAt, before);
    QVERIFY(!table.load(2)); // still deleted

    // A new write stores numbers, read back to the millisecond.
    FakeClock clock;
    auto engine = UpsertEngine::create(db, clock, QStringLiteral("FR"));
    QVERIFY(engine);
    const auto created = (*engine)->upsert(patchFrom(QStringLiteral("email=alan@example.org|first_name=Alan")),
                                           UpsertPolicies::local(), {QStringLiteral("manual"), QStringLiteral("t")});
    QVERIFY(created);
    SqlStatement stored(db, "SELECT typeof(created_at), created_at FROM contacts WHERE id = ?");
    stored.bind(1, created->contactId);
    QVERIFY(stored.next());
    QCOMPARE(stored.columnText(0), QStringLiteral("integer"));
    QCOMPARE(stored.columnInt(1), clock.now().toMSecsSinceEpoch());
    stored.reset();
    const auto alan = table.load(created->contactId, false, true);
    QVERIFY(alan);
    QCOMPARE(alan->createdAt, clock.now());

    SqlStatement indexes(db,
                         "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'index' "
                         "AND tbl_name IN ('contacts', 'change_log') AND sql IS NOT NULL ORDER BY name)");
    QVERIFY(indexes.next());
    QCOMPARE(indexes.columnText(0),
             QStringLiteral("change_log_op contacts_company contacts_email_norm contacts_linkedin_norm contacts_live "
                            "contacts_phone_e164 contacts_salesnav_norm contacts_sort_company_name "
                            "contacts_sort_first_name contacts_sort_last_name contacts_sort_no_email"));
}

void TestDatabase::upgradeDropsWhatARemovedContactLeft_data()
{
    QTest::addColumn<int>("fromVersion");
    QTest::newRow("from v16") << 16;
    // 017 removed what such a removal left; one made after that upgrade left the same rows, and its words in the
    // search index, which no upgrade took out.
    QTest::newRow("from v17") << 17;
}

// The sqlite3 shell (foreign keys off by default) removed the newest contact of the file and left every row that
// referred to it. The upgrade used to stop at those rows ("left a broken reference") and the file could not be
// opened; now they go as foreign keys would have removed them, and the removed contact's id is never given again,
// so nothing of it reaches a new contact. Its words leave the search index: a search for them used to count it.
void TestDatabase::upgradeDropsWhatARemovedContactLeft()
{
    QFETCH(int, fromVersion);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    runSql(path,
           migrationsUpTo(fromVersion)
               + "INSERT INTO contacts (id, uid, first_name, email, email_norm, created_at, updated_at) VALUES "
                 "(1, 'u1', 'Ada', 'ada@example.org', '', 1, 1), (2, 'u2', 'Oldrich', 'oldrich@example.org', '', 1, 1);"
                 "INSERT INTO contact_emails (contact_id, position, email, email_norm) VALUES "
                 "(1, 0, 'ada@home.org', 'ada@home.org'), (2, 0, 'old@home.org', 'old@home.org');"
                 "INSERT INTO tags (id, name, name_norm) VALUES (1, 'old', 'old');"
                 "INSERT INTO contact_tags (contact_id, tag_id, position) VALUES (2, 1, 0);"
                 "INSERT INTO custom_fields (key, label) VALUES ('plan', 'Plan');"
                 "INSERT INTO contact_custom_values (contact_id, key, value) VALUES (2, 'plan', 'silver');"
                 "INSERT INTO contact_phones (contact_id, position, number) VALUES (2, 0, '+33140000001');"
                 "INSERT INTO contact_websites (contact_id, position, url) VALUES (2, 0, 'https://old.example');"
                 "INSERT INTO accounts (id, name, provider, base_url, created_at) VALUES "
                 "(1, 'crm', 'lemlist', 'http://127.0.0.1:1', '2025-01-01');"
                 "INSERT INTO remote_links (contact_id, account_id, remote_id) VALUES (2, 1, 'lea_old');"
               + SearchRows::insertSql() + ";DELETE FROM contacts WHERE id = 2;");
    auto opened = Database::open(path);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
    Database& db = **opened;
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    SqlStatement left(
        db,
        "SELECT (SELECT count(*) FROM contact_emails WHERE contact_id = 2) + (SELECT count(*) FROM "
        "contact_tags) + (SELECT count(*) FROM contact_custom_values) + (SELECT count(*) FROM "
        "contact_phones) + (SELECT count(*) FROM contact_websites) + (SELECT count(*) FROM remote_links), "
        "(SELECT count(*) FROM contact_emails WHERE contact_id = 1)");
    QVERIFY(left.next());
    QCOMPARE(left.columnInt(0), 0);
    QCOMPARE(left.columnInt(1), 1); // a live contact's rows stay
    left.reset();

    FakeClock clock;
    auto engine = UpsertEngine::create(db, clock, QStringLiteral("FR"));
    QVERIFY(engine);
    const auto created = (*engine)->upsert(patchFrom(QStringLiteral("email=grace@example.org")),
                                           UpsertPolicies::local(), {QStringLiteral("manual"), QStringLiteral("t")});
    QVERIFY(created);
    QCOMPARE(created->contactId, 3); // 2 was the removed contact's
    auto store = ContactStore::create(db);
    QVERIFY(store);
    const auto grace = (*store)->contact(created->contactId);
    QVERIFY(grace);
    QVERIFY(grace->extraEmails.isEmpty());
    QVERIFY(grace->tags.isEmpty());
    QVERIFY(grace->custom.isEmpty());

    auto query = ContactQuery::create(db);
    QVERIFY(query);
    for (const char* search : {"oldrich", "old"}) {
        ContactFilter filter;
        filter.search = QString::fromLatin1(search);
        QCOMPARE((*query)->count(filter).value_or(-1), 0);
    }
    ContactFilter ada;
    ada.search = QStringLiteral("ada");
    QCOMPARE((*query)->count(ada).value_or(-1), 1);
    SqlStatement noted(db, "SELECT count(*) FROM removed_contacts");
    QVERIFY(noted.next());
    QCOMPARE(noted.columnInt(0), 0);
}

// A newer Roster upgrades the file while this one has it open (a cron job running across an update): this one's
// writes are refused with a clear error instead of written the old way beside rows stored the new way.
void TestDatabase::upgradedByANewerRosterWhileOpen()
{
    StoreFixture f;
    f.upsert(QStringLiteral("email=ada@example.org|first_name=Ada"));
    const QString before = f.snapshot();
    {
        auto newer = Database::open(f.db->path());
        QVERIFY(newer);
        const QByteArray bump = "PRAGMA user_version = " + QByteArray::number(Database::latestSchemaVersion() + 1);
        QVERIFY(SqlStatement::execute(**newer, bump.constData()));
    }
    const auto written = f.engine->upsert(patchFrom(QStringLiteral("email=grace@navy.mil|first_name=Grace")),
                                          UpsertPolicies::local(), {QStringLiteral("manual"), QStringLiteral("x")});
    QVERIFY(!written);
    QCOMPARE(written.error().code, ErrorCode::DatabaseTooNew);
    QVERIFY2(written.error().detail.contains(QStringLiteral("newer Roster")), qPrintable(written.error().detail));
    QVERIFY(!f.undo->undo());
    QCOMPARE(f.snapshot(), before);
    QVERIFY(!f.db->inTransaction());
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
