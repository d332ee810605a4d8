// The outbox: a push looks at the contacts the change log says changed since the account's mark (and at
// those a failed or held run left there), not at every contact; it keeps what was not acknowledged.
#include "SyncFixture.h"
#include "store/Database.h"
#include "store/SyncOutbox.h"
#include "sync/Provider.h"
#include "sync/SyncFingerprint.h"

#include <QTest>

using namespace roster;
using namespace roster::test;

namespace {

double scaleFor(const QString& provider)
{
    return provider == QLatin1String("highlevel") ? 0.02 : 0.05;
}

void addProviders()
{
    QTest::addColumn<QString>("provider");
    for (const char* p : {"lemlist", "getsales", "highlevel", "monaco"})
        QTest::newRow(p) << QString::fromLatin1(p);
}

qint64 idOf(StoreSession& session, int i)
{
    SqlStatement select(session.database(), "SELECT id FROM contacts WHERE email = ?");
    select.bind(1, QStringLiteral("u%1@example.com").arg(i));
    return select.next() ? select.columnInt(0) : 0;
}

void rename(StoreSession& session, int i, const QString& firstName)
{
    ContactPatch edit;
    edit.set(Field::Email, QStringLiteral("u%1@example.com").arg(i));
    edit.set(Field::FirstName, firstName);
    QVERIFY(session.engine().upsert(edit, UpsertPolicies::local(), {QStringLiteral("manual"), {}}));
}

// Makes the stored hash of one contact wrong without changing the contact: only a push that reads every
// contact notices it.
void spoilHash(StoreSession& session, qint64 contactId)
{
    SqlStatement update(session.database(), "UPDATE remote_links SET synced_hash = 'spoilt' WHERE contact_id = ?");
    update.bind(1, contactId);
    QVERIFY(update.exec());
}

} // namespace

class TestSyncOutbox : public QObject
{
    Q_OBJECT

private slots:
    void collectMovesChangesAndMark();
    void previewWritesNothing();
    void needsOfTheContactsToPush();
    void contextFollowsOptionsAndDefinitions();
    void pushReadsOnlyTheOutbox_data() { addProviders(); }
    void pushReadsOnlyTheOutbox();
    void changedContextLooksAtEveryone();
    void failedPushStaysForTheNextRun_data() { addProviders(); }
    void failedPushStaysForTheNextRun();
    void skippedContactIsReportedEveryRun();
    void dryRunLeavesTheOutbox();
    void dryRunStreamsItsPlan();
};

void TestSyncOutbox::collectMovesChangesAndMark()
{
    SyncFixture f(QStringLiteral("lemlist"), 0.05);
    f.addContacts(0, 10);
    SyncOutbox outbox(f.session().database());
    const qint64 account = f.account().id;
    QCOMPARE(outbox.state(account)->mark, 0);
    // A new account: every live contact, once.
    QVERIFY(outbox.collect(account, true, QStringLiteral("ctx")));
    QCOMPARE(outbox.pending(account)->size(), std::size_t(10));
    QCOMPARE(outbox.state(account)->context, QStringLiteral("ctx"));
    const qint64 mark = outbox.state(account)->mark;
    QVERIFY(mark > 0);
    const std::vector<qint64> all = *outbox.pending(account);
    for (qint64 id : all)
        QVERIFY(outbox.remove(account, id));
    // Nothing changed since: nothing goes in, the mark stays.
    QVERIFY(outbox.collect(account, false));
    QCOMPARE(*outbox.size(account), 0);
    QCOMPARE(outbox.state(account)->mark, mark);
    // Two edits: those two, in id order; the mark moves past them.
    rename(f.session(), 7, QStringLiteral("Seven"));
    rename(f.session(), 2, QStringLiteral("Two"));
    rename(f.session(), 7, QStringLiteral("Seven again"));
    QVERIFY(outbox.collect(account, false));
    const std::vector<qint64> expected {idOf(f.session(), 2), idOf(f.session(), 7)};
    QCOMPARE(*outbox.pending(account), expected);
    QVERIFY(outbox.state(account)->mark > mark);
    // Another account's outbox is its own.
    AccountRecord other = f.account();
    other.name = QStringLiteral("other");
    const qint64 otherId = *AccountStore(f.session().database()).add(other);
    QCOMPARE(*outbox.size(otherId), 0);
    QVERIFY(outbox.collect(otherId, false));
    QCOMPARE(*outbox.size(otherId), 10); // mark 0: the whole change log
}

void TestSyncOutbox::previewWritesNothing()
{
    SyncFixture f(QStringLiteral("lemlist"), 0.05);
    f.addContacts(0, 5);
    SyncOutbox outbox(f.session().database());
    const qint64 account = f.account().id;
    QCOMPARE(outbox.preview(account, true)->size(), std::size_t(5));
    QCOMPARE(outbox.preview(account, false)->size(), std::size_t(5));
    QCOMPARE(*outbox.size(account), 0);
    QCOMPARE(outbox.state(account)->mark, 0);
    QVERIFY(outbox.collect(account, false));
    const std::vector<qint64> all = *outbox.pending(account);
    for (qint64 id : all)
        QVERIFY(outbox.remove(account, id));
    QVERIFY(outbox.add(account, idOf(f.session(), 3)));
    rename(f.session(), 1, QStringLiteral("One"));
    const std::vector<qint64> expected {idOf(f.session(), 1), idOf(f.session(), 3)};
    QCOMPARE(*outbox.preview(account, false), expected);
    QCOMPARE(*outbox.size(account), 1);
}

void TestSyncOutbox::needsOfTheContactsToPush()
{
    SyncFixture f(QStringLiteral("monaco"), 0.05);
    f.addContacts(0, 2, {{QStringLiteral("tags"), QStringLiteral("vip,beta")}});
    f.addContacts(2, 1, {{QStringLiteral("custom.score"), QStringLiteral("9")}});
    f.addContacts(3, 1);
    SyncOutbox outbox(f.session().database());
    auto none = outbox.needs({idOf(f.session(), 3)});
    QVERIFY(none);
    QVERIFY(!none->customValues);
    QVERIFY(none->tags.isEmpty());
    auto tagged = outbox.needs({idOf(f.session(), 0), idOf(f.session(), 3)});
    QCOMPARE(tagged->tags, (QSet<QString> {QStringLiteral("vip"), QStringLiteral("beta")}));
    QVERIFY(!tagged->customValues);
    QVERIFY(outbox.needs({idOf(f.session(), 2)})->customValues);
    // A deleted contact needs nothing.
    QVERIFY(f.session().engine().remove({idOf(f.session(), 2)}, {QStringLiteral("manual"), {}}));
    SqlStatement select(f.session().database(), "SELECT id FROM contacts WHERE email = 'u2@example.com'");
    QVERIFY(select.next());
    QVERIFY(!outbox.needs({select.columnInt(0)})->customValues);
}

void TestSyncOutbox::contextFollowsOptionsAndDefinitions()
{
    AccountRecord account;
    account.name = QStringLiteral("a");
    account.provider = QStringLiteral("highlevel");
    account.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    account.options.insert(QStringLiteral("location_id"), QStringLiteral("loc-1"));
    auto provider = SyncSetup::provider(account);
    QVERIFY(provider);
    const QString plain = SyncFingerprint::accountContext(**provider, account.provider, true, {});
    // Roster's own options (the guards) do not shape a request.
    account.options.insert(QStringLiteral("guard_share"), QStringLiteral("0.5"));
    QCOMPARE(SyncFingerprint::accountContext(**SyncSetup::provider(account), account.provider, true, {}), plain);
    account.options.insert(QStringLiteral("location_id"), QStringLiteral("loc-2"));
    QVERIFY(SyncFingerprint::accountContext(**SyncSetup::provider(account), account.provider, true, {}) != plain);

    RemoteFieldDefinition score;
    score.key = QStringLiteral("score");
    score.remoteKey = QStringLiteral("contact.score");
    score.type = QStringLiteral("TEXT");
    (*provider)->setCustomFields({score});
    const QString defined = SyncFingerprint::accountContext(**provider, account.provider, true, plain);
    QVERIFY(defined != plain);
    // Definitions not read this run are no change: the previous part is kept.
    QCOMPARE(SyncFingerprint::accountContext(**provider, account.provider, false, defined), defined);
    score.remoteKey = QStringLiteral("contact.rating");
    (*provider)->setCustomFields({score});
    QVERIFY(SyncFingerprint::accountContext(**provider, account.provider, true, defined) != defined);
}

void TestSyncOutbox::pushReadsOnlyTheOutbox()
{
    QFETCH(QString, provider);
    SyncFixture f(provider, scaleFor(provider));
    f.addContacts(0, 30);
    QCOMPARE(f.sync(true, false).pushed.created, 30);
    // The CRMs' replies hold more than was sent (an owner, a source): merged as changes, read once more.
    QCOMPARE(f.sync(true, false).pushed.created, 0);
    // A wrong stored hash on an unchanged contact: a push that fingerprinted everyone would resend it.
    spoilHash(f.session(), idOf(f.session(), 5));
    rename(f.session(), 7, QStringLiteral("Seventh"));
    const SyncReport second = f.sync(true, false);
    QVERIFY2(second.ok(), QJsonDocument(second.toJson()).toJson().constData());
    QCOMPARE(second.pushed.updated, 1);
    QCOMPARE(second.pushed.unchanged, 29); // every other contact, without reading it
    QCOMPARE(second.transport.requests, 1);
    QVERIFY(f.remoteText().contains(QStringLiteral("Seventh")));
    QCOMPARE(*SyncOutbox(f.session().database()).size(f.account().id), 0);
    // A forced full push reads everyone, and finds the one.
    SyncJob::Options full;
    full.pull = false;
    full.fullPush = true;
    const SyncReport forced = f.sync(full);
    QVERIFY2(forced.ok(), QJsonDocument(forced.toJson()).toJson().constData());
    QCOMPARE(forced.pushed.updated, 1);
    QCOMPARE(forced.pushed.unchanged, 29);
    QCOMPARE(forced.transport.requests, 1);
}

void TestSyncOutbox::changedContextLooksAtEveryone()
{
    SyncFixture f(QStringLiteral("lemlist"), 0.05);
    f.addContacts(0, 10);
    QCOMPARE(f.sync(true, false).pushed.created, 10);
    QCOMPARE(f.sync(true, false).transport.requests, 0);
    spoilHash(f.session(), idOf(f.session(), 4));
    QCOMPARE(f.sync(true, false).transport.requests, 0);
    // What requests depend on changed since the contacts were sent (another Roster's definitions, an option).
    SqlStatement stale(f.session().database(), "UPDATE accounts SET outbox_context = 'o:old;d:' WHERE id = ?");
    stale.bind(1, f.account().id);
    QVERIFY(stale.exec());
    const SyncReport report = f.sync(true, false);
    QCOMPARE(report.pushed.updated, 1);
    QCOMPARE(report.pushed.unchanged, 9);
    QVERIFY(SyncOutbox(f.session().database()).state(f.account().id)->context != QStringLiteral("o:old;d:"));
    QCOMPARE(f.sync(true, false).transport.requests, 0);
}

void TestSyncOutbox::failedPushStaysForTheNextRun()
{
    QFETCH(QString, provider);
    SyncFixture f(provider, scaleFor(provider));
    f.addContacts(0, 3);
    f.emulator().faults().setRouteStatus(QStringLiteral("upsert"), 400);
    const SyncReport refused = f.sync(true, false);
    QCOMPARE(refused.pushed.failed, 3);
    QCOMPARE(*SyncOutbox(f.session().database()).size(f.account().id), 3);
    QCOMPARE(f.emulator().recordCount(), 0);
    // Nothing changed here since, yet the next run sends them: they never left the outbox.
    f.emulator().faults().setRouteStatus(QStringLiteral("upsert"), 0);
    const SyncReport retried = f.sync(true, false);
    QVERIFY2(retried.ok(), QJsonDocument(retried.toJson()).toJson().constData());
    QCOMPARE(retried.pushed.created, 3);
    QCOMPARE(f.emulator().recordCount(), 3);
    QCOMPARE(*SyncOutbox(f.session().database()).size(f.account().id), 0);
}

void TestSyncOutbox::skippedContactIsReportedEveryRun()
{
    SyncFixture f(QStringLiteral("lemlist"), 0.05);
    f.addContacts(0, 2);
    ContactPatch nameOnly;
    nameOnly.set(Field::FirstName, QStringLiteral("Nobody"));
    nameOnly.set(Field::LastName, QStringLiteral("Reachable"));
    UpsertPolicy nameIsEnough = UpsertPolicies::local(); // as the window saves a name-only contact
    nameIsEnough.requiredAnyOf.clear();
    auto added = f.session().engine().upsert(nameOnly, nameIsEnough, {QStringLiteral("manual"), {}});
    QVERIFY(added);
    QCOMPARE(added->status, UpsertResult::Status::Created);
    for (int run = 0; run < 2; ++run) {
        const SyncReport report = f.sync(true, false);
        QVERIFY2(report.skipped.size() == 1, QJsonDocument(report.toJson()).toJson().constData());
        QCOMPARE(report.pushed.created, run == 0 ? 2 : 0);
        QCOMPARE(report.pushed.unchanged, run == 0 ? 0 : 2);
    }
}

void TestSyncOutbox::dryRunLeavesTheOutbox()
{
    SyncFixture f(QStringLiteral("getsales"), 0.05);
    f.addContacts(0, 4);
    SyncJob::Options dry;
    dry.pull = false;
    dry.dryRun = true;
    const SyncReport plan = f.sync(dry);
    QCOMPARE(plan.plan.size(), 4);
    SyncOutbox outbox(f.session().database());
    QCOMPARE(*outbox.size(f.account().id), 0);
    QCOMPARE(outbox.state(f.account().id)->mark, 0);
    QCOMPARE(f.sync(true, false).pushed.created, 4);
    rename(f.session(), 2, QStringLiteral("Planned"));
    const SyncReport second = f.sync(dry);
    QCOMPARE(second.plan.size(), 1);
    QCOMPARE(second.plan.first().contactId, idOf(f.session(), 2));
    QCOMPARE(second.pushed.unchanged, 3);
}

void TestSyncOutbox::dryRunStreamsItsPlan()
{
    SyncFixture f(QStringLiteral("lemlist"), 0.05);
    f.addContacts(0, 1200); // more than one page of the plan
    SyncJob::Options dry;
    dry.pull = false;
    dry.dryRun = true;
    QList<qint64> streamed;
    int largestHeld = 0;
    SyncJob::Options streaming = dry;
    streaming.planSink = [&](const SyncReport::PlanEntry& entry) {
        QCOMPARE(entry.action, QStringLiteral("create"));
        streamed << entry.contactId;
    };
    const SyncReport report = f.sync(streaming);
    QVERIFY(report.plan.isEmpty());
    QCOMPARE(streamed.size(), 1200);
    QCOMPARE(QSet<qint64>(streamed.cbegin(), streamed.cend()).size(), 1200);
    // The same lines as a run that keeps its plan.
    const SyncReport kept = f.sync(dry);
    QCOMPARE(kept.plan.size(), 1200);
    for (const SyncReport::PlanEntry& entry : kept.plan)
        largestHeld = std::max(largestHeld, static_cast<int>(entry.changes.size()));
    QVERIFY(largestHeld > 0);
    QCOMPARE(kept.plan.first().contactId, streamed.first());
    QCOMPARE(kept.plan.last().contactId, streamed.last());
}

QTEST_GUILESS_MAIN(TestSyncOutbox)
#include "tst_syncoutbox.moc"
