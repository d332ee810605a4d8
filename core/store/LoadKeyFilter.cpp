#include "LoadKeyFilter.h"

#include "ContactTable.h"
#include "Database.h"
#include "KeyFilter.h"
#include "SqlStatement.h"

namespace roster {

LoadKeyFilter::LoadKeyFilter(Database& db)
    : m_db(db)
{
}

LoadKeyFilter::~LoadKeyFilter() = default;

Result<void> LoadKeyFilter::start(qint64 newKeys)
{
    using Key = ContactTable::IdentityKey;
    // The version first: a commit by another connection while the keys are read changes it, and the first
    // transaction then drops the filter rather than trust a read that may have missed a key.
    const qint64 version = m_db.dataVersion();
    QVector<std::pair<Key, QByteArray>> sources;
    for (const Key kind : {Key::Email, Key::Linkedin, Key::SalesNav, Key::Phone})
        sources.append({kind,
                        "SELECT " + ContactTable::keySql(kind) + " FROM contacts WHERE " + ContactTable::hasKeySql(kind)
                            + " AND deleted_at IS NULL"});
    // The lists' keys of every contact, deleted or not: one too many only costs a lookup.
    sources.append({Key::Email, "SELECT email_norm FROM contact_emails"});
    sources.append({Key::Phone, "SELECT phone_e164 FROM contact_phones WHERE phone_e164 IS NOT NULL"});
    qint64 stored = 0;
    {
        SqlStatement count(m_db,
                           "SELECT (SELECT count(*) FROM contacts) * 4 + (SELECT count(*) FROM contact_emails) + "
                           "(SELECT count(*) FROM contact_phones)");
        stored = count.next() ? count.columnInt(0) : 0;
    }
    auto filter = std::make_unique<KeyFilter>(stored + newKeys);
    for (const auto& [kind, sql] : std::as_const(sources)) {
        SqlStatement keys(m_db, sql.constData());
        while (keys.next())
            filter->add(static_cast<int>(kind), keys.columnText(0));
        if (keys.hasError())
            return std::unexpected(keys.lastError());
    }
    m_filter = std::move(filter);
    m_version = version;
    return {};
}

void LoadKeyFilter::stop()
{
    m_filter.reset();
}

void LoadKeyFilter::transactionBegun()
{
    if (m_filter && m_db.dataVersion() != m_version)
        m_filter.reset();
}

bool LoadKeyFilter::mayHold(int kind, const QString& key) const
{
    return !m_filter || m_filter->mayHold(kind, key);
}

void LoadKeyFilter::note(int kind, const QString& key)
{
    if (m_filter && !key.isEmpty())
        m_filter->add(kind, key);
}

} // namespace roster
