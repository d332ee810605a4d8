#pragma once

#include "contact/Error.h"

#include <QString>

#include <memory>

struct sqlite3;

namespace roster {

// The one owner of a connection to a Roster SQLite file: refuses files that are not Roster databases or come
// from a newer version (without touching them), migrates older ones under the write lock, opens a file the
// user cannot write read-only, and hands out the raw handle for the engine's prepared statements.
//
// Many connections share one file: the window's, its workers', and other processes' (roster commands run
// from a terminal or cron). SQLite's locks are POSIX advisory locks, which a process loses for all its
// connections when it closes any descriptor of the file, so nothing here (nor anywhere in Roster) opens the
// database, its -wal or its -shm except SQLite itself.
class Database final
{
public:
    static constexpr int kApplicationId = 0x52535452; // "RSTR"
    // How long a write waits for another connection's write lock before it gives up with DatabaseBusy. One
    // import batch or one migration fits in it; a window waiting longer would look frozen.
    static constexpr int kBusyTimeoutMs = 10000;

    static Result<std::unique_ptr<Database>> open(const QString& path);
    // A connection without open()'s checks, migrations and pragmas (Roster's functions and the busy timeout
    // only), for a scratch file of Roster's own that is no contacts database (a search index built aside), or
    // a second connection to a file this process has already opened, whose transactions must be another
    // connection's.
    static Result<std::unique_ptr<Database>> openPlain(const QString& path);
    // The SQL functions Roster's migrations and statements call (roster_phone_terms), on a connection
    // opened elsewhere: a test building an old schema from the migration scripts, for one.
    static void registerFunctions(sqlite3* handle);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const QString& path() const { return m_path; }
    sqlite3* handle() const { return m_handle; }
    // The file (or its folder) cannot be written by this user: everything reads, every write is refused
    // with ReadOnlyDatabase.
    bool isReadOnly() const { return m_readOnly; }
    // An Error for a failed SQLite call on this connection: a busy database and a read-only one get their own
    // codes and say which file, and for a lock which process holds it when the system can tell.
    Error sqliteError(int resultCode, const QString& message) const;
    // Test seam and for callers that must not wait: how long a write waits for another's lock.
    void setBusyTimeout(int ms);
    // Whether `path` names this database's file or one of its companions (-wal, -shm, -journal), by
    // device and inode, so a link or another spelling of the path is recognised too.
    static bool isDatabaseFile(const QString& databasePath, const QString& path);
    qint64 lastInsertId() const;
    // Rows the last INSERT, UPDATE or DELETE changed.
    qint64 changes() const;
    int schemaVersion() const;
    // SQLite's PRAGMA data_version: it changes when another connection (of any process) commits to the file,
    // never for this connection's own commits.
    qint64 dataVersion() const;

    // SQLite's page cache for this connection, in KiB. Open gives 256 MiB, which keeps the identity
    // indexes hot for bulk imports; a connection that only reads pages for the window needs far less,
    // and that cache is most of the window's memory.
    Result<void> setCacheSizeKiB(int kib);
    int cacheSizeKiB() const;

    // Transactions nest: the outermost is BEGIN IMMEDIATE, inner ones are savepoints. A dry run wraps
    // a whole import in one outer transaction and rolls it back, so later batches see earlier ones.
    Result<void> begin();
    Result<void> commit();
    void rollback();
    bool inTransaction() const { return m_depth > 0; }
    // `body` (returning a Result) in a transaction: committed when it succeeds, rolled back when it fails.
    template <typename Body>
    auto transaction(Body&& body) -> decltype(body())
    {
        if (auto ok = begin(); !ok)
            return std::unexpected(ok.error());
        auto result = body();
        if (!result) {
            rollback();
            return result;
        }
        if (auto ok = commit(); !ok)
            return std::unexpected(ok.error());
        return result;
    }

    // Test seam: the n-th write statement from now on fails (1 = the next one). 0 disarms.
    void failNthWrite(int n) { m_faultCountdown = n; }
    bool consumeInjectedFault();

    // Migrates to `targetVersion` (default: the newest this build knows). Public for the migration tests.
    Result<void> migrateTo(int targetVersion);
    static int latestSchemaVersion();
    // The schema version of the Roster database at `path`, read without opening it for writing (nothing is
    // created, locked or migrated); 0 when the file is missing, unreadable or not a Roster database.
    static int fileSchemaVersion(const QString& path);
    // Process-wide SQLite settings, once, before SQLite's first use (opening a Database calls it); a program that
    // calls SQLite itself before opening one calls it first.
    static void configureSqlite();

private:
    Database() = default;
    Result<void> applyPragmas();
    Result<void> switchToWal();
    Result<void> migrateWithoutForeignKeys(int targetVersion);
    Result<void> exec(const QByteArray& sql);

    QString m_path;
    sqlite3* m_handle = nullptr;
    bool m_readOnly = false;
    int m_busyTimeoutMs = kBusyTimeoutMs;
    int m_faultCountdown = 0;
    int m_depth = 0;
};

} // namespace roster
