#pragma once

#include "HeldFields.h"
#include "PushPlanner.h"
#include "RemoteRecord.h"
#include "SyncReport.h"
#include "ThreeWayMerge.h"
#include "store/RemoteLinkStore.h"
#include "store/SyncConflict.h"
#include "store/UpsertResult.h"

#include <QHash>
#include <QSet>

#include <functional>
#include <vector>

namespace roster {

class Provider;
class StoreSession;
class SyncConflictStore;

// Writes pulled pages into the store, one transaction per page so a killed pull keeps every page it
// finished.
//
// A record linked to a contact with a snapshot goes through the three-way merge (ThreeWayMerge) against
// that snapshot: remote-only changes are written through the engine (logged, undoable), local-only ones
// are left for the push, conflicts go to the inbox (or the account's policy settles them) and their
// fields are held. The snapshot then moves per field, only for what both sides now agree on. Other
// records (new, or linked before snapshots existed) are upserted by natural key as before.
//
// A dry run computes the same decisions and lists them in the report's plan, writing nothing.
class PullApplier final
{
public:
    using ErrorSink = std::function<void(qint64 contactId, const QString& remoteId, const Error& error)>;

    struct Settings
    {
        qint64 accountId = 0;
        QString accountName;
        ThreeWayMerge::Policy policy = ThreeWayMerge::Policy::Ask;
        bool dryRun = false;
        bool definitionsKnown = false; // as PushPlanner::sendable() needs it
        // The overwrite guard (PushPlanner::Settings: guardShare, guardMinimum, confirmed), for the pull.
        PushPlanner::Settings guard;
    };

    PullApplier(StoreSession& session, RemoteLinkStore& links, SyncConflictStore& conflicts, const Provider& provider,
                HeldFields& held, Settings settings);

    Result<void> begin();
    // Counts into the report; per-record failures go to `sink`. An error return means the page was rolled
    // back.
    Result<void> apply(const QList<RemoteRecord>& records, SyncReport& report, const ErrorSink& sink);
    // After the scan: the linked records whose remote side would overwrite or clear local values were held
    // back; written now if they stay within the account's guard share, else left for confirmation
    // (skipped NeedsConfirmation) and the return is true. Before concludeFullScan().
    Result<bool> applyGuarded(SyncReport& report, const ErrorSink& sink);
    // After a complete scan of the whole remote list (never after an incremental or interrupted one):
    // every linked record it did not see is recorded as a pending remote deletion, for the user.
    Result<void> concludeFullScan(SyncReport& report);

    // The latest remote change seen, for the next incremental pull.
    QDateTime latestUpdate() const { return m_latest; }

private:
    struct Pending
    {
        QString remoteId;
        qint64 linkedContact = 0;
        QString hashBefore;
    };
    // A linked record merged: what to write (if anything) and the link once written.
    struct Merged
    {
        ContactPatch patch;
        bool write = false;
        RemoteLink link;
        bool inSyncBefore = false;
    };
    // Whether the record would overwrite or clear a local value (a remote change to a field not empty here).
    bool overwritesLocal(const RemoteRecord& record, const Contact& before, const RemoteLink& link) const;
    FieldMap remoteValues(const RemoteRecord& record) const;
    Result<Merged> mergeLinked(const RemoteRecord& record, const Contact& before, RemoteLink link, SyncReport& report);
    // One engine batch for the page's merged writes, then the links.
    Result<void> writeMerged(std::vector<Merged>& merged, SyncReport& report, const ErrorSink& sink);
    Result<void> applyUnlinked(const QList<RemoteRecord>& records, SyncReport& report, const ErrorSink& sink);
    Result<void> keepLocalValuesOfFirstPairing(const QVector<UpsertResult>& results,
                                               const std::vector<Pending>& pending, SyncReport& report);
    Result<qint64> operation();
    FieldMap normalizedRemote(const ContactPatch& patch) const;
    QString heldHash(const Contact& contact) const;

    StoreSession& m_session;
    RemoteLinkStore& m_links;
    SyncConflictStore& m_conflicts;
    const Provider& m_provider;
    HeldFields& m_held;
    Settings m_settings;
    qint64 m_operation = 0;
    // The links of the page being applied (and what it linked): an account's links are never all read at once.
    Result<void> loadLinks(const QList<RemoteRecord>& records);
    Result<RemoteLink> linkOf(qint64 contactId);
    QHash<qint64, RemoteLink> m_byContact;
    QHash<QString, qint64> m_byRemote;
    QSet<QString> m_seen;
    QDateTime m_latest;
    QList<RemoteRecord> m_guarded; // held back by the overwrite guard until the scan ends
    bool m_guardSettled = false;
};

} // namespace roster
