#include "SyncMergeHelpers.h"
#include "store/SyncConflictStore.h"
#include "sync/ConflictResolver.h"
#include "sync/Provider.h"

using namespace roster;
using namespace roster::test;

// Issue 6 against the emulators: remote changes pulled and merged, clears on either side, conflicts held
// and resolved. Guards, dry runs, incremental pulls and deletions are in tst_syncsafety.
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
};

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

    // Someone empties the field of u1 in the CRM (wherever the CRM keeps it in the record): the reply
    // carries the key, null. An absent key would say nothing (PROVIDERS.md §7; tst_syncpull).
    QVERIFY(f.emulator().editRecord(remoteIdOf(f, 1), [&](QJsonObject& record) {
        if (record.contains(wireKey))
            record.insert(wireKey, QJsonValue::Null);
        for (auto it = record.begin(); it != record.end(); ++it) {
            if (it.value().isObject()) {
                QJsonObject inner = it.value().toObject();
                if (inner.contains(wireKey))
                    inner.insert(wireKey, QJsonValue::Null);
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
        warned = warned || (w.code == ErrorCode::FieldIgnored && w.message.contains(old));
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
        fields.insert(QStringLiteral("jobTitle"), QJsonValue::Null);
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
    QCOMPARE(report.warnings.first().code, ErrorCode::ConflictSettledByPolicy);
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

QTEST_GUILESS_MAIN(TestSyncMerge)
#include "tst_syncmerge.moc"
