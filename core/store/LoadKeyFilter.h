#pragma once

#include "contact/Error.h"

#include <QString>

#include <memory>

namespace roster {

class Database;
class KeyFilter;

// A bulk load's filter of identity keys (KeyFilter) and what keeps it true: the keys of the live contacts when the
// load begins, every key the load's ContactTable writes (note()), and the file's data_version, which tells when
// another connection has committed. The filter knows only its own connection's writes, so it lasts while that
// connection is the load's own (an ImportJob runs on a session of its own): once another connection committed,
// transactionBegun() drops it and the lookups ask the indexes again. `kind` is a ContactTable::IdentityKey.
class LoadKeyFilter final
{
public:
    explicit LoadKeyFilter(Database& db);
    ~LoadKeyFilter();

    Result<void> start(qint64 newKeys);
    void stop();
    // Right after the connection began a write transaction (no other connection can commit until it ends).
    void transactionBegun();
    bool active() const { return m_filter != nullptr; }

    // False only when no live contact holds the key; always true when no load runs.
    bool mayHold(int kind, const QString& key) const;
    void note(int kind, const QString& key);

private:
    Database& m_db;
    std::unique_ptr<KeyFilter> m_filter;
    qint64 m_version = 0; // the file's data_version the filter knows
};

} // namespace roster
