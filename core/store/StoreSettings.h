#pragma once

#include "contact/Error.h"

#include <QString>

namespace roster {

class Database;

// Settings that belong to a database rather than to a machine (remembered column mappings, ...), kept in
// its `settings` table so they travel with the file.
class StoreSettings final
{
public:
    explicit StoreSettings(Database& db);
    QString value(const QString& key);
    Result<void> setValue(const QString& key, const QString& value);

private:
    Database& m_db;
};

} // namespace roster
