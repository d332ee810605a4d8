#pragma once

#include "ChangeLog.h"
#include "ContactTable.h"
#include "contact/Clock.h"

#include <array>
#include <memory>

namespace roster {

class Database;

// Per fixed field, which of the two contacts gives the merged value.
enum class MergeSide : std::uint8_t { Kept, Other };
using MergeChoices = std::array<MergeSide, kFieldCount>;

struct MergePlan
{
    Contact merged; // the kept contact as it will be stored
    QStringList leftovers; // "job_title: CTO" for each value not picked, also appended to the notes
};

struct MergeOutcome
{
    qint64 operationId = 0;
    qint64 keptId = 0;
    qint64 removedId = 0;
    QStringList changedFields;
};

// Merges two contacts into one in a single logged operation, so one undo restores both exactly: the
// values picked per field go onto the kept contact, every value not picked is kept (emails as extra
// emails, tags and custom values joined, other text appended to the notes and recorded in the change
// log), and the other contact is soft-deleted.
class ContactMerger final
{
public:
    static Result<std::unique_ptr<ContactMerger>> create(Database& db, const Clock& clock);

    // Kept's value wherever it has one, else the other's.
    static MergeChoices defaultChoices(const Contact& kept, const Contact& other);
    // The merged contact without writing anything (the dialog's preview and the tests).
    static MergePlan plan(const Contact& kept, const Contact& other, const MergeChoices& choices);

    // Errors: ContactNotFound when either contact is not live, InvalidArgument when both are one,
    // DatabaseError (the store is left as it was).
    Result<MergeOutcome> merge(qint64 keptId, qint64 otherId, const MergeChoices& choices, const WriteOrigin& origin);

private:
    ContactMerger(Database& db, const Clock& clock);
    Result<void> write(qint64 op, const Contact& kept, const Contact& other, const MergePlan& plan,
                       QStringList& changed, const QDateTime& now);

    Database& m_db;
    const Clock& m_clock;
    ContactTable m_table;
    ChangeLog m_log;
};

} // namespace roster
