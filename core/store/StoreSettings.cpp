#include "StoreSettings.h"

#include "SqlStatement.h"

namespace roster {

StoreSettings::StoreSettings(Database& db)
    : m_db(db)
{
}

QString StoreSettings::value(const QString& key)
{
    SqlStatement query(m_db, "SELECT value FROM settings WHERE key = ?");
    query.bind(1, key);
    return query.next() ? query.columnText(0) : QString();
}

Result<void> StoreSettings::setValue(const QString& key, const QString& value)
{
    SqlStatement upsert(m_db,
                        "INSERT INTO settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key);
    upsert.bind(2, value);
    return upsert.exec();
}

} // namespace roster
