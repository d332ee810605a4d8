#include "LemlistEmulator.h"
#include "SyncMergeHelpers.h"
#include "store/SyncConflictStore.h"
#include "sync/FieldValues.h"
#include "sync/lemlist/LemlistProvider.h"

using namespace roster;
using namespace roster::test;

// Issue 14, part 4: a full lemlist pull of a large account reads the CSV export (GET /contacts/export) in
// one request instead of its pages, and ends with the same local contacts; an export refused or cut
// falls back to paging with a warning, and never concludes a remote deletion by itself.
class TestSyncExport : public QObject
{
    Q_OBJECT

private slots:
    void exportEndsLikePaging_data();
    void exportEndsLikePaging();
    void refusedExportFallsBackToPaging_data();
    void refusedExportFallsBackToPaging();
    void truncatedExportConcludesNoDeletion_data();
    void truncatedExportConcludesNoDeletion();
    void smallAccountPagesUnderTheThreshold();
};

namespace {

constexpr int kContacts = 35;
constexpr int kPageSize = 10;

emulator::LemlistEmulator& lemlist(SyncFixture& f)
{
    return static_cast<emulator::LemlistEmulator&>(f.emulator());
}

// The same remote data on any fixture: commas, quotes and line breaks inside values, extra emails, a
// custom field, and contacts lacking some fields.
void seedRemote(SyncFixture& f)
{
    QCOMPARE(f.emulator().registerCustomFields(
                 QJsonArray {QJsonObject {{"name", "score"}, {"label", "Score"}, {"type", "text"}}}),
             QString());
    for (int i = 0; i < kContacts; ++i) {
        QJsonObject body {{"email", QStringLiteral("u%1@example.com").arg(i)},
                          {"firstName", QStringLiteral("First%1").arg(i)},
                          {"lastName", QStringLiteral("Last, %1").arg(i)},
                          {"linkedinUrl", QStringLiteral("https://www.linkedin.com/in/user-%1").arg(i)}};
        if (i % 3 == 0)
            body.insert("jobTitle", QStringLiteral("CEO \"founder\""));
        if (i % 4 == 0)
            body.insert("summary", QStringLiteral("line one\nline two of %1").arg(i));
        if (i % 5 == 0)
            body.insert("additionalEmails", QJsonArray {QStringLiteral("alt%1@example.com").arg(i)});
        if (i % 2 == 0)
            body.insert("score", QStringLiteral("s-%1").arg(i));
        if (i % 7 == 0)
            body.insert("phone", QStringLiteral("+3361234567%1").arg(i % 10));
        QVERIFY(!f.emulator().seedContact(body).isEmpty());
    }
}

SyncJob::Options pullOnly()
{
    SyncJob::Options options;
    options.push = false;
    options.pull = true;
    options.fullScan = true;
    options.pageSize = kPageSize;
    return options;
}

// Every local contact as JSON of its synced fields, sorted: what a pull left behind.
QStringList localContacts(SyncFixture& f)
{
    QStringList out;
    [[maybe_unused]] auto ok = f.session().contacts().forEach([&](const Contact& c) {
        const FieldMap map = FieldValues::fromContact(c);
        QJsonObject object;
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            object.insert(it.key(), it.value());
        out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
        return true;
    });
    out.sort();
    return out;
}

int pendingDeletions(SyncFixture& f)
{
    SyncConflictStore store(f.session().database());
    return static_cast<int>(store.pendingDeletions(f.account().id).value_or(QList<RemoteDeletion> {}).size());
}

bool warnsOfRefusal(const SyncReport& report)
{
    for (const SyncReport::Issue& w : report.warnings) {
        if (w.message.contains(QLatin1String("bulk export was refused")))
            return true;
    }
    return false;
}

void useExport(SyncFixture& f, const QString& mode)
{
    f.account().options.insert(LemlistProvider::bulkExportOption(), mode);
}

} // namespace

void TestSyncExport::exportEndsLikePaging_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("read-shape headers") << QStringLiteral("csv");
    QTest::newRow("human headers") << QStringLiteral("human");
}

void TestSyncExport::exportEndsLikePaging()
{
    QFETCH(QString, format);
    SyncFixture paged(QStringLiteral("lemlist"), 0.05);
    SyncFixture bulk(QStringLiteral("lemlist"), 0.05);
    seedRemote(paged);
    seedRemote(bulk);
    useExport(paged, QStringLiteral("never"));
    useExport(bulk, QStringLiteral("always"));
    lemlist(bulk).setExportFormat(format);

    const SyncReport pagedReport = paged.sync(pullOnly());
    QVERIFY2(pagedReport.ok(), qPrintable(dump(pagedReport)));
    const SyncReport bulkReport = bulk.sync(pullOnly());
    QVERIFY2(bulkReport.ok(), qPrintable(dump(bulkReport)));
    QVERIFY(!warnsOfRefusal(bulkReport));

    QCOMPARE(paged.emulator().requestCount(QStringLiteral("export")), 0);
    QCOMPARE(paged.emulator().requestCount(QStringLiteral("list")), (kContacts + kPageSize - 1) / kPageSize);
    QCOMPARE(bulk.emulator().requestCount(QStringLiteral("export")), 1);
    QCOMPARE(bulk.emulator().requestCount(QStringLiteral("list")), 1); // the first page, for its total

    const QStringList expected = localContacts(paged);
    QCOMPARE(expected.size(), kContacts);
    QVERIFY(expected.join(QString()).contains(QStringLiteral("line one\\nline two")));
    QVERIFY(expected.join(QString()).contains(QStringLiteral("s-4")));
    QVERIFY(expected.join(QString()).contains(QStringLiteral("alt5@example.com")));
    QCOMPARE(localContacts(bulk), expected);
}

void TestSyncExport::refusedExportFallsBackToPaging_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("format");
    QTest::addColumn<double>("truncateAt");
    QTest::addColumn<int>("exportRequests");

    QTest::newRow("403") << 403 << QStringLiteral("csv") << 0.0 << 1;
    QTest::newRow("404") << 404 << QStringLiteral("csv") << 0.0 << 1;
    QTest::newRow("405") << 405 << QStringLiteral("csv") << 0.0 << 1;
    QTest::newRow("200 but JSON") << 0 << QStringLiteral("json") << 0.0 << 1;
    QTest::newRow("cut in a row") << 0 << QStringLiteral("csv") << 0.61 << 1;
    QTest::newRow("cut early") << 0 << QStringLiteral("csv") << 0.05 << 1;
    // Retried by the transport as any 5xx (6 attempts in the fixture), then given up for paging.
    QTest::newRow("500 every time") << 500 << QStringLiteral("csv") << 0.0 << 6;
}

void TestSyncExport::refusedExportFallsBackToPaging()
{
    QFETCH(int, status);
    QFETCH(QString, format);
    QFETCH(double, truncateAt);
    QFETCH(int, exportRequests);
    SyncFixture paged(QStringLiteral("lemlist"), 0.05);
    SyncFixture f(QStringLiteral("lemlist"), 0.05);
    seedRemote(paged);
    seedRemote(f);
    useExport(paged, QStringLiteral("never"));
    useExport(f, QStringLiteral("always"));
    lemlist(f).setExportStatus(status);
    lemlist(f).setExportFormat(format);
    lemlist(f).setExportTruncateAt(truncateAt);

    QVERIFY(paged.sync(pullOnly()).ok());
    const SyncReport report = f.sync(pullOnly());
    QVERIFY2(report.ok(), qPrintable(dump(report)));
    QVERIFY2(warnsOfRefusal(report), qPrintable(dump(report)));
    QCOMPARE(f.emulator().requestCount(QStringLiteral("export")), exportRequests);
    // The first page served for its total is kept and paging goes on from it.
    QCOMPARE(f.emulator().requestCount(QStringLiteral("list")), (kContacts + kPageSize - 1) / kPageSize);
    QCOMPARE(localContacts(f), localContacts(paged));
}

void TestSyncExport::truncatedExportConcludesNoDeletion_data()
{
    QTest::addColumn<double>("truncateAt");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("deletions");

    // Paging is broken in both rows (the server ignores offsets), so only the export can end the scan.
    QTest::newRow("whole export proves the deletion") << 0.0 << true << 1;
    QTest::newRow("cut export proves nothing") << 0.7 << false << 0;
}

void TestSyncExport::truncatedExportConcludesNoDeletion()
{
    QFETCH(double, truncateAt);
    QFETCH(bool, ok);
    QFETCH(int, deletions);
    SyncFixture f(QStringLiteral("lemlist"), 0.05);
    seedRemote(f);
    useExport(f, QStringLiteral("never"));
    const SyncReport first = f.sync(pullOnly());
    QVERIFY2(first.ok(), qPrintable(dump(first)));
    QCOMPARE(pendingDeletions(f), 0);

    QVERIFY(f.emulator().removeRecord(remoteIdOf(f, kContacts - 1)));
    f.emulator().faults().setIgnorePaging(true);
    useExport(f, QStringLiteral("always"));
    lemlist(f).setExportTruncateAt(truncateAt);
    const SyncReport second = f.sync(pullOnly());
    QCOMPARE(second.ok(), ok);
    if (!ok) {
        QVERIFY(warnsOfRefusal(second));
        QVERIFY2(dump(second).contains(QLatin1String("IncompleteScan")), qPrintable(dump(second)));
    }
    QCOMPARE(pendingDeletions(f), deletions);
}

void TestSyncExport::smallAccountPagesUnderTheThreshold()
{
    // "auto": 35 contacts are far under the threshold, so the pull pages and never asks for the export.
    SyncFixture f(QStringLiteral("lemlist"), 0.05);
    seedRemote(f);
    const SyncReport report = f.sync(pullOnly());
    QVERIFY2(report.ok(), qPrintable(dump(report)));
    QCOMPARE(f.emulator().requestCount(QStringLiteral("export")), 0);
    QCOMPARE(localContacts(f).size(), kContacts);

    // A threshold under the account's size switches it over.
    useExport(f, QStringLiteral("20"));
    const SyncReport again = f.sync(pullOnly());
    QVERIFY2(again.ok(), qPrintable(dump(again)));
    QCOMPARE(f.emulator().requestCount(QStringLiteral("export")), 1);
}

QTEST_GUILESS_MAIN(TestSyncExport)
#include "tst_syncexport.moc"
