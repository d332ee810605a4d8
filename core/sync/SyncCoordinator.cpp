#include "SyncCoordinator.h"

#include "AccountSecrets.h"
#include "HttpClient.h"
#include "Provider.h"
#include "SyncSetup.h"
#include "store/StoreSession.h"
#include "store/SyncLease.h"
#include "store/SyncRunLog.h"

#include <QJsonDocument>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace roster {

SyncCoordinator::SyncCoordinator(StoreSession& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_client(new HttpClient(this))
    , m_timeScale(SyncSetup::timeScaleFromEnvironment())
    , m_readSecret([this](const AccountRecord& account) { return AccountSecrets(m_session.database()).read(account); })
{
}

SyncCoordinator::~SyncCoordinator()
{
    // Nobody listens any more: stop the jobs (each aborts its requests) before the client goes.
    blockSignals(true);
    for (Run& run : m_runs)
        delete run.job;
    m_runs.clear();
}

SyncReport SyncCoordinator::failedReport(const AccountRecord& account, const Error& error) const
{
    SyncReport report;
    report.account = account.name;
    report.provider = account.provider;
    report.fatal = error;
    report.state = QStringLiteral("failed");
    report.addError(0, {}, error);
    // In the history too, so the account's last sync says why it did not run.
    SyncRunLog log(m_session.database());
    if (auto run = log.start(account.id)) {
        report.runId = *run;
        const SyncReport::Issue& issue = report.errors.constLast();
        log.addError(*run, {0, {}, issue.code, issue.message});
        log.finish(*run, report.state, {0, 0, 0},
                   QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact)));
    }
    return report;
}

SyncReport SyncCoordinator::refusedReport(const AccountRecord& account, const SyncLease::Holder& holder)
{
    SyncReport report;
    report.account = account.name;
    report.provider = account.provider;
    report.refuse(Error {ErrorCode::SyncRunningElsewhere, {}, holder.describe()}, holder);
    return report;
}

bool SyncCoordinator::start(const QList<AccountRecord>& accounts)
{
    return start(accounts, m_options);
}

bool SyncCoordinator::start(const QList<AccountRecord>& accounts, const SyncJob::Options& options)
{
    QList<std::pair<AccountRecord, SyncJob::Options>> runs;
    for (const AccountRecord& account : accounts)
        runs.append({account, options});
    return start(runs);
}

bool SyncCoordinator::start(const QList<std::pair<AccountRecord, SyncJob::Options>>& runs)
{
    if (m_starting)
        return false;
    m_starting = true;
    QList<qint64> ready;
    QList<std::pair<qint64, SyncReport>> refused;
    const QHash<qint64, SyncLease::Holder> elsewhere = runningElsewhere();
    for (const auto& [account, options] : runs) {
        if (m_runs.contains(account.id))
            continue;
        // Known busy before the key is read (a keychain prompt for nothing); the job checks again, for a run
        // that starts meanwhile. Not in the history: this run did nothing, the other one records itself.
        if (const auto holder = elsewhere.constFind(account.id); holder != elsewhere.constEnd() && !options.dryRun) {
            refused.append({account.id, refusedReport(account, *holder)});
            continue;
        }
        auto provider = SyncSetup::provider(account);
        if (!provider) {
            refused.append({account.id, failedReport(account, provider.error())});
            continue;
        }
        auto secret = m_readSecret(account);
        if (!secret) {
            refused.append({account.id, failedReport(account, secret.error())});
            continue;
        }
        // A removal still pending from the account's previous run must not take the new registration.
        if (m_client->hasAccount(account.name))
            m_client->removeAccount(account.name);
        const HttpAccount http = SyncSetup::httpAccount(account, **provider, *secret, m_timeScale);
        if (auto ok = m_client->addAccount(http); !ok) {
            refused.append({account.id, failedReport(account, ok.error())});
            continue;
        }
        Run run;
        run.account = account;
        run.limits = http.profile.rateLimits;
        run.progress.phase = QStringLiteral("connect");
        run.clock.start();
        auto* job = new SyncJob(m_session, *m_client, account, std::move(*provider), options, this);
        const qint64 id = account.id;
        connect(job, &SyncJob::progress, this,
                [this, id](const QString& phase, qint64 done, qint64 total) { onProgress(id, phase, done, total); });
        connect(job, &SyncJob::finished, this, [this, id](const SyncReport& report) { onFinished(id, report); });
        run.job = job;
        m_runs.insert(id, run);
        ready << id;
    }
    m_starting = false;
    for (const auto& [id, report] : std::as_const(refused))
        emit accountFinished(id, report);
    for (const qint64 id : std::as_const(ready)) {
        if (!m_runs.contains(id))
            continue;
        emit accountStarted(id);
        emit accountProgress(id, m_runs.value(id).progress);
        if (SyncJob* job = m_runs.value(id).job)
            job->start();
    }
    if (m_runs.isEmpty() && !refused.isEmpty())
        emit allFinished();
    return !ready.isEmpty();
}

void SyncCoordinator::cancel()
{
    const QList<qint64> ids = m_runs.keys();
    for (const qint64 id : ids)
        cancel(id);
}

void SyncCoordinator::cancel(qint64 accountId)
{
    const auto it = m_runs.constFind(accountId);
    if (it == m_runs.constEnd() || !it->job)
        return;
    it->job->cancel();
}

SyncProgress SyncCoordinator::progress(qint64 accountId) const
{
    return m_runs.value(accountId).progress;
}

QHash<qint64, SyncLease::Holder> SyncCoordinator::runningElsewhere() const
{
    QHash<qint64, SyncLease::Holder> holders;
    auto live = SyncLease(m_session.database()).holders();
    for (const SyncLease::Holder& holder : live.value_or(QList<SyncLease::Holder> {})) {
        if (!m_runs.contains(holder.accountId))
            holders.insert(holder.accountId, holder);
    }
    return holders;
}

void SyncCoordinator::onProgress(qint64 accountId, const QString& phase, qint64 done, qint64 total)
{
    auto it = m_runs.find(accountId);
    if (it == m_runs.end())
        return;
    Run& run = *it;
    if (run.progress.phase != phase) {
        run.progress.phase = phase;
        run.clock.restart();
        run.pages = 0;
    }
    if (phase == QLatin1String("pull"))
        ++run.pages;
    run.progress.done = done;
    run.progress.total = total;
    run.progress.etaMs = eta(run);
    emit accountProgress(accountId, run.progress);
}

void SyncCoordinator::onFinished(qint64 accountId, const SyncReport& report)
{
    const Run run = m_runs.take(accountId);
    if (run.job)
        run.job->deleteLater();
    // Not from inside the transport's own signal: drop the registration once the stack has unwound, unless
    // the account was started again meanwhile.
    const QString name = run.account.name;
    QTimer::singleShot(0, this, [this, accountId, name] {
        if (!m_runs.contains(accountId))
            m_client->removeAccount(name);
    });
    emit accountFinished(accountId, report);
    if (m_runs.isEmpty())
        emit allFinished();
}

qint64 SyncCoordinator::eta(const Run& run) const
{
    const SyncProgress& p = run.progress;
    if (p.total < 0 || p.done < 0)
        return -1;
    const qint64 remainingItems = std::max<qint64>(0, p.total - p.done);
    qint64 remainingRequests = remainingItems;
    if (p.phase == QLatin1String("pull")) {
        if (run.pages <= 0 || p.done <= 0)
            return -1;
        const double perPage = double(p.done) / double(run.pages);
        remainingRequests = static_cast<qint64>(std::ceil(double(remainingItems) / std::max(1.0, perPage)));
    } else if (p.phase != QLatin1String("push") && p.phase != QLatin1String("delete")) {
        return -1; // one request per record in push and delete; nothing to count while connecting
    }
    if (remainingRequests == 0)
        return 0;
    // Requests this run has put in the short window so far: while the run is younger than the window they
    // are all in it; after that, assume the run keeps the window full.
    qint64 spent = 0;
    if (!run.limits.isEmpty()) {
        const qint64 requests = m_client->counters(run.account.name).requests;
        const auto window = static_cast<qint64>(double(run.limits.first().window.count()) * m_timeScale);
        spent = run.clock.elapsed() < window ? requests : run.limits.first().requests;
    }
    qint64 estimate = estimateMs(remainingRequests, run.limits, m_timeScale, spent);
    // A service slower than its limit (latency, retries): what this phase has shown so far.
    const qint64 elapsed = run.clock.elapsed();
    if (p.done > 0 && elapsed > 0) {
        const double observedMsPerItem = double(elapsed) / double(p.done);
        estimate = std::max(estimate, static_cast<qint64>(observedMsPerItem * double(remainingItems)));
    }
    return estimate;
}

qint64 SyncCoordinator::estimateMs(qint64 remainingRequests, const QList<RateLimit>& limits, double timeScale,
                                   qint64 spentInWindow)
{
    if (remainingRequests <= 0)
        return 0;
    double worst = 0.0;
    for (qsizetype i = 0; i < limits.size(); ++i) {
        const RateLimit& limit = limits.at(i);
        if (limit.requests <= 0 || limit.window.count() <= 0)
            continue;
        const double windowMs = double(limit.window.count()) * timeScale;
        double waiting = double(remainingRequests);
        if (i == 0) {
            // What is left of the current window goes at once.
            waiting -= double(std::max<qint64>(0, limit.requests - spentInWindow));
        } else if (remainingRequests <= limit.requests) {
            continue; // a long limit (a day's quota) that this run stays under
        }
        if (waiting <= 0)
            continue;
        worst = std::max(worst, waiting * windowMs / double(limit.requests));
    }
    return static_cast<qint64>(std::llround(worst));
}

} // namespace roster
