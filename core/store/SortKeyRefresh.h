#pragma once

#include "contact/Error.h"

#include <QString>

#include <cstdint>

namespace roster {

class Database;

// Keeps the collation keys of the name columns (009_collation_keys_and_verdicts.sql) made for the UI
// language's locale. The database notes the locale its keys were made with (settings.sort_locale); opening
// it with another one (or the first time after the migration) computes every key again, in id batches
// inside one transaction, with the sort indexes dropped and built once at the end, the way a bulk import
// does. About 3 s for a million contacts.
class SortKeyRefresh final
{
public:
    // True when the keys were computed again.
    static Result<bool> ensure(Database& db, const QString& locale);
    static constexpr const char* kSettingKey = "sort_locale";
};

} // namespace roster
