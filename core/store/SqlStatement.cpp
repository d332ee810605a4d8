#include "SqlStatement.h"

#include "Database.h"

#include <sqlite3.h>

namespace roster {

SqlStatement::SqlStatement(Database& db, const char* sql)
    : m_db(&db)
{
    if (const int rc = sqlite3_prepare_v3(db.handle(), sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
        rc != SQLITE_OK) {
        m_failed = true;
        m_resultCode = rc;
        m_error = QString::fromUtf8(sqlite3_errmsg(db.handle())) + QStringLiteral(" in: ") + QString::fromUtf8(sql);
        m_stmt = nullptr;
        return;
    }
    m_isWrite = !sqlite3_stmt_readonly(m_stmt);
}

SqlStatement::~SqlStatement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

SqlStatement::SqlStatement(SqlStatement&& other) noexcept
    : m_db(other.m_db)
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_failed(other.m_failed)
    , m_resultCode(other.m_resultCode)
    , m_error(std::move(other.m_error))
    , m_isWrite(other.m_isWrite)
    , m_buffers(std::move(other.m_buffers))
{
}

SqlStatement& SqlStatement::operator=(SqlStatement&& other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_failed = other.m_failed;
        m_resultCode = other.m_resultCode;
        m_error = std::move(other.m_error);
        m_isWrite = other.m_isWrite;
        m_buffers = std::move(other.m_buffers);
    }
    return *this;
}

void SqlStatement::bind(int index, const QString& value)
{
    if (!m_stmt)
        return;
    if (value.isNull()) {
        sqlite3_bind_null(m_stmt, index);
        return;
    }
    m_buffers.push_back(value.toUtf8());
    const QByteArray& utf8 = m_buffers.back();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_STATIC);
}

void SqlStatement::bindText(int index, const QByteArray& utf8)
{
    if (m_stmt)
        sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
}

void SqlStatement::bindBlob(int index, const QByteArray& bytes)
{
    if (m_stmt)
        sqlite3_bind_blob(m_stmt, index, bytes.isEmpty() ? "" : bytes.constData(), static_cast<int>(bytes.size()),
                          SQLITE_TRANSIENT);
}

void SqlStatement::bind(int index, qint64 value)
{
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, index, value);
}

void SqlStatement::bindNull(int index)
{
    if (m_stmt)
        sqlite3_bind_null(m_stmt, index);
}

void SqlStatement::reset()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    m_buffers.clear();
}

bool SqlStatement::next()
{
    if (!m_stmt)
        return false;
    if (m_isWrite && m_db->consumeInjectedFault()) {
        m_failed = true;
        m_resultCode = SQLITE_ERROR;
        m_error = QStringLiteral("injected write failure");
        return false;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_failed = true;
        m_resultCode = rc;
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db->handle()));
    }
    return false;
}

Result<void> SqlStatement::exec()
{
    if (!m_stmt)
        return std::unexpected(lastError());
    m_failed = false;
    while (next()) { }
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_buffers.clear();
    if (m_failed)
        return std::unexpected(lastError());
    return {};
}

Error SqlStatement::lastError() const
{
    if (!m_db)
        return Error {ErrorCode::DatabaseError, {}, m_error};
    return m_db->sqliteError(m_resultCode, m_error);
}

qint64 SqlStatement::columnInt(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString SqlStatement::columnText(int column) const
{
    if (sqlite3_column_type(m_stmt, column) == SQLITE_NULL)
        return {};
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    const int bytes = sqlite3_column_bytes(m_stmt, column);
    return QString::fromUtf8(data, bytes);
}

QByteArray SqlStatement::columnBlob(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return data ? QByteArray(data, sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

bool SqlStatement::columnIsNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

bool SqlStatement::columnIsInteger(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_INTEGER;
}

bool SqlStatement::columnIsBlob(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_BLOB;
}

Result<void> SqlStatement::execute(Database& db, const char* sql)
{
    SqlStatement statement(db, sql);
    return statement.exec();
}

} // namespace roster
