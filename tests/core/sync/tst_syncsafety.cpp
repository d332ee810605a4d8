#include "SyncMergeHelpers.h"
#include "store/StoreSettings.h"
#include "store/SyncConflictStore.h"
#include "sync/ConflictResolver.h"
#include "sync/Provider.h"
#include "sync/SyncFingerprint.h"

using namespace roster;
using namespace roster::test;

// Issue 6 against the emulators: what keeps a sync from doing harm: the overwrite guard, dry runs, the
// pull schedule (incremental, refused filters), deletions on either side, and retrying chosen contacts.
class TestSyncSafety : public QObject
{
    Q_OBJECT

private slots:
    void guardStopsMassOverwrite();
    void dryRunChangesNothing();
    void refusedFilterFallsBackToFullScan();
    void incrementalReadsOnlyRecentChanges_data();
    void incrementalReadsOnlyRecentChanges();
    void remoteDeletionWaitsForUser_data();
    void remoteDeletionWaitsForUser();
    void localDeletionNeedsOptionAndConfirmation();
    void onlyContactsPushesThoseOnly();
};

void TestSyncSafety::guardStopsMassOverwrite()
{
    SyncFixture f(QStringLiteral("lemlist"), scaleFor(QStringLiteral("lemlist")));
    f.addContacts(0, 20);
    QVERIFY(f.sync(true, true).ok());
    // 3 of 20: below the guard's minimum, goes.
    for (int i = 0; i < 3; ++i)
        editLocally(f, i, Field::JobTitle, QStringLiteral("Small"));
    SyncReport small = f.sync(true, true);
    QCOMPARE(small.pushed.updated, 3);
    QCOMPARE(small.state, QStringLiteral("done"));
    // 10 of 20 (50% > 20%): held, nothing sent, said so per record.
    for (int i = 0; i < 10; ++i)
        editLocally(f, i, Field::JobTitle, QStringLiteral("Mass"));
    f.addContacts(20, 1); // a create overwrites nothing: it still goes
    SyncReport held = f.sync(true, true);
    QCOMPARE(held.state, QStringLiteral("waiting for confirmation"));
    QCOMPARE(held.pushed.updated, 0);
    QCOMPARE(held.pushed.created, 1);
    QCOMPARE(held.skipped.size(), 10);
    QCOMPARE(held.skipped.first().code, ErrorCode::NeedsConfirmation);
    QVERIFY(!held.skipped.first().heldDeletion);
    QCOMPARE(held.toJson().value(QStringLiteral("skipped")).toInt(), 10);
    QVERIFY(!f.remoteText().contains(QStringLiteral("Mass")));
    SyncJob::Options yes;
    yes.confirmed = true;
    SyncReport confirmed = f.sync(yes);
    QCOMPARE(confirmed.state, QStringLiteral("done"));
    QCOMPARE(confirmed.pushed.updated, 10);
    QCOMPARE(f.remoteText().count(QStringLiteral("Mass")), 10);
}

void TestSyncSafety::dryRunChangesNothing()
{
    SyncFixture f(QStringLiteral("highlevel"), scaleFor(QStringLiteral("highlevel")));
    f.addContacts(0, 4);
    QVERIFY(f.sync(true, true).ok());
    QTest::qWait(20);
    editLocally(f, 0, Field::FirstName, QStringLiteral("Here"));
    editLocally(f, 1, Field::City, QStringLiteral("Lyon"));
    editRemotely(f, 0, QStringLiteral("There"));
    editRemotely(f, 2, QStringLiteral("Renamed"));
    f.addContacts(10, 1);
    const QString remoteBefore = f.remoteText();
    auto localState = [&f] {
        QStringList rows;
        [[maybe_unused]] auto ok = f.session().contacts().forEach([&rows](const Contact& c) {
            rows << SyncFingerprint::snapshot(c) + c.updatedAt.toString(Qt::ISODateWithMs);
            return true;
        });
        RemoteLinkStore links(f.session().database());
        [[maybe_unused]] auto prepared = links.prepare();
        const QHash<qint64, RemoteLink> all = links.links(f.account().id).value_or(QHash<qint64, RemoteLink> {});
        for (const RemoteLink& l : all)
            rows << QString::number(l.contactId) + l.remoteId + l.syncedHash + l.snapshot;
        rows << QString::number(*SyncConflictStore(f.session().database()).openCount());
        rows << links.pullWatermark(f.account().id)->toString(Qt::ISODateWithMs);
        rows.sort();
        return rows;
    };
    const QStringList localBefore = localState();
    const int upsertsBefore = f.emulator().requestCount(QStringLiteral("upsert"));

    SyncJob::Options dry;
    dry.dryRun = true;
    SyncReport plan = f.sync(dry);
    QVERIFY2(plan.ok(), qPrintable(dump(plan)));
    QCOMPARE(f.remoteText(), remoteBefore);
    QCOMPARE(localState(), localBefore);
    QCOMPARE(f.emulator().requestCount(QStringLiteral("upsert")), upsertsBefore);
    QCOMPARE(plan.runId, 0);
    // The plan says per record what would change, before and after.
    const QJsonObject json = plan.toJson();
    QVERIFY(json.value(QStringLiteral("dry_run")).toBool());
    QHash<QString, int> actions;
    bool cityPlanned = false;
    for (const SyncReport::PlanEntry& e : plan.plan) {
        ++actions[e.direction + QLatin1Char(' ') + e.action];
        for (const auto& c : e.changes) {
            if (e.direction == QLatin1String("push") && c.field == QLatin1String("city"))
                cityPlanned = c.before.isNull() && c.after == QJsonValue(QStringLiteral("Lyon"));
        }
    }
    QVERIFY2(cityPlanned, qPrintable(dump(plan)));
    QCOMPARE(actions.value(QStringLiteral("pull conflict")), 1);
    QCOMPARE(actions.value(QStringLiteral("pull update")), 1);
    QCOMPARE(actions.value(QStringLiteral("push create")), 1);
    QCOMPARE(plan.conflicts, 1);
    // The real run then does what the plan said.
    SyncReport real = f.sync(true, true);
    QCOMPARE(real.conflicts, 1);
    QCOMPARE(real.pushed.created, 1);
    QCOMPARE(localValue(f, 2, Field::FirstName), QStringLiteral("Renamed"));
}

void TestSyncSafety::refusedFilterFallsBackToFullScan()
{
    for (const QString& provider :
         {QStringLiteral("getsales"), QStringLiteral("monaco"), QStringLiteral("highlevel")}) {
        SyncFixture f(provider, scaleFor(provider));
        QVERIFY(f.emulator().applyConfig({{QStringLiteral("updatedFilterSupported"), false}}).isEmpty());
        f.addContacts(0, 3);
        QVERIFY(f.sync(true, true).ok());
        QVERIFY(f.sync(true, true).ok()); // dates the watermark
        editRemotely(f, 2, QStringLiteral("Remotely"));
        SyncReport report = f.sync(true, true);
        QVERIFY2(report.ok(), qPrintable(dump(report)));
        QVERIFY(!report.incremental);
        QCOMPARE(report.warnings.size(), 1);
        QCOMPARE(report.warnings.first().code, ErrorCode::UnsupportedByProvider);
        QCOMPARE(localValue(f, 2, Field::FirstName), QStringLiteral("Remotely"));
        // Remembered: the next pulls scan fully without asking again (and without the warning).
        SyncReport next = f.sync(true, true);
        QVERIFY(!next.incremental);
        QVERIFY(next.warnings.isEmpty());
    }
}

void TestSyncSafety::incrementalReadsOnlyRecentChanges_data()
{
    QTest::addColumn<QString>("provider");
    for (const char* name : {"getsales", "highlevel", "monaco"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestSyncSafety::incrementalReadsOnlyRecentChanges()
{
    QFETCH(QString, provider);
    SyncFixture f(provider, scaleFor(provider));
    f.addContacts(0, 12);
    QVERIFY(f.sync(true, true).ok());
    QVERIFY(f.sync(true, true).ok());
    // A watermark past the overlap of every record: an incremental pull reads none of them.
    RemoteLinkStore links(f.session().database());
    QVERIFY(links.prepare());
    const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(SyncJob::kWatermarkOverlapSecs + 60);
    QVERIFY(links.setPullWatermark(f.account().id, later));
    SyncReport incremental = f.sync(true, true);
    QVERIFY2(incremental.ok(), qPrintable(dump(incremental)));
    QVERIFY(incremental.incremental);
    QCOMPARE(incremental.pulled.unchanged + incremental.pulled.updated, 0);
    QCOMPARE(*links.pullWatermark(f.account().id), later); // nothing newer seen: it stays
    // A full scan reads them all again, and only a full scan could conclude remote deletions.
    SyncJob::Options full;
    full.fullScan = true;
    SyncReport scan = f.sync(full);
    QVERIFY(!scan.incremental);
    QCOMPARE(scan.pulled.unchanged, 12);
    // And one runs by itself once the last is a day old, since only a full scan sees remote deletions.
    QVERIFY(f.sync(true, true).incremental);
    const QString key = QStringLiteral("sync/last_full_scan/%1").arg(f.account().id);
    QVERIFY(StoreSettings(f.session().database())
                .setValue(key, QDateTime::currentDateTimeUtc().addDays(-2).toString(Qt::ISODateWithMs)));
    SyncReport due = f.sync(true, true);
    QVERIFY(!due.incremental);
    QCOMPARE(due.pulled.unchanged, 12);
    QVERIFY(f.sync(true, true).incremental);
}

void TestSyncSafety::remoteDeletionWaitsForUser_data()
{
    QTest::addColumn<QString>("keep");
    QTest::newRow("accept: delete here too") << QStringLiteral("remote");
    QTest::newRow("dismiss: send it again") << QStringLiteral("local");
}

void TestSyncSafety::remoteDeletionWaitsForUser()
{
    QFETCH(QString, keep);
    SyncFixture f(QStringLiteral("lemlist"), scaleFor(QStringLiteral("lemlist")));
    f.addContacts(0, 3);
    QVERIFY(f.sync(true, true).ok());
    QVERIFY(f.emulator().removeRecord(remoteIdOf(f, 1)));
    SyncReport report = f.sync(true, true);
    QCOMPARE(report.remoteDeletions, 1);
    auto pending = SyncConflictStore(f.session().database()).pendingDeletions(f.account().id);
    QCOMPARE(pending->size(), 1);
    QCOMPARE(pending->first().contactId, contactId(f, 1));
    QVERIFY(f.session().contacts().contact(contactId(f, 1))); // never applied blindly
    // A local edit does not bring the record back behind the user's back.
    editLocally(f, 1, Field::JobTitle, QStringLiteral("Ghost"));
    SyncReport again = f.sync(true, true);
    QCOMPARE(f.emulator().recordCount(), 2);
    QCOMPARE(again.skipped.size(), 1);
    QCOMPARE(again.skipped.first().code, ErrorCode::RemoteDeletionPending);

    const qint64 contact = contactId(f, 1);
    QVERIFY(ConflictResolver(f.session()).settleDeletion(pending->first().id, keep));
    QCOMPARE(SyncConflictStore(f.session().database()).pendingDeletions()->size(), 0);
    QVERIFY(!ConflictResolver(f.session()).settleDeletion(pending->first().id, keep)); // settled already
    SyncReport settled = f.sync(true, true);
    QVERIFY2(settled.ok(), qPrintable(dump(settled)));
    if (keep == QLatin1String("remote")) {
        QVERIFY(!f.session().contacts().contact(contact));
        QCOMPARE(f.emulator().recordCount(), 2);
        QVERIFY(f.session().undo().undo()); // undoable like any deletion
        QVERIFY(f.session().contacts().contact(contact));
    } else {
        QVERIFY(f.session().contacts().contact(contact));
        QCOMPARE(settled.pushed.created, 1);
        QCOMPARE(f.emulator().recordCount(), 3);
        QVERIFY(f.remoteText().contains(QStringLiteral("Ghost")));
    }
    QCOMPARE(settled.remoteDeletions, 0);
}

void TestSyncSafety::localDeletionNeedsOptionAndConfirmation()
{
    SyncFixture f(QStringLiteral("monaco"), scaleFor(QStringLiteral("monaco")));
    f.addContacts(0, 3);
    QVERIFY(f.sync(true, true).ok());
    QVERIFY(f.session().engine().remove({contactId(f, 0)}, {QStringLiteral("manual"), {}}));
    SyncReport without = f.sync(true, true);
    QCOMPARE(f.emulator().recordCount(), 3); // the account does not allow remote deletions
    QCOMPARE(without.state, QStringLiteral("done"));
    f.account().options.insert(QStringLiteral("delete_remote"), QStringLiteral("true"));
    SyncReport held = f.sync(true, true);
    QCOMPARE(held.state, QStringLiteral("waiting for confirmation"));
    QCOMPARE(held.skipped.size(), 1);
    QCOMPARE(held.skipped.first().code, ErrorCode::NeedsConfirmation);
    QVERIFY(held.skipped.first().heldDeletion); // the panel counts it as a deletion, not an overwrite
    QCOMPARE(f.emulator().recordCount(), 3);
    SyncJob::Options yes;
    yes.confirmed = true;
    SyncReport confirmed = f.sync(yes);
    QVERIFY2(confirmed.ok(), qPrintable(dump(confirmed)));
    QCOMPARE(confirmed.pushedDeletions, 1);
    QCOMPARE(f.emulator().recordCount(), 2);
    QCOMPARE(f.sync(yes).pushedDeletions, 0);
}

void TestSyncSafety::onlyContactsPushesThoseOnly()
{
    SyncFixture f(QStringLiteral("lemlist"), scaleFor(QStringLiteral("lemlist")));
    f.addContacts(0, 4);
    SyncJob::Options only;
    only.onlyContacts = {contactId(f, 1), contactId(f, 3)};
    SyncReport report = f.sync(only);
    QVERIFY2(report.ok(), qPrintable(dump(report)));
    QCOMPARE(report.pushed.created, 2);
    QCOMPARE(f.emulator().recordCount(), 2);
    QCOMPARE(f.emulator().requestCount(QStringLiteral("list")), 0);
}

QTEST_GUILESS_MAIN(TestSyncSafety)
#include "tst_syncsafety.moc"
