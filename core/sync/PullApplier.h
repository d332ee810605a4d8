#pragma once

#include "RemoteRecord.h"
#include "SyncReport.h"
#include "store/RemoteLinkStore.h"

#include <QHash>

#include <functional>

namespace roster {

class Provider;
class StoreSession;

// Writes pulled pages into the store: each record through the engine (matched by its remote link first,
// else by natural keys with the local policy), then its link, one transaction per page so a killed pull
// keeps every page it finished.
//
// A link's hash moves to the pulled state only when the contact was in sync before the pull (or was
// created by it); a contact with local changes not yet pushed keeps its old hash, so the next push still
// sends them.
class PullApplier final
{
public:
    using ErrorSink = std::function<void(qint64 contactId, const QString& remoteId, const Error& error)>;

    PullApplier(StoreSession& session, RemoteLinkStore& links, const Provider& provider, qint64 accountId,
                QString accountName);

    Result<void> begin();
    // Counts into `counts`; per-record failures go to `sink`. An error return means the page was rolled back.
    Result<void> apply(const QList<RemoteRecord>& records, SyncReport::Counts& counts, const ErrorSink& sink);

private:
    StoreSession& m_session;
    RemoteLinkStore& m_links;
    const Provider& m_provider;
    qint64 m_accountId;
    QString m_accountName;
    qint64 m_operation = 0;
    QHash<qint64, RemoteLink> m_byContact;
    QHash<QString, qint64> m_byRemote;
};

} // namespace roster
