#include "StoredTime.h"

#include "SqlStatement.h"

#include <sqlite3.h>

namespace roster::StoredTime {

qint64 fromDateTime(const QDateTime& at)
{
    return at.toMSecsSinceEpoch();
}

QDateTime read(const SqlStatement& query, int column)
{
    if (query.columnIsNull(column))
        return {};
    if (query.columnIsInteger(column))
        return QDateTime::fromMSecsSinceEpoch(query.columnInt(column), Qt::UTC);
    return QDateTime::fromString(query.columnText(column), Qt::ISODateWithMs);
}

std::optional<qint64> fromText(const QString& text)
{
    const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        return std::nullopt;
    return fromDateTime(at);
}

namespace {

void timeFunction(sqlite3_context* context, int, sqlite3_value** values)
{
    if (sqlite3_value_type(values[0]) == SQLITE_INTEGER) {
        sqlite3_result_int64(context, sqlite3_value_int64(values[0]));
        return;
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(values[0]));
    const auto ms = text ? fromText(QString::fromUtf8(text)) : std::nullopt;
    if (ms)
        sqlite3_result_int64(context, *ms);
    else
        sqlite3_result_null(context);
}

} // namespace

void registerFunction(sqlite3* handle)
{
    sqlite3_create_function_v2(handle, "roster_time", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, timeFunction,
                               nullptr, nullptr, nullptr);
}

} // namespace roster::StoredTime
