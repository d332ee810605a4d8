#pragma once

#include "BulkLoad.h"
#include "ChangeLog.h"
#include "CompanyLinker.h"
#include "ContactMatcher.h"
#include "ContactTable.h"
#include "CustomFieldRegistry.h"
#include "PatchNormalizer.h"
#include "UpsertPolicy.h"
#include "UpsertResult.h"
#include "contact/Clock.h"
#include "contact/PhoneNormalizer.h"

#include <functional>
#include <memory>
#include <span>

namespace roster {

class Database;

// The one path for every write of a contact: normalise, match by the policy's ordered keys, merge by the
// policy's rules, log each change, and say what happened. The editor, the importer and the sync layer
// are all clients of this class.
class UpsertEngine final
{
public:
    // phoneRegion: empty (what the window and the commands give) reads the database's phone_region setting
    // (DatabaseConfig), again at the start of each write, so a `roster config set` from another process
    // applies to this engine's next write; a region given here is fixed for this engine (tests, benchmarks).
    static Result<std::unique_ptr<UpsertEngine>> create(Database& db, const Clock& clock,
                                                        const QString& phoneRegion = {});

    // One write in its own operation and transaction.
    Result<UpsertResult> upsert(const ContactPatch& patch, const UpsertPolicy& policy, const WriteOrigin& origin);
    // Opens an operation that several batches can share (an import is one undo step).
    Result<qint64> beginOperation(const WriteOrigin& origin);
    // Many writes in one transaction, one result per input. Invalid inputs are Rejected results; a database
    // failure rolls the whole batch back and is returned as the error, leaving the store as it was. A large batch
    // is normalised on another thread, ahead of the writes (NormalizeAhead).
    Result<QVector<UpsertResult>> upsertBatch(std::span<const ContactPatch> patches, const UpsertPolicy& policy,
                                              qint64 operationId);
    // The same batch in pieces, one transaction around them: beginBatch(), upsertPrepared() as many times as the
    // caller likes (an import hands its rows over in chunks and reports progress between them), then
    // commitBatch(); rollbackBatch() after any failure. `prepared[i]`, when it holds a value, is what normalize()
    // made of `patches[i]` under `policy` (on another thread, ahead of the writer); otherwise the engine
    // normalises here.
    Result<void> beginBatch();
    Result<QVector<UpsertResult>> upsertPrepared(std::span<const ContactPatch> patches,
                                                 std::span<std::optional<Result<PreparedPatch>>> prepared,
                                                 const UpsertPolicy& policy, qint64 operationId);
    Result<void> commitBatch(qint64 operationId);
    void rollbackBatch();
    // The bulk path, around the batches of a large load (an import): when about `expectedRows` inputs
    // are at least twice the live contacts, the window's sort indexes are dropped now and built again by
    // endBulkLoad(), in one pass each (see DeferredIndexes). Otherwise nothing happens. Call endBulkLoad()
    // however the load ends; a process killed before it leaves a note that the next engine acts on.
    // When the search index is empty too (a first large import), the load's search rows are built on another
    // thread and copied in by endBulkLoad() (see SideSearchIndex).
    Result<void> beginBulkLoad(qint64 expectedRows);
    Result<void> endBulkLoad();

    // Soft delete (the rows stay for undo and for sync to propagate), in one operation.
    Result<int> remove(const QVector<qint64>& ids, const WriteOrigin& origin);

    // After a caller rolled back an outer transaction (a dry run): forget ids cached from inside it.
    void discardCaches() { resetAfterRollback(); }

    CustomFieldRegistry& customFields() { return m_customFields; }
    const PhoneNormalizer& phones() const { return m_phones; }
    // Reads the database's phone_region again (after the Preferences changed it, or before an editor opens);
    // nothing when the engine was given a fixed region.
    void reloadPhoneRegion();

private:
    // patches[i]'s prepared form when another thread made it, for the engine to take; null: the engine
    // normalises it.
    using PreparedSource = std::function<Result<PreparedPatch>*(std::size_t)>;

    UpsertEngine(Database& db, const Clock& clock, const QString& phoneRegion);
    Result<QVector<UpsertResult>> upsertEach(std::span<const ContactPatch> patches, const UpsertPolicy& policy,
                                             qint64 operationId, const PreparedSource& prepared);
    Result<void> prepare();
    Result<UpsertResult> apply(Result<PreparedPatch>&& prepared, const UpsertPolicy& policy, qint64 op);
    std::optional<UpsertResult> identifierTaken(const PreparedPatch& p);
    Result<UpsertResult> applyPatch(Result<PreparedPatch>&& prepared, const UpsertPolicy& policy, qint64 op);
    Result<UpsertResult> createContact(PreparedPatch& p, const UpsertPolicy& policy);
    Result<UpsertResult> updateContact(PreparedPatch& p, const UpsertPolicy& policy, qint64 op, qint64 id);
    void resetAfterRollback();
    Result<void> indexPendingCreates();
    Result<void> logPendingCreates(qint64 op);
    Result<void> recordDuplicateHints(const UpsertResult& result);
    QString newUid() const;

    Database& m_db;
    const Clock& m_clock;
    PhoneNormalizer m_phones;
    bool m_regionFromDatabase = true;
    CustomFieldRegistry m_customFields;
    PatchNormalizer m_normalizer;
    ContactTable m_table;
    ContactMatcher m_matcher {m_table};
    ChangeLog m_log;
    CompanyLinker m_companies;
    BulkLoad m_bulk;
    SqlStatement m_insertHint; // duplicate_hints: the PossibleDuplicate warnings, kept for the duplicates view
    QDateTime m_at; // one timestamp per transaction
    QString m_now; // m_at as text, for the tables that keep times as text
    // Contacts created in the current transaction have consecutive ids: [m_firstCreated, m_lastCreated].
    qint64 m_firstCreated = 0;
    qint64 m_lastCreated = 0;
    // Creates are logged a run at a time, in one statement (a row-by-row insert was a sixth of a large load);
    // [m_unloggedFrom, m_lastCreated] is the run not logged yet. It is logged before any change to a contact
    // in it, so each contact's entries keep their order and undo replays them right.
    qint64 m_unloggedFrom = 0;
};

} // namespace roster
