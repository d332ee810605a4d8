#pragma once

#include "HeldFields.h"
#include "PageToken.h"
#include "PullSchedule.h"
#include "PushPlanner.h"
#include "SyncReport.h"
#include "contact/Contact.h"
#include "store/AccountRecord.h"
#include "store/RemoteLinkStore.h"
#include "store/SyncConflictStore.h"
#include "store/SyncLease.h"
#include "store/SyncOutbox.h"
#include "store/SyncRunLog.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace roster {

class AccountPreflight;
class HttpClient;
class Provider;
class PullApplier;
class PushRun;
class RemoteScan;
class StoreSession;

// One sync of one account: pull and merge, then push.
//
// Pull first, so every remote change is merged field by field (PullApplier, ThreeWayMerge) against the
// snapshot of the last sync before anything is sent: a field both sides changed is never overwritten
// silently. The pull is incremental where the CRM filters on its update time (from a stored watermark,
// re-reading an overlap), and falls back to a full scan when the CRM refuses the filter; lemlist always
// scans fully, and every CRM at least daily (PullSchedule). Only a complete full scan may conclude that a
// linked record was deleted remotely, and that only opens a pending deletion for the user.
//
// Push (PushPlanner) looks at the account's outbox (SyncOutbox: the contacts the change log says changed since
// the account's mark, and those an earlier run could not send), a page at a time, and plans each whose
// fingerprint differs from the one stored at its last acknowledged push; PushRun sends the plan and stores
// what the CRM acknowledges, so a push reads what changed, not every contact. A new account, a forced full
// push and a change in what requests depend on (SyncFingerprint::accountContext) put every contact in once.
// Guards hold back mass overwrites and remote deletions until confirmed. A dry run computes all of it, sends no
// write and writes nothing locally.
//
// One sync per account at a time, whichever process runs it (the window, cron, a terminal): a run first
// takes the account's SyncLease, renews it while it runs and gives it back when it ends. Found held, the
// run ends at once in state "running elsewhere" (or, with waitForLease, polls until the lease is free).
// Two runs at once would send every change twice and share one rate limit. A dry run takes no lease: it
// writes nothing here and sends no write there.
//
// The account must be registered with the HttpClient under its name before start().
class SyncJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncJob)

public:
    struct Options
    {
        bool push = true;
        bool pull = true;
        int pageSize = 500; // each adapter caps it at its CRM's maximum
        // Upserts awaiting a reply at once: enough to keep the rate limiter's queue fed, few enough that a
        // kill leaves little unacknowledged.
        int maxInFlight = 48;
        bool dryRun = false; // plan only: reads, no write request, nothing written locally
        bool confirmed = false; // --yes: the guards let held records go
        bool fullScan = false; // ignore the watermark (a full scan also finds remote deletions)
        // Look at every contact, not only the outbox's (the changed ones): a hash stored by mistake, a record
        // changed on the CRM by hand that a pull cannot see.
        bool fullPush = false;
        // When not empty: push only these contacts, and pull nothing (the sync panel's per-record retry).
        QSet<qint64> onlyContacts;
        // A dry run's plan line by line as it is made, instead of in report().plan: a plan over a million
        // contacts is written out as it goes, never held.
        std::function<void(const SyncReport::PlanEntry&)> planSink;
        // Another run holds the account: wait for it to end, asking every leasePollMs, instead of refusing.
        bool waitForLease = false;
        int leasePollMs = 1000;
    };

    SyncJob(StoreSession& session, HttpClient& client, AccountRecord account, std::unique_ptr<Provider> provider,
            Options options, QObject* parent = nullptr);
    ~SyncJob() override;

    void start();
    void cancel();

    // start() and wait on a local event loop.
    SyncReport run();
    const SyncReport& report() const { return m_report; }
    bool isFinished() const { return m_finished; }

    // How far back an incremental pull re-reads before its watermark (PullSchedule).
    static constexpr qint64 kWatermarkOverlapSecs = PullSchedule::kOverlapSecs;
    // Contacts read, planned and settled per step.
    static constexpr std::size_t kPlanPage = 500;

signals:
    // phase: "pull", "push" or "delete"; total is -1 when unknown.
    void progress(const QString& phase, qint64 done, qint64 total);
    void finished(const roster::SyncReport& report);
    // With waitForLease, once, when the run starts waiting for `holder` to end its run of the account.
    void waitingForLease(const roster::SyncLease::Holder& holder);

private:
    void takeLease();
    void onHeartbeat();
    void begin();
    // The contacts the push looks at: the outbox (collect: fed from the change log first), or the retry's.
    Result<std::vector<qint64>> candidateIds(bool collect);
    void startPull();
    void endPull();
    void planPush();
    Result<void> planPages(const std::vector<qint64>& ids);
    Result<void> describePlan(); // a dry run's lines for what it would send
    // The outgoing contact as it would be sent now; none when it was deleted since the plan.
    Result<std::optional<PushPlanner::Prepared>> prepareNow(const PushPlanner::Outgoing& outgoing, SyncReport& scratch);
    void startPush(); // hands the plan to PushRun
    void drainPlan(); // hands the plan's lines so far to Options::planSink
    void recordError(qint64 contactId, const QString& remoteId, const Error& error);
    void stop(const Error& error); // account-level failure
    void finish(const QString& state);
    bool filtersByUpdateTime() const;

    StoreSession& m_session;
    HttpClient& m_client;
    AccountRecord m_account;
    std::unique_ptr<Provider> m_provider;
    Options m_options;
    RemoteLinkStore m_links;
    SyncConflictStore m_conflicts;
    SyncRunLog m_runLog;
    SyncLease m_lease;
    QTimer m_heartbeat;
    QTimer m_leasePoll; // waiting for another run's lease
    QElapsedTimer m_waitClock; // valid once the run has waited
    QDateTime m_runStart; // the watermark's ceiling
    SyncReport m_report;
    TransportCounters m_baseline;
    std::unique_ptr<AccountPreflight> m_preflight;
    std::unique_ptr<PullApplier> m_pull;
    std::unique_ptr<RemoteScan> m_scan;
    HeldFields m_held;
    SyncOutbox m_outbox;
    std::optional<PushPlanner> m_planner;
    std::vector<PushPlanner::Outgoing> m_outgoing; // the plan, in order, until PushRun takes it
    QList<RemoteLink> m_deletions;
    std::unique_ptr<PushRun> m_push;
    bool m_definitionsKnown = false;
    bool m_waiting = false; // a guard held something back
    bool m_contextKnown = false; // the preflight read what requests depend on (candidateIds())
    bool m_started = false;
    bool m_finished = false;
    bool m_stopping = false;
};

} // namespace roster
