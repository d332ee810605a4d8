#pragma once

#include "SqlStatement.h"

#include <QSet>

#include <vector>

namespace roster {

class Database;

// `sync_outbox` and `accounts.sync_mark`: which contacts a push of each account must look at. The change log
// feeds it: collect() moves the contacts changed since the account's mark into its outbox and the mark to the
// newest change, in one transaction, so a change is never skipped and never looked at twice for nothing. A
// contact leaves only when its push was acknowledged (or its fingerprint shows nothing to send): a run killed
// anywhere, a failed request or a record held back by a guard keeps it for the next run.
class SyncOutbox final
{
public:
    explicit SyncOutbox(Database& db);

    struct State
    {
        qint64 mark = 0; // the last change_log id collected; 0: never (every contact goes in)
        QString context; // see the migration: what every request of the account depends on
    };
    Result<State> state(qint64 accountId);

    // Moves the contacts changed since the mark into the outbox and the mark to the newest change. With
    // `everyone` (a new account, a changed context, a forced full push) every live contact goes in instead,
    // and `context` is stored with it.
    Result<void> collect(qint64 accountId, bool everyone, const QString& context = {});
    // The outbox's contact ids in ascending order (after collect()).
    Result<std::vector<qint64>> pending(qint64 accountId);
    // What collect() and pending() would give, without writing anything (a dry run).
    Result<std::vector<qint64>> preview(qint64 accountId, bool everyone);

    // What a push of these contacts needs from the CRM before it starts: custom-field definitions when one
    // has a custom value, and the ids of the tags they carry. Live contacts only.
    struct Needs
    {
        bool customValues = false;
        QSet<QString> tags;
    };
    Result<Needs> needs(const std::vector<qint64>& contactIds);

    // Puts a contact back in an account's outbox: a push must look at it again although it did not change
    // (a conflict settled, a remote deletion dismissed).
    Result<void> add(qint64 accountId, qint64 contactId);
    Result<void> remove(qint64 accountId, qint64 contactId);
    Result<qint64> size(qint64 accountId);

private:
    Result<std::vector<qint64>> ids(SqlStatement& select);

    Database& m_db;
    SqlStatement m_add, m_remove;
};

} // namespace roster
