#include "Database.h"

#include "CollationKeys.h"
#include "DatabaseLockHolder.h"
#include "NoRoomReason.h"
#include "RemovedContactsRepair.h"
#include "SearchMatcher.h"
#include "SortKeyRefresh.h"
#include "SqlStatement.h"
#include "StoredTime.h"
#include "contact/PhoneNormalizer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QThread>
#include <QUrl>

#include <algorithm>
#include <fcntl.h>
#include <map>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace roster {

namespace {

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

qint64 pragmaValue(sqlite3* handle, const char* sql)
{
    sqlite3_stmt* stmt = nullptr;
    qint64 value = 0;
    if (sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
        value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    return value;
}

// What a file says it is, read through SQLite.
struct Identity
{
    qint64 applicationId = 0;
    qint64 version = 0;
    qint64 objects = 0;
};

// SQLITE_OK, or the result code of the read (SQLITE_NOTADB for a file that is not SQLite). One statement, so
// one snapshot: read field by field, a file another process was initialising could show its tables without
// yet its application id, and pass for a foreign file.
int readIdentity(sqlite3* handle, Identity& identity)
{
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(handle,
                                "SELECT (SELECT application_id FROM pragma_application_id), "
                                "(SELECT user_version FROM pragma_user_version), "
                                "(SELECT count(*) FROM sqlite_master)",
                                -1, &stmt, nullptr);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            identity.applicationId = sqlite3_column_int64(stmt, 0);
            identity.version = sqlite3_column_int64(stmt, 1);
            identity.objects = sqlite3_column_int64(stmt, 2);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(stmt);
    return rc & 0xff;
}

bool canWrite(const QString& path)
{
    // The effective user, as open() will check it (access() would ask about the real one).
    return ::faccessat(AT_FDCWD, QFile::encodeName(path).constData(), W_OK, AT_EACCESS) == 0;
}

// A file: URI, so that an odd path (with '?' or '#') stays a path and `immutable` can be asked for.
QByteArray uriFor(const QString& path, bool immutable)
{
    QByteArray uri = QUrl::fromLocalFile(path).toEncoded();
    if (immutable)
        uri += "?immutable=1";
    return uri;
}

// roster_phone_terms(number): PhoneNormalizer::searchTerms for SQL, so the search rows the migrations and
// bulk inserts write hold the same phone terms as those written one contact at a time.
void phoneTermsFunction(sqlite3_context* context, int, sqlite3_value** values)
{
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(values[0]));
    if (!text) {
        sqlite3_result_null(context);
        return;
    }
    const QByteArray terms = PhoneNormalizer::searchTermsUtf8(QByteArrayView(text, sqlite3_value_bytes(values[0])));
    sqlite3_result_text(context, terms.constData(), static_cast<int>(terms.size()), SQLITE_TRANSIENT);
}

// Opens a connection with its busy timeout set before its first read: a file another process is creating or
// migrating is then waited for instead of failing at once.
int openConnection(const QString& path, int flags, bool immutable, sqlite3** handle)
{
    Database::configureSqlite();
    // A connection is used by one thread at a time (the thread that opened it, or one the Database is handed to
    // after): SQLite's lock around every call on it (bind, step, each column read) would only cost time.
    const int rc = sqlite3_open_v2(uriFor(path, immutable).constData(), handle,
                                   flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, nullptr);
    if (*handle) {
        sqlite3_busy_timeout(*handle, Database::kBusyTimeoutMs);
        Database::registerFunctions(*handle);
    }
    return rc;
}

Result<void> checkIdentity(const QString& path, const Identity& identity, bool fileHadContent)
{
    if (identity.applicationId == 0 && identity.version == 0 && identity.objects == 0)
        return {}; // a new or empty file: ours to initialise
    if (identity.applicationId != Database::kApplicationId || (fileHadContent && identity.version == 0))
        return fail(ErrorCode::NotARosterDatabase, QStringLiteral("%1 is not a Roster database").arg(path));
    if (identity.version > Database::latestSchemaVersion())
        return fail(ErrorCode::DatabaseTooNew,
                    QStringLiteral("%1 has schema version %2; this Roster knows up to %3: update Roster to open it")
                        .arg(path)
                        .arg(identity.version)
                        .arg(Database::latestSchemaVersion()));
    return {};
}

// A migration that rebuilt tables (012) leaves the old ones' pages free, and the file as large as before until
// later writes reuse them: an upgrade meant to shrink the file would grow it. When more than a tenth of the file
// is free after a migration, it is rewritten once (VACUUM) and the write-ahead log emptied. Best effort: another
// process reading the file keeps it from shrinking now, and the free pages are still reused later.
void reclaimFreePages(sqlite3* handle)
{
    const qint64 pages = pragmaValue(handle, "PRAGMA page_count");
    const qint64 free = pragmaValue(handle, "PRAGMA freelist_count");
    if (pages == 0 || free * 10 < pages)
        return;
    char* message = nullptr;
    if (sqlite3_exec(handle, "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);", nullptr, nullptr, &message) != SQLITE_OK)
        qWarning("roster: the file was not compacted after its upgrade: %s", message ? message : "");
    sqlite3_free(message);
}

struct Probe
{
    Identity identity;
    bool immutable = false; // read as a snapshot: the file and its folder are read-only
};

// Reads what an existing file is on a read-only connection of its own, before any connection that could
// change it (switching a foreign file to WAL would rewrite its header). Closing that connection is safe:
// SQLite keeps a file's descriptors open while another connection of this process holds a lock on it.
Result<Probe> probe(const QString& path, bool writable)
{
    Probe result;
    sqlite3* handle = nullptr;
    int rc = openConnection(path, SQLITE_OPEN_READONLY, false, &handle);
    if (rc == SQLITE_OK)
        rc = readIdentity(handle, result.identity);
    QString message = QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_close(handle);
    // A WAL file in a folder this user cannot write has no -shm to share: it can only be read as it stands.
    if (!writable && (rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN)) {
        handle = nullptr;
        rc = openConnection(path, SQLITE_OPEN_READONLY, true, &handle);
        if (rc == SQLITE_OK)
            rc = readIdentity(handle, result.identity);
        message = QString::fromUtf8(sqlite3_errmsg(handle));
        sqlite3_close(handle);
        result.immutable = true;
    }
    if (rc == SQLITE_NOTADB)
        return fail(ErrorCode::NotARosterDatabase, QStringLiteral("%1 is not a Roster database").arg(path));
    if (rc == SQLITE_BUSY)
        return fail(ErrorCode::DatabaseBusy,
                    QStringLiteral("%1 stayed locked by another program: %2").arg(path, message));
    if (rc != SQLITE_OK)
        return fail(ErrorCode::DatabaseError, QStringLiteral("cannot read %1: %2").arg(path, message));
    return result;
}

} // namespace

int Database::latestSchemaVersion()
{
    // The migrations are compiled in: one listing per process.
    static const int latest = [] {
        const auto files = migrationFiles();
        return files.empty() ? 0 : files.rbegin()->first;
    }();
    return latest;
}

void Database::registerFunctions(sqlite3* handle)
{
    sqlite3_create_function_v2(handle, "roster_phone_terms", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                               phoneTermsFunction, nullptr, nullptr, nullptr);
    SearchMatcher::registerFunction(handle);
    StoredTime::registerFunction(handle);
}

Result<std::unique_ptr<Database>> Database::open(const QString& path)
{
    // QFileInfo only stats: it opens no descriptor of the file.
    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    const bool exists = info.exists();
    if (exists && info.isDir())
        return fail(ErrorCode::NotARosterDatabase, QStringLiteral("%1 is a folder").arg(path));
    if (!exists && !QDir().mkpath(info.absolutePath()))
        return fail(ErrorCode::FileUnreadable, QStringLiteral("cannot create the folder of %1").arg(path));
    // A write needs the file, and the folder for the -wal and -shm beside it unless both are there already.
    const bool writable = (exists ? canWrite(absolute) : true)
        && (canWrite(info.absolutePath())
            || (canWrite(absolute + QStringLiteral("-wal")) && canWrite(absolute + QStringLiteral("-shm"))));
    if (!exists && !writable)
        return fail(ErrorCode::ReadOnlyDatabase,
                    QStringLiteral("cannot create %1: its folder is read-only").arg(absolute));

    const bool hadContent = exists && info.size() > 0;
    Probe probed;
    if (hadContent) {
        auto result = probe(absolute, writable);
        if (!result)
            return std::unexpected(result.error());
        probed = *result;
        if (auto ok = checkIdentity(path, probed.identity, true); !ok)
            return std::unexpected(ok.error());
        if (!writable && probed.identity.version < latestSchemaVersion())
            return fail(ErrorCode::ReadOnlyDatabase,
                        QStringLiteral("%1 is read-only and was written by an older Roster (schema %2, this one "
                                       "uses %3): open it once where it can be written to bring it up to date")
                            .arg(absolute)
                            .arg(probed.identity.version)
                            .arg(latestSchemaVersion()));
    }

    std::unique_ptr<Database> db(new Database);
    db->m_path = absolute;
    db->m_readOnly = !writable;
    const int flags = writable ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
    if (openConnection(absolute, flags, probed.immutable, &db->m_handle) != SQLITE_OK) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(db->m_handle));
        return fail(ErrorCode::DatabaseError, QStringLiteral("cannot open %1: %2").arg(absolute, message));
    }
    if (!hadContent) {
        // Another process may have created the file meanwhile; what it made must be a Roster database too.
        Identity identity;
        if (const int rc = readIdentity(db->m_handle, identity); rc != SQLITE_OK)
            return std::unexpected(db->sqliteError(rc, QString::fromUtf8(sqlite3_errmsg(db->m_handle))));
        if (auto ok = checkIdentity(path, identity, false); !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = db->applyPragmas(); !ok)
        return std::unexpected(ok.error());
    if (writable) {
        const int before = db->schemaVersion();
        // An upgrade builds tables and indexes again and may rewrite the file: with the window's page cache, and
        // CREATE INDEX sorting as much again in memory, a million contacts peaked at 571 MiB. An import's bound
        // for building indexes applies instead.
        constexpr int kUpgradeCacheKiB = 32 * 1024;
        const int cacheKiB = db->cacheSizeKiB();
        const bool upgrading = before < latestSchemaVersion();
        if (upgrading)
            db->setCacheSizeKiB(std::min(cacheKiB, kUpgradeCacheKiB));
        if (auto ok = db->migrateTo(latestSchemaVersion()); !ok)
            return std::unexpected(ok.error());
        // Keys never made (an older file just migrated) are made now. Missing keys only sort names as empty
        // ones, so a file another program keeps busy still opens; the next open tries again.
        if (auto ok = SortKeyRefresh::ensure(*db, CollationKeys::currentLocale(), SortKeyRefresh::When::NeverMade); !ok)
            qWarning("roster: sort keys not recomputed: %s", qPrintable(ok.error().detail));
        if (auto repaired = RemovedContactsRepair::run(*db); !repaired)
            qWarning("roster: contacts removed by another program not cleaned up after yet: %s",
                     qPrintable(repaired.error().detail));
        if (before > 0 && db->schemaVersion() != before)
            reclaimFreePages(db->m_handle);
        if (upgrading)
            db->setCacheSizeKiB(cacheKiB);
    }
    return db;
}

Result<std::unique_ptr<Database>> Database::openPlain(const QString& path)
{
    std::unique_ptr<Database> db(new Database);
    db->m_path = QFileInfo(path).absoluteFilePath();
    if (openConnection(db->m_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, false, &db->m_handle) != SQLITE_OK) {
        const QString message = QString::fromUtf8(sqlite3_errmsg(db->m_handle));
        return fail(ErrorCode::DatabaseError, QStringLiteral("cannot open %1: %2").arg(db->m_path, message));
    }
    return db;
}

Database::~Database()
{
    // sqlite3_close_v2 waits for statements a caller still holds instead of failing with SQLITE_BUSY.
    if (m_handle)
        sqlite3_close_v2(m_handle);
}

Error Database::sqliteError(int resultCode, const QString& message) const
{
    switch (resultCode & 0xff) {
    case SQLITE_READONLY:
        return {ErrorCode::ReadOnlyDatabase,
                {},
                QStringLiteral("%1 is read-only: nothing was changed (%2)").arg(m_path, message)};
    case SQLITE_BUSY:
    case SQLITE_LOCKED: {
        const QString holder = DatabaseLockHolder::describeWriter(m_path);
        return {ErrorCode::DatabaseBusy,
                {},
                QStringLiteral("%1 stayed locked for %2 s%3; nothing was changed, try again")
                    .arg(m_path)
                    .arg(m_busyTimeoutMs / 1000.0)
                    .arg(holder.isEmpty() ? QString() : QStringLiteral(" by ") + holder)};
    }
    case SQLITE_FULL:
    case SQLITE_IOERR: {
        const QString reason = noRoomReason(m_path, resultCode, sqlite3_system_errno(m_handle));
        if (reason.isEmpty())
            return {ErrorCode::DatabaseError, {}, message};
        return {ErrorCode::DiskFull, {}, QStringLiteral("no room left to write to %1 (%2)").arg(m_path, reason)};
    }
    default:
        return {ErrorCode::DatabaseError, {}, message};
    }
}

void Database::setBusyTimeout(int ms)
{
    m_busyTimeoutMs = ms;
    sqlite3_busy_timeout(m_handle, ms);
}

bool Database::isDatabaseFile(const QString& databasePath, const QString& path)
{
    struct stat target
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &target) != 0) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        const QString database = QFileInfo(databasePath).absoluteFilePath();
        return absolute == database || absolute.startsWith(database + u'-');
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        struct stat st
        {
        };
        const QByteArray name = QFile::encodeName(databasePath) + suffix;
        if (::stat(name.constData(), &st) == 0 && st.st_dev == target.st_dev && st.st_ino == target.st_ino)
            return true;
    }
    return false;
}

Result<void> Database::exec(const QByteArray& sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_handle, sql.constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : sqlite3_errstr(rc));
        sqlite3_free(message);
        return std::unexpected(sqliteError(rc, text));
    }
    return {};
}

Result<void> Database::applyPragmas()
{
    // WAL lets the window read while an import writes; NORMAL sync is durable at each checkpoint in WAL
    // mode and stays consistent after a crash. A 256 MiB page cache keeps the identity indexes hot.
    // Temporary data goes to (unlinked) files: in memory, the statement journals of one large transaction
    // (undoing a 2.4M-row import) took 700 MiB, while the kernel's file cache makes files just as fast.
    // A read-only file keeps the journal mode it has: switching it would be a write.
    if (!m_readOnly) {
        if (auto ok = switchToWal(); !ok)
            return ok;
        if (auto ok = exec("PRAGMA synchronous=NORMAL;"); !ok)
            return ok;
    }
    // Debian builds SQLite with secure delete on, which writes every page a statement frees full of zeros: undoing
    // a million-row import (its indexes dropped and built again) wrote 1.05 million pages instead of 490,000, about
    // a second more. FAST still zeroes a removed row's bytes on the page that held it; only a page freed whole
    // (an index dropped, whose entries the table still holds) keeps its bytes until it is reused.
    return exec("PRAGMA foreign_keys=ON;"
                "PRAGMA secure_delete=FAST;"
                "PRAGMA temp_store=FILE;"
                "PRAGMA cache_size=-262144;");
}

// Switching a new file to WAL reads its header and then upgrades to a write; SQLite answers that upgrade's
// SQLITE_BUSY at once, without the busy handler. Several processes creating one file together (four `roster
// upsert` from a script) meet it, so the switch is retried here for as long as the busy timeout allows.
Result<void> Database::switchToWal()
{
    QElapsedTimer clock;
    clock.start();
    for (;;) {
        sqlite3_stmt* stmt = nullptr;
        int rc = sqlite3_prepare_v2(m_handle, "PRAGMA journal_mode=WAL", -1, &stmt, nullptr);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(stmt);
        sqlite3_finalize(stmt);
        if (rc == SQLITE_ROW || rc == SQLITE_DONE)
            return {};
        if ((rc & 0xff) != SQLITE_BUSY || clock.elapsed() >= m_busyTimeoutMs)
            return std::unexpected(sqliteError(rc, QString::fromUtf8(sqlite3_errmsg(m_handle))));
        QThread::msleep(10);
    }
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
    return exec("PRAGMA cache_size=" + QByteArray::number(-qMax(kib, 1)) + ';');
}

int Database::cacheSizeKiB() const
{
    const qint64 size = pragmaValue(m_handle, "PRAGMA cache_size");
    if (size < 0)
        return static_cast<int>(-size);
    return static_cast<int>(size * pragmaValue(m_handle, "PRAGMA page_size") / 1024);
}

void Database::configureSqlite()
{
    // SQLite counts every allocation under one process-wide mutex unless told not to; nothing here reads those
    // counts, and with the writer and the search index built aside allocating on two cores that mutex was a
    // tenth of both threads' time. It has to come before SQLite's first use in the process (later it is refused
    // and changes nothing), so every way this class opens a file calls it first.
    static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    Q_UNUSED(configured);
}

int Database::fileSchemaVersion(const QString& path)
{
    if (!QFileInfo(path).isFile())
        return 0;
    configureSqlite();
    sqlite3* handle = nullptr;
    Identity identity;
    const bool read
        = sqlite3_open_v2(uriFor(path, false).constData(), &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr)
            == SQLITE_OK
        && sqlite3_busy_timeout(handle, 1000) == SQLITE_OK && readIdentity(handle, identity) == SQLITE_OK;
    sqlite3_close(handle);
    return read && identity.applicationId == kApplicationId ? static_cast<int>(identity.version) : 0;
}

int Database::schemaVersion() const
{
    return static_cast<int>(pragmaValue(m_handle, "PRAGMA user_version"));
}

qint64 Database::dataVersion() const
{
    return pragmaValue(m_handle, "PRAGMA data_version");
}

Result<void> Database::migrateTo(int targetVersion)
{
    if (schemaVersion() >= targetVersion)
        return {};
    // Some migrations rebuild a table (create the new one, copy, drop the old, rename): with foreign keys on,
    // dropping the old contacts table would cascade to every row that references it. SQLite's procedure for
    // this: foreign keys off for the migration (only outside a transaction), checked once before it commits.
    if (auto ok = exec("PRAGMA foreign_keys=OFF;"); !ok)
        return ok;
    auto migrated = migrateWithoutForeignKeys(targetVersion);
    if (auto ok = exec("PRAGMA foreign_keys=ON;"); !ok && migrated)
        return ok;
    return migrated;
}

Result<void> Database::migrateWithoutForeignKeys(int targetVersion)
{
    // The version is read again under the write lock: two processes opening an old file at once both get
    // here, and the second, once the first has committed, finds nothing left to do.
    if (auto ok = begin(); !ok)
        return ok;
    const int current = schemaVersion();
    for (const auto& [version, file] : migrationFiles()) {
        if (version <= current || version > targetVersion)
            continue;
        QFile script(file);
        if (!script.open(QIODevice::ReadOnly)) {
            rollback();
            return fail(ErrorCode::DatabaseError, QStringLiteral("missing migration %1").arg(file));
        }
        const QByteArray sql = script.readAll() + "\nPRAGMA application_id=" + QByteArray::number(kApplicationId)
            + ";PRAGMA user_version=" + QByteArray::number(version) + ";";
        if (auto ok = exec(sql); !ok) {
            rollback();
            return fail(ok.error().code,
                        QStringLiteral("migration to version %1 failed: %2").arg(version).arg(ok.error().detail));
        }
    }
    {
        SqlStatement check(*this, "PRAGMA foreign_key_check");
        if (check.next()) {
            const QString table = check.columnText(0);
            check.reset();
            rollback();
            return fail(
                ErrorCode::DatabaseError,
                QStringLiteral("migration to version %1 left a broken reference in %2").arg(targetVersion).arg(table));
        }
    }
    return commit();
}

Result<void> Database::begin()
{
    if (m_readOnly)
        return fail(ErrorCode::ReadOnlyDatabase, QStringLiteral("%1 is read-only: nothing was changed").arg(m_path));
    const QByteArray sql = m_depth == 0 ? QByteArray("BEGIN IMMEDIATE") : "SAVEPOINT s" + QByteArray::number(m_depth);
    if (auto ok = exec(sql); !ok)
        return ok;
    // A newer Roster may have upgraded the file since this connection opened it (installed while this one
    // runs from cron): it may store rows in a way this one would misread, looking a contact up without finding
    // it and writing a second one. Checked under the write lock, where the version cannot change.
    if (const int version = m_depth == 0 ? schemaVersion() : 0; version > latestSchemaVersion()) {
        exec("ROLLBACK");
        return fail(ErrorCode::DatabaseTooNew,
                    QStringLiteral("%1 was upgraded to schema version %2 by a newer Roster while this one (up to %3) "
                                   "had it open: nothing was changed; update this Roster to write to it")
                        .arg(m_path)
                        .arg(version)
                        .arg(latestSchemaVersion()));
    }
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
    auto ok = exec(sql);
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
        exec("ROLLBACK");
    } else {
        const QByteArray name = "s" + QByteArray::number(m_depth - 1);
        exec("ROLLBACK TO " + name + "; RELEASE " + name);
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
