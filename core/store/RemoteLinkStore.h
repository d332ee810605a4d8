#pragma once

#include "RemoteLink.h"
#include "SqlStatement.h"

#include <QHash>

namespace roster {

class Database;

// `remote_links`: which remote record each contact is on each account, and what was last synced. Every
// save commits on its own (or inside the caller's transaction), so a sync killed at any point keeps every
// acknowledged record.
class RemoteLinkStore final
{
public:
    explicit RemoteLinkStore(Database& db);
    Result<void> prepare();

    // Every link of the account by contact id.
    Result<QHash<qint64, RemoteLink>> links(qint64 accountId);
    // Inserts or replaces the link of (contact, account). IdentifierTaken when the remote id is linked to
    // another contact of the account.
    Result<void> save(const RemoteLink& link);
    // The contact linked to a remote id, 0 when none.
    Result<qint64> contactFor(qint64 accountId, const QString& remoteId);
    Result<void> remove(qint64 contactId, qint64 accountId);
    // The link of one contact on one account; contactId 0 when there is none.
    Result<RemoteLink> find(qint64 contactId, qint64 accountId);
    // Links (with a remote id) of contacts deleted locally: what a push may delete remotely.
    Result<QList<RemoteLink>> deletedContactLinks(qint64 accountId);

private:
    Database& m_db;
    SqlStatement m_select, m_save, m_byRemote, m_remove;
};

} // namespace roster
