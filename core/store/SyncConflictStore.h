#pragma once

#include "SyncConflict.h"
#include "contact/Error.h"

#include <QList>

namespace roster {

class Database;

// `sync_conflicts` and `remote_deletions` (schema 5): what a sync found and will not decide alone. Only
// bookkeeping: applying a resolution to the contact is the sync's job (ConflictResolver), so this class
// never writes a contact.
class SyncConflictStore final
{
public:
    explicit SyncConflictStore(Database& db);

    // Opens the conflict on (contact, account, field), or refreshes the values of the one already open
    // there. Returns its id.
    Result<qint64> record(const SyncConflict& conflict);
    // Open conflicts, oldest first; of one account, or of all when accountId is 0.
    Result<QList<SyncConflict>> open(qint64 accountId = 0);
    Result<qint64> openCount(qint64 accountId = 0);
    // The open conflict on (contact, account, field); id 0 when there is none.
    Result<SyncConflict> openFor(qint64 contactId, qint64 accountId, const QString& field);
    // Any conflict, open or resolved. InvalidArgument when there is no such id.
    Result<SyncConflict> find(qint64 id);
    // resolution: "local" or "remote". InvalidArgument for another word, an unknown id or a settled one.
    Result<void> markResolved(qint64 id, const QString& resolution);
    // Closes the open conflict on that field without a choice: both sides came to agree by themselves.
    Result<void> dropOpen(qint64 contactId, qint64 accountId, const QString& field);

    // Records a pending remote deletion (once per account and remote id). Returns its id.
    Result<qint64> recordDeletion(qint64 contactId, qint64 accountId, const QString& remoteId);
    Result<QList<RemoteDeletion>> pendingDeletions(qint64 accountId = 0);
    // state: "confirmed" or "dismissed". InvalidArgument otherwise, or when the id is not pending.
    Result<void> settleDeletion(qint64 id, const QString& state);

private:
    Database& m_db;
};

} // namespace roster
