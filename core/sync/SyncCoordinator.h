#pragma once

#include "ProviderProfile.h"
#include "SyncJob.h"
#include "SyncReport.h"
#include "store/AccountRecord.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace roster {

class HttpClient;
class StoreSession;

// What the sync panel shows of one account's running sync.
struct SyncProgress
{
    QString phase; // "connect", then SyncJob's: "push", "pull", "delete"
    qint64 done = 0;
    qint64 total = -1; // -1 while unknown
    qint64 etaMs = -1; // time left, -1 while unknown
};

// Runs one SyncJob per account at once, on the calling thread's event loop: each account has its own server
// and rate limit, so they wait on their limits side by side; the database is only touched between replies.
// Reads each account's key through AccountSecrets (or the reader set with setSecretReader) and registers the
// account with one HttpClient for the length of its run. Reports per account the progress with an estimate
// of the time left from the remaining requests and the account's published rate limit.
// An account another process is syncing (its SyncLease is held) is not started: it finishes at once with
// a report in state "running elsewhere" that names the holder.
class SyncCoordinator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncCoordinator)

public:
    using SecretReader = std::function<Result<QString>(const AccountRecord& account)>;

    explicit SyncCoordinator(StoreSession& session, QObject* parent = nullptr);
    ~SyncCoordinator() override;

    // < 1 shrinks the rate-limit windows (tests against scaled emulators); defaults to
    // SyncSetup::timeScaleFromEnvironment().
    void setTimeScale(double scale) { m_timeScale = scale; }
    void setSecretReader(SecretReader reader) { m_readSecret = std::move(reader); }
    void setOptions(SyncJob::Options options) { m_options = options; }
    const SyncJob::Options& options() const { return m_options; }

    // Starts every account that is not already running; false when none could start, or when called again
    // while the keys of an earlier call are being read. Accounts whose key or settings are missing finish at
    // once with a failed report.
    bool start(const QList<AccountRecord>& accounts);
    bool start(const AccountRecord& account) { return start(QList<AccountRecord> {account}); }
    // With options for this call only (a retry limited to some contacts).
    bool start(const QList<AccountRecord>& accounts, const SyncJob::Options& options);
    // Each account with its own options (a retry of some records in one account, all of another).
    bool start(const QList<std::pair<AccountRecord, SyncJob::Options>>& runs);
    void cancel();
    void cancel(qint64 accountId);
    bool isRunning() const { return !m_runs.isEmpty(); }
    bool isRunning(qint64 accountId) const { return m_runs.contains(accountId); }
    SyncProgress progress(qint64 accountId) const;
    // The accounts a run outside this coordinator is syncing (another process, usually), by account id.
    QHash<qint64, SyncLease::Holder> runningElsewhere() const;

    // Milliseconds `remainingRequests` take at the published limits (the first is the short one the service
    // refills continuously; longer ones count only once the remaining requests exceed them), given the
    // requests already spent in the current short window. Windows are multiplied by timeScale.
    static qint64 estimateMs(qint64 remainingRequests, const QList<RateLimit>& limits, double timeScale,
                             qint64 spentInWindow = 0);
    // The report of an account not started because `holder` (another process, usually) syncs it.
    static SyncReport refusedReport(const AccountRecord& account, const SyncLease::Holder& holder);

signals:
    void accountStarted(qint64 accountId);
    void accountProgress(qint64 accountId, const roster::SyncProgress& progress);
    void accountFinished(qint64 accountId, const roster::SyncReport& report);
    void allFinished();

private:
    struct Run
    {
        AccountRecord account;
        QPointer<SyncJob> job;
        QList<RateLimit> limits;
        SyncProgress progress;
        QElapsedTimer clock; // since the phase began
        qint64 pages = 0; // pull pages seen
    };

    void onProgress(qint64 accountId, const QString& phase, qint64 done, qint64 total);
    void onFinished(qint64 accountId, const SyncReport& report);
    qint64 eta(const Run& run) const;
    SyncReport failedReport(const AccountRecord& account, const Error& error) const;

    StoreSession& m_session;
    HttpClient* m_client;
    SyncJob::Options m_options;
    double m_timeScale;
    SecretReader m_readSecret;
    QHash<qint64, Run> m_runs;
    bool m_starting = false; // reading keys (the keychain runs a local event loop): no second start meanwhile
};

} // namespace roster
