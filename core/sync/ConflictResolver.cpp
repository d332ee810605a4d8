#include "ConflictResolver.h"

#include "FieldValues.h"
#include "store/RemoteLinkStore.h"
#include "store/StoreSession.h"
#include "store/SyncConflictStore.h"
#include "store/SyncOutbox.h"
#include "store/UpsertPolicies.h"

namespace roster {

ConflictResolver::ConflictResolver(StoreSession& session)
    : m_session(session)
{
}

Result<void> ConflictResolver::resolve(qint64 conflictId, const QString& keep)
{
    const bool keepRemote = keep == QLatin1String("remote");
    if (!keepRemote && keep != QLatin1String("local"))
        return std::unexpected(Error {
            ErrorCode::InvalidArgument, {}, QStringLiteral("keep \"local\" or \"remote\", not \"%1\"").arg(keep)});
    SyncConflictStore conflicts(m_session.database());
    auto conflict = conflicts.find(conflictId);
    if (!conflict)
        return std::unexpected(conflict.error());
    if (!conflict->isOpen())
        return std::unexpected(
            Error {ErrorCode::InvalidArgument,
                   {},
                   QStringLiteral("conflict %1 was already resolved (%2)").arg(conflictId).arg(conflict->resolution)});

    if (keepRemote) {
        // Its own undoable operation, before the bookkeeping: if the process dies in between, the next
        // sync finds both sides equal and closes the conflict as agreed.
        ContactPatch patch;
        patch.setContactId(conflict->contactId);
        if (!FieldValues::putInPatch(patch, conflict->field, conflict->remote))
            return std::unexpected(
                Error {ErrorCode::UnknownField, {}, QStringLiteral("unknown field %1").arg(conflict->field)});
        UpsertPolicy policy = UpsertPolicies::local();
        policy.name = QStringLiteral("resolve");
        policy.customFields = CustomFieldRule::RegisterUnknown;
        policy.keepReplacedEmail = false; // the user chose this value over the other
        const WriteOrigin origin {QStringLiteral("resolve"), QStringLiteral("Keep the remote %1").arg(conflict->field)};
        auto written = m_session.engine().upsert(patch, policy, origin);
        if (!written)
            return std::unexpected(written.error());
        if (written->status == UpsertResult::Status::Rejected)
            return std::unexpected(written->error.value_or(
                Error {ErrorCode::InvalidArgument, {}, QStringLiteral("the remote value was refused")}));
    }

    Database& db = m_session.database();
    if (auto ok = db.begin(); !ok)
        return ok;
    RemoteLinkStore links(db);
    if (auto ok = links.prepare(); !ok) {
        db.rollback();
        return ok;
    }
    auto link = links.find(conflict->contactId, conflict->accountId);
    if (!link) {
        db.rollback();
        return std::unexpected(link.error());
    }
    if (link->contactId != 0) {
        link->snapshot = FieldValues::withField(link->snapshot, conflict->field, conflict->remote);
        // Keeping local: forget the hash so the next push sends the contact even if nothing else changed.
        if (!keepRemote)
            link->syncedHash.clear();
        if (auto ok = links.save(*link); !ok) {
            db.rollback();
            return ok;
        }
    }
    if (auto ok = conflicts.markResolved(conflictId, keep); !ok) {
        db.rollback();
        return ok;
    }
    // The held field goes out at its settled value: the push looks at the contact again, though the
    // contact itself may not have changed.
    if (auto ok = SyncOutbox(db).add(conflict->accountId, conflict->contactId); !ok) {
        db.rollback();
        return ok;
    }
    return db.commit();
}

Result<void> ConflictResolver::settleDeletion(qint64 deletionId, const QString& keep)
{
    const bool keepRemote = keep == QLatin1String("remote");
    if (!keepRemote && keep != QLatin1String("local"))
        return std::unexpected(Error {
            ErrorCode::InvalidArgument, {}, QStringLiteral("keep \"local\" or \"remote\", not \"%1\"").arg(keep)});
    SyncConflictStore store(m_session.database());
    auto pending = store.pendingDeletions();
    if (!pending)
        return std::unexpected(pending.error());
    const auto it = std::find_if(pending->cbegin(), pending->cend(),
                                 [deletionId](const RemoteDeletion& d) { return d.id == deletionId; });
    if (it == pending->cend())
        return std::unexpected(
            Error {ErrorCode::InvalidArgument, {}, QStringLiteral("there is no pending deletion %1").arg(deletionId)});
    const RemoteDeletion deletion = *it;
    if (keepRemote && m_session.contacts().contact(deletion.contactId)) {
        auto removed = m_session.engine().remove({deletion.contactId},
                                                 {QStringLiteral("resolve"), QStringLiteral("Deleted on the CRM")});
        if (!removed)
            return std::unexpected(removed.error());
    }
    Database& db = m_session.database();
    if (auto ok = db.begin(); !ok)
        return ok;
    RemoteLinkStore links(db);
    auto ok = links.prepare();
    // Either way the link is gone: the remote record no longer exists.
    if (ok)
        ok = links.remove(deletion.contactId, deletion.accountId);
    if (ok)
        ok = store.settleDeletion(deletionId, keepRemote ? QStringLiteral("confirmed") : QStringLiteral("dismissed"));
    // Kept here: the next push creates the record again, though the contact did not change.
    if (ok && !keepRemote)
        ok = SyncOutbox(db).add(deletion.accountId, deletion.contactId);
    if (!ok) {
        db.rollback();
        return ok;
    }
    return db.commit();
}

} // namespace roster
