#pragma once

#include "contact/Error.h"

#include <QString>

#include <cstdint>

namespace roster {

class Database;

// Keeps the collation keys of the name columns (009_collation_keys_and_verdicts.sql) made for the UI
// language's locale. The database notes the locale its keys were made with (settings.sort_locale). The
// window, opening it in another UI language, computes every key again, in id batches inside one
// transaction, with the sort indexes dropped and built once at the end, the way a bulk import does.
// Database::open only makes keys never made (the first open after the migration): a command run from cron
// in the C locale keeps the window's order instead of recomputing a million keys back and forth.
class SortKeyRefresh final
{
public:
    enum class When : std::uint8_t { LocaleDiffers, NeverMade };
    // True when the keys were computed again.
    static Result<bool> ensure(Database& db, const QString& locale, When when = When::LocaleDiffers);
    static constexpr const char* kSettingKey = "sort_locale";
};

} // namespace roster
