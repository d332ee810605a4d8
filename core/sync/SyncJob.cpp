#include "SyncJob.h"

#include "HttpClient.h"
#include "HttpJob.h"
#include "Provider.h"
#include "PullApplier.h"
#include "SyncFingerprint.h"
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
    , m_options(options)
    , m_links(session.database())
    , m_runLog(session.database())
{
    m_report.account = m_account.name;
    m_report.provider = m_account.provider;
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
}

HttpJob* SyncJob::send(const HttpRequestSpec& spec)
{
    return m_client.send(m_account.name, spec);
}

void SyncJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_baseline = m_client.counters(m_account.name);
    if (auto ok = m_links.prepare(); !ok) {
        stop(ok.error());
        return;
    }
    auto run = m_runLog.start(m_account.id);
    if (!run) {
        stop(run.error());
        return;
    }
    m_report.runId = *run;
    bool anyCustom = false;
    if (m_options.push) {
        auto ok = m_session.contacts().forEach([this, &anyCustom](const Contact& contact) {
            anyCustom = anyCustom || !contact.custom.isEmpty();
            m_pushesTags = m_pushesTags || !contact.tags.isEmpty();
            m_contacts.push_back(contact);
            return true;
        });
        if (!ok) {
            stop(ok.error());
            return;
        }
    }
    // The definitions map custom keys both ways; a push with no custom value needs none (a sync with
    // nothing to do then sends nothing at all).
    if (m_options.pull || anyCustom)
        fetchDefinitions();
    else
        fetchTagIds();
}

void SyncJob::fetchDefinitions()
{
    const auto spec = m_provider->fieldDefinitionsRequest();
    if (!spec) {
        fetchTagIds();
        return;
    }
    HttpJob* job = send(*spec);
    m_inFlight.insert(SIZE_MAX, job);
    connect(job, &HttpJob::finished, this, [this](const Result<HttpResponse>& result) {
        m_inFlight.remove(SIZE_MAX);
        if (m_stopping)
            return;
        Result<QList<RemoteFieldDefinition>> definitions
            = result ? m_provider->parseFieldDefinitionsReply(*result) : std::unexpected(result.error());
        if (definitions) {
            m_provider->setCustomFields(*definitions);
        } else if (definitions.error().code == ErrorCode::AuthenticationFailed) {
            stop(definitions.error());
            return;
        } else {
            recordError(0, {}, definitions.error());
        }
        fetchTagIds();
    });
}

void SyncJob::fetchTagIds()
{
    // Only CRMs taking tags as ids answer tagsRequest(), and only a push with tags needs them: once per run,
    // since the push fingerprints include the ids.
    if (!m_options.push || !m_pushesTags) {
        planPush();
        return;
    }
    const auto spec = m_provider->tagsRequest();
    if (!spec) {
        planPush();
        return;
    }
    HttpJob* job = send(*spec);
    m_inFlight.insert(SIZE_MAX - 2, job);
    connect(job, &HttpJob::finished, this, [this](const Result<HttpResponse>& result) {
        m_inFlight.remove(SIZE_MAX - 2);
        if (m_stopping)
            return;
        Result<QMap<QString, QString>> ids
            = result ? m_provider->parseTagsReply(*result) : std::unexpected(result.error());
        if (ids) {
            m_provider->setTagIds(*ids);
        } else if (ids.error().code == ErrorCode::AuthenticationFailed) {
            stop(ids.error());
            return;
        } else {
            // The contacts still go, without their tags, each with a warning; this says why.
            recordError(0, {}, ids.error());
        }
        planPush();
    });
}

void SyncJob::planPush()
{
    if (!m_options.push) {
        startPull();
        return;
    }
    auto links = m_links.links(m_account.id);
    if (!links) {
        stop(links.error());
        return;
    }
    for (Contact& contact : m_contacts) {
        const RemoteLink link = links->value(contact.id);
        if (auto ok = m_provider->validateForPush(contact); !ok) {
            m_report.skipped << SyncReport::Issue {contact.id, link.remoteId, errorCodeName(ok.error().code),
                                                   ok.error().detail};
            continue;
        }
        // What the CRM will not get of this contact (tags it has no id for, ...), on every run, unchanged
        // contacts included: the gap stays until the user closes it, and a report should say so.
        if (const auto spec = m_provider->upsertRequest(contact, link.remoteId)) {
            for (const Error& warning : spec->warnings)
                m_report.addWarning(contact.id, link.remoteId, warning);
        }
        const QString hash = SyncFingerprint::hash(*m_provider, contact);
        if (hash.isEmpty()) {
            // The adapter cannot build the request: say why, with the adapter's own error.
            const auto spec = m_provider->upsertRequest(contact, link.remoteId);
            ++m_report.pushed.failed;
            recordError(contact.id, link.remoteId,
                        spec ? Error {ErrorCode::InvalidArgument, {}, QStringLiteral("no request")} : spec.error());
            continue;
        }
        if (hash == link.syncedHash) {
            ++m_report.pushed.unchanged;
            continue;
        }
        m_items.push_back(PushItem {std::move(contact), hash, link.remoteId, links->contains(contact.id), false});
        m_queue.push_back(m_items.size() - 1);
    }
    m_contacts.clear();
    emit progress(QStringLiteral("push"), 0, static_cast<qint64>(m_items.size()));
    pumpPush();
}

void SyncJob::pumpPush()
{
    while (!m_stopping && !m_queue.empty() && m_inFlight.size() < std::max(1, m_options.maxInFlight)) {
        const std::size_t index = m_queue.front();
        m_queue.pop_front();
        sendPush(index);
    }
    if (!m_stopping && m_queue.empty() && m_inFlight.isEmpty())
        startPull();
}

void SyncJob::sendPush(std::size_t index)
{
    PushItem& item = m_items[index];
    const auto spec = m_provider->upsertRequest(item.contact, item.remoteId);
    if (!spec) {
        ++m_report.pushed.failed;
        recordError(item.contact.id, item.remoteId, spec.error());
        return;
    }
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
    PushItem& item = m_items[index];
    Result<UpsertOutcome> outcome = result ? m_provider->parseUpsertReply(*result) : std::unexpected(result.error());
    if (!outcome) {
        const Error& error = outcome.error();
        if (error.code == ErrorCode::AuthenticationFailed) {
            stop(error);
            return;
        }
        if (error.code == ErrorCode::ContactNotFound && !item.remoteId.isEmpty() && !item.retriedWithoutId) {
            // The remote record is gone (deleted there, or a stale id): upsert by natural key again.
            item.remoteId.clear();
            item.retriedWithoutId = true;
            m_links.remove(item.contact.id, m_account.id);
            m_queue.push_front(index);
        } else {
            ++m_report.pushed.failed;
            recordError(item.contact.id, item.remoteId, error);
        }
        pumpPush();
        return;
    }
    RemoteLink link;
    link.contactId = item.contact.id;
    link.accountId = m_account.id;
    link.remoteId = outcome->remoteId.isEmpty() ? item.remoteId : outcome->remoteId;
    link.syncedHash = item.hash;
    link.snapshot = SyncFingerprint::snapshot(item.contact);
    link.syncedAt = QDateTime::currentDateTimeUtc();
    auto saved = m_links.save(link);
    if (!saved && saved.error().code == ErrorCode::IdentifierTaken) {
        // The CRM merged this contact into one another contact is linked to: keep the hash (resending
        // would not help) and say so.
        ++m_report.pushed.failed;
        recordError(item.contact.id, link.remoteId, Error {ErrorCode::PossibleDuplicate, {}, saved.error().detail});
        link.remoteId.clear();
        saved = m_links.save(link);
    } else if (saved) {
        const bool created = countsAsCreated(outcome->disposition, item.remoteId, link.remoteId);
        ++(created ? m_report.pushed.created : m_report.pushed.updated);
    }
    if (!saved) {
        stop(saved.error());
        return;
    }
    emit progress(QStringLiteral("push"), ++m_pushDone, static_cast<qint64>(m_items.size()));
    pumpPush();
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

void SyncJob::startPull()
{
    if (!m_options.pull) {
        finish(QStringLiteral("done"));
        return;
    }
    m_pull = std::make_unique<PullApplier>(m_session, m_links, *m_provider, m_account.id, m_account.name);
    if (auto ok = m_pull->begin(); !ok) {
        stop(ok.error());
        return;
    }
    m_token = PageToken {};
    requestPage();
}

void SyncJob::requestPage()
{
    ListQuery query;
    query.pageSize = m_options.pageSize;
    query.token = m_token;
    const auto spec = m_provider->listRequest(query);
    if (!spec) {
        stop(spec.error());
        return;
    }
    HttpJob* job = send(*spec);
    m_inFlight.insert(SIZE_MAX - 1, job);
    connect(job, &HttpJob::finished, this, [this](const Result<HttpResponse>& result) {
        m_inFlight.remove(SIZE_MAX - 1);
        if (!m_stopping)
            onPage(result);
    });
}

void SyncJob::onPage(const Result<HttpResponse>& result)
{
    ListQuery query;
    query.pageSize = m_options.pageSize;
    query.token = m_token;
    Result<RemotePage> page = result ? m_provider->parseListReply(query, *result) : std::unexpected(result.error());
    if (!page) {
        stop(page.error());
        return;
    }
    auto applied = m_pull->apply(page->records, m_report.pulled,
                                 [this](qint64 contactId, const QString& remoteId, const Error& error) {
                                     recordError(contactId, remoteId, error);
                                 });
    if (!applied) {
        stop(applied.error());
        return;
    }
    m_pulledRecords += page->records.size();
    emit progress(QStringLiteral("pull"), m_pulledRecords, page->total);
    if (!page->next) {
        finish(QStringLiteral("done"));
        return;
    }
    if (*page->next == m_token) {
        stop(Error {
            ErrorCode::ParseError, {}, QStringLiteral("the list did not advance past %1").arg(m_token.toString())});
        return;
    }
    m_token = *page->next;
    requestPage();
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
    const auto jobs = m_inFlight;
    m_inFlight.clear();
    for (const QPointer<HttpJob>& job : jobs) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
    const TransportCounters now = m_client.counters(m_account.name);
    m_report.transport.requests = now.requests - m_baseline.requests;
    m_report.transport.retries = now.retries - m_baseline.retries;
    m_report.transport.rateLimited = now.rateLimited - m_baseline.rateLimited;
    m_report.state = state;
    if (m_report.runId > 0) {
        const SyncRunLog::Totals totals {m_report.pushed.created + m_report.pushed.updated,
                                         m_report.pulled.created + m_report.pulled.updated,
                                         m_report.pushed.failed + m_report.pulled.failed};
        m_runLog.finish(m_report.runId, state, totals,
                        QString::fromUtf8(QJsonDocument(m_report.toJson()).toJson(QJsonDocument::Compact)));
    }
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
