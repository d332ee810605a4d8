#include "SyncJob.h"

#include "AccountPreflight.h"
#include "HttpClient.h"
#include "Provider.h"
#include "ProviderCatalog.h"
#include "PullApplier.h"
#include "PullSchedule.h"
#include "PushRun.h"
#include "RemoteScan.h"
#include "SyncFingerprint.h"
#include "store/Database.h"
#include "store/StoreSession.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

namespace roster {

SyncJob::SyncJob(StoreSession& session, HttpClient& client, AccountRecord account, std::unique_ptr<Provider> provider,
                 Options options, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_client(client)
    , m_account(std::move(account))
    , m_provider(std::move(provider))
    , m_options(std::move(options))
    , m_links(session.database())
    , m_conflicts(session.database())
    , m_runLog(session.database())
    , m_lease(session.database())
    , m_outbox(session.database())
{
    m_heartbeat.setInterval(SyncLease::kHeartbeat);
    connect(&m_heartbeat, &QTimer::timeout, this, &SyncJob::onHeartbeat);
    m_leasePoll.setSingleShot(true);
    connect(&m_leasePoll, &QTimer::timeout, this, &SyncJob::takeLease);
    m_report.account = m_account.name;
    m_report.provider = m_account.provider;
    m_report.dryRun = m_options.dryRun;
    if (!m_options.onlyContacts.isEmpty())
        m_options.pull = false;
}

SyncJob::~SyncJob()
{
    m_stopping = true;
    if (m_push)
        m_push->abort();
    m_lease.release();
}

bool SyncJob::filtersByUpdateTime() const
{
    const ProviderDescriptor* d = ProviderCatalog::find(m_account.provider);
    return d && d->incrementalPull;
}

void SyncJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_baseline = m_client.counters(m_account.name);
    if (m_options.dryRun)
        begin();
    else
        takeLease();
}

void SyncJob::takeLease()
{
    if (m_finished)
        return;
    SyncLease::Holder holder;
    auto taken = m_lease.acquire(m_account.id, &holder);
    if (!taken && taken.error().code == ErrorCode::SyncRunningElsewhere) {
        if (!m_options.waitForLease) {
            m_report.refuse(taken.error(), holder);
            finish(SyncReport::runningElsewhereState());
            return;
        }
        if (!m_waitClock.isValid()) {
            m_waitClock.start();
            emit waitingForLease(holder);
        }
        m_leasePoll.start(std::max(1, m_options.leasePollMs));
        return;
    }
    if (!taken) {
        stop(taken.error());
        return;
    }
    if (m_waitClock.isValid())
        m_report.waitedMs = m_waitClock.elapsed();
    m_heartbeat.start();
    begin();
}

void SyncJob::onHeartbeat()
{
    auto renewed = m_lease.renew();
    // Lost (expired while this run was stalled, and taken by another): stop before sending twice. Any other
    // failure (a busy database) passes; the lease has heartbeats to spare.
    if (!renewed && renewed.error().code == ErrorCode::SyncRunningElsewhere)
        stop(renewed.error());
}

void SyncJob::begin()
{
    m_runStart = QDateTime::currentDateTimeUtc();
    if (auto ok = m_links.prepare(); !ok) {
        stop(ok.error());
        return;
    }
    if (!m_options.dryRun) {
        auto run = m_runLog.start(m_account.id);
        if (!run) {
            stop(run.error());
            return;
        }
        m_report.runId = *run;
    }
    auto open = m_conflicts.open(m_account.id);
    if (!open) {
        stop(open.error());
        return;
    }
    for (const SyncConflict& conflict : std::as_const(*open))
        m_held[conflict.contactId].insert(conflict.field, conflict);
    bool anyCustom = false;
    QSet<QString> tags;
    if (m_options.push) {
        // Only what decides the requests before the push, of the contacts it will look at; the contacts
        // themselves are read after the pull, which may change them.
        auto candidates = candidateIds(false);
        auto needs = candidates ? m_outbox.needs(*candidates) : std::unexpected(candidates.error());
        if (!needs) {
            stop(needs.error());
            return;
        }
        anyCustom = needs->customValues;
        tags = needs->tags;
    }
    m_preflight = std::make_unique<AccountPreflight>(m_client, m_account.name, *m_provider);
    connect(m_preflight.get(), &AccountPreflight::warning, this, [this](const Error& error) {
        // Definitions the key may not read leave the run whole but for custom fields, and a tag the account
        // lacks and the run could not create leaves it whole but for that tag: warnings, not failures.
        if (error.code == ErrorCode::FieldDefinitionsUnavailable || error.code == ErrorCode::TagsIgnored)
            m_report.addWarning(0, {}, error);
        else
            recordError(0, {}, error);
    });
    connect(m_preflight.get(), &AccountPreflight::finished, this, [this](const Result<void>& result) {
        if (m_stopping)
            return;
        m_definitionsKnown = m_preflight->definitionsKnown();
        if (result)
            startPull();
        else
            stop(result.error());
    });
    // A push with no custom value needs no definitions (a push-only sync with nothing to do then sends
    // nothing at all), and only a push with tags needs tag ids (and the tags the account lacks).
    m_preflight->start(m_options.pull || anyCustom, m_options.push ? tags : QSet<QString> {}, m_options.dryRun);
}

Result<std::vector<qint64>> SyncJob::candidateIds(bool collect)
{
    if (!m_options.onlyContacts.isEmpty()) {
        std::vector<qint64> ids(m_options.onlyContacts.cbegin(), m_options.onlyContacts.cend());
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    auto state = m_outbox.state(m_account.id);
    if (!state)
        return std::unexpected(state.error());
    // Every contact, once: a new account (or a file from before the outbox), a forced full push, or requests
    // that changed shape with the account's options or the CRM's definitions. Before the pull the context
    // is not known yet; the contacts it would add do not change what the run must fetch first.
    const QString context = m_contextKnown
        ? SyncFingerprint::accountContext(*m_provider, m_account.provider, m_definitionsKnown, state->context)
        : state->context;
    const bool everyone = state->mark == 0 || m_options.fullPush || context != state->context;
    if (!collect || m_options.dryRun)
        return m_outbox.preview(m_account.id, everyone);
    if (auto ok = m_outbox.collect(m_account.id, everyone, context); !ok)
        return std::unexpected(ok.error());
    return m_outbox.pending(m_account.id);
}

void SyncJob::startPull()
{
    if (!m_options.pull) {
        planPush();
        return;
    }
    PullApplier::Settings settings;
    settings.accountId = m_account.id;
    settings.accountName = m_account.name;
    settings.policy = ThreeWayMerge::policyFromName(m_account.conflictPolicy);
    settings.dryRun = m_options.dryRun;
    settings.definitionsKnown = m_definitionsKnown;
    settings.guard = PushPlanner::settingsFor(m_account, m_options.confirmed, m_options.dryRun);
    m_pull = std::make_unique<PullApplier>(m_session, m_links, m_conflicts, *m_provider, m_held, settings);
    if (auto ok = m_pull->begin(); !ok) {
        stop(ok.error());
        return;
    }
    auto since = PullSchedule(m_session, m_links, m_account.id).updatedSince(filtersByUpdateTime(), m_options.fullScan);
    if (!since) {
        stop(since.error());
        return;
    }
    m_scan = std::make_unique<RemoteScan>(m_client, m_account.name, *m_provider, m_options.pageSize, *since);
    m_report.incremental = m_scan->isIncremental();
    connect(m_scan.get(), &RemoteScan::fellBack, this, [this](const Error& refusal) {
        m_report.incremental = false;
        if (!m_options.dryRun) {
            // Best effort: forgetting the refusal only costs one more refused request next time.
            [[maybe_unused]] const auto remembered = PullSchedule(m_session, m_links, m_account.id).filterRefused();
        }
        m_report.warnings << SyncReport::Issue {
            0,
            {},
            ErrorCode::UnsupportedByProvider,
            QStringLiteral("the update-time filter was refused (%1); pulled with a full scan")
                .arg(refusal.detail.isEmpty() ? refusal.toString() : refusal.detail)};
    });
    connect(m_scan.get(), &RemoteScan::exportRefused, this, [this](const Error& reason) {
        m_report.warnings << SyncReport::Issue {
            0,
            {},
            ErrorCode::UnsupportedByProvider,
            QStringLiteral("the bulk export was refused or unreadable (%1); pulled page by page")
                .arg(reason.detail.isEmpty() ? reason.toString() : reason.detail)};
    });
    connect(m_scan.get(), &RemoteScan::progress, this,
            [this](qint64 records, qint64 total) { emit progress(QStringLiteral("pull"), records, total); });
    connect(m_scan.get(), &RemoteScan::finished, this, [this](const Result<void>& result) {
        if (m_stopping)
            return;
        if (result)
            endPull();
        else
            stop(result.error());
    });
    m_scan->start([this](const RemotePage& page) {
        auto applied = m_pull->apply(page.records, m_report,
                                     [this](qint64 contactId, const QString& remoteId, const Error& error) {
                                         recordError(contactId, remoteId, error);
                                     });
        drainPlan();
        return applied;
    });
}

void SyncJob::endPull()
{
    PullSchedule schedule(m_session, m_links, m_account.id);
    auto guarded
        = m_pull->applyGuarded(m_report, [this](qint64 contactId, const QString& remoteId, const Error& error) {
              recordError(contactId, remoteId, error);
          });
    if (!guarded) {
        stop(guarded.error());
        return;
    }
    m_waiting = m_waiting || *guarded;
    Result<void> ok;
    if (!m_scan->isIncremental()) {
        ok = m_pull->concludeFullScan(m_report);
        if (ok && !m_options.dryRun)
            ok = schedule.fullScanDone();
    }
    // The watermark moves only after a complete pull, not past changes a guard held back, and never past this
    // run's start: one record dated in the future (a bad import, a skewed clock) would otherwise hide every later
    // change from incremental pulls until the next full scan.
    if (ok && !m_options.dryRun && !*guarded)
        ok = schedule.advanceWatermark(m_pull->latestUpdate(), m_runStart, !m_scan->isIncremental());
    if (!ok) {
        stop(ok.error());
        return;
    }
    drainPlan();
    planPush();
}

void SyncJob::planPush()
{
    if (!m_options.push) {
        finish(QStringLiteral("done"));
        return;
    }
    m_contextKnown = true;
    auto ids = candidateIds(true);
    if (!ids) {
        stop(ids.error());
        return;
    }
    PushPlanner::Settings settings = PushPlanner::settingsFor(m_account, m_options.confirmed, m_options.dryRun);
    settings.definitionsKnown = m_definitionsKnown;
    m_planner.emplace(*m_provider, settings);
    auto ok = planPages(*ids);
    if (!ok) {
        stop(ok.error());
        return;
    }
    if (m_options.dryRun) {
        if (auto described = describePlan(); !described) {
            stop(described.error());
            return;
        }
        finish(QStringLiteral("done"));
        return;
    }
    startPush();
}

void SyncJob::startPush()
{
    PushRun::Settings settings;
    settings.accountId = m_account.id;
    settings.accountName = m_account.name;
    settings.policy = ThreeWayMerge::policyFromName(m_account.conflictPolicy);
    settings.definitionsKnown = m_definitionsKnown;
    settings.maxInFlight = m_options.maxInFlight;
    m_push = std::make_unique<PushRun>(
        m_session, m_client, *m_provider, m_links, m_conflicts, m_outbox, m_held, m_report, settings,
        [this](const PushPlanner::Outgoing& outgoing, SyncReport& scratch) { return prepareNow(outgoing, scratch); },
        [this](qint64 contactId, const QString& remoteId, const Error& error) {
            recordError(contactId, remoteId, error);
        });
    connect(m_push.get(), &PushRun::progress, this, &SyncJob::progress);
    connect(m_push.get(), &PushRun::finished, this, [this](const Result<void>& result) {
        if (result)
            finish(QStringLiteral("done"));
        else
            stop(result.error());
    });
    m_push->start(std::move(m_outgoing), std::move(m_deletions));
}

Result<void> SyncJob::planPages(const std::vector<qint64>& ids)
{
    PushPlanner::RunState run;
    auto pending = m_conflicts.pendingDeletions(m_account.id);
    if (!pending)
        return std::unexpected(pending.error());
    for (const RemoteDeletion& deletion : std::as_const(*pending))
        run.pendingRemoteDeletion.insert(deletion.contactId);
    QHash<QString, qint64> phoneOwners;
    bool phoneOwnersRead = false;
    qint64 liveCandidates = 0;
    Database& db = m_session.database();
    for (std::size_t from = 0; from < ids.size(); from += kPlanPage) {
        PushPlanner::Page page;
        QList<qint64> pageIds;
        QList<qint64> gone; // deleted here: the remote side hears of it through deletedContactLinks()
        for (std::size_t i = from; i < std::min(ids.size(), from + kPlanPage); ++i) {
            if (auto contact = m_session.contacts().contact(ids[i])) {
                pageIds << ids[i];
                page.contacts.push_back(std::move(*contact));
            } else {
                gone << ids[i];
            }
        }
        liveCandidates += pageIds.size();
        auto links = m_links.linksOf(m_account.id, pageIds);
        if (!links)
            return std::unexpected(links.error());
        page.links = std::move(*links);
        if (m_provider->upsertMatchesByPhone() && !phoneOwnersRead) {
            // Read once, and only when a contact of the run would be created with a phone the CRM may match.
            const bool createsWithPhone
                = std::any_of(page.contacts.cbegin(), page.contacts.cend(), [&](const Contact& c) {
                      return !c.value(Field::Phone).isEmpty() && page.links.value(c.id).remoteId.isEmpty();
                  });
            if (createsWithPhone) {
                auto values = m_links.snapshotValues(m_account.id, FieldRegistry::name(Field::Phone));
                if (!values)
                    return std::unexpected(values.error());
                for (auto it = values->cbegin(); it != values->cend(); ++it)
                    phoneOwners.insert(PhoneTypes::identity(it.key()), it.value());
                phoneOwnersRead = true;
            }
        }
        run.phoneOwners = phoneOwnersRead ? &phoneOwners : nullptr;
        PushPlanner::PagePlan plan = m_planner->planPage(page, m_held, run, m_report);
        for (PushPlanner::Outgoing& o : plan.outgoing)
            m_outgoing.push_back(std::move(o));
        if (m_options.dryRun || (plan.settled.isEmpty() && gone.isEmpty()))
            continue;
        if (auto ok = db.begin(); !ok)
            return ok;
        for (qint64 id : std::as_const(plan.settled) + gone) {
            if (auto ok = m_outbox.remove(m_account.id, id); !ok) {
                db.rollback();
                return ok;
            }
        }
        if (auto ok = db.commit(); !ok)
            return ok;
    }
    // A contact outside the outbox is as it was when last acknowledged (or found unchanged): counted as such
    // without being read, so "unchanged" keeps meaning every contact that needed nothing.
    if (m_options.onlyContacts.isEmpty())
        m_report.pushed.unchanged
            += static_cast<int>(std::max<qint64>(0, m_session.contacts().count() - liveCandidates));
    if (m_options.onlyContacts.isEmpty() && PushPlanner::settingsFor(m_account, true, false).deleteRemote) {
        auto deleted = m_links.deletedContactLinks(m_account.id);
        if (!deleted)
            return std::unexpected(deleted.error());
        m_deletions = *deleted;
    }
    // The overwrite guard weighs updates against the account's linked records; below its minimum it never
    // holds anything, and counting a million links for one edit would be most of the run.
    const PushPlanner::Settings guard = PushPlanner::settingsFor(m_account, m_options.confirmed, m_options.dryRun);
    const qsizetype updates = std::count_if(m_outgoing.cbegin(), m_outgoing.cend(),
                                            [](const PushPlanner::Outgoing& o) { return !o.remoteId.isEmpty(); });
    qint64 linked = 0;
    if (!guard.confirmed && updates >= guard.guardMinimum) {
        auto counted = m_links.linkedCount(m_account.id);
        if (!counted)
            return std::unexpected(counted.error());
        linked = *counted;
    }
    m_waiting = m_planner->applyGuards(m_outgoing, m_deletions, linked, m_report) || m_waiting;
    drainPlan();
    return {};
}

Result<void> SyncJob::describePlan()
{
    // Read again one at a time, as a real run would send them: the plan's memory does not grow with the
    // contacts it lists beyond the lines themselves.
    SyncReport scratch;
    for (const PushPlanner::Outgoing& o : std::as_const(m_outgoing)) {
        auto prepared = prepareNow(o, scratch);
        if (!prepared)
            return std::unexpected(prepared.error());
        if (*prepared && (*prepared)->readiness == PushPlanner::Readiness::Send)
            m_report.plan << PushPlanner::planEntry((*prepared)->item, m_held);
        if (m_report.plan.size() >= static_cast<qsizetype>(kPlanPage))
            drainPlan();
    }
    for (const RemoteLink& link : std::as_const(m_deletions))
        m_report.plan << SyncReport::PlanEntry {
            link.contactId, link.remoteId, QStringLiteral("push"), QStringLiteral("delete"), {}};
    return {};
}

Result<std::optional<PushPlanner::Prepared>> SyncJob::prepareNow(const PushPlanner::Outgoing& outgoing,
                                                                 SyncReport& scratch)
{
    const auto contact = m_session.contacts().contact(outgoing.contactId);
    if (!contact)
        return std::optional<PushPlanner::Prepared>(); // deleted since the plan
    auto link = m_links.find(outgoing.contactId, m_account.id);
    if (!link)
        return std::unexpected(link.error());
    return std::optional<PushPlanner::Prepared>(m_planner->prepare(*contact, *link, m_held, scratch));
}

void SyncJob::drainPlan()
{
    if (!m_options.planSink)
        return;
    for (const SyncReport::PlanEntry& entry : std::as_const(m_report.plan))
        m_options.planSink(entry);
    m_report.plan.clear();
}

void SyncJob::recordError(qint64 contactId, const QString& remoteId, const Error& error)
{
    m_report.addError(contactId, remoteId, error);
    if (m_report.runId > 0) {
        const SyncReport::Issue& issue = m_report.errors.constLast();
        m_runLog.addError(m_report.runId, {contactId, remoteId, issue.code, issue.message});
    }
}

void SyncJob::stop(const Error& error)
{
    if (m_finished || m_stopping)
        return;
    m_report.fatal = error;
    recordError(0, {}, error);
    finish(error.code == ErrorCode::Cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"));
}

void SyncJob::cancel()
{
    if (!m_started) {
        m_started = true;
        m_finished = true;
        m_report.state = QStringLiteral("cancelled");
        return;
    }
    stop(Error {ErrorCode::Cancelled, {}, QStringLiteral("sync cancelled")});
}

void SyncJob::finish(const QString& state)
{
    if (m_finished)
        return;
    m_stopping = true;
    m_finished = true;
    if (m_preflight)
        m_preflight->abort();
    if (m_scan)
        m_scan->abort();
    if (m_push)
        m_push->abort();
    m_heartbeat.stop();
    m_leasePoll.stop();
    drainPlan();
    const TransportCounters now = m_client.counters(m_account.name);
    // Open conflicts as of the end of the run, found now or before: what waits for the user.
    m_report.conflicts = 0;
    for (const auto& fields : std::as_const(m_held))
        m_report.conflicts += static_cast<int>(fields.size());
    m_report.transport.requests = now.requests - m_baseline.requests;
    m_report.transport.retries = now.retries - m_baseline.retries;
    m_report.transport.rateLimited = now.rateLimited - m_baseline.rateLimited;
    m_report.state = state == QLatin1String("done") && m_waiting ? QStringLiteral("waiting for confirmation") : state;
    if (m_report.runId > 0) {
        const SyncRunLog::Totals totals {m_report.pushed.created + m_report.pushed.updated,
                                         m_report.pulled.created + m_report.pulled.updated,
                                         m_report.pushed.failed + m_report.pulled.failed};
        m_runLog.finish(m_report.runId, m_report.state, totals,
                        QString::fromUtf8(QJsonDocument(m_report.toJson()).toJson(QJsonDocument::Compact)));
    }
    // Before anyone hears of the end, so a run started from the signal finds the account free.
    m_lease.release();
    emit finished(m_report);
}

SyncReport SyncJob::run()
{
    if (!m_finished) {
        QEventLoop loop;
        connect(this, &SyncJob::finished, &loop, &QEventLoop::quit);
        start();
        if (!m_finished)
            loop.exec();
    }
    return m_report;
}

} // namespace roster
