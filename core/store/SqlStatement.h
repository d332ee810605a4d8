#pragma once

#include "contact/Error.h"

#include <QByteArray>
#include <QString>

#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace roster {

class Database;

// A prepared statement on the raw SQLite handle. The engine's hot path goes through here rather than
// QSqlQuery::bindValue, which builds and hashes a placeholder name on every bind (about 4.5x slower
// for a million rows). The SQL text itself stays portable.
class SqlStatement final
{
public:
    SqlStatement() = default;
    SqlStatement(Database& db, const char* sql);
    ~SqlStatement();
    SqlStatement(SqlStatement&& other) noexcept;
    SqlStatement& operator=(SqlStatement&& other) noexcept;
    SqlStatement(const SqlStatement&) = delete;
    SqlStatement& operator=(const SqlStatement&) = delete;

    bool isValid() const { return m_stmt != nullptr; }

    // Binds are 1-based, as in SQLite. A null QString binds NULL; an empty one binds ''.
    void bind(int index, const QString& value);
    void bindText(int index, const QByteArray& utf8);
    void bindBlob(int index, const QByteArray& bytes); // never NULL: an empty array binds X''
    void bind(int index, qint64 value);
    void bindNull(int index);
    void reset();

    // Steps once: true while a row is available. Errors (and injected faults) land in lastError().
    bool next();
    // Runs a statement that returns no rows; resets it for reuse.
    Result<void> exec();
    bool hasError() const { return m_failed; }
    Error lastError() const;

    qint64 columnInt(int column) const;
    QString columnText(int column) const;
    QByteArray columnBlob(int column) const;
    bool columnIsNull(int column) const;
    bool columnIsInteger(int column) const;
    bool columnIsBlob(int column) const;

    // Runs one write statement whose only result is success.
    static Result<void> execute(Database& db, const char* sql);

private:
    Database* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    bool m_failed = false;
    int m_resultCode = 0; // SQLite's, of the last failure
    QString m_error;
    bool m_isWrite = false;
    // UTF-8 copies of bound text, alive until reset(): SQLite reads them in place (SQLITE_STATIC) instead
    // of copying UTF-16 and translating it on every step.
    std::vector<QByteArray> m_buffers;
};

} // namespace roster
