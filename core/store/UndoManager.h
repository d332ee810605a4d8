#pragma once

#include "ChangeLog.h"
#include "ContactStatusRun.h"
#include "ContactTable.h"
#include "DeferredIndexes.h"
#include "contact/Clock.h"

#include <optional>

namespace roster {

class Database;

struct UndoStep
{
    qint64 operationId = 0;
    QString label;
    int changes = 0;
    // After an undo or redo: the contacts whose changes it skipped because another program removed their rows
    // from the file (nothing can bring them back; the rest of the operation was replayed).
    QList<qint64> contactsGone;
};

// Undo and redo over the change log: one operation at a time (an edit, or a whole import), restoring
// exactly the earlier values. Each undo or redo is itself logged, so the sync outbox sees it.
class UndoManager final
{
public:
    static Result<std::unique_ptr<UndoManager>> create(Database& db, const Clock& clock);

    std::optional<UndoStep> nextUndo();
    std::optional<UndoStep> nextRedo();
    Result<UndoStep> undo();
    Result<UndoStep> redo();

private:
    UndoManager(Database& db, const Clock& clock);
    Result<void> prepare();
    Result<UndoStep> replay(const UndoStep& step, bool backwards);
    struct ReplayPlan
    {
        bool deferIndexes = false;
        bool rebuildSearch = false;
        // Every entry of the operation has this action ("create" for an import into an empty database): the
        // whole operation is one set-based run, [firstEntry, lastEntry], with no page of entries read.
        QString onlyAction;
        qint64 entries = 0, firstEntry = 0, lastEntry = 0;
    };
    ReplayPlan plan(const UndoStep& step, bool backwards);
    Result<void> replayEntries(const UndoStep& step, bool backwards, qint64 sysOp, const ReplayPlan& plan);
    // One field of one contact set back (or forward) to `value`, logged under the undo or redo operation.
    Result<void> applyChange(qint64 sysOp, qint64 contactId, const QString& field, const QString& value);
    Result<void> setField(Contact& contact, const QString& field, const QString& value);
    std::optional<UndoStep> step(SqlStatement& query);

    Database& m_db;
    const Clock& m_clock;
    ContactTable m_table;
    ChangeLog m_log;
    ContactStatusRun m_statusRun;
    DeferredIndexes m_deferredIndexes;
    SqlStatement m_nextUndo, m_nextRedo, m_changesForward, m_changesBackward, m_countActions, m_countLive;
    QDateTime m_now;
    QSet<qint64> m_gone; // of the replay under way
};

} // namespace roster
