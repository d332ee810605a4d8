#include "ContactStore.h"

#include "Database.h"

namespace roster {

ContactStore::ContactStore(Database& db)
    : m_db(db)
    , m_table(db)
{
}

Result<std::unique_ptr<ContactStore>> ContactStore::create(Database& db)
{
    std::unique_ptr<ContactStore> store(new ContactStore(db));
    if (auto ok = store->prepare(); !ok)
        return std::unexpected(ok.error());
    return store;
}

Result<void> ContactStore::prepare()
{
    if (auto ok = m_table.prepare(); !ok)
        return ok;
    m_count = SqlStatement(m_db, "SELECT count(*) FROM contacts WHERE deleted_at IS NULL");
    m_ids = SqlStatement(m_db, "SELECT id FROM contacts WHERE deleted_at IS NULL AND id > ? ORDER BY id LIMIT 1000");
    m_company = SqlStatement(m_db, "SELECT name FROM companies WHERE id = ?");
    m_page = SqlStatement(m_db, "SELECT id FROM contacts WHERE deleted_at IS NULL ORDER BY id LIMIT ? OFFSET ?");
    for (const SqlStatement* s : {&m_count, &m_ids, &m_company, &m_page}) {
        if (!s->isValid())
            return std::unexpected(s->lastError());
    }
    return {};
}

qint64 ContactStore::count()
{
    m_count.reset();
    const qint64 n = m_count.next() ? m_count.columnInt(0) : 0;
    m_count.reset();
    return n;
}

std::optional<Contact> ContactStore::contact(qint64 id)
{
    auto contact = m_table.load(id, false, true);
    if (contact)
        m_table.loadLists(*contact);
    return contact;
}

Result<void> ContactStore::forEach(const std::function<bool(const Contact&)>& visit)
{
    // Keyset pages keep memory flat however many contacts there are.
    qint64 after = 0;
    for (;;) {
        QVector<qint64> ids;
        m_ids.reset();
        m_ids.bind(1, after);
        while (m_ids.next())
            ids << m_ids.columnInt(0);
        if (m_ids.hasError())
            return std::unexpected(m_ids.lastError());
        m_ids.reset();
        if (ids.isEmpty())
            return {};
        for (qint64 id : ids) {
            const auto c = contact(id);
            if (c && !visit(*c))
                return {};
        }
        after = ids.last();
    }
}

QVector<Contact> ContactStore::page(qint64 offset, int limit)
{
    QVector<qint64> ids;
    m_page.reset();
    m_page.bind(1, static_cast<qint64>(limit));
    m_page.bind(2, offset);
    while (m_page.next())
        ids << m_page.columnInt(0);
    m_page.reset();
    QVector<Contact> contacts;
    contacts.reserve(ids.size());
    for (qint64 id : ids) {
        if (auto c = m_table.load(id))
            contacts.append(std::move(*c));
    }
    return contacts;
}

QString ContactStore::companyName(qint64 companyId)
{
    m_company.reset();
    m_company.bind(1, companyId);
    const QString name = m_company.next() ? m_company.columnText(0) : QString();
    m_company.reset();
    return name;
}

} // namespace roster
