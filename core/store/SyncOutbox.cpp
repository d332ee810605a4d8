#include "SyncOutbox.h"

#include "Database.h"

namespace roster {

SyncOutbox::SyncOutbox(Database& db)
    : m_db(db)
{
}

Result<SyncOutbox::State> SyncOutbox::state(qint64 accountId)
{
    SqlStatement select(m_db, "SELECT sync_mark, outbox_context FROM accounts WHERE id = ?");
    select.bind(1, accountId);
    State state;
    if (select.next()) {
        state.mark = select.columnInt(0);
        state.context = select.columnText(1);
    } else if (select.hasError()) {
        return std::unexpected(select.lastError());
    }
    return state;
}

Result<void> SyncOutbox::collect(qint64 accountId, bool everyone, const QString& context)
{
    return m_db.transaction([&]() -> Result<void> {
        // Inside the write transaction no other writer can add a change below the newest id read here.
        SqlStatement newest(m_db, "SELECT coalesce(max(id), 0) FROM change_log");
        if (!newest.next())
            return std::unexpected(newest.lastError());
        const qint64 upTo = newest.columnInt(0);
        newest.reset();
        if (everyone) {
            SqlStatement all(m_db,
                             "INSERT OR IGNORE INTO sync_outbox (account_id, contact_id) SELECT ?, id FROM contacts "
                             "WHERE deleted_at IS NULL");
            all.bind(1, accountId);
            if (auto ok = all.exec(); !ok)
                return ok;
            SqlStatement store(m_db, "UPDATE accounts SET outbox_context = ? WHERE id = ?");
            store.bind(1, context);
            store.bind(2, accountId);
            if (auto ok = store.exec(); !ok)
                return ok;
        } else {
            SqlStatement changed(m_db,
                                 "INSERT OR IGNORE INTO sync_outbox (account_id, contact_id) SELECT DISTINCT ?1, "
                                 "contact_id FROM change_log WHERE id > (SELECT sync_mark FROM accounts WHERE id = "
                                 "?1) AND id <= ?2 AND contact_id > 0");
            changed.bind(1, accountId);
            changed.bind(2, upTo);
            if (auto ok = changed.exec(); !ok)
                return ok;
        }
        SqlStatement mark(m_db, "UPDATE accounts SET sync_mark = ? WHERE id = ?");
        mark.bind(1, upTo);
        mark.bind(2, accountId);
        return mark.exec();
    });
}

Result<std::vector<qint64>> SyncOutbox::ids(SqlStatement& select)
{
    std::vector<qint64> out;
    while (select.next())
        out.push_back(select.columnInt(0));
    if (select.hasError())
        return std::unexpected(select.lastError());
    return out;
}

Result<std::vector<qint64>> SyncOutbox::pending(qint64 accountId)
{
    SqlStatement select(m_db, "SELECT contact_id FROM sync_outbox WHERE account_id = ? ORDER BY contact_id");
    select.bind(1, accountId);
    return ids(select);
}

Result<std::vector<qint64>> SyncOutbox::preview(qint64 accountId, bool everyone)
{
    SqlStatement select(m_db,
                        everyone ? "SELECT contact_id FROM sync_outbox WHERE account_id = ?1 UNION SELECT id FROM "
                                   "contacts WHERE deleted_at IS NULL ORDER BY 1"
                                 : "SELECT contact_id FROM sync_outbox WHERE account_id = ?1 UNION SELECT contact_id "
                                   "FROM change_log WHERE id > (SELECT sync_mark FROM accounts WHERE id = ?1) AND "
                                   "contact_id > 0 ORDER BY 1");
    select.bind(1, accountId);
    return ids(select);
}

Result<SyncOutbox::Needs> SyncOutbox::needs(const std::vector<qint64>& contactIds)
{
    Needs needs;
    SqlStatement tags(m_db,
                      "SELECT DISTINCT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id JOIN contacts c ON "
                      "c.id = ct.contact_id WHERE c.deleted_at IS NULL AND ct.contact_id IN (SELECT value FROM "
                      "json_each(?))");
    SqlStatement custom(m_db,
                        "SELECT 1 FROM contact_custom_values v JOIN contacts c ON c.id = v.contact_id WHERE "
                        "c.deleted_at IS NULL AND v.value <> '' AND v.contact_id IN (SELECT value FROM json_each(?)) "
                        "LIMIT 1");
    // A list bound as one JSON array, a few thousand ids at a time.
    constexpr std::size_t kChunk = 4000;
    for (std::size_t from = 0; from < contactIds.size(); from += kChunk) {
        QByteArray list = "[";
        for (std::size_t i = from; i < std::min(contactIds.size(), from + kChunk); ++i) {
            if (i > from)
                list += ',';
            list += QByteArray::number(contactIds[i]);
        }
        list += ']';
        tags.reset();
        tags.bindText(1, list);
        while (tags.next())
            needs.tags.insert(tags.columnText(0));
        if (tags.hasError())
            return std::unexpected(tags.lastError());
        if (!needs.customValues) {
            custom.reset();
            custom.bindText(1, list);
            needs.customValues = custom.next();
            if (custom.hasError())
                return std::unexpected(custom.lastError());
        }
    }
    return needs;
}

Result<void> SyncOutbox::add(qint64 accountId, qint64 contactId)
{
    if (!m_add.isValid())
        m_add = SqlStatement(m_db, "INSERT OR IGNORE INTO sync_outbox (account_id, contact_id) VALUES (?, ?)");
    m_add.reset();
    m_add.bind(1, accountId);
    m_add.bind(2, contactId);
    return m_add.exec();
}

Result<void> SyncOutbox::remove(qint64 accountId, qint64 contactId)
{
    if (!m_remove.isValid())
        m_remove = SqlStatement(m_db, "DELETE FROM sync_outbox WHERE account_id = ? AND contact_id = ?");
    m_remove.reset();
    m_remove.bind(1, accountId);
    m_remove.bind(2, contactId);
    return m_remove.exec();
}

Result<qint64> SyncOutbox::size(qint64 accountId)
{
    SqlStatement count(m_db, "SELECT count(*) FROM sync_outbox WHERE account_id = ?");
    count.bind(1, accountId);
    if (count.next())
        return count.columnInt(0);
    return std::unexpected(count.lastError());
}

} // namespace roster
