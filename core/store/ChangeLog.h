#pragma once

#include "SqlStatement.h"

namespace roster {

class Database;

// Where a write came from: "manual", "import:<file>", "pull:<account>", "merge", "undo", "redo".
struct WriteOrigin
{
    QString origin;
    QString label; // what Edit > Undo shows: "Import contacts.csv", "Edit Jane Smith"
};

// The change log: one operation per accepted write, one row per created, deleted or changed field.
// Undo replays it backwards; the sync outbox reads it forwards.
class ChangeLog final
{
public:
    explicit ChangeLog(Database& db);
    Result<void> prepare();

    // Opens an operation. A new user operation ends the redo history (undone operations become dead).
    Result<qint64> beginOperation(const WriteOrigin& origin, bool system = false);
    // One create entry per contact with an id in [first, last], in id order, in one statement.
    Result<void> logCreatedRange(qint64 op, qint64 first, qint64 last);
    Result<void> logDelete(qint64 op, qint64 contactId);
    Result<void> logUpdate(qint64 op, qint64 contactId, const QString& field, const QString& oldValue,
                           const QString& newValue);
    // The user's "not a duplicate" verdict on a pair given (or taken back): action 'verdict', field
    // "not_duplicate:<second>", values "1" (recorded) or "0". Undo replays it like a field.
    Result<void> logVerdict(qint64 op, qint64 first, qint64 second, bool before, bool after);
    static QString verdictField(qint64 second);
    Result<void> setState(qint64 op, const char* state);

    static QString encodeList(const QStringList& list);
    static QStringList decodeList(const QString& text);

private:
    Result<void> log(qint64 op, qint64 contactId, const char* action, const QString& field, const QString& oldValue,
                     const QString& newValue);

    Database& m_db;
    SqlStatement m_insertOp, m_killRedo, m_insertChange, m_insertCreatedRange, m_setState;
};

} // namespace roster
