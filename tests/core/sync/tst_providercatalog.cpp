#include "store/UpsertPolicies.h"
#include "sync/ProviderCatalog.h"

#include <QTest>

using namespace roster;

// Issue 14, "One place per CRM": the catalog is the one list of CRMs, and what it says of each agrees with
// PROVIDERS.md §0 and with the adapter it creates.
class TestProviderCatalog : public QObject
{
    Q_OBJECT

private slots:
    void entries_data();
    void entries();
    void unknownName();
};

void TestProviderCatalog::entries_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("family");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<QStringList>("required");
    QTest::addColumn<bool>("incremental");
    QTest::newRow("lemlist") << "lemlist"
                             << "lemlist"
                             << "lemlist" << QUrl("https://api.lemlist.com/api") << QStringList {} << false;
    QTest::newRow("getsales") << "getsales"
                              << "getsales"
                              << "GetSales" << QUrl("https://amazing.getsales.io") << QStringList {"list_uuid"} << true;
    QTest::newRow("grinfi") << "grinfi"
                            << "getsales"
                            << "Grinfi" << QUrl("https://leadgen.grinfi.io") << QStringList {"list_uuid"} << true;
    QTest::newRow("highlevel") << "highlevel"
                               << "highlevel"
                               << "HighLevel" << QUrl("https://services.leadconnectorhq.com")
                               << QStringList {"location_id"} << true;
    QTest::newRow("monaco") << "monaco"
                            << "monaco"
                            << "Monaco" << QUrl("https://api.monaco.com") << QStringList {} << true;
}

void TestProviderCatalog::entries()
{
    QFETCH(QString, name);
    QFETCH(QString, family);
    QFETCH(QString, display);
    QFETCH(QUrl, url);
    QFETCH(QStringList, required);
    QFETCH(bool, incremental);
    QVERIFY(ProviderCatalog::names().contains(name));
    const ProviderDescriptor* d = ProviderCatalog::find(name.toUpper());
    QVERIFY(d);
    QCOMPARE(d->family, family);
    QCOMPARE(d->displayName(), display);
    QCOMPARE(d->defaultBaseUrl(), url);
    QCOMPARE(d->requiredOptions(), required);
    QCOMPARE(d->incrementalPull, incremental);
    QVERIFY(UpsertPolicies::byName(d->upsertPolicy).has_value());
    for (const ProviderOption& option : d->options)
        QVERIFY(option.label && option.hint && !option.key.isEmpty());
    const auto provider = Provider::create(name);
    QVERIFY(provider);
    QCOMPARE(provider->profile().name, name);
    QCOMPARE(Provider::family(name), family);
}

void TestProviderCatalog::unknownName()
{
    QVERIFY(!ProviderCatalog::find(QStringLiteral("hubspot")));
    QVERIFY(!Provider::create(QStringLiteral("hubspot")));
    QCOMPARE(Provider::names(), ProviderCatalog::names());
    QCOMPARE(ProviderCatalog::names().size(), 5);
}

QTEST_GUILESS_MAIN(TestProviderCatalog)
#include "tst_providercatalog.moc"
