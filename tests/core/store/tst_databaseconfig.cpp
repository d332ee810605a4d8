#include "FakeClock.h"
#include "TestSupport.h"
#include "store/ContactStore.h"
#include "store/Database.h"
#include "store/DatabaseConfig.h"
#include "store/StoreSession.h"
#include "store/StoreSettings.h"
#include "store/UpsertPolicies.h"

#include <QTemporaryDir>
#include <QTest>

using namespace roster;

// The database's settings (issue 12 part 2): phone_region is read by every engine on the file, so the window,
// the command line, imports and sync pulls read a national number the same way.
class TestDatabaseConfig final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void phoneRegionDefaultsToTheSystemLocale();
    void setChecksAndNormalises_data();
    void setChecksAndNormalises();
    void unknownKeyIsNamed();
    void engineReadsTheDatabaseRegion_data();
    void engineReadsTheDatabaseRegion();
    void anotherConnectionsChangeAppliesToTheNextWrite();
    void givenRegionStaysFixed();
    void readOnlyDatabaseRefusesASet();

private:
    std::unique_ptr<StoreSession> open() const;
    static UpsertResult upsertPhone(StoreSession& session, const QString& email, const QString& phone);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestDatabaseConfig::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath("config.sqlite");
}

std::unique_ptr<StoreSession> TestDatabaseConfig::open() const
{
    auto session = StoreSession::open(m_path);
    if (!session)
        qFatal("cannot open %s: %s", qPrintable(m_path), qPrintable(session.error().toString()));
    return std::move(*session);
}

UpsertResult TestDatabaseConfig::upsertPhone(StoreSession& session, const QString& email, const QString& phone)
{
    ContactPatch patch;
    patch.set(Field::Email, email);
    patch.set(Field::Phone, phone);
    auto result = session.engine().upsert(patch, UpsertPolicies::local(), {"manual", "test"});
    if (!result)
        qFatal("upsert failed: %s", qPrintable(result.error().toString()));
    return *result;
}

void TestDatabaseConfig::phoneRegionDefaultsToTheSystemLocale()
{
    auto session = open();
    DatabaseConfig config(session->database());
    const auto value = config.get("phone_region");
    QVERIFY(value);
    QVERIFY(value->isDefault);
    // The tests run under LC_ALL=C.UTF-8, which names no country: no region.
    const QString system = PhoneNormalizer::systemRegion();
    QCOMPARE(value->value, system.isEmpty() ? QString("none") : system);
    QCOMPARE(config.phoneRegion(), system);
    QCOMPARE(session->engine().phones().region(), system);
    const QVector<ConfigValue> all = config.list();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().key, "phone_region");
}

void TestDatabaseConfig::setChecksAndNormalises_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("stored"); // empty: refused
    QTest::newRow("upper case") << "FR"
                                << "FR";
    QTest::newRow("lower case is upper-cased") << "de"
                                               << "DE";
    QTest::newRow("spaces trimmed") << " us "
                                    << "US";
    QTest::newRow("none") << "none"
                          << "none";
    QTest::newRow("NONE") << "NONE"
                          << "none";
    QTest::newRow("unknown region") << "XX"
                                    << "";
    QTest::newRow("ZZ is not a region") << "ZZ"
                                        << "";
    QTest::newRow("three letters") << "FRA"
                                   << "";
    QTest::newRow("a country name") << "France"
                                    << "";
    QTest::newRow("empty") << ""
                           << "";
}

void TestDatabaseConfig::setChecksAndNormalises()
{
    QFETCH(QString, value);
    QFETCH(QString, stored);
    auto session = open();
    DatabaseConfig config(session->database());
    QVERIFY(config.set("phone_region", "GB"));
    const auto set = config.set("phone_region", value);
    if (stored.isEmpty()) {
        QVERIFY(!set);
        QCOMPARE(set.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(set.error().field, "phone_region");
        QVERIFY2(set.error().detail.contains("'" + value + "'"), qPrintable(set.error().detail));
        QCOMPARE(config.get("phone_region")->value, "GB"); // unchanged
        return;
    }
    QVERIFY2(set, set ? "" : qPrintable(set.error().detail));
    QCOMPARE(*set, stored);
    const auto read = config.get("phone_region");
    QCOMPARE(read->value, stored);
    QVERIFY(!read->isDefault);
    QCOMPARE(config.phoneRegion(), stored == "none" ? QString() : stored);
}

void TestDatabaseConfig::unknownKeyIsNamed()
{
    auto session = open();
    DatabaseConfig config(session->database());
    const auto get = config.get("phone_regoin");
    QVERIFY(!get);
    QCOMPARE(get.error().code, ErrorCode::InvalidArgument);
    QVERIFY(get.error().detail.contains("'phone_regoin'"));
    QVERIFY(get.error().detail.contains("phone_region"));
    const auto set = config.set("phone_regoin", "FR");
    QVERIFY(!set);
    QVERIFY(set.error().detail.contains("'phone_regoin'"));
    // Roster's own entries in the same table (remembered mappings, sync marks) are not settings.
    QVERIFY(StoreSettings(session->database()).setValue("import.mapping.x", "y"));
    QVERIFY(!config.get("import.mapping.x"));
    QCOMPARE(config.list().size(), 1);
}

void TestDatabaseConfig::engineReadsTheDatabaseRegion_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<bool>("warned");
    QTest::newRow("FR reads a French mobile") << "FR"
                                              << "06 12 34 56 78"
                                              << "+33612345678" << false;
    QTest::newRow("US keeps it as typed") << "US"
                                          << "06 12 34 56 78"
                                          << "06 12 34 56 78" << true;
    QTest::newRow("DE reads a Wiesbaden number") << "DE"
                                                 << "06 12 34 56 78"
                                                 << "+49612345678" << false;
    QTest::newRow("DE keeps a short mobile as typed") << "DE"
                                                      << "0171 123"
                                                      << "0171 123" << true;
    QTest::newRow("none keeps it as typed") << "none"
                                            << "06 12 34 56 78"
                                            << "06 12 34 56 78" << true;
    QTest::newRow("US reads a US number") << "US"
                                          << "(650) 253-0000"
                                          << "+16502530000" << false;
    QTest::newRow("DE reads a German number") << "DE"
                                              << "030 123456"
                                              << "+4930123456" << false;
    QTest::newRow("an invalid +1 number under US") << "US"
                                                   << "+10612345678"
                                                   << "+10612345678" << true;
}

void TestDatabaseConfig::engineReadsTheDatabaseRegion()
{
    QFETCH(QString, region);
    QFETCH(QString, phone);
    QFETCH(QString, stored);
    QFETCH(bool, warned);
    {
        auto first = open();
        QVERIFY(DatabaseConfig(first->database()).set("phone_region", region));
    }
    auto session = open(); // as the window, a command, an import or a sync pull opens it
    const UpsertResult result = upsertPhone(*session, "jane@example.org", phone);
    QCOMPARE(result.status, UpsertResult::Status::Created);
    const auto contact = session->contacts().contact(result.contactId);
    QCOMPARE(contact->value(Field::Phone), stored);
    QCOMPARE(result.warnings.size(), warned ? 1 : 0);
    if (warned) {
        QCOMPARE(result.warnings.first().code, ErrorCode::InvalidPhone);
        QCOMPARE(result.warnings.first().field, "phone");
        QVERIFY2(result.warnings.first().detail.contains("kept as typed"), qPrintable(result.warnings.first().detail));
    }
}

// `roster config set` from a terminal while the window is open: the window's next save reads the new region.
void TestDatabaseConfig::anotherConnectionsChangeAppliesToTheNextWrite()
{
    auto window = open();
    QVERIFY(DatabaseConfig(window->database()).set("phone_region", "US"));
    window->engine().reloadPhoneRegion();
    QCOMPARE(window->engine().phones().region(), "US");
    {
        auto command = open();
        QVERIFY(DatabaseConfig(command->database()).set("phone_region", "FR"));
    }
    const UpsertResult result = upsertPhone(*window, "jane@example.org", "06 12 34 56 78");
    QVERIFY(result.warnings.isEmpty());
    QCOMPARE(window->contacts().contact(result.contactId)->value(Field::Phone), "+33612345678");
    QCOMPARE(window->engine().phones().region(), "FR");
}

void TestDatabaseConfig::givenRegionStaysFixed()
{
    auto session = StoreSession::open(m_path, "DE");
    QVERIFY(session);
    QVERIFY(DatabaseConfig((*session)->database()).set("phone_region", "FR"));
    (*session)->engine().reloadPhoneRegion();
    QCOMPARE((*session)->engine().phones().region(), "DE");
}

void TestDatabaseConfig::readOnlyDatabaseRefusesASet()
{
    {
        auto session = open();
        QVERIFY(DatabaseConfig(session->database()).set("phone_region", "FR"));
    }
    if (!test::setReadOnly({m_path}, true))
        QSKIP("this file system cannot make a file read-only for this user");
    auto session = StoreSession::open(m_path);
    std::optional<Result<QString>> set;
    std::optional<ConfigValue> read;
    if (session) {
        DatabaseConfig config((*session)->database());
        set = config.set("phone_region", "US");
        if (auto value = config.get("phone_region"))
            read = *value;
    }
    session = std::unexpected(Error {});
    test::setReadOnly({m_path}, false);
    QVERIFY(set.has_value());
    QVERIFY(!*set);
    QCOMPARE(set->error().code, ErrorCode::ReadOnlyDatabase);
    QVERIFY2(set->error().detail.contains("read-only"), qPrintable(set->error().detail));
    QVERIFY(read);
    QCOMPARE(read->value, "FR");
}

QTEST_GUILESS_MAIN(TestDatabaseConfig)
#include "tst_databaseconfig.moc"
