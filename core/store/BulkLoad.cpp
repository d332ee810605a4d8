#include "BulkLoad.h"

#include "ContactTable.h"
#include "Database.h"
#include "SqlStatement.h"

#include <algorithm>

namespace roster {

BulkLoad::BulkLoad(Database& db, ContactTable& table)
    : m_db(db)
    , m_table(table)
    , m_deferredIndexes(db)
{
}

Result<void> BulkLoad::begin(qint64 expectedRows)
{
    qint64 liveContacts = 0;
    {
        SqlStatement live(m_db, "SELECT count(*) FROM contacts WHERE deleted_at IS NULL");
        liveContacts = live.next() ? live.columnInt(0) : 0;
    }
    if (expectedRows < 2 * liveContacts || expectedRows < 1000)
        return {};
    if (auto ok = m_deferredIndexes.defer(); !ok)
        return ok;
    // An email, a LinkedIn URL and a phone or two a row, as the generated and exported files have.
    if (auto ok = m_table.keyFilter().start(4 * expectedRows); !ok)
        return ok;
    constexpr qint64 kSideIndexRows = 10000;
    if (expectedRows < kSideIndexRows)
        return {};
    // The state first: a contact another writer indexes after it changes the state, whether or not it is below
    // the highest id read next.
    m_mainState = SideSearchIndex::mainIndexState(m_db);
    qint64 existing = 0;
    if (!SideSearchIndex::mainIndexEmpty(m_db)) {
        SqlStatement highest(m_db, "SELECT COALESCE(max(id), 0) FROM contacts");
        existing = highest.next() ? highest.columnInt(0) : 0;
    }
    // Without a side index (it could not start), the load indexes its contacts the usual way.
    auto side = SideSearchIndex::start(m_db, existing > 0);
    if (!side)
        return {};
    m_side = std::move(*side);
    // The contacts already there are indexed aside too, at once (they are committed), so that the side index can
    // replace the main one; the load's changes to them go there.
    m_existingUpTo = existing;
    if (existing > 0)
        m_side->add(1, existing);
    return {};
}

Result<void> BulkLoad::end()
{
    m_table.keyFilter().stop();
    // The indexes first: the side index's thread finishes its last ranges and merges its segments on the other
    // core meanwhile.
    if (m_side)
        m_side->close();
    const Result<void> restored = m_deferredIndexes.restore();
    if (m_side) {
        auto copied = m_side->copyInto(m_db, m_mainState);
        m_side.reset();
        m_ranges.clear();
        m_refresh.clear();
        m_existingUpTo = 0;
        if (!copied)
            qWarning("roster: the search index could not be copied (%s); building it here",
                     qPrintable(copied.error().toString()));
    }
    // Whatever happened above, no contact stays out of the search index.
    if (auto ok = SideSearchIndex::repairMain(m_db); !ok)
        return ok;
    return restored;
}

void BulkLoad::repairAtOpen()
{
    m_deferredIndexes.restore(false);
    qint64 timeout = 0;
    {
        SqlStatement query(m_db, "PRAGMA busy_timeout");
        timeout = query.next() ? query.columnInt(0) : 0;
    }
    SqlStatement::execute(m_db, "PRAGMA busy_timeout = 0");
    SideSearchIndex::repairMain(m_db);
    SqlStatement::execute(m_db, QByteArray("PRAGMA busy_timeout = " + QByteArray::number(timeout)).constData());
}

bool BulkLoad::holds(qint64 id)
{
    if (!m_side)
        return false;
    if (id <= m_existingUpTo)
        return true;
    return std::any_of(m_ranges.cbegin(), m_ranges.cend(),
                       [id](const auto& range) { return id >= range.first && id <= range.second; })
        && !m_table.inSearch(id);
}

void BulkLoad::committed(qint64 first, qint64 last)
{
    if (!m_side)
        return;
    // The side index reads committed rows only: handed over after the commit.
    if (first > 0) {
        m_ranges.append({first, last});
        m_side->add(first, last);
    }
    m_side->refresh(std::exchange(m_refresh, {}));
}

} // namespace roster
