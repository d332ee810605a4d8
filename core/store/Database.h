#pragma once

#include "contact/Error.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

struct sqlite3;

namespace roster {

// The one owner of a Roster SQLite file: opens it with Qt Sql, refuses files that are not Roster
// databases or come from a newer version (without touching them), migrates older ones, and hands out
// the raw handle for the engine's prepared statements.
class Database final
{
public:
    static constexpr int kApplicationId = 0x52535452; // "RSTR"

    static Result<std::unique_ptr<Database>> open(const QString& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const QString& path() const { return m_path; }
    QSqlDatabase connection() const;
    const QString& connectionName() const { return m_connectionName; }
    sqlite3* handle() const { return m_handle; }
    qint64 lastInsertId() const;
    // Rows the last INSERT, UPDATE or DELETE changed.
    qint64 changes() const;
    int schemaVersion() const;

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

    // Test seam: the n-th write statement from now on fails (1 = the next one). 0 disarms.
    void failNthWrite(int n) { m_faultCountdown = n; }
    bool consumeInjectedFault();

    // Migrates to `targetVersion` (default: the newest this build knows). Public for the migration tests.
    Result<void> migrateTo(int targetVersion);
    static int latestSchemaVersion();

private:
    Database() = default;
    Result<void> checkIdentity(bool fileHadContent);
    Result<void> applyPragmas();

    QString m_path;
    QString m_connectionName;
    sqlite3* m_handle = nullptr;
    int m_faultCountdown = 0;
    int m_depth = 0;
};

} // namespace roster
