#pragma once

#include "SyncCoordinator.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace roster {

class StoreSession;
class StoreWorker;

// SyncCoordinator's API for a window, with the coordinator, its HttpClient and a StoreSession of their own
// on a StoreWorker thread: pushing and pulling a hundred thousand contacts (queries, fingerprints, merges)
// never stalls the caller's thread. The worker is made at the first start and lives as long as this object.
//
// Keys are read here, on the caller's thread, with the secret reader (the keychain runs a local event loop),
// and handed to the worker with the run. Progress and reports come back as queued signals; this side keeps
// the running accounts and their latest progress, so isRunning() and progress() answer at once. Cancel is
// asked of the worker; the report of the cancelled run follows. Destroying this object cancels what runs
// (each run ends as cancelled in the history and gives its SyncLease back) and joins the worker.
//
// An account another process syncs is refused here at once, as SyncCoordinator does; the worker checks
// again when it starts the run.
class BackgroundSync final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundSync)

public:
    using SecretReader = SyncCoordinator::SecretReader;
    using WorkerProbe = std::function<void(qint64 accountId)>;

    // `session` is the caller's: its file is opened again on the worker; this side only reads the keys and
    // which accounts other processes sync through it.
    explicit BackgroundSync(StoreSession& session, QObject* parent = nullptr);
    ~BackgroundSync() override;

    // As SyncCoordinator's, applied to the runs started after the call.
    void setTimeScale(double scale) { m_timeScale = scale; }
    void setSecretReader(SecretReader reader) { m_readSecret = std::move(reader); }
    void setOptions(SyncJob::Options options) { m_options = std::move(options); }
    const SyncJob::Options& options() const { return m_options; }

    // As SyncCoordinator::start(): true when at least one account had its settings and key and was handed to
    // the worker. Accounts refused on the worker (missing settings, a connection it cannot register) finish
    // with a failed report.
    bool start(const QList<AccountRecord>& accounts);
    bool start(const AccountRecord& account) { return start(QList<AccountRecord> {account}); }
    bool start(const QList<AccountRecord>& accounts, const SyncJob::Options& options);
    bool start(const QList<std::pair<AccountRecord, SyncJob::Options>>& runs);
    void cancel();
    void cancel(qint64 accountId);
    // From the accounts started here whose report has not arrived yet.
    bool isRunning() const { return !m_running.isEmpty(); }
    bool isRunning(qint64 accountId) const { return m_running.contains(accountId); }
    SyncProgress progress(qint64 accountId) const { return m_running.value(accountId).progress; }
    // The accounts a run outside this object is syncing (another process, usually), by account id: one small
    // read of the leases.
    QHash<qint64, SyncLease::Holder> runningElsewhere() const;

    // For tests: called on the worker thread with each progress a job reports there.
    void setWorkerProbe(WorkerProbe probe) { m_probe = std::move(probe); }

signals:
    void accountStarted(qint64 accountId);
    void accountProgress(qint64 accountId, const roster::SyncProgress& progress);
    void accountFinished(qint64 accountId, const roster::SyncReport& report);
    void allFinished();

private:
    struct Run
    {
        AccountRecord account;
        SyncProgress progress;
    };

    // Worker side: a job reports every record; the window needs a few updates a second. Each account's
    // progress goes at once when its phase changes, else at most every kProgressIntervalMs, the latest one.
    struct ProgressGate
    {
        QElapsedTimer sent;
        QString phase;
        std::optional<SyncProgress> pending;
        bool scheduled = false;
    };
    static constexpr qint64 kProgressIntervalMs = 100;

    void startWorker();
    void gateProgress(qint64 accountId, const SyncProgress& progress);
    void sendProgress(qint64 accountId);
    void onProgress(qint64 accountId, const SyncProgress& progress);
    void onFinished(qint64 accountId, const SyncReport& report);
    // The worker could not run the accounts at all (its database did not open).
    void failAll(const QList<qint64>& accountIds, const Error& error);

    StoreSession& m_session;
    SyncJob::Options m_options;
    std::optional<double> m_timeScale;
    SecretReader m_readSecret;
    WorkerProbe m_probe;
    QHash<qint64, Run> m_running;
    bool m_starting = false; // reading keys (the keychain runs a local event loop): no second start meanwhile
    // Worker thread only: made by the worker's first task, deleted by the worker when it goes.
    SyncCoordinator* m_coordinator = nullptr;
    WorkerProbe m_workerProbe;
    QHash<qint64, ProgressGate> m_gates;
    // Last: destroyed first, it joins the thread that uses the members above.
    std::unique_ptr<StoreWorker> m_worker;
};

} // namespace roster
