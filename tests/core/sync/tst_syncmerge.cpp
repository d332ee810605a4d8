#include "SyncFixture.h"
#include "store/RemoteLinkStore.h"
#include "store/StoreSettings.h"
#include "store/SyncConflictStore.h"
#include "sync/ConflictResolver.h"
#include "sync/Provider.h"
#include "sync/SyncFingerprint.h"

using namespace roster;
using namespace roster::test;

Q_DECLARE_METATYPE(roster::Field)

// Issue 6 against the emulators: remote changes pulled and merged, conflicts held and resolved, the
// guards, dry runs, incremental pulls and deletions.
class TestSyncMerge : public QObject
{
    Q_OBJECT

private slots:
    void remoteChangePulled_data();
    void remoteChangePulled();
    void remoteClearPulled_data();
    void remoteClearPulled();
    void remoteClearAgainstLocalChangeConflicts();
    void localClearIsNotUndoneByTheCrm_data();
    void localClearIsNotUndoneByTheCrm();
    void conflictInboxAndResolution_data();
    void conflictInboxAndResolution();
    void policySettlesConflict();
    void firstPairingAsks();
    void guardStopsMassOverwrite();
    void dryRunChangesNothing();
    void refusedFilterFallsBackToFullScan();
    void incrementalReadsOnlyRecentChanges_data();
    void incrementalReadsOnlyRecentChanges();
    void remoteDeletionWaitsForUser_data();
    void remoteDeletionWaitsForUser();
    void localDeletionNeedsOptionAndConfirmation();
    void onlyContactsPushesThoseOnly();

private:
    static double scaleFor(const QString& provider)
    {
        return provider == QLatin1String("monaco") ? 0.002 : provider == QLatin1String("getsales") ? 0.02 : 0.05;
    }
    static void addProviders()
    {
        QTest::addColumn<QString>("provider");
        for (const char* name : {"lemlist", "getsales", "highlevel", "monaco"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
};

namespace {

qint64 contactId(SyncFixture& f, int i)
{
    qint64 found = 0;
    [[maybe_unused]] auto ok = f.session().contacts().forEach([&](const Contact& c) {
        if (c.value(Field::Email) == QStringLiteral("u%1@example.com").arg(i))
            found = c.id;
        return found == 0;
    });
    return found;
}

QString localValue(SyncFixture& f, int i, Field field)
{
    const auto c = f.session().contacts().contact(contactId(f, i));
    return c ? c->value(field) : QString();
}

void editLocally(SyncFixture& f, int i, Field field, const QString& value)
{
    ContactPatch p;
    p.setContactId(contactId(f, i));
    p.set(field, value);
    auto r = f.session().engine().upsert(p, UpsertPolicies::local(), {QStringLiteral("manual"), {}});
    QVERIFY(r && r->status == UpsertResult::Status::Updated);
}

// Someone edits contact u<i> in the CRM: the same upsert the adapter would send, applied directly.
void editRemotely(SyncFixture& f, int i, const QString& firstName)
{
    Contact c;
    c.setValue(Field::FirstName, firstName);
    c.setValue(Field::Email, QStringLiteral("u%1@example.com").arg(i));
    c.setValue(Field::LinkedinUrl, QStringLiteral("https://www.linkedin.com/in/user-%1").arg(i));
    c.setValue(Field::CompanyDomain, QStringLiteral("example.com"));
    auto provider = SyncSetup::provider(f.account());
    const auto spec = (*provider)->upsertRequest(c);
    QVERIFY(spec);
    QVERIFY(!f.emulator().seedContact(spec->jsonBody()).isEmpty());
}

QString remoteIdOf(SyncFixture& f, int i)
{
    RemoteLinkStore links(f.session().database());
    [[maybe_unused]] auto ok = links.prepare();
    return links.find(contactId(f, i), f.account().id)->remoteId;
}

QString dump(const SyncReport& r)
{
    return QString::fromUtf8(QJsonDocument(r.toJson()).toJson());
}

} // namespace

void TestSyncMerge::remoteChangePulled_data()
{
    addProviders();
}

void TestSyncMerge::remoteChangePulled()
{
    QFETCH(QString, provider);
    SyncFixture f(provider, scaleFor(provider));
    f.addContacts(0, 3);
    QVERIFY(f.sync(true, true).ok());
    // The first pull found nothing to date the watermark with; this one reads the pushed records back.
    SyncReport second = f.sync(true, true);
    QVERIFY(!second.incremental);
    QCOMPARE(second.pulled.unchanged, 3);
    QCOMPARE(second.pulled.updated + second.pushed.updated, 0);
    QTest::qWait(20);
    editRemotely(f, 1, QStringLiteral("Remotely"));
    SyncReport report = f.sync(true, true);
    QVERIFY2(report.ok(), qPrintable(dump(report)));
    QCOMPARE(localValue(f, 1, Field::FirstName), QStringLiteral("Remotely"));
    QCOMPARE(report.pulled.updated, 1);
    QCOMPARE(report.pushed.created + report.pushed.updated, 0); // nothing to echo back
    QCOMPARE(report.incremental, provider != QLatin1String("lemlist"));
    QCOMPARE(f.emulator().recordCount(), 3);
    // The change is undoable like any other write.
    QVERIFY(f.session().undo().undo());
    QCOMPARE(localValue(f, 1, Field::FirstName), QStringLiteral("First1"));
}

void TestSyncMerge::remoteClearPulled_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("wireKey"); // emptied in the CRM
    QTest::addColumn<Field>("cleared"); // what it is here
    QTest::addColumn<Field>("kept"); // a field this CRM does not carry
    QTest::newRow("lemlist") << QStringLiteral("lemlist") << QStringLiteral("jobTitle") << Field::JobTitle
                             << Field::City;
    QTest::newRow("getsales") << QStringLiteral("getsales") << QStringLiteral("position") << Field::JobTitle
                              << Field::City;
    QTest::newRow("monaco") << QStringLiteral("monaco") << QStringLiteral("title") << Field::JobTitle << Field::City;
    // HighLevel has no job title: it stays while the city, which HighLevel has, is cleared.
    QTest::newRow("highlevel") << QStringLiteral("highlevel") << QStringLiteral("city") << Field::City
                               << Field::JobTitle;
}

// A field emptied in the CRM is emptied here, and the next sync sends nothing; a field the CRM does not
// carry at all is never taken as cleared.
void TestSyncMerge::remoteClearPulled()
{
    QFETCH(QString, provider);
    QFETCH(QString, wireKey);
    QFETCH(Field, cleared);
    QFETCH(Field, kept);
    SyncFixture f(provider, scaleFor(provider));
    f.addContacts(
        0, 2, {{QStringLiteral("job_title"), QStringLiteral("CEO")}, {QStringLiteral("city"), QStringLiteral("Lyon")}});
    QVERIFY(f.sync(true, true).ok());
    SyncReport second = f.sync(true, true);
    QVERIFY2(second.ok(), qPrintable(dump(second)));
    QCOMPARE(second.pulled.updated + second.pushed.updated, 0);
    QVERIFY(f.remoteText().contains(QLatin1Char('"') + wireKey + QLatin1Char('"')));

    // Someone empties the field of u1 in the CRM (wherever the CRM keeps it in the record).
    QVERIFY(f.emulator().editRecord(remoteIdOf(f, 1), [&](QJsonObject& record) {
        record.remove(wireKey);
        for (auto it = record.begin(); it != record.end(); ++it) {
            if (it.value().isObject()) {
                QJsonObject inner = it.value().toObject();
                inner.remove(wireKey);
                it.value() = inner;
            }
        }
    }));
    SyncJob::Options full;
    full.push = true;
    full.pull = true;
    full.fullScan = true;
    SyncReport report = f.sync(full);
    QVERIFY2(report.ok(), qPrintable(dump(report)));
    QCOMPARE(report.conflicts, 0);
    QCOMPARE(localValue(f, 1, cleared), QString());
    QCOMPARE(localValue(f, 1, kept), kept == Field::City ? QStringLiteral("Lyon") : QStringLiteral("CEO"));
    QVERIFY(!localValue(f, 0, cleared).isEmpty()); // the other contact keeps it
    QCOMPARE(report.pulled.updated, 1);
    QCOMPARE(report.pushed.created + report.pushed.updated, 0);

    // Settled: the next sync has nothing to send or take, and the CRM still has no value.
    SyncReport quiet = f.sync(full);
    QVERIFY2(quiet.ok(), qPrintable(dump(quiet)));
    QCOMPARE(quiet.pushed.created + quiet.pushed.updated, 0);
    QCOMPARE(quiet.pulled.updated + quiet.pulled.created, 0);
    QCOMPARE(localValue(f, 1, cleared), QString());
    QCOMPARE(localValue(f, 1, kept), kept == Field::City ? QStringLiteral("Lyon") : QStringLiteral("CEO"));
    QCOMPARE(f.emulator().recordCount(), 2);
}

void TestSyncMerge::localClearIsNotUndoneByTheCrm_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<Field>("cleared");
    QTest::newRow("lemlist") << QStringLiteral("lemlist") << Field::JobTitle;
    QTest::newRow("getsales") << QStringLiteral("getsales") << Field::JobTitle;
    QTest::newRow("monaco") << QStringLiteral("monaco") << Field::JobTitle;
    QTest::newRow("highlevel") << QStringLiteral("highlevel") << Field::City;
}

// Emptied here: every contract ignores empty values on an upsert, so the CRM keeps its value. The sync
// says so, and the next syncs must not take the CRM's value back as a remote change.
void TestSyncMerge::localClearIsNotUndoneByTheCrm()
{
    QFETCH(QString, provider);
    QFETCH(Field, cleared);
    SyncFixture f(provider, scaleFor(provider));
    f.addContacts(
        0, 2, {{QStringLiteral("job_title"), QStringLiteral("CEO")}, {QStringLiteral("city"), QStringLiteral("Lyon")}});
    QVERIFY(f.sync(true, true).ok());
    QVERIFY(f.sync(true, true).ok());
    const QString old = localValue(f, 1, cleared);
    QVERIFY(!old.isEmpty());

    ContactPatch patch;
    patch.setContactId(contactId(f, 1));
    patch.clear(cleared);
    auto edited = f.session().engine().upsert(patch, UpsertPolicies::local(), {QStringLiteral("manual"), {}});
    QVERIFY(edited && edited->status == UpsertResult::Status::Updated);

    SyncJob::Options full;
    full.fullScan = true;
    const SyncReport report = f.sync(full);
    QVERIFY2(report.ok(), qPrintable(dump(report)));
    QCOMPARE(report.conflicts, 0);
    QCOMPARE(localValue(f, 1, cleared), QString());
    bool warned = false;
    for (const SyncReport::Issue& w : report.warnings)
        warned = warned || (w.code == QLatin1String("FieldIgnored") && w.message.contains(old));
    QVERIFY2(warned, qPrintable(dump(report)));

    for (int run = 0; run < 2; ++run) {
        const SyncReport again = f.sync(full);
        QVERIFY2(again.ok(), qPrintable(dump(again)));
        QCOMPARE(again.conflicts, 0);
        QCOMPARE(again.pulled.updated, 0);
        QCOMPARE(again.pushed.created + again.pushed.updated, 0);
        QCOMPARE(localValue(f, 1, cleared), QString());
    }
    QCOMPARE(localValue(f, 0, cleared), old);
}

// Cleared in the CRM while changed here: a conflict whose remote value is empty; nothing is overwritten.
void TestSyncMerge::remoteClearAgainstLocalChangeConflicts()
{
    SyncFixture f(QStringLiteral("lemlist"), scaleFor(QStringLiteral("lemlist")));
    f.addContacts(0, 1, {{QStringLiteral("job_title"), QStringLiteral("CEO")}});
    QVERIFY(f.sync(true, true).ok());
    QVERIFY(f.sync(true, true).ok());
    editLocally(f, 0, Field::JobTitle, QStringLiteral("CTO"));
    QVERIFY(f.emulator().editRecord(remoteIdOf(f, 0), [](QJsonObject& record) {
        QJsonObject fields = record.value(QLatin1String("fields")).toObject();
        fields.remove(QStringLiteral("jobTitle"));
        record.insert(QStringLiteral("fields"), fields);
        record.remove(QStringLiteral("jobTitle"));
    }));
    SyncReport report = f.sync(true, true);
    QVERIFY2(report.ok(), qPrintable(dump(report)));
    QCOMPARE(report.conflicts, 1);
    SyncConflictStore inbox(f.session().database());
    auto open = inbox.open(f.account().id);
    QVERIFY(open);
    QCOMPARE(open->size(), 1);
    const SyncConflict conflict = open->first();
    QCOMPARE(conflict.field, QStringLiteral("job_title"));
    QCOMPARE(conflict.base, QJsonValue(QStringLiteral("CEO")));
    QCOMPARE(conflict.local, QJsonValue(QStringLiteral("CTO")));
    QVERIFY(conflict.remote.isNull());
    QCOMPARE(localValue(f, 0, Field::JobTitle), QStringLiteral("CTO"));
    QVERIFY(!f.remoteText().contains(QStringLiteral("CTO"))); // held: not pushed over the clear
}

void TestSyncMerge::conflictInboxAndResolution_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("keep");
    for (const char* name : {"lemlist", "highlevel"}) {
        QTest::newRow(qPrintable(QStringLiteral("%1, keep local").arg(QLatin1String(name))))
            << QString::fromLatin1(name) << QStringLiteral("local");
        QTest::newRow(qPrintable(QStringLiteral("%1, keep remote").arg(QLatin1String(name))))
            << QString::fromLatin1(name) << QStringLiteral("remote");
    }
}

void TestSyncMerge::conflictInboxAndResolution()
{
    QFETCH(QString, provider);
    QFETCH(QString, keep);
    SyncFixture f(provider, scaleFor(provider));
    f.addContacts(0, 3);
    QVERIFY(f.sync(true, true).ok());
    QTest::qWait(20);
    editLocally(f, 0, Field::FirstName, QStringLiteral("Here"));
    editLocally(f, 2, Field::JobTitle, QStringLiteral("Pilot")); // a local-only change still goes
    editRemotely(f, 0, QStringLiteral("There"));

    SyncReport report = f.sync(true, true);
    QVERIFY2(report.ok(), qPrintable(dump(report)));
    QCOMPARE(report.conflicts, 1);
    SyncConflictStore inbox(f.session().database());
    auto open = inbox.open(f.account().id);
    QVERIFY(open);
    QCOMPARE(open->size(), 1);
    const SyncConflict conflict = open->first();
    QCOMPARE(conflict.field, QStringLiteral("first_name"));
    QCOMPARE(conflict.base, QJsonValue(QStringLiteral("First0")));
    QCOMPARE(conflict.local, QJsonValue(QStringLiteral("Here")));
    QCOMPARE(conflict.remote, QJsonValue(QStringLiteral("There")));
    // Held on both sides: neither value overwrote the other.
    QCOMPARE(localValue(f, 0, Field::FirstName), QStringLiteral("Here"));
    QVERIFY(f.remoteText().contains(QStringLiteral("There")));
    QVERIFY(!f.remoteText().contains(QStringLiteral("\"Here\"")));
    QVERIFY(f.remoteText().contains(QStringLiteral("Pilot")) || provider == QLatin1String("highlevel"));
    // A second sync finds the same conflict, still open, and sends nothing for it.
    SyncReport again = f.sync(true, true);
    QCOMPARE(*inbox.openCount(f.account().id), 1);
    QVERIFY(!f.remoteText().contains(QStringLiteral("\"Here\"")));
    QCOMPARE(again.pushed.created + again.pushed.updated, 0);
    QCOMPARE(again.conflicts, 1); // still waiting

    QVERIFY(ConflictResolver(f.session()).resolve(conflict.id, keep));
    SyncReport settled = f.sync(true, true);
    QVERIFY2(settled.ok(), qPrintable(dump(settled)));
    const QString kept = keep == QLatin1String("local") ? QStringLiteral("Here") : QStringLiteral("There");
    QCOMPARE(localValue(f, 0, Field::FirstName), kept);
    QVERIFY2(f.remoteText().contains(QLatin1Char('"') + kept + QLatin1Char('"')), qPrintable(f.remoteText()));
    QCOMPARE(*inbox.openCount(f.account().id), 0);
    QCOMPARE(settled.conflicts, 0);
    QCOMPARE(f.emulator().recordCount(), 3);
    // Settled for good: the next sync has nothing to do.
    SyncReport quiet = f.sync(true, true);
    QCOMPARE(quiet.pushed.created + quiet.pushed.updated, 0);
    QCOMPARE(quiet.pulled.updated + quiet.pulled.created, 0);
    QCOMPARE(quiet.conflicts, 0);
}

void TestSyncMerge::policySettlesConflict()
{
    SyncFixture f(QStringLiteral("lemlist"), scaleFor(QStringLiteral("lemlist")));
    f.account().conflictPolicy = QStringLiteral("remote");
    f.addContacts(0, 2);
    QVERIFY(f.sync(true, true).ok());
    editLocally(f, 0, Field::FirstName, QStringLiteral("Here"));
    editRemotely(f, 0, QStringLiteral("There"));
    SyncReport report = f.sync(true, true);
    QCOMPARE(report.conflicts, 0);
    QCOMPARE(localValue(f, 0, Field::FirstName), QStringLiteral("There"));
    QCOMPARE(report.warnings.size(), 1);
    QCOMPARE(report.warnings.first().code, QStringLiteral("ConflictSettledByPolicy"));
    QCOMPARE(*SyncConflictStore(f.session().database()).openCount(), 0);
}

void TestSyncMerge::firstPairingAsks()
{
    // Both sides already hold u0 before their first sync: no snapshot, so a value only one side has
    // flows, and two different values are a conflict rather than a silent overwrite.
    SyncFixture f(QStringLiteral("lemlist"), scaleFor(QStringLiteral("lemlist")));
    f.addContacts(0, 1);
    f.emulator().seedContact({{QStringLiteral("email"), QStringLiteral("u0@example.com")},
                              {QStringLiteral("firstName"), QStringLiteral("Remote0")},
                              {QStringLiteral("jobTitle"), QStringLiteral("Only there")}});
    SyncReport report = f.sync(true, true);
    QVERIFY2(report.ok(), qPrintable(dump(report)));
    QCOMPARE(report.conflicts, 1);
    QCOMPARE(localValue(f, 0, Field::FirstName), QStringLiteral("First0"));
    QCOMPARE(localValue(f, 0, Field::JobTitle), QStringLiteral("Only there"));
    QVERIFY(f.remoteText().contains(QStringLiteral("Remote0")));
    QVERIFY(f.remoteText().contains(QStringLiteral("Last0"))); // the local-only value went out
    auto open = SyncConflictStore(f.session().database()).open();
    QCOMPARE(open->size(), 1);
    QCOMPARE(open->first().field, QStringLiteral("first_name"));
    QVERIFY(open->first().base.isNull());
    QVERIFY(ConflictResolver(f.session()).resolve(open->first().id, QStringLiteral("local")));
    QVERIFY(f.sync(true, true).ok());
    QVERIFY(f.remoteText().contains(QStringLiteral("First0")));
    QCOMPARE(f.emulator().recordCount(), 1);
}

void TestSyncMerge::guardStopsMassOverwrite()
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
    QCOMPARE(held.skipped.first().code, QStringLiteral("NeedsConfirmation"));
    QCOMPARE(held.toJson().value(QStringLiteral("skipped")).toInt(), 10);
    QVERIFY(!f.remoteText().contains(QStringLiteral("Mass")));
    SyncJob::Options yes;
    yes.confirmed = true;
    SyncReport confirmed = f.sync(yes);
    QCOMPARE(confirmed.state, QStringLiteral("done"));
    QCOMPARE(confirmed.pushed.updated, 10);
    QCOMPARE(f.remoteText().count(QStringLiteral("Mass")), 10);
}

void TestSyncMerge::dryRunChangesNothing()
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

void TestSyncMerge::refusedFilterFallsBackToFullScan()
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
        QCOMPARE(report.warnings.first().code, QStringLiteral("UnsupportedByProvider"));
        QCOMPARE(localValue(f, 2, Field::FirstName), QStringLiteral("Remotely"));
        // Remembered: the next pulls scan fully without asking again (and without the warning).
        SyncReport next = f.sync(true, true);
        QVERIFY(!next.incremental);
        QVERIFY(next.warnings.isEmpty());
    }
}

void TestSyncMerge::incrementalReadsOnlyRecentChanges_data()
{
    QTest::addColumn<QString>("provider");
    for (const char* name : {"getsales", "highlevel", "monaco"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestSyncMerge::incrementalReadsOnlyRecentChanges()
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

void TestSyncMerge::remoteDeletionWaitsForUser_data()
{
    QTest::addColumn<QString>("keep");
    QTest::newRow("accept: delete here too") << QStringLiteral("remote");
    QTest::newRow("dismiss: send it again") << QStringLiteral("local");
}

void TestSyncMerge::remoteDeletionWaitsForUser()
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
    QCOMPARE(again.skipped.first().code, QStringLiteral("RemoteDeletionPending"));

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

void TestSyncMerge::localDeletionNeedsOptionAndConfirmation()
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
    QCOMPARE(held.skipped.first().code, QStringLiteral("NeedsConfirmation"));
    QCOMPARE(f.emulator().recordCount(), 3);
    SyncJob::Options yes;
    yes.confirmed = true;
    SyncReport confirmed = f.sync(yes);
    QVERIFY2(confirmed.ok(), qPrintable(dump(confirmed)));
    QCOMPARE(confirmed.pushedDeletions, 1);
    QCOMPARE(f.emulator().recordCount(), 2);
    QCOMPARE(f.sync(yes).pushedDeletions, 0);
}

void TestSyncMerge::onlyContactsPushesThoseOnly()
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

QTEST_GUILESS_MAIN(TestSyncMerge)
#include "tst_syncmerge.moc"
