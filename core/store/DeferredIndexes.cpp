#include "DeferredIndexes.h"

#include "Database.h"
#include "SqlStatement.h"

#include <QStringList>

#include <algorithm>

namespace roster {

namespace {

constexpr int kBuildCacheKiB = 32 * 1024;

} // namespace

DeferredIndexes::DeferredIndexes(Database& db)
    : m_db(db)
{
}

bool DeferredIndexes::deferred()
{
    SqlStatement query(m_db, "SELECT 1 FROM settings WHERE substr(key, 1, 15) = 'deferred_index.' LIMIT 1");
    return query.next();
}

Result<void> DeferredIndexes::defer(Scope scope)
{
    return m_db.transaction([&]() -> Result<void> {
        QStringList names, sql;
        {
            SqlStatement query(m_db,
                               scope == Scope::Reading
                                   ? "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                     "AND ((tbl_name = 'contacts' AND (name LIKE 'contacts\\_sort\\_%' ESCAPE '\\' "
                                     "OR name = 'contacts_company')) "
                                     "OR (tbl_name = 'contact_tags' AND name = 'contact_tags_tag'))"
                                   : "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                     "AND tbl_name = 'contacts' AND sql LIKE '%deleted\\_at%' ESCAPE '\\'");
            while (query.next()) {
                names << query.columnText(0);
                sql << query.columnText(1);
            }
        }
        SqlStatement note(m_db,
                          "INSERT INTO settings (key, value) VALUES ('deferred_index.' || ?, ?) "
                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        for (qsizetype i = 0; i < names.size(); ++i) {
            note.bind(1, names.at(i));
            note.bind(2, sql.at(i));
            if (auto ok = note.exec(); !ok)
                return ok;
            const QByteArray drop = "DROP INDEX \"" + names.at(i).toUtf8() + '"';
            if (auto ok = SqlStatement::execute(m_db, drop.constData()); !ok)
                return ok;
        }
        return {};
    });
}

Result<void> DeferredIndexes::restore(bool waitForWriter)
{
    if (!deferred())
        return {};
    if (!waitForWriter) {
        qint64 timeout = 0;
        {
            SqlStatement query(m_db, "PRAGMA busy_timeout");
            timeout = query.next() ? query.columnInt(0) : 0;
        }
        SqlStatement::execute(m_db, "PRAGMA busy_timeout = 0");
        auto ok = restore(true);
        SqlStatement::execute(m_db, QByteArray("PRAGMA busy_timeout = " + QByteArray::number(timeout)).constData());
        return ok;
    }
    // CREATE INDEX sorts in memory up to the page cache's size, on top of the cache itself; past that it
    // merges runs from temporary files. A small cache while building keeps a large load's memory bounded
    // (an import stays under 400 MiB whatever the file's size); the pages it frees are what the sort reuses.
    const int cacheKiB = m_db.cacheSizeKiB();
    m_db.setCacheSizeKiB(std::min(cacheKiB, kBuildCacheKiB));
    auto built = m_db.transaction([&]() -> Result<void> {
        QStringList keys, names, sql;
        {
            // The key of a note is "deferred_index." and the index's name.
            SqlStatement query(m_db,
                               "SELECT key, substr(key, 16), value FROM settings "
                               "WHERE substr(key, 1, 15) = 'deferred_index.'");
            while (query.next()) {
                keys << query.columnText(0);
                names << query.columnText(1);
                sql << query.columnText(2);
            }
        }
        SqlStatement exists(m_db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
        SqlStatement forget(m_db, "DELETE FROM settings WHERE key = ?");
        for (qsizetype i = 0; i < keys.size(); ++i) {
            exists.reset();
            exists.bind(1, names.at(i));
            const bool present = exists.next();
            exists.reset();
            if (!present) {
                if (auto ok = SqlStatement::execute(m_db, sql.at(i).toUtf8().constData()); !ok)
                    return ok;
            }
            forget.bind(1, keys.at(i));
            if (auto ok = forget.exec(); !ok)
                return ok;
        }
        return {};
    });
    m_db.setCacheSizeKiB(cacheKiB);
    return built;
}

} // namespace roster
