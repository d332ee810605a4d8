#include "SyncMergeHelpers.h"
#include "store/SyncConflictStore.h"
#include "sync/Provider.h"

using namespace roster;
using namespace roster::test;

// Issue 13 against the emulators: a pull trusts no reply further than PROVIDERS.md §7 allows. Absent
// fields are unknown, a mass change from the CRM side waits for confirmation, a scan that cannot prove it
// reached the end says so (IncompleteScan) and concludes no deletion, and an error body is an error.
class TestSyncPull : public QObject
{
    Q_OBJECT

private slots:
    void absentFieldsKeepLocalValues_data();
    void absentFieldsKeepLocalValues();
    void massClearFromCrmWaitsForConfirmation_data();
    void massClearFromCrmWaitsForConfirmation();
    void endlessListIsIncomplete_data();
    void endlessListIsIncomplete();
    void errorBodyIsAnError_data();
    void errorBodyIsAnError();
    void listReplyWithoutRecordsIsAnError_data();
    void listReplyWithoutRecordsIsAnError();
};

namespace {

// Linked contacts u0..u<count-1> with every field the tests look at, synced twice so the second pull has
// read the records back and the links have snapshots.
void linkedContacts(SyncFixture& f, int count)
{
    QCOMPARE(f.emulator().registerCustomFields(
                 QJsonArray {QJsonObject {{"name", "score"}, {"key", "score"}, {"label", "score"}, {"type", "text"}}}),
             QString());
    for (int i = 0; i < count; ++i) {
        // Phones differ: HighLevel matches by phone as well as by email.
        f.addContacts(i, 1,
                      {{QStringLiteral("job_title"), QStringLiteral("CEO")},
                       {QStringLiteral("phone"), QStringLiteral("+3361234567%1").arg(i)},
                       {QStringLiteral("address1"), QStringLiteral("1 rue de la Paix")},
                       {QStringLiteral("city"), QStringLiteral("Lyon")},
                       {QStringLiteral("custom.score"), QStringLiteral("s-%1").arg(i)}});
    }
    SyncReport first = f.sync(true, true);
    QVERIFY2(first.ok(), qPrintable(dump(first)));
    SyncReport second = f.sync(true, true);
    QVERIFY2(second.ok(), qPrintable(dump(second)));
}

SyncJob::Options fullPull()
{
    SyncJob::Options options;
    options.push = false;
    options.pull = true;
    options.fullScan = true;
    return options;
}

int pendingDeletions(SyncFixture& f)
{
    SyncConflictStore store(f.session().database());
    return static_cast<int>(store.pendingDeletions(f.account().id).value_or(QList<RemoteDeletion> {}).size());
}

QString customValue(SyncFixture& f, int i)
{
    const auto c = f.session().contacts().contact(contactId(f, i));
    return c ? c->custom.value(QStringLiteral("score")) : QString();
}

QString fieldName(Field field)
{
    return FieldRegistry::name(field);
}

} // namespace

void TestSyncPull::absentFieldsKeepLocalValues_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QList<Field>>("kept"); // fields the sparse rows omit
    // lemlist: a row without `fields`; GetSales: no `domain` nor custom fields, as the read schema;
    // HighLevel: `address` instead of `address1`; Monaco: no title, phone nor custom fields. A custom field
    // ("score", defined on every CRM) is checked on all four.
    QTest::newRow("lemlist") << QStringLiteral("lemlist")
                             << QList<Field> {Field::FirstName, Field::LastName, Field::JobTitle, Field::Phone};
    QTest::newRow("getsales") << QStringLiteral("getsales") << QList<Field> {Field::CompanyDomain};
    QTest::newRow("highlevel") << QStringLiteral("highlevel") << QList<Field> {Field::Address1};
    QTest::newRow("monaco") << QStringLiteral("monaco") << QList<Field> {Field::JobTitle, Field::Phone};
}

// A key the reply lacks never clears a local value, and the next push has nothing to restore.
void TestSyncPull::absentFieldsKeepLocalValues()
{
    QFETCH(QString, provider);
    QFETCH(QList<Field>, kept);
    SyncFixture f(provider, scaleFor(provider));
    linkedContacts(f, 2);
    QHash<Field, QString> before;
    for (Field field : kept) {
        before.insert(field, localValue(f, 1, field));
        QVERIFY2(!before.value(field).isEmpty(), qPrintable(fieldName(field)));
    }
    QCOMPARE(customValue(f, 1), QStringLiteral("s-1"));
    f.emulator().faults().setSparseRows(true);
    SyncReport report = f.sync(fullPull());
    QVERIFY2(report.ok(), qPrintable(dump(report)));
    QCOMPARE(report.pulled.updated, 0);
    QCOMPARE(report.conflicts, 0);
    QCOMPARE(report.remoteDeletions, 0);
    for (Field field : kept)
        QVERIFY2(localValue(f, 1, field) == before.value(field), qPrintable(fieldName(field)));
    QCOMPARE(customValue(f, 1), QStringLiteral("s-1"));
    f.emulator().faults().setSparseRows(false);
    SyncReport next = f.sync(true, true);
    QVERIFY2(next.ok(), qPrintable(dump(next)));
    QCOMPARE(next.pushed.updated + next.pulled.updated, 0);
    for (Field field : kept)
        QVERIFY2(localValue(f, 1, field) == before.value(field), qPrintable(fieldName(field)));
}

void TestSyncPull::massClearFromCrmWaitsForConfirmation_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("wireKey"); // the first name on the wire
    QTest::addColumn<QString>("remoteValue"); // what the CRM now says; empty: an explicit null
    const QList<std::pair<const char*, const char*>> keys {
        {"lemlist", "firstName"}, {"getsales", "first_name"}, {"highlevel", "firstName"}, {"monaco", "first_name"}};
    for (const auto& [name, key] : keys) {
        QTest::addRow("%s cleared", name) << QString::fromLatin1(name) << QString::fromLatin1(key) << QString();
        QTest::addRow("%s overwritten", name)
            << QString::fromLatin1(name) << QString::fromLatin1(key) << QStringLiteral("Renamed");
    }
}

// The CRM explicitly empties (or rewrites) the first name of 5 of 6 linked contacts: more than the guard
// share (20%), so the pull holds them for confirmation, as the push guard does; --yes lets them through.
void TestSyncPull::massClearFromCrmWaitsForConfirmation()
{
    QFETCH(QString, provider);
    QFETCH(QString, wireKey);
    QFETCH(QString, remoteValue);
    SyncFixture f(provider, scaleFor(provider));
    linkedContacts(f, 6);
    const QJsonValue now = remoteValue.isEmpty() ? QJsonValue() : QJsonValue(remoteValue);
    for (int i = 0; i < 5; ++i) {
        QVERIFY(f.emulator().editRecord(remoteIdOf(f, i), [&](QJsonObject& record) {
            if (record.contains(wireKey))
                record.insert(wireKey, now);
            QJsonObject fields = record.value(QLatin1String("fields")).toObject();
            if (fields.contains(wireKey)) {
                fields.insert(wireKey, now);
                record.insert(QStringLiteral("fields"), fields);
            }
        }));
    }
    SyncReport held = f.sync(fullPull());
    QCOMPARE(held.state, QStringLiteral("waiting for confirmation"));
    QCOMPARE(held.pulled.updated, 0);
    QCOMPARE(held.skipped.size(), 5);
    QCOMPARE(held.skipped.first().code, ErrorCode::NeedsConfirmation);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(localValue(f, i, Field::FirstName), QStringLiteral("First%1").arg(i));

    SyncJob::Options yes = fullPull();
    yes.confirmed = true;
    SyncReport confirmed = f.sync(yes);
    QVERIFY2(confirmed.ok(), qPrintable(dump(confirmed)));
    QCOMPARE(confirmed.state, QStringLiteral("done"));
    QCOMPARE(confirmed.pulled.updated, 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(localValue(f, i, Field::FirstName), remoteValue);
    QCOMPARE(localValue(f, 5, Field::FirstName), QStringLiteral("First5"));
}

void TestSyncPull::endlessListIsIncomplete_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<bool>("ignorePaging");
    QTest::addColumn<bool>("moreForever");
    for (const char* name : {"lemlist", "getsales", "highlevel", "monaco"}) {
        const QString provider = QString::fromLatin1(name);
        QTest::addRow("%s ignores paging", name) << provider << true << false;
        QTest::addRow("%s has more forever", name) << provider << false << true;
        QTest::addRow("%s both", name) << provider << true << true;
    }
}

// A server that ignores paging or always has more: the scan stops by itself, reports IncompleteScan, and
// takes none of the records it did not see for deleted.
void TestSyncPull::endlessListIsIncomplete()
{
    QFETCH(QString, provider);
    QFETCH(bool, ignorePaging);
    QFETCH(bool, moreForever);
    SyncFixture f(provider, scaleFor(provider));
    linkedContacts(f, 5);
    f.emulator().faults().setIgnorePaging(ignorePaging);
    f.emulator().faults().setMoreForever(moreForever);
    f.setCancelAfter(20000);
    SyncJob::Options options = fullPull();
    options.pageSize = 2;
    SyncReport report = f.sync(options);
    QVERIFY2(report.fatal.has_value(), qPrintable(dump(report)));
    QCOMPARE(errorCodeName(report.fatal->code), QStringLiteral("IncompleteScan"));
    QCOMPARE(report.state, QStringLiteral("failed"));
    QCOMPARE(report.remoteDeletions, 0);
    QCOMPARE(pendingDeletions(f), 0);
    QVERIFY2(report.transport.requests < 20, qPrintable(dump(report)));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(localValue(f, i, Field::FirstName), QStringLiteral("First%1").arg(i));
}

void TestSyncPull::errorBodyIsAnError_data()
{
    addProviders();
}

// A 200 with {"success": false, "error": ...} is not an empty list: the pull fails and nothing is taken for
// deleted on the CRM.
void TestSyncPull::errorBodyIsAnError()
{
    QFETCH(QString, provider);
    SyncFixture f(provider, scaleFor(provider));
    linkedContacts(f, 3);
    f.emulator().faults().setErrorBody(true);
    SyncReport report = f.sync(fullPull());
    QVERIFY2(!report.ok(), qPrintable(dump(report)));
    QVERIFY(report.fatal.has_value());
    QCOMPARE(report.state, QStringLiteral("failed"));
    QCOMPARE(report.remoteDeletions, 0);
    QCOMPARE(pendingDeletions(f), 0);
    QCOMPARE(f.session().contacts().count(), 3);
}

void TestSyncPull::listReplyWithoutRecordsIsAnError_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    for (const char* name : {"lemlist", "getsales", "highlevel", "monaco"}) {
        const QString provider = QString::fromLatin1(name);
        QTest::addRow("%s no array", name) << provider << 200 << QByteArray(R"({"total": 0})");
        QTest::addRow("%s success false", name)
            << provider << 200 << QByteArray(R"({"success": false, "error": {"code": "X", "message": "down"}})");
        QTest::addRow("%s error object", name)
            << provider << 200 << QByteArray(R"({"error": {"reason": "bad_request", "message": "down"}})");
        QTest::addRow("%s error with array", name)
            << provider << 200 << QByteArray(R"({"success": false, "data": [], "contacts": [], "error": "down"})");
    }
}

// Checked on the adapters directly: whatever the status, a list reply without its records array or with an
// error body is an error, never an empty page.
void TestSyncPull::listReplyWithoutRecordsIsAnError()
{
    QFETCH(QString, provider);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    ProviderOptions options;
    options.values.insert(QStringLiteral("location_id"), QStringLiteral("loc"));
    options.values.insert(QStringLiteral("list_uuid"), QStringLiteral("list"));
    auto adapter = Provider::create(provider, options);
    QVERIFY(adapter);
    const HttpResponse response = HttpResponse::json(status, body);
    const auto page = adapter->parseListReply(ListQuery {}, response);
    QVERIFY2(!page, page ? "parsed as a page" : "");
}

QTEST_GUILESS_MAIN(TestSyncPull)
#include "tst_syncpull.moc"
