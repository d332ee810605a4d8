#pragma once

#include <QFile>
#include <QString>

#include <sqlite3.h>

namespace roster::test {

// The first column of the first row `sql` gives on the file at `db`, read by a plain read-only SQLite connection
// (not Roster's), as text; empty when there is none.
inline QString sqliteValue(const QString& db, const char* sql)
{
    sqlite3* handle = nullptr;
    sqlite3_open_v2(db.toUtf8().constData(), &handle, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* stmt = nullptr;
    QString value;
    if (sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    sqlite3_close(handle);
    return value;
}

// A CSV of `rows` people in five columns, two tags each, 300 companies: what the import tests feed the executable.
inline bool writePeopleCsv(const QString& path, int rows)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write("First Name,Last Name,Email,Company,Tags\n");
    for (int i = 0; i < rows; ++i)
        file.write(
            QStringLiteral("Person%1,Müller,person%1@firm%2.com,Firm %2,\"a, b\"\n").arg(i).arg(i % 300).toUtf8());
    return true;
}

} // namespace roster::test
