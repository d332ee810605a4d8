#pragma once

#include "ChangeLog.h"
#include "contact/Clock.h"

#include <QPair>
#include <QSet>

namespace roster {

class Database;

// The user's "not a duplicate" verdicts (table duplicate_verdicts): the duplicate scan never lists such a
// pair again, even when the two contacts later share an identifier (the user said no). Recording one is an
// operation of its own in the change log, so Edit > Undo takes it back.
class DuplicateVerdicts final
{
public:
    DuplicateVerdicts(Database& db, const Clock& clock);

    // Records the verdict as one undoable operation labelled `label` ("Not a duplicate: A and B").
    Result<qint64> markNotDuplicate(qint64 a, qint64 b, const QString& label);
    // Within the caller's transaction and operation: sets the verdict and logs the change (undo, redo).
    Result<void> set(qint64 op, qint64 a, qint64 b, bool present);
    Result<bool> contains(qint64 a, qint64 b);
    // Every pair, lower id first.
    Result<QSet<QPair<qint64, qint64>>> all();

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace roster
