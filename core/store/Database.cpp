#include "Database.h"

#include "SqlStatement.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <map>
#include <sqlite3.h>

namespace roster {

namespace {

QString nextConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("roster-%1").arg(counter.fetchAndAddRelaxed(1));
}

// Migrations live in resources as NNN_name.sql; the number is the schema version they lead to.
std::map<int, QString> migrationFiles()
{
    std::map<int, QString> files;
    static const QRegularExpression name(QStringLiteral("^(\\d{3})_.*\\.sql$"));
    const QDir dir(QStringLiteral(":/roster/sql"));
    for (const QString& entry : dir.entryList(QDir::Files)) {
        const auto match = name.match(entry);
        if (match.hasMatch())
            files.emplace(match.captured(1).toInt(), dir.filePath(entry));
    }
    return files;
}

Result<void> execScript(sqlite3* handle, const QByteArray& sql)
{
    char* message = nullptr;
    if (sqlite3_exec(handle, sql.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : "unknown error");
        sqlite3_free(message);
        return fail(ErrorCode::DatabaseError, text);
    }
    return {};
}

qint64 pragmaValue(sqlite3* handle, const char* sql)
{
    sqlite3_stmt* stmt = nullptr;
    qint64 value = 0;
    if (sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}

} // namespace

int Database::latestSchemaVersion()
{
    const auto files = migrationFiles();
    return files.empty() ? 0 : files.rbegin()->first;
}

Result<std::unique_ptr<Database>> Database::open(const QString& path)
{
    const QFileInfo info(path);
    bool hadContent = false;
    if (info.exists()) {
        if (info.isDir())
            return fail(ErrorCode::NotARosterDatabase, QStringLiteral("%1 is a folder").arg(path));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return fail(ErrorCode::FileUnreadable, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        const QByteArray header = file.read(16);
        hadContent = !header.isEmpty();
        // Checked before SQLite touches the file: switching a foreign file to WAL would rewrite its header.
        if (hadContent && header != QByteArray("SQLite format 3\0", 16))
            return fail(ErrorCode::NotARosterDatabase, QStringLiteral("%1 is not a Roster database").arg(path));
    } else if (!QDir().mkpath(info.absolutePath())) {
        return fail(ErrorCode::FileUnreadable, QStringLiteral("cannot create the folder of %1").arg(path));
    }

    std::unique_ptr<Database> db(new Database);
    db->m_path = info.absoluteFilePath();
    db->m_connectionName = nextConnectionName();
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->m_connectionName);
        connection.setDatabaseName(db->m_path);
        if (!connection.open())
            return fail(ErrorCode::DatabaseError, connection.lastError().text());
        const QVariant handle = connection.driver()->handle();
        if (qstrcmp(handle.typeName(), "sqlite3*") != 0 || !*static_cast<sqlite3* const*>(handle.constData()))
            return fail(ErrorCode::DatabaseError, QStringLiteral("the Qt SQLite driver gave no handle"));
        db->m_handle = *static_cast<sqlite3* const*>(handle.constData());
    }
    if (auto ok = db->checkIdentity(hadContent); !ok)
        return std::unexpected(ok.error());
    if (auto ok = db->applyPragmas(); !ok)
        return std::unexpected(ok.error());
    if (auto ok = db->migrateTo(latestSchemaVersion()); !ok)
        return std::unexpected(ok.error());
    return db;
}

Database::~Database()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase connection = QSqlDatabase::database(m_connectionName, false);
        connection.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<void> Database::checkIdentity(bool fileHadContent)
{
    const qint64 appId = pragmaValue(m_handle, "PRAGMA application_id");
    const qint64 version = pragmaValue(m_handle, "PRAGMA user_version");
    const qint64 tables = pragmaValue(m_handle, "SELECT count(*) FROM sqlite_master");
    if (appId == 0 && version == 0 && tables == 0)
        return {}; // a new or empty file: ours to initialise
    if (appId != kApplicationId || (fileHadContent && version == 0))
        return fail(ErrorCode::NotARosterDatabase, QStringLiteral("%1 is not a Roster database").arg(m_path));
    if (version > latestSchemaVersion())
        return fail(ErrorCode::DatabaseTooNew,
                    QStringLiteral("%1 has schema version %2; this Roster knows up to %3: update Roster to open it")
                        .arg(m_path)
                        .arg(version)
                        .arg(latestSchemaVersion()));
    return {};
}

Result<void> Database::applyPragmas()
{
    // WAL lets the window read while an import writes; NORMAL sync is durable at each checkpoint in WAL
    // mode and stays consistent after a crash. A 256 MiB page cache keeps the identity indexes hot.
    // Temporary data goes to (unlinked) files: in memory, the statement journals of one large transaction
    // (undoing a 2.4M-row import) took 700 MiB, while the kernel's file cache makes files just as fast.
    return execScript(m_handle,
                      "PRAGMA journal_mode=WAL;"
                      "PRAGMA synchronous=NORMAL;"
                      "PRAGMA foreign_keys=ON;"
                      "PRAGMA busy_timeout=5000;"
                      "PRAGMA temp_store=FILE;"
                      "PRAGMA cache_size=-262144;");
}

qint64 Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_handle);
}

qint64 Database::changes() const
{
    return sqlite3_changes64(m_handle);
}

Result<void> Database::setCacheSizeKiB(int kib)
{
    // A negative cache_size is a size in KiB rather than in pages.
    return execScript(m_handle, "PRAGMA cache_size=" + QByteArray::number(-qMax(kib, 1)) + ';');
}

int Database::cacheSizeKiB() const
{
    const qint64 size = pragmaValue(m_handle, "PRAGMA cache_size");
    if (size < 0)
        return static_cast<int>(-size);
    return static_cast<int>(size * pragmaValue(m_handle, "PRAGMA page_size") / 1024);
}

int Database::schemaVersion() const
{
    return static_cast<int>(pragmaValue(m_handle, "PRAGMA user_version"));
}

Result<void> Database::migrateTo(int targetVersion)
{
    const int current = schemaVersion();
    for (const auto& [version, file] : migrationFiles()) {
        if (version <= current || version > targetVersion)
            continue;
        QFile script(file);
        if (!script.open(QIODevice::ReadOnly))
            return fail(ErrorCode::DatabaseError, QStringLiteral("missing migration %1").arg(file));
        const QByteArray sql = "BEGIN;" + script.readAll() + "\nPRAGMA application_id="
            + QByteArray::number(kApplicationId) + ";PRAGMA user_version=" + QByteArray::number(version) + ";COMMIT;";
        if (auto ok = execScript(m_handle, sql); !ok) {
            execScript(m_handle, "ROLLBACK;");
            return fail(ErrorCode::DatabaseError,
                        QStringLiteral("migration to version %1 failed: %2").arg(version).arg(ok.error().detail));
        }
    }
    return {};
}

Result<void> Database::begin()
{
    const QByteArray sql = m_depth == 0 ? QByteArray("BEGIN IMMEDIATE") : "SAVEPOINT s" + QByteArray::number(m_depth);
    if (auto ok = execScript(m_handle, sql); !ok)
        return ok;
    ++m_depth;
    return {};
}

Result<void> Database::commit()
{
    if (m_depth == 0)
        return fail(ErrorCode::DatabaseError, QStringLiteral("commit without a transaction"));
    if (consumeInjectedFault()) {
        rollback();
        return fail(ErrorCode::DatabaseError, QStringLiteral("injected commit failure"));
    }
    const QByteArray sql = m_depth == 1 ? QByteArray("COMMIT") : "RELEASE s" + QByteArray::number(m_depth - 1);
    auto ok = execScript(m_handle, sql);
    if (!ok) {
        rollback();
        return ok;
    }
    --m_depth;
    return ok;
}

void Database::rollback()
{
    if (m_depth == 0)
        return;
    if (m_depth == 1) {
        execScript(m_handle, "ROLLBACK");
    } else {
        const QByteArray name = "s" + QByteArray::number(m_depth - 1);
        execScript(m_handle, "ROLLBACK TO " + name + "; RELEASE " + name);
    }
    --m_depth;
}

bool Database::consumeInjectedFault()
{
    if (m_faultCountdown <= 0)
        return false;
    return --m_faultCountdown == 0;
}

} // namespace roster
