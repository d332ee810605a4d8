#include "SyncJob.h"

#include "AccountPreflight.h"
#include "HttpClient.h"
#include "HttpJob.h"
#include "Provider.h"
#include "ProviderCatalog.h"
#include "PullApplier.h"
#include "PullSchedule.h"
#include "RemoteScan.h"
#include "SyncFingerprint.h"
#include "store/Database.h"
#include "store/StoreSession.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

namespace roster {

namespace {

// The key of m_inFlight for a remote delete (upserts use their item index).
constexpr std::size_t kDeleteJob = SIZE_MAX;

} // namespace

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
    for (const QPointer<HttpJob>& job : std::as_const(m_inFlight)) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
    m_lease.release();
}

HttpJob* SyncJob::send(const HttpRequestSpec& spec)
{
    return m_client.send(m_account.name, spec);
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
    for (std::size_t i = 0; i < m_outgoing.size(); ++i)
        m_queue.push_back(i);
    emit progress(QStringLiteral("push"), 0, static_cast<qint64>(m_outgoing.size()));
    pumpPush();
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

void SyncJob::pumpPush()
{
    while (!m_stopping && !m_queue.empty() && m_inFlight.size() < std::max(1, m_options.maxInFlight)) {
        const std::size_t index = m_queue.front();
        m_queue.pop_front();
        sendPush(index);
    }
    if (!m_stopping && m_queue.empty() && m_inFlight.isEmpty()) {
        if (auto ok = applyEchoes(); !ok) {
            stop(ok.error());
            return;
        }
        sendNextDelete();
    }
}

Result<void> SyncJob::applyEchoes()
{
    // What the CRM stored may hold more than what was sent (lemlist's owner and source, a default
    // do-not-contact): merged now against what was sent, so the next sync does not pull it as news. A run
    // killed before this point loses nothing: the next pull merges the same values.
    if (m_echoes.isEmpty())
        return {};
    PullApplier::Settings settings;
    settings.accountId = m_account.id;
    settings.accountName = m_account.name;
    settings.policy = ThreeWayMerge::policyFromName(m_account.conflictPolicy);
    settings.definitionsKnown = m_definitionsKnown;
    settings.guard.confirmed = true; // the echo of what this run sent: nothing for the guard to hold
    PullApplier echo(m_session, m_links, m_conflicts, *m_provider, m_held, settings);
    if (auto ok = echo.begin(); !ok)
        return ok;
    SyncReport scratch;
    const auto sink = [this](qint64 contactId, const QString& remoteId, const Error& error) {
        recordError(contactId, remoteId, error);
    };
    for (qsizetype from = 0; from < m_echoes.size(); from += 500) {
        if (auto ok = echo.apply(m_echoes.mid(from, 500), scratch, sink); !ok)
            return ok;
    }
    m_echoes.clear();
    m_report.conflicts += scratch.conflicts;
    m_report.warnings << scratch.warnings;
    return {};
}

bool SyncJob::loadItem(std::size_t index)
{
    const PushPlanner::Outgoing& outgoing = m_outgoing[index];
    SyncReport scratch; // the plan reported its warnings already
    auto prepared = prepareNow(outgoing, scratch);
    if (!prepared) {
        stop(prepared.error());
        return false;
    }
    const bool gone = !prepared->has_value();
    if (!gone && (*prepared)->readiness == PushPlanner::Readiness::Send) {
        m_items.insert(index, std::move((*prepared)->item));
        return true;
    }
    if (!gone && (*prepared)->readiness == PushPlanner::Readiness::Failed) {
        ++m_report.pushed.failed;
        for (const SyncReport::Issue& issue : std::as_const(scratch.errors))
            recordError(issue.contactId, issue.remoteId, Error {issue.code, {}, issue.message});
    } else if (auto ok = m_outbox.remove(m_account.id, outgoing.contactId); !ok) {
        // Deleted since the plan (its deletion goes out on its own), or changed back to what was last sent.
        stop(ok.error());
        return false;
    } else if (!gone) {
        ++m_report.pushed.unchanged;
    }
    emit progress(QStringLiteral("push"), ++m_pushDone, static_cast<qint64>(m_outgoing.size()));
    return false;
}

void SyncJob::sendPush(std::size_t index)
{
    // The contact is read when its turn comes, as it is then: a push of many contacts holds only those in
    // flight.
    if (!m_items.contains(index) && !loadItem(index))
        return;
    PushPlanner::Item& item = m_items[index];
    auto spec = m_provider->upsertRequest(item.contact, item.remoteId);
    if (!spec) {
        ++m_report.pushed.failed;
        recordError(item.contact.id, item.remoteId, spec.error());
        m_items.remove(index);
        return;
    }
    // A create is not repeated blindly: after a timeout, a dropped connection or a server error it may have
    // been applied, and is looked up by its key first (reconcile()). 429 and 503 say nothing was done, and
    // the transport retries those. An update by id or by key can go again as it is.
    if (item.remoteId.isEmpty())
        spec->idempotent = false;
    HttpJob* job = send(*spec);
    m_inFlight.insert(index, job);
    connect(job, &HttpJob::finished, this,
            [this, index](const Result<HttpResponse>& result) { onPushReply(index, result); });
}

void SyncJob::onPushReply(std::size_t index, const Result<HttpResponse>& result)
{
    m_inFlight.remove(index);
    if (m_stopping)
        return;
    PushPlanner::Item& item = m_items[index];
    Result<UpsertOutcome> outcome = result ? m_provider->parseUpsertReply(*result) : std::unexpected(result.error());
    if (!outcome) {
        const Error& error = outcome.error();
        // A halted transport fails every record the same way: one account-level error says it once.
        if (error.code == ErrorCode::AuthenticationFailed || m_client.halted(m_account.name)) {
            stop(error);
            return;
        }
        const bool replyLost = !result
            && (error.code == ErrorCode::Timeout || error.code == ErrorCode::NetworkError
                || error.code == ErrorCode::HttpError);
        if (error.code == ErrorCode::ContactNotFound && !item.remoteId.isEmpty() && !item.retriedWithoutId) {
            // The remote record is gone (deleted there, or a stale id): relink by natural key, and say so
            // once it is done.
            item.goneRemoteId = item.remoteId;
            item.remoteId.clear();
            item.retriedWithoutId = true;
            if (auto ok = m_links.remove(item.contact.id, m_account.id); !ok) {
                stop(ok.error());
                return;
            }
            m_queue.push_front(index);
        } else if (replyLost && item.remoteId.isEmpty() && item.resends < kMaxCreateResends) {
            reconcile(index, error);
            return;
        } else {
            ++m_report.pushed.failed;
            recordError(item.contact.id, item.remoteId, error);
            m_items.remove(index);
        }
        pumpPush();
        return;
    }
    acknowledge(index, *outcome);
}

void SyncJob::reconcile(std::size_t index, const Error& lost)
{
    PushPlanner::Item& item = m_items[index];
    const auto spec = m_provider->lookupRequest(item.contact);
    if (!spec) {
        // No lookup in the contract (GetSales): its upsert matches the key, so sending it again updates
        // whatever the lost request created.
        ++item.resends;
        m_queue.push_front(index);
        pumpPush();
        return;
    }
    HttpJob* job = send(*spec);
    m_inFlight.insert(index, job);
    connect(job, &HttpJob::finished, this,
            [this, index, lost](const Result<HttpResponse>& result) { onLookupReply(index, lost, result); });
}

void SyncJob::onLookupReply(std::size_t index, const Error& lost, const Result<HttpResponse>& result)
{
    m_inFlight.remove(index);
    if (m_stopping)
        return;
    PushPlanner::Item& item = m_items[index];
    auto found = result ? m_provider->parseLookupReply(item.contact, *result) : std::unexpected(result.error());
    if (!found) {
        if (found.error().code == ErrorCode::AuthenticationFailed || m_client.halted(m_account.name)) {
            stop(found.error());
            return;
        }
        // A lookup the server did not take (refused, not understood): the upsert matches by key as well,
        // and is the next best way to find what the lost request created.
        const bool answered = found.error().code != ErrorCode::Timeout && found.error().code != ErrorCode::NetworkError
            && found.error().code != ErrorCode::HttpError && found.error().code != ErrorCode::RateLimited;
        if (answered) {
            ++item.resends;
            m_queue.push_front(index);
            pumpPush();
            return;
        }
        // Neither known created nor known absent, the server failing: sending it again could create it
        // twice. The next run tries again (the contact has no link, so it is a create there too, reconciled
        // the same way).
        ++m_report.pushed.failed;
        recordError(item.contact.id, {},
                    Error {lost.code, lost.field,
                           lost.detail + QStringLiteral("; not sent again: looking the contact up by its key failed (")
                               + found.error().detail + QLatin1Char(')')});
        m_items.remove(index);
        pumpPush();
        return;
    }
    if (*found) {
        // The lost create was applied (or the CRM had the record already): update that record by its id, so
        // that what was sent is what it holds, without a second create.
        item.foundByLookup = true;
        if (m_provider->updatesById()) {
            item.remoteId = (*found)->remoteId;
            m_queue.push_front(index);
            pumpPush();
            return;
        }
        UpsertOutcome outcome;
        outcome.remoteId = (*found)->remoteId;
        outcome.record = **found;
        acknowledge(index, outcome);
        return;
    }
    // Not there: the request never reached the CRM's store, and is sent again.
    ++item.resends;
    m_queue.push_front(index);
    pumpPush();
}

void SyncJob::acknowledge(std::size_t index, const UpsertOutcome& acknowledged)
{
    PushPlanner::Item& item = m_items[index];
    const UpsertOutcome* outcome = &acknowledged;
    RemoteLink link;
    link.contactId = item.contact.id;
    link.accountId = m_account.id;
    link.remoteId = outcome->remoteId.isEmpty() ? item.remoteId : outcome->remoteId;
    link.syncedHash = item.hash;
    // What was sent is what both sides now hold: the base of the next merge (held fields at their remote
    // value, which is what the CRM keeps; so are fields emptied here, which the CRM ignores).
    FieldMap keptByCrm;
    FieldMap notSent;
    link.snapshot = PushPlanner::snapshotAfterPush(item, *m_provider, &keptByCrm, &notSent);
    for (auto it = notSent.cbegin(); it != notSent.cend(); ++it) {
        m_report.addWarning(item.contact.id, link.remoteId,
                            Error {ErrorCode::FieldIgnored, it.key(),
                                   QStringLiteral("%1's update by id does not take it; \"%2\" was not sent")
                                       .arg(m_provider->profile().displayName, FieldValues::display(it.value()))});
    }
    for (auto it = keptByCrm.cbegin(); it != keptByCrm.cend(); ++it) {
        m_report.addWarning(
            item.contact.id, link.remoteId,
            Error {ErrorCode::FieldIgnored, it.key(),
                   QStringLiteral("%1: emptied here, but %2 ignores empty values and keeps \"%3\"")
                       .arg(it.key(), m_provider->profile().displayName, FieldValues::display(it.value()))});
    }
    link.syncedAt = QDateTime::currentDateTimeUtc();
    auto saved = m_links.save(link);
    if (saved && !outcome->record.patch.isEmpty()) {
        RemoteRecord echo = outcome->record;
        echo.remoteId = link.remoteId;
        echo.full = false;
        m_echoes << echo;
    }
    if (!saved && saved.error().code == ErrorCode::IdentifierTaken) {
        // The CRM merged this contact into one another contact is linked to: keep the hash (resending
        // would not help) and say so.
        ++m_report.pushed.failed;
        recordError(item.contact.id, link.remoteId, Error {ErrorCode::PossibleDuplicate, {}, saved.error().detail});
        link.remoteId.clear();
        saved = m_links.save(link);
    } else if (saved) {
        // The id the contact was linked to is gone there (a 404 on the update by id, or a CRM without one
        // answering with another record): said per record, as the user may look for the old one.
        // A CRM without an update by id (GetSales) shows it only by answering with another record.
        const bool knownGone = !item.goneRemoteId.isEmpty();
        const QString previous = knownGone ? item.goneRemoteId : item.remoteId;
        if (!previous.isEmpty() && previous != link.remoteId)
            m_report.addWarning(
                item.contact.id, link.remoteId,
                Error {ErrorCode::ContactNotFound,
                       {},
                       QStringLiteral("remote record %1 was gone%2; relinked to %3")
                           .arg(previous, knownGone ? QString() : QStringLiteral(" or no longer has the contact's key"),
                                link.remoteId)});
        const bool created = item.foundByLookup || countsAsCreated(outcome->disposition, item.remoteId, link.remoteId);
        ++(created ? m_report.pushed.created : m_report.pushed.updated);
    }
    // Acknowledged, or known merged into another contact's record (resending would not help): either way
    // the contact leaves the outbox until it changes again.
    if (saved && !item.warned)
        saved = m_outbox.remove(m_account.id, item.contact.id);
    m_items.remove(index);
    if (!saved) {
        stop(saved.error());
        return;
    }
    if (m_echoes.size() >= static_cast<qsizetype>(kPlanPage)) {
        if (auto ok = applyEchoes(); !ok) {
            stop(ok.error());
            return;
        }
    }
    emit progress(QStringLiteral("push"), ++m_pushDone, static_cast<qint64>(m_outgoing.size()));
    pumpPush();
}

void SyncJob::sendNextDelete()
{
    if (m_deletions.isEmpty()) {
        finish(QStringLiteral("done"));
        return;
    }
    const RemoteLink link = m_deletions.takeFirst();
    HttpJob* job = send(m_provider->deleteRequest(link.remoteId));
    m_inFlight.insert(kDeleteJob, job);
    connect(job, &HttpJob::finished, this, [this, link](const Result<HttpResponse>& result) {
        m_inFlight.remove(kDeleteJob);
        if (m_stopping)
            return;
        Result<void> deleted = result ? m_provider->parseDeleteReply(*result) : std::unexpected(result.error());
        // Already gone there is as good as deleted: the link goes either way.
        if (deleted || deleted.error().code == ErrorCode::ContactNotFound) {
            if (auto ok = m_links.remove(link.contactId, m_account.id); !ok) {
                stop(ok.error());
                return;
            }
            ++m_report.pushedDeletions;
            emit progress(QStringLiteral("delete"), m_report.pushedDeletions, -1);
        } else if (deleted.error().code == ErrorCode::AuthenticationFailed || m_client.halted(m_account.name)) {
            stop(deleted.error());
            return;
        } else {
            ++m_report.pushed.failed;
            recordError(link.contactId, link.remoteId, deleted.error());
        }
        sendNextDelete();
    });
}

bool SyncJob::countsAsCreated(UpsertDisposition disposition, const QString& linkedRemoteId,
                              const QString& replyRemoteId)
{
    // Sent to a record we were already linked to: an update, whatever the reply suggests. Monaco only
    // hints creation by equal timestamps, which a quick update within the same millisecond also has.
    if (!linkedRemoteId.isEmpty() && linkedRemoteId == replyRemoteId)
        return false;
    return disposition == UpsertDisposition::Created
        || (disposition == UpsertDisposition::Unknown && linkedRemoteId.isEmpty());
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
    const auto jobs = m_inFlight;
    m_inFlight.clear();
    for (const QPointer<HttpJob>& job : jobs) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
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
