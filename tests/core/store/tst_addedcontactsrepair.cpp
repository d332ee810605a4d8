#include "PatchSpec.h"
#include "store/ContactStore.h"
#include "store/SqlStatement.h"
#include "store/StoreSession.h"
#include "store/UpsertPolicies.h"

#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace roster;
using namespace roster::test;

// Contact rows another program added to the file with plain SQL (the sqlite3 shell, a script), as Roster finds
// them at its next open: searchable, matched by their email, sorted by their names; a row whose email another
// contact has stays as it is, searchable, and takes nobody's key.
class TestAddedContactsRepair final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void rowsAddedWithPlainSql_data();
    void rowsAddedWithPlainSql();
    void nothingAddedWritesNothing();

private:
    void outsideSql(const QByteArray& sql);
    qint64 scalar(StoreSession& session, const char* sql, const QString& bind = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestAddedContactsRepair::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath("db.sqlite");
    auto session = StoreSession::open(m_path, "FR");
    QVERIFY(session);
    for (const char* spec : {"email=ann@acme.com|first_name=Ann|last_name=Zeta", "email=cy@acme.com|first_name=Cy"})
        QVERIFY((*session)->engine().upsert(patchFrom(spec), UpsertPolicies::local(), {"manual", "test"}));
}

// Another program's connection: no Roster function, no Roster code.
void TestAddedContactsRepair::outsideSql(const QByteArray& sql)
{
    sqlite3* handle = nullptr;
    QCOMPARE(sqlite3_open(m_path.toUtf8().constData(), &handle), SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(handle, sql.constData(), nullptr, nullptr, &message);
    const QString error = message ? QString::fromUtf8(message) : QString();
    sqlite3_free(message);
    sqlite3_close(handle);
    QVERIFY2(rc == SQLITE_OK, qPrintable(error));
}

qint64 TestAddedContactsRepair::scalar(StoreSession& session, const char* sql, const QString& bind)
{
    SqlStatement query(session.database(), sql);
    if (!bind.isNull())
        query.bind(1, bind);
    return query.next() ? query.columnInt(0) : -1;
}

void TestAddedContactsRepair::rowsAddedWithPlainSql_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QString>("word"); // a word of the added row, searched for
    QTest::addColumn<QString>("email"); // upserted afterwards
    QTest::addColumn<qint64>("matchedId"); // the contact that upsert must update
    QTest::addColumn<qint64>("searchable"); // live contacts in the index afterwards

    QTest::newRow("one row, email in capitals")
        << QByteArray("INSERT INTO contacts (uid, first_name, last_name, email, created_at, updated_at) "
                      "VALUES ('outside-1', 'Bob', 'Outsider', 'Bob@Example.com', 0, 0)")
        << "outsider"
        << "bob@example.com" << qint64(3) << qint64(3);
    QTest::newRow("two rows, one deleted by the same program")
        << QByteArray("INSERT INTO contacts (uid, first_name, email, created_at, updated_at) "
                      "VALUES ('o-1', 'Dee', 'dee@example.com', 0, 0);"
                      "INSERT INTO contacts (uid, first_name, email, created_at, updated_at, deleted_at) "
                      "VALUES ('o-2', 'Gone', 'gone@example.com', 0, 0, 0)")
        << "dee"
        << "dee@example.com" << qint64(3) << qint64(3);
    QTest::newRow("a row with another contact's email")
        << QByteArray("INSERT INTO contacts (uid, first_name, email, created_at, updated_at) "
                      "VALUES ('o-3', 'Twin', 'ANN@acme.com', 0, 0)")
        << "twin"
        << "ann@acme.com" << qint64(1) << qint64(3);
    QTest::newRow("a row copied from another with its keys")
        << QByteArray("INSERT INTO contacts (uid, first_name, email, created_at, updated_at, first_name_key) "
                      "SELECT 'o-4', 'Eve', 'eve@example.com', 0, 0, first_name_key FROM contacts WHERE id = 1")
        << "eve"
        << "eve@example.com" << qint64(3) << qint64(3);
}

void TestAddedContactsRepair::rowsAddedWithPlainSql()
{
    QFETCH(QByteArray, sql);
    QFETCH(QString, word);
    QFETCH(QString, email);
    QFETCH(qint64, matchedId);
    QFETCH(qint64, searchable);
    outsideSql(sql);

    auto session = StoreSession::open(m_path, "FR");
    QVERIFY(session);
    StoreSession& s = **session;
    QCOMPARE(scalar(s, "SELECT count(*) FROM contacts_fts_docsize"), searchable);
    QCOMPARE(scalar(s, "SELECT count(*) FROM contacts WHERE deleted_at IS NULL"), searchable);
    QCOMPARE(scalar(s, "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH ?", word), 1);
    // Sorted by its name, as a contact Roster wrote is.
    QCOMPARE(scalar(s,
                    "SELECT count(*) FROM contacts WHERE deleted_at IS NULL AND first_name IS NOT NULL AND "
                    "first_name_key = X''"),
             0);
    QCOMPARE(scalar(s,
                    "SELECT count(*) FROM contacts a JOIN contacts b ON a.id < b.id "
                    "WHERE a.first_name <> b.first_name AND a.first_name_key = b.first_name_key"),
             0);
    // Its email is found again: an upsert of it updates that contact instead of making a second one.
    const qint64 before = scalar(s, "SELECT count(*) FROM contacts");
    auto result = s.engine().upsert(patchFrom(QStringLiteral("email=%1|job_title=CEO").arg(email)),
                                    UpsertPolicies::local(), {"manual", "test"});
    QVERIFY(result);
    QCOMPARE(int(result->status), int(UpsertResult::Status::Updated));
    QCOMPARE(result->contactId, matchedId);
    QCOMPARE(scalar(s, "SELECT count(*) FROM contacts"), before);
    // Its search row was the one its values make: the edit replaced it without leaving words behind.
    QCOMPARE(scalar(s, "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH ?", QStringLiteral("ceo")), 1);
    QCOMPARE(scalar(s, "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH ?", word), 1);
    SqlStatement check(s.database(), "INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('integrity-check', 0)");
    QVERIFY(check.exec());
}

// The common case costs two lookups: no transaction, the index untouched.
void TestAddedContactsRepair::nothingAddedWritesNothing()
{
    const auto version = [&] {
        sqlite3* handle = nullptr;
        sqlite3_open(m_path.toUtf8().constData(), &handle);
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(handle, "SELECT block FROM contacts_fts_data WHERE id = 10", -1, &stmt, nullptr);
        QByteArray block;
        if (sqlite3_step(stmt) == SQLITE_ROW)
            block = QByteArray(static_cast<const char*>(sqlite3_column_blob(stmt, 0)), sqlite3_column_bytes(stmt, 0));
        sqlite3_finalize(stmt);
        sqlite3_close(handle);
        return block;
    };
    const QByteArray before = version();
    auto session = StoreSession::open(m_path, "FR");
    QVERIFY(session);
    QCOMPARE(version(), before);
    QCOMPARE(scalar(**session, "SELECT count(*) FROM contacts_fts_docsize"), 2);
}

QTEST_GUILESS_MAIN(TestAddedContactsRepair)
#include "tst_addedcontactsrepair.moc"
