#include "PushRun.h"

#include "HttpClient.h"
#include "HttpJob.h"
#include "Provider.h"
#include "PullApplier.h"
#include "store/RemoteLinkStore.h"
#include "store/StoreSession.h"
#include "store/SyncConflictStore.h"
#include "store/SyncOutbox.h"

namespace roster {

namespace {

// The key of m_inFlight for a remote delete (upserts use their item index).
constexpr std::size_t kDeleteJob = SIZE_MAX;

} // namespace

PushRun::PushRun(StoreSession& session, HttpClient& client, const Provider& provider, RemoteLinkStore& links,
                 SyncConflictStore& conflicts, SyncOutbox& outbox, HeldFields& held, SyncReport& report,
                 Settings settings, ContactReader read, ErrorSink errors, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_client(client)
    , m_provider(provider)
    , m_links(links)
    , m_conflicts(conflicts)
    , m_outbox(outbox)
    , m_held(held)
    , m_report(report)
    , m_settings(std::move(settings))
    , m_read(std::move(read))
    , m_errors(std::move(errors))
{
}

PushRun::~PushRun()
{
    abort();
}

HttpJob* PushRun::send(const HttpRequestSpec& spec)
{
    return m_client.send(m_settings.accountName, spec);
}

void PushRun::start(std::vector<PushPlanner::Outgoing> outgoing, QList<RemoteLink> deletions)
{
    m_outgoing = std::move(outgoing);
    m_deletions = std::move(deletions);
    for (std::size_t i = 0; i < m_outgoing.size(); ++i)
        m_queue.push_back(i);
    emit progress(QStringLiteral("push"), 0, static_cast<qint64>(m_outgoing.size()));
    pump();
}

void PushRun::abort()
{
    m_stopping = true;
    const auto jobs = m_inFlight;
    m_inFlight.clear();
    for (const QPointer<HttpJob>& job : jobs) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
}

void PushRun::finish(const Result<void>& result)
{
    if (m_stopping)
        return;
    m_stopping = true;
    emit finished(result);
}

void PushRun::pump()
{
    while (!m_stopping && !m_queue.empty() && m_inFlight.size() < std::max(1, m_settings.maxInFlight)) {
        const std::size_t index = m_queue.front();
        m_queue.pop_front();
        sendUpsert(index);
    }
    if (!m_stopping && m_queue.empty() && m_inFlight.isEmpty()) {
        if (auto ok = applyEchoes(); !ok) {
            finish(std::unexpected(ok.error()));
            return;
        }
        sendNextDelete();
    }
}

Result<void> PushRun::applyEchoes()
{
    // What the CRM stored may hold more than what was sent (lemlist's owner and source, a default
    // do-not-contact): merged now against what was sent, so the next sync does not pull it as news. A run
    // killed before this point loses nothing: the next pull merges the same values.
    if (m_echoes.isEmpty())
        return {};
    PullApplier::Settings settings;
    settings.accountId = m_settings.accountId;
    settings.accountName = m_settings.accountName;
    settings.policy = m_settings.policy;
    settings.definitionsKnown = m_settings.definitionsKnown;
    settings.guard.confirmed = true; // the echo of what this run sent: nothing for the guard to hold
    PullApplier echo(m_session, m_links, m_conflicts, m_provider, m_held, settings);
    if (auto ok = echo.begin(); !ok)
        return ok;
    SyncReport scratch;
    for (qsizetype from = 0; from < m_echoes.size(); from += kEchoBatch) {
        if (auto ok = echo.apply(m_echoes.mid(from, kEchoBatch), scratch, m_errors); !ok)
            return ok;
    }
    m_echoes.clear();
    m_report.conflicts += scratch.conflicts;
    m_report.warnings << scratch.warnings;
    return {};
}

bool PushRun::loadItem(std::size_t index)
{
    const PushPlanner::Outgoing& outgoing = m_outgoing[index];
    SyncReport scratch; // the plan reported its warnings already
    auto prepared = m_read(outgoing, scratch);
    if (!prepared) {
        finish(std::unexpected(prepared.error()));
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
            m_errors(issue.contactId, issue.remoteId, Error {issue.code, {}, issue.message});
    } else if (auto ok = m_outbox.remove(m_settings.accountId, outgoing.contactId); !ok) {
        // Deleted since the plan (its deletion goes out on its own), or changed back to what was last sent.
        finish(std::unexpected(ok.error()));
        return false;
    } else if (!gone) {
        ++m_report.pushed.unchanged;
    }
    emit progress(QStringLiteral("push"), ++m_done, static_cast<qint64>(m_outgoing.size()));
    return false;
}

void PushRun::sendUpsert(std::size_t index)
{
    // The contact is read when its turn comes, as it is then: a push of many contacts holds only those in
    // flight.
    if (!m_items.contains(index) && !loadItem(index))
        return;
    PushPlanner::Item& item = m_items[index];
    auto spec = m_provider.upsertRequest(item.contact, item.remoteId);
    if (!spec) {
        ++m_report.pushed.failed;
        m_errors(item.contact.id, item.remoteId, spec.error());
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
            [this, index](const Result<HttpResponse>& result) { onUpsertReply(index, result); });
}

void PushRun::onUpsertReply(std::size_t index, const Result<HttpResponse>& result)
{
    m_inFlight.remove(index);
    if (m_stopping)
        return;
    PushPlanner::Item& item = m_items[index];
    Result<UpsertOutcome> outcome = result ? m_provider.parseUpsertReply(*result) : std::unexpected(result.error());
    if (!outcome) {
        const Error& error = outcome.error();
        // A halted transport fails every record the same way: one account-level error says it once.
        if (error.code == ErrorCode::AuthenticationFailed || m_client.halted(m_settings.accountName)) {
            finish(std::unexpected(error));
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
            if (auto ok = m_links.remove(item.contact.id, m_settings.accountId); !ok) {
                finish(std::unexpected(ok.error()));
                return;
            }
            m_queue.push_front(index);
        } else if (replyLost && item.remoteId.isEmpty() && item.resends < kMaxCreateResends) {
            reconcile(index, error);
            return;
        } else {
            ++m_report.pushed.failed;
            m_errors(item.contact.id, item.remoteId, error);
            m_items.remove(index);
        }
        pump();
        return;
    }
    acknowledge(index, *outcome);
}

void PushRun::reconcile(std::size_t index, const Error& lost)
{
    PushPlanner::Item& item = m_items[index];
    const auto spec = m_provider.lookupRequest(item.contact);
    if (!spec) {
        // No lookup in the contract (GetSales): its upsert matches the key, so sending it again updates
        // whatever the lost request created.
        ++item.resends;
        m_queue.push_front(index);
        pump();
        return;
    }
    HttpJob* job = send(*spec);
    m_inFlight.insert(index, job);
    connect(job, &HttpJob::finished, this,
            [this, index, lost](const Result<HttpResponse>& result) { onLookupReply(index, lost, result); });
}

void PushRun::onLookupReply(std::size_t index, const Error& lost, const Result<HttpResponse>& result)
{
    m_inFlight.remove(index);
    if (m_stopping)
        return;
    PushPlanner::Item& item = m_items[index];
    auto found = result ? m_provider.parseLookupReply(item.contact, *result) : std::unexpected(result.error());
    if (!found) {
        if (found.error().code == ErrorCode::AuthenticationFailed || m_client.halted(m_settings.accountName)) {
            finish(std::unexpected(found.error()));
            return;
        }
        // A lookup the server did not take (refused, not understood): the upsert matches by key as well,
        // and is the next best way to find what the lost request created.
        const bool answered = found.error().code != ErrorCode::Timeout && found.error().code != ErrorCode::NetworkError
            && found.error().code != ErrorCode::HttpError && found.error().code != ErrorCode::RateLimited;
        if (answered) {
            ++item.resends;
            m_queue.push_front(index);
            pump();
            return;
        }
        // Neither known created nor known absent, the server failing: sending it again could create it
        // twice. The next run tries again (the contact has no link, so it is a create there too, reconciled
        // the same way).
        ++m_report.pushed.failed;
        m_errors(item.contact.id, {},
                 Error {lost.code, lost.field,
                        lost.detail + QStringLiteral("; not sent again: looking the contact up by its key failed (")
                            + found.error().detail + QLatin1Char(')')});
        m_items.remove(index);
        pump();
        return;
    }
    if (*found) {
        // The lost create was applied (or the CRM had the record already): update that record by its id, so
        // that what was sent is what it holds, without a second create.
        item.foundByLookup = true;
        if (m_provider.updatesById()) {
            item.remoteId = (*found)->remoteId;
            m_queue.push_front(index);
            pump();
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
    pump();
}

void PushRun::acknowledge(std::size_t index, const UpsertOutcome& acknowledged)
{
    PushPlanner::Item& item = m_items[index];
    const UpsertOutcome* outcome = &acknowledged;
    RemoteLink link;
    link.contactId = item.contact.id;
    link.accountId = m_settings.accountId;
    link.remoteId = outcome->remoteId.isEmpty() ? item.remoteId : outcome->remoteId;
    link.syncedHash = item.hash;
    // What was sent is what both sides now hold: the base of the next merge (held fields at their remote
    // value, which is what the CRM keeps; so are fields emptied here, which the CRM ignores).
    FieldMap keptByCrm;
    FieldMap notSent;
    link.snapshot = PushPlanner::snapshotAfterPush(item, m_provider, &keptByCrm, &notSent);
    for (auto it = notSent.cbegin(); it != notSent.cend(); ++it) {
        m_report.addWarning(item.contact.id, link.remoteId,
                            Error {ErrorCode::FieldIgnored, it.key(),
                                   QStringLiteral("%1's update by id does not take it; \"%2\" was not sent")
                                       .arg(m_provider.profile().displayName, FieldValues::display(it.value()))});
    }
    for (auto it = keptByCrm.cbegin(); it != keptByCrm.cend(); ++it) {
        m_report.addWarning(
            item.contact.id, link.remoteId,
            Error {ErrorCode::FieldIgnored, it.key(),
                   QStringLiteral("%1: emptied here, but %2 ignores empty values and keeps \"%3\"")
                       .arg(it.key(), m_provider.profile().displayName, FieldValues::display(it.value()))});
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
        m_errors(item.contact.id, link.remoteId, Error {ErrorCode::PossibleDuplicate, {}, saved.error().detail});
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
        saved = m_outbox.remove(m_settings.accountId, item.contact.id);
    m_items.remove(index);
    if (!saved) {
        finish(std::unexpected(saved.error()));
        return;
    }
    if (m_echoes.size() >= kEchoBatch) {
        if (auto ok = applyEchoes(); !ok) {
            finish(std::unexpected(ok.error()));
            return;
        }
    }
    emit progress(QStringLiteral("push"), ++m_done, static_cast<qint64>(m_outgoing.size()));
    pump();
}

void PushRun::sendNextDelete()
{
    if (m_deletions.isEmpty()) {
        finish(Result<void> {});
        return;
    }
    const RemoteLink link = m_deletions.takeFirst();
    HttpJob* job = send(m_provider.deleteRequest(link.remoteId));
    m_inFlight.insert(kDeleteJob, job);
    connect(job, &HttpJob::finished, this, [this, link](const Result<HttpResponse>& result) {
        m_inFlight.remove(kDeleteJob);
        if (m_stopping)
            return;
        Result<void> deleted = result ? m_provider.parseDeleteReply(*result) : std::unexpected(result.error());
        // Already gone there is as good as deleted: the link goes either way.
        if (deleted || deleted.error().code == ErrorCode::ContactNotFound) {
            if (auto ok = m_links.remove(link.contactId, m_settings.accountId); !ok) {
                finish(std::unexpected(ok.error()));
                return;
            }
            ++m_report.pushedDeletions;
            emit progress(QStringLiteral("delete"), m_report.pushedDeletions, -1);
        } else if (deleted.error().code == ErrorCode::AuthenticationFailed || m_client.halted(m_settings.accountName)) {
            finish(std::unexpected(deleted.error()));
            return;
        } else {
            ++m_report.pushed.failed;
            m_errors(link.contactId, link.remoteId, deleted.error());
        }
        sendNextDelete();
    });
}

bool PushRun::countsAsCreated(UpsertDisposition disposition, const QString& linkedRemoteId,
                              const QString& replyRemoteId)
{
    // Sent to a record we were already linked to: an update, whatever the reply suggests. Monaco only
    // hints creation by equal timestamps, which a quick update within the same millisecond also has.
    if (!linkedRemoteId.isEmpty() && linkedRemoteId == replyRemoteId)
        return false;
    return disposition == UpsertDisposition::Created
        || (disposition == UpsertDisposition::Unknown && linkedRemoteId.isEmpty());
}

} // namespace roster
