#include "BackgroundSync.h"

#include "AccountSecrets.h"
#include "SyncSetup.h"
#include "store/StoreSession.h"
#include "store/StoreWorker.h"
#include "store/SyncLease.h"

#include <QTimer>

#include <utility>

namespace roster {

BackgroundSync::BackgroundSync(StoreSession& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_readSecret([this](const AccountRecord& account) { return AccountSecrets(m_session.database()).read(account); })
{
}

BackgroundSync::~BackgroundSync()
{
    if (!m_worker)
        return;
    // Behind whatever was asked before: the runs end as cancelled in the history and give their leases back.
    // Their reports are not heard any more. The worker then deletes the coordinator on its thread and joins.
    m_worker->post([this](StoreSession&) { m_coordinator->cancel(); });
    m_worker.reset();
}

void BackgroundSync::startWorker()
{
    m_worker = std::make_unique<StoreWorker>(m_session.database().path(), QStringLiteral("sync"));
    QObject* home = m_worker->home();
    m_worker->post([this, home](StoreSession& session) {
        auto* coordinator = new SyncCoordinator(session, home);
        connect(coordinator, &SyncCoordinator::accountProgress, coordinator,
                [this](qint64 accountId, const SyncProgress& progress) {
                    if (m_workerProbe)
                        m_workerProbe(accountId);
                    gateProgress(accountId, progress);
                });
        connect(coordinator, &SyncCoordinator::accountFinished, coordinator,
                [this](qint64 accountId, const SyncReport& report) {
                    // The last progress first, then the report; queued in that order to this object's thread.
                    if (m_gates.value(accountId).pending)
                        sendProgress(accountId);
                    m_gates.remove(accountId);
                    QMetaObject::invokeMethod(
                        this, [this, accountId, report] { onFinished(accountId, report); }, Qt::QueuedConnection);
                });
        m_coordinator = coordinator;
    });
}

void BackgroundSync::gateProgress(qint64 accountId, const SyncProgress& progress)
{
    ProgressGate& gate = m_gates[accountId];
    gate.pending = progress;
    if (!gate.sent.isValid() || gate.phase != progress.phase || gate.sent.elapsed() >= kProgressIntervalMs) {
        sendProgress(accountId);
        return;
    }
    if (gate.scheduled)
        return;
    gate.scheduled = true;
    QTimer::singleShot(kProgressIntervalMs - gate.sent.elapsed(), m_coordinator, [this, accountId] {
        const auto it = m_gates.find(accountId);
        if (it == m_gates.end())
            return;
        it->scheduled = false;
        if (it->pending)
            sendProgress(accountId);
    });
}

void BackgroundSync::sendProgress(qint64 accountId)
{
    ProgressGate& gate = m_gates[accountId];
    if (!gate.pending)
        return;
    const SyncProgress progress = *std::exchange(gate.pending, std::nullopt);
    gate.phase = progress.phase;
    gate.sent.start();
    QMetaObject::invokeMethod(
        this, [this, accountId, progress] { onProgress(accountId, progress); }, Qt::QueuedConnection);
}

bool BackgroundSync::start(const QList<AccountRecord>& accounts)
{
    return start(accounts, m_options);
}

bool BackgroundSync::start(const QList<AccountRecord>& accounts, const SyncJob::Options& options)
{
    QList<std::pair<AccountRecord, SyncJob::Options>> runs;
    for (const AccountRecord& account : accounts)
        runs.append({account, options});
    return start(runs);
}

bool BackgroundSync::start(const QList<std::pair<AccountRecord, SyncJob::Options>>& runs)
{
    if (m_starting)
        return false;
    m_starting = true;
    QList<std::pair<AccountRecord, SyncJob::Options>> handed;
    QList<qint64> ready;
    QHash<qint64, Result<QString>> secrets;
    QList<std::pair<qint64, SyncReport>> refused;
    const QHash<qint64, SyncLease::Holder> elsewhere = runningElsewhere();
    for (const auto& [account, options] : runs) {
        if (m_running.contains(account.id) || secrets.contains(account.id))
            continue;
        // Known busy before the key is read (a keychain prompt for nothing).
        if (const auto holder = elsewhere.constFind(account.id); holder != elsewhere.constEnd() && !options.dryRun) {
            refused.append({account.id, SyncCoordinator::refusedReport(account, *holder)});
            continue;
        }
        // A key that cannot be read, or settings the service needs, fail on the worker, which records why in
        // the account's history.
        auto provider = SyncSetup::provider(account);
        Result<QString> secret = provider ? m_readSecret(account) : std::unexpected(provider.error());
        if (secret)
            ready << account.id;
        secrets.insert(account.id, std::move(secret));
        handed.append({account, options});
    }
    m_starting = false;
    for (const auto& [id, report] : std::as_const(refused))
        emit accountFinished(id, report);
    if (!handed.isEmpty()) {
        if (!m_worker)
            startWorker();
        QList<qint64> ids;
        for (const auto& run : std::as_const(handed)) {
            ids << run.first.id;
            m_running.insert(run.first.id, Run {run.first, SyncProgress {QStringLiteral("connect")}});
        }
        m_worker->post(
            this,
            [this, handed, secrets = std::move(secrets), scale = m_timeScale, probe = m_probe](StoreSession&) {
                m_workerProbe = probe;
                if (scale)
                    m_coordinator->setTimeScale(*scale);
                m_coordinator->setSecretReader([&secrets](const AccountRecord& account) {
                    return secrets.value(
                        account.id,
                        std::unexpected(Error {ErrorCode::InvalidArgument, {}, QStringLiteral("no key was read")}));
                });
                m_coordinator->start(handed);
                // The keys stay with this task only.
                m_coordinator->setSecretReader([](const AccountRecord&) -> Result<QString> {
                    return std::unexpected(Error {ErrorCode::InvalidArgument, {}, QStringLiteral("no key was read")});
                });
            },
            [this, ids](Result<void> handedOver) {
                if (!handedOver)
                    failAll(ids, handedOver.error());
            });
        for (const qint64 id : std::as_const(ready)) {
            emit accountStarted(id);
            emit accountProgress(id, m_running.value(id).progress);
        }
    }
    if (m_running.isEmpty() && !refused.isEmpty())
        emit allFinished();
    return !ready.isEmpty();
}

void BackgroundSync::cancel()
{
    if (m_worker && !m_running.isEmpty())
        m_worker->post([this](StoreSession&) { m_coordinator->cancel(); });
}

void BackgroundSync::cancel(qint64 accountId)
{
    if (m_worker && m_running.contains(accountId))
        m_worker->post([this, accountId](StoreSession&) { m_coordinator->cancel(accountId); });
}

QHash<qint64, SyncLease::Holder> BackgroundSync::runningElsewhere() const
{
    QHash<qint64, SyncLease::Holder> holders;
    auto live = SyncLease(m_session.database()).holders();
    for (const SyncLease::Holder& holder : live.value_or(QList<SyncLease::Holder> {})) {
        // A run of this object's holds its lease from the worker's connection.
        if (!m_running.contains(holder.accountId))
            holders.insert(holder.accountId, holder);
    }
    return holders;
}

void BackgroundSync::onProgress(qint64 accountId, const SyncProgress& progress)
{
    const auto run = m_running.find(accountId);
    if (run == m_running.end())
        return;
    run->progress = progress;
    emit accountProgress(accountId, progress);
}

void BackgroundSync::onFinished(qint64 accountId, const SyncReport& report)
{
    if (!m_running.remove(accountId))
        return;
    emit accountFinished(accountId, report);
    if (m_running.isEmpty())
        emit allFinished();
}

void BackgroundSync::failAll(const QList<qint64>& accountIds, const Error& error)
{
    for (const qint64 id : accountIds) {
        const auto run = m_running.constFind(id);
        if (run == m_running.constEnd())
            continue;
        SyncReport report;
        report.account = run->account.name;
        report.provider = run->account.provider;
        report.fatal = error;
        report.state = QStringLiteral("failed");
        report.addError(0, {}, error);
        onFinished(id, report);
    }
}

} // namespace roster
