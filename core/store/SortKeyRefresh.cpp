#include "SortKeyRefresh.h"

#include "CollationKeys.h"
#include "Database.h"
#include "DeferredIndexes.h"
#include "SqlStatement.h"
#include "StoreSettings.h"

#include <sqlite3.h>

namespace roster {

namespace {

void sortKeyFunction(sqlite3_context* context, int, sqlite3_value** args)
{
    const auto* keys = static_cast<const CollationKeys*>(sqlite3_user_data(context));
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
    const QByteArray key = text ? keys->key(QString::fromUtf8(text, sqlite3_value_bytes(args[0]))) : QByteArray();
    sqlite3_result_blob(context, key.constData(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
}

Result<void> recompute(Database& db, const QString& locale)
{
    constexpr qint64 kBatch = 50000;
    SqlStatement maxId(db, "SELECT COALESCE(max(id), 0) FROM contacts");
    const qint64 last = maxId.next() ? maxId.columnInt(0) : 0;
    maxId.reset();
    SqlStatement update(db,
                        "UPDATE contacts SET first_name_key = roster_sort_key(first_name), "
                        "last_name_key = roster_sort_key(last_name), "
                        "company_name_key = roster_sort_key(company_name) WHERE id BETWEEN ? AND ?");
    if (!update.isValid())
        return std::unexpected(update.lastError());
    DeferredIndexes indexes(db);
    if (auto ok = indexes.defer(); !ok)
        return ok;
    for (qint64 first = 1; first <= last; first += kBatch) {
        update.bind(1, first);
        update.bind(2, first + kBatch - 1);
        if (auto ok = update.exec(); !ok)
            return ok;
    }
    if (auto ok = StoreSettings(db).setValue(QString::fromLatin1(SortKeyRefresh::kSettingKey), locale); !ok)
        return ok;
    return indexes.restore();
}

} // namespace

Result<bool> SortKeyRefresh::ensure(Database& db, const QString& locale, When when)
{
    const QString key = QString::fromLatin1(kSettingKey);
    const auto upToDate = [&] {
        const QString made = StoreSettings(db).value(key);
        return when == When::NeverMade ? !made.isEmpty() : made == locale;
    };
    if (db.isReadOnly() || upToDate())
        return false;
    if (auto ok = db.begin(); !ok)
        return std::unexpected(ok.error());
    // Read again under the write lock: another process may have just done it.
    if (upToDate()) {
        db.rollback();
        return false;
    }
    CollationKeys keys(locale);
    sqlite3_create_function(db.handle(), "roster_sort_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, &keys,
                            sortKeyFunction, nullptr, nullptr);
    auto done = recompute(db, locale);
    sqlite3_create_function(db.handle(), "roster_sort_key", 1, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr);
    if (!done) {
        db.rollback();
        return std::unexpected(done.error());
    }
    if (auto ok = db.commit(); !ok)
        return std::unexpected(ok.error());
    return true;
}

} // namespace roster
