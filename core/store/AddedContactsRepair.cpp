#include "AddedContactsRepair.h"

#include "ContactTable.h"
#include "Database.h"
#include "SqlStatement.h"

namespace roster {

namespace {

qint64 scalar(Database& db, const char* sql)
{
    SqlStatement query(db, sql);
    return query.next() ? query.columnInt(0) : 0;
}

struct Span
{
    qint64 indexedUpTo = 0;
    qint64 liveUpTo = 0;
    bool pending = false;
};

Span span(Database& db)
{
    Span s;
    s.indexedUpTo = scalar(db, "SELECT COALESCE(max(id), 0) FROM contacts_fts_docsize");
    s.liveUpTo = scalar(db, "SELECT COALESCE(max(id), 0) FROM contacts WHERE deleted_at IS NULL");
    if (s.liveUpTo > s.indexedUpTo)
        s.pending = scalar(db, "SELECT count(*) FROM settings WHERE key LIKE 'search\\_index.%' ESCAPE '\\'") > 0;
    return s;
}

Result<qint64> repair(Database& db, ContactTable& table, const Span& s)
{
    QList<qint64> ids;
    {
        SqlStatement added(db, "SELECT id FROM contacts WHERE id > ? AND deleted_at IS NULL ORDER BY id");
        added.bind(1, s.indexedUpTo);
        while (added.next())
            ids << added.columnInt(0);
    }
    // Indexed as they are before anything is rewritten: ContactTable::update leaves the searchable text as it is.
    if (auto ok = table.addRangeToSearch(s.indexedUpTo + 1, s.liveUpTo); !ok)
        return std::unexpected(ok.error());
    for (const qint64 id : std::as_const(ids)) {
        const std::optional<Contact> contact = table.load(id, false, true);
        if (!contact)
            continue;
        // The same values written back: the keys are made from them, and the other program's time is kept.
        if (auto ok = table.update(*contact, contact->updatedAt); !ok) {
            qWarning("roster: contact %lld, added by another program, keeps no identity keys: %s",
                     static_cast<long long>(id), qPrintable(ok.error().detail));
            if (auto sorted = table.setSortKeys(*contact); !sorted)
                return std::unexpected(sorted.error());
        }
    }
    return ids.size();
}

} // namespace

Result<qint64> AddedContactsRepair::run(Database& db, ContactTable& table)
{
    if (db.isReadOnly())
        return 0;
    if (const Span s = span(db); s.liveUpTo <= s.indexedUpTo || s.pending)
        return 0;
    return db.transaction([&]() -> Result<qint64> {
        // Again under the write lock: another process may have repaired it, or started a bulk load, meanwhile.
        const Span s = span(db);
        if (s.liveUpTo <= s.indexedUpTo || s.pending)
            return 0;
        return repair(db, table, s);
    });
}

} // namespace roster
