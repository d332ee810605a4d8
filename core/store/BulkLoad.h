#pragma once

#include "DeferredIndexes.h"
#include "SideSearchIndex.h"

#include <QVector>

#include <memory>
#include <utility>

namespace roster {

class ContactTable;
class Database;

// The bulk path of a large load (an import), for UpsertEngine: the window's sort indexes dropped and built once at
// the end (DeferredIndexes) and the search rows built on another thread and copied in at the end
// (SideSearchIndex), the contacts already there included. The engine tells it what each batch created and changed.
class BulkLoad final
{
public:
    BulkLoad(Database& db, ContactTable& table);

    // When about `expectedRows` inputs are at least twice the live contacts; otherwise nothing happens.
    Result<void> begin(qint64 expectedRows);
    Result<void> end();
    // What a load killed before its end left undone (sort indexes, contacts missing from search), best effort:
    // opening the store must neither wait for another process's load nor fail.
    void repairAtOpen();

    // Whether the search rows of the load's new contacts are built aside (the engine then leaves them alone).
    bool indexesAside() const { return m_side != nullptr; }
    // Whether the side index holds this contact (there before the load, or created by an earlier batch of it and
    // not put in the main index by another writer since): a change to its searched values is then noted with
    // changed(), and the main index is left alone.
    bool holds(qint64 id);
    void changed(qint64 id) { m_refresh.append(id); }
    // After a batch commits: the contacts it created, [first, last] (0 when none), and those it changed.
    void committed(qint64 first, qint64 last);
    void rolledBack() { m_refresh.clear(); }

private:
    Database& m_db;
    ContactTable& m_table;
    DeferredIndexes m_deferredIndexes;
    std::unique_ptr<SideSearchIndex> m_side;
    QVector<std::pair<qint64, qint64>> m_ranges; // created by committed batches of this load
    QVector<qint64> m_refresh; // changed in the current batch
    QByteArray m_mainState; // SideSearchIndex::mainIndexState() when the load began
    qint64 m_existingUpTo = 0; // the highest id there was when the load began, when the main index had contacts
};

} // namespace roster
