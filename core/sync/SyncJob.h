#pragma once

#include "HttpResponse.h"
#include "PageToken.h"
#include "SyncReport.h"
#include "UpsertOutcome.h"
#include "contact/Contact.h"
#include "store/AccountRecord.h"
#include "store/RemoteLinkStore.h"
#include "store/SyncRunLog.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <deque>
#include <memory>
#include <vector>

namespace roster {

class HttpClient;
class HttpJob;
class Provider;
class PullApplier;
class StoreSession;

// One sync of one account: push, then pull.
//
// Push sends every live contact whose fingerprint (the hash of what the CRM would receive) differs from
// the one stored in its remote link, and stores the new hash as soon as the CRM acknowledges it. What is
// left to send is thus derived from stored state: a run killed at any point resends only what was not
// acknowledged, and an upsert whose reply was lost is safe to repeat because the CRM matches it by key.
// Contacts the CRM cannot take are skipped with the reason. Pushing first means a pull never overwrites a
// local edit that has not gone out yet.
//
// Pull reads the whole remote list page by page (PullApplier). The account must be registered with the
// HttpClient under its name before start().
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
    };

    SyncJob(StoreSession& session, HttpClient& client, AccountRecord account, std::unique_ptr<Provider> provider,
            Options options, QObject* parent = nullptr);
    ~SyncJob() override;

    void start();
    void cancel();

    // Whether a push reply counts as a created remote record (the rest count as updated).
    static bool countsAsCreated(UpsertDisposition disposition, const QString& linkedRemoteId,
                                const QString& replyRemoteId);
    // start() and wait on a local event loop.
    SyncReport run();
    const SyncReport& report() const { return m_report; }
    bool isFinished() const { return m_finished; }

signals:
    // phase: "push" or "pull"; total is -1 when unknown.
    void progress(const QString& phase, qint64 done, qint64 total);
    void finished(const roster::SyncReport& report);

private:
    struct PushItem
    {
        Contact contact;
        QString hash;
        QString remoteId;
        bool hadLink = false;
        bool retriedWithoutId = false;
    };

    void fetchDefinitions();
    void fetchTagIds();
    void planPush();
    void pumpPush();
    void sendPush(std::size_t index);
    void onPushReply(std::size_t index, const Result<HttpResponse>& result);
    void startPull();
    void requestPage();
    void onPage(const Result<HttpResponse>& result);
    void recordError(qint64 contactId, const QString& remoteId, const Error& error);
    void stop(const Error& error); // account-level failure
    void finish(const QString& state);
    HttpJob* send(const HttpRequestSpec& spec);

    StoreSession& m_session;
    HttpClient& m_client;
    AccountRecord m_account;
    std::unique_ptr<Provider> m_provider;
    Options m_options;
    RemoteLinkStore m_links;
    SyncRunLog m_runLog;
    SyncReport m_report;
    TransportCounters m_baseline;
    std::unique_ptr<PullApplier> m_pull;
    std::vector<PushItem> m_items;
    std::deque<std::size_t> m_queue;
    QHash<std::size_t, QPointer<HttpJob>> m_inFlight;
    std::vector<Contact> m_contacts;
    PageToken m_token;
    qint64 m_pulledRecords = 0;
    qint64 m_pushDone = 0;
    bool m_pushesTags = false; // some contact to push has tags
    bool m_started = false;
    bool m_finished = false;
    bool m_stopping = false;
};

} // namespace roster
