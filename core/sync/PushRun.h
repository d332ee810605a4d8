#pragma once

#include "HeldFields.h"
#include "HttpResponse.h"
#include "PushPlanner.h"
#include "RemoteRecord.h"
#include "SyncReport.h"
#include "ThreeWayMerge.h"
#include "UpsertOutcome.h"
#include "store/RemoteLink.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <optional>
#include <vector>

namespace roster {

class HttpClient;
class HttpJob;
class Provider;
class RemoteLinkStore;
class StoreSession;
class SyncConflictStore;
class SyncOutbox;

// Sends a planned push (SyncJob plans it with PushPlanner) and stores what the CRM acknowledged.
//
// Each contact stores its new hash and leaves the outbox as soon as the CRM acknowledges it: a run killed at
// any point resends only what was not acknowledged. The contact is read again when its turn comes, as it is
// then, so a push of a million contacts holds only those in flight. A linked contact is updated by its remote
// id where the contract allows (Provider::upsertRequest()); a record gone there is relinked by key, with a
// warning. A create whose reply was lost may have been applied, so it is looked up by its key before it is
// sent again (reconcile()). What the CRM stored is merged back (the echoes) so the next pull does not take it
// as news. The remote deletes the plan kept go last, one at a time.
//
// A record's failure is counted and reported, and the push goes on; a failure of the account (the key
// refused, the transport halted, the store failing) ends it with finished() carrying the error.
class PushRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PushRun)

public:
    using ErrorSink = std::function<void(qint64 contactId, const QString& remoteId, const Error& error)>;
    // The outgoing contact as it would be sent now; none when it was deleted since the plan. SyncJob's, so a
    // dry run's plan and a push's turn read it alike.
    using ContactReader = std::function<Result<std::optional<PushPlanner::Prepared>>(
        const PushPlanner::Outgoing& outgoing, SyncReport& scratch)>;

    struct Settings
    {
        qint64 accountId = 0;
        QString accountName; // as registered with the HttpClient
        ThreeWayMerge::Policy policy = ThreeWayMerge::Policy::Ask; // merges the echoes
        bool definitionsKnown = false;
        int maxInFlight = 48; // SyncJob::Options::maxInFlight
    };

    // Counts and warnings go to `report`, per-record errors to `errors`.
    PushRun(StoreSession& session, HttpClient& client, const Provider& provider, RemoteLinkStore& links,
            SyncConflictStore& conflicts, SyncOutbox& outbox, HeldFields& held, SyncReport& report, Settings settings,
            ContactReader read, ErrorSink errors, QObject* parent = nullptr);
    ~PushRun() override;

    // `outgoing`: the plan, in order; `deletions`: the remote deletes sent after it.
    void start(std::vector<PushPlanner::Outgoing> outgoing, QList<RemoteLink> deletions);
    // Drops the requests in flight; nothing is emitted after.
    void abort();

    // Whether a push reply counts as a created remote record (the rest count as updated).
    static bool countsAsCreated(UpsertDisposition disposition, const QString& linkedRemoteId,
                                const QString& replyRemoteId);
    // How often a create whose reply was lost, and which a lookup by key did not find, is sent again.
    static constexpr int kMaxCreateResends = 2;
    // Echoes merged per batch (acknowledgements between two merges).
    static constexpr qsizetype kEchoBatch = 500;

signals:
    // phase: "push" or "delete"; total is -1 when unknown.
    void progress(const QString& phase, qint64 done, qint64 total);
    void finished(const roster::Result<void>& result);

private:
    // Reads the contact of m_outgoing[index] for its turn; false when it is not to be sent after all.
    bool loadItem(std::size_t index);
    void pump();
    void sendUpsert(std::size_t index);
    void onUpsertReply(std::size_t index, const Result<HttpResponse>& result);
    // A create whose reply was lost may have been applied: look it up by key before sending it again.
    void reconcile(std::size_t index, const Error& lost);
    void onLookupReply(std::size_t index, const Error& lost, const Result<HttpResponse>& result);
    // Stores what the CRM acknowledged for the item and counts it.
    void acknowledge(std::size_t index, const UpsertOutcome& outcome);
    Result<void> applyEchoes();
    void sendNextDelete();
    void finish(const Result<void>& result);
    HttpJob* send(const HttpRequestSpec& spec);

    StoreSession& m_session;
    HttpClient& m_client;
    const Provider& m_provider;
    RemoteLinkStore& m_links;
    SyncConflictStore& m_conflicts;
    SyncOutbox& m_outbox;
    HeldFields& m_held;
    SyncReport& m_report;
    Settings m_settings;
    ContactReader m_read;
    ErrorSink m_errors;
    std::vector<PushPlanner::Outgoing> m_outgoing; // the plan, in order
    QHash<std::size_t, PushPlanner::Item> m_items; // read for sending, until acknowledged or failed
    QList<RemoteLink> m_deletions;
    QList<RemoteRecord> m_echoes; // push replies: the records as the CRM stored them
    std::deque<std::size_t> m_queue;
    QHash<std::size_t, QPointer<HttpJob>> m_inFlight;
    qint64 m_done = 0; // settled so far (acknowledged, or not to be sent at their turn): the progress
    bool m_stopping = false;
};

} // namespace roster
