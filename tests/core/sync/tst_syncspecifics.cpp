#include "SyncMergeHelpers.h"
#include "sync/getsales/GetSalesProvider.h"

using namespace roster;
using namespace roster::test;

// Issue 13, part 8, against the emulators: what the official specs (PROVIDERS.md §7) say about each CRM
// beyond the upsert contracts, end to end. The adapters' request and reply shapes are tested on the specs'
// own examples in tst_<provider>provider.
class TestSyncSpecifics : public QObject
{
    Q_OBJECT

private slots:
    void lemlistComputedKeysStayOut();
    void highLevelCheckboxRoundTrip();
    void getSalesPersonalEmailIsAdded();
    void getSalesTeamIdHeader();
    void grinfiAccountRunsOnTheGetSalesApi();
};

namespace {

SyncJob::Options pullOnly()
{
    SyncJob::Options options;
    options.push = false;
    options.pull = true;
    options.fullScan = true;
    return options;
}

Contact localContact(SyncFixture& f, int i)
{
    return f.session().contacts().contact(contactId(f, i)).value_or(Contact {});
}

} // namespace

// lemlist reads show isActiveInCampaigns and leadStatus inside `fields`, and /fields lists leadStatus as
// crm_synced: neither becomes a local custom field, and nothing of them is pushed back (the emulator refuses
// unregistered keys with INVALID_FIELD, which would fail the push).
void TestSyncSpecifics::lemlistComputedKeysStayOut()
{
    SyncFixture f(QStringLiteral("lemlist"), scaleFor(QStringLiteral("lemlist")));
    QCOMPARE(f.emulator().registerCustomFields(QJsonArray {QJsonObject {
                 {"name", "revenue"}, {"label", "Annual Revenue"}, {"type", "text"}, {"source", "custom"}}}),
             QString());
    f.addContacts(0, 2, {{QStringLiteral("custom.revenue"), QStringLiteral("12")}});
    SyncReport first = f.sync(true, true);
    QVERIFY2(first.ok(), qPrintable(dump(first)));
    QVERIFY2(f.remoteText().contains(QLatin1String("\"revenue\":\"12\"")), qPrintable(f.remoteText()));
    SyncReport pulled = f.sync(pullOnly());
    QVERIFY2(pulled.ok(), qPrintable(dump(pulled)));
    const Contact c = localContact(f, 1);
    QCOMPARE(c.custom, (QMap<QString, QString> {{QStringLiteral("revenue"), QStringLiteral("12")}}));
    SyncReport again = f.sync(true, true);
    QVERIFY2(again.ok(), qPrintable(dump(again)));
    QCOMPARE(again.pushed.created + again.pushed.updated + again.pulled.updated, 0);
}

// A HighLevel checkbox field takes a string array (the emulator refuses anything else with a 422, as the
// CheckboxField schema); the value read back is the same choices, so the next sync has nothing to do.
void TestSyncSpecifics::highLevelCheckboxRoundTrip()
{
    SyncFixture f(QStringLiteral("highlevel"), scaleFor(QStringLiteral("highlevel")));
    QCOMPARE(f.emulator().registerCustomFields(
                 QJsonArray {QJsonObject {{"name", "Interests"},
                                          {"key", "interests"},
                                          {"dataType", "CHECKBOX"},
                                          {"picklistOptions", QJsonArray {"CRM", "Outreach", "Yes, call me"}}}}),
             QString());
    f.addContacts(0, 1,
                  {{QStringLiteral("phone"), QStringLiteral("+33612345670")},
                   {QStringLiteral("custom.interests"), QStringLiteral("crm; Yes, call me")}});
    SyncReport first = f.sync(true, true);
    QVERIFY2(first.ok() && first.pushed.created == 1, qPrintable(dump(first)));
    QVERIFY2(f.remoteText().contains(QLatin1String("\"value\":[\"CRM\",\"Yes, call me\"]")),
             qPrintable(f.remoteText()));
    // Read back as HighLevel's spelling, joined: the user sees what the CRM holds.
    QCOMPARE(localContact(f, 0).custom.value(QStringLiteral("interests")), QStringLiteral("CRM, Yes, call me"));
    SyncReport again = f.sync(true, true);
    QVERIFY2(again.ok(), qPrintable(dump(again)));
    QCOMPARE(again.pushed.created + again.pushed.updated + again.pulled.updated, 0);
    QVERIFY2(f.remoteText().contains(QLatin1String("\"value\":[\"CRM\",\"Yes, call me\"]")),
             qPrintable(f.remoteText()));
}

// GetSales reads carry personal_email beside work_email: it joins the contact's other addresses and takes
// none of them away, however often it is read.
void TestSyncSpecifics::getSalesPersonalEmailIsAdded()
{
    SyncFixture f(QStringLiteral("getsales"), scaleFor(QStringLiteral("getsales")));
    f.addContacts(0, 1, {{QStringLiteral("extra_emails"), QStringLiteral("old@example.org")}});
    SyncReport first = f.sync(true, true);
    QVERIFY2(first.ok(), qPrintable(dump(first)));
    const QString uuid = remoteIdOf(f, 0);
    QVERIFY(f.emulator().editRecord(uuid, [](QJsonObject& lead) {
        lead.insert(QStringLiteral("personal_email"), QStringLiteral("first0@gmail.com"));
        lead.insert(QStringLiteral("updated_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    }));
    for (int round = 0; round < 2; ++round) {
        SyncReport pulled = f.sync(pullOnly());
        QVERIFY2(pulled.ok(), qPrintable(dump(pulled)));
        QCOMPARE(pulled.pulled.updated, round == 0 ? 1 : 0);
        const Contact c = localContact(f, 0);
        QCOMPARE(c.value(Field::Email), QStringLiteral("u0@example.com"));
        QStringList extra = c.extraEmails;
        extra.sort();
        QCOMPARE(extra, (QStringList {QStringLiteral("first0@gmail.com"), QStringLiteral("old@example.org")}));
    }
}

// One version of the GetSales reference requires a Team-ID header: without the account option every
// request is refused with a message saying so; with it the sync goes through.
void TestSyncSpecifics::getSalesTeamIdHeader()
{
    SyncFixture f(QStringLiteral("getsales"), scaleFor(QStringLiteral("getsales")));
    static_cast<emulator::GetSalesEmulator&>(f.emulator()).setRequiredTeamId(QStringLiteral("4242"));
    f.addContacts(0, 2);
    SyncReport refused = f.sync(true, true);
    QVERIFY(!refused.ok());
    QVERIFY2(dump(refused).contains(QLatin1String("Missing required headers")), qPrintable(dump(refused)));
    QCOMPARE(f.emulator().recordCount(), 0);
    f.account().options.insert(GetSalesProvider::teamIdOption(), QStringLiteral("4242"));
    SyncReport ok = f.sync(true, true);
    QVERIFY2(ok.ok(), qPrintable(dump(ok)));
    QCOMPARE(ok.pushed.created, 2);
    QCOMPARE(f.emulator().recordCount(), 2);
}

// A Grinfi account: the GetSales adapter under Grinfi's name, default host leadgen.grinfi.io (never the
// GetSales host), and the same sync against a server given explicitly.
void TestSyncSpecifics::grinfiAccountRunsOnTheGetSalesApi()
{
    AccountRecord bare;
    bare.provider = QStringLiteral("grinfi");
    bare.name = QStringLiteral("g");
    const auto provider = SyncSetup::provider(bare);
    QVERIFY(provider);
    QCOMPARE(SyncSetup::httpAccount(bare, **provider, QStringLiteral("k"), 1.0).baseUrl,
             QUrl(QStringLiteral("https://leadgen.grinfi.io")));
    QCOMPARE(SyncSetup::defaultBaseUrl(QStringLiteral("grinfi")), QUrl(QStringLiteral("https://leadgen.grinfi.io")));

    SyncFixture f(QStringLiteral("grinfi"), scaleFor(QStringLiteral("getsales")));
    f.addContacts(0, 3);
    SyncReport report = f.sync(true, true);
    QVERIFY2(report.ok(), qPrintable(dump(report)));
    QCOMPARE(report.pushed.created, 3);
    QCOMPARE(f.emulator().recordCount(), 3);
}

QTEST_GUILESS_MAIN(TestSyncSpecifics)
#include "tst_syncspecifics.moc"
