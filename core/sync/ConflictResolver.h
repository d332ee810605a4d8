#pragma once

#include "contact/Error.h"

#include <QString>

namespace roster {

class StoreSession;

// Settles one entry of the conflict inbox, for the command line and the sync panel alike.
//
// Either way the link's snapshot takes the remote value as the new base of that field, since that is what
// the CRM holds: keeping "local" then reads as a local change the next sync pushes, keeping "remote" as a
// field both sides agree on, so nothing is sent and the conflict is not found again.
class ConflictResolver final
{
public:
    explicit ConflictResolver(StoreSession& session);
    // Settles an open conflict. "local" keeps the local value, which the next sync pushes; "remote" writes
    // the remote value into the contact through the engine (undoable) so the next sync has nothing to send
    // for it. InvalidArgument for an unknown or settled id, or another word.
    Result<void> resolve(qint64 conflictId, const QString& keep);
    // Settles a pending remote deletion (a linked record a full scan no longer found). "remote" accepts it:
    // the contact is deleted here too, through the engine (undoable). "local" keeps the contact and forgets
    // the link, so the next sync creates the record on the CRM again. InvalidArgument as for resolve().
    Result<void> settleDeletion(qint64 deletionId, const QString& keep);

private:
    StoreSession& m_session;
};

} // namespace roster
