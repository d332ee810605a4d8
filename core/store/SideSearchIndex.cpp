#include "SideSearchIndex.h"

#include "ContactTable.h"
#include "Database.h"
#include "SqlStatement.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QUrl>

#include <atomic>
#include <cstring>
#include <sqlite3.h>

namespace roster {

namespace {

const char* const kPendingPrefix = "search_index.pending.";

// The contacts the main index lacks are added the way ContactTable adds one, set-based.
QByteArray addMissingSql()
{
    return ContactTable::searchRowsInsert()
        + " WHERE c.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM contacts_fts_docsize d WHERE d.id = c.id)";
}

// One connection of its own: raw sqlite3, since it lives on a thread Database knows nothing of.
class Connection final
{
public:
    explicit Connection(const QString& path)
    {
        if (sqlite3_open_v2(path.toUtf8().constData(), &m_handle,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, nullptr)
            == SQLITE_OK) {
            sqlite3_busy_timeout(m_handle, Database::kBusyTimeoutMs);
            Database::registerFunctions(m_handle);
        }
    }
    ~Connection() { sqlite3_close_v2(m_handle); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    sqlite3* handle() const { return m_handle; }
    Result<void> exec(const QByteArray& sql, std::initializer_list<qint64> values = {}) const
    {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_handle, sql.constData(), -1, &statement, nullptr) != SQLITE_OK)
            return failure(sql);
        int index = 1;
        for (const qint64 value : values)
            sqlite3_bind_int64(statement, index++, value);
        int rc = SQLITE_ROW;
        while (rc == SQLITE_ROW)
            rc = sqlite3_step(statement);
        sqlite3_finalize(statement);
        if (rc != SQLITE_DONE)
            return failure(sql);
        return {};
    }
    Result<void> execText(const QByteArray& sql, const QString& text) const
    {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(m_handle, sql.constData(), -1, &statement, nullptr) != SQLITE_OK)
            return failure(sql);
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(statement, 1, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
        const int rc = sqlite3_step(statement);
        sqlite3_finalize(statement);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            return failure(sql);
        return {};
    }

private:
    Result<void> failure(const QByteArray& sql) const
    {
        return fail(ErrorCode::DatabaseError,
                    QStringLiteral("search index: %1 in: %2")
                        .arg(QString::fromUtf8(sqlite3_errmsg(m_handle)), QString::fromUtf8(sql.left(120))));
    }

    sqlite3* m_handle = nullptr;
};

QString readOnlyUri(const QString& path)
{
    return QUrl::fromLocalFile(path).toString(QUrl::FullyEncoded) + QStringLiteral("?mode=ro");
}

} // namespace

SideSearchIndex::~SideSearchIndex()
{
    finish();
    QFile::remove(m_path);
    // The lock goes last: until then repairMain() sees this load as running.
}

bool SideSearchIndex::mainIndexEmpty(Database& db)
{
    SqlStatement query(db, "SELECT 1 FROM contacts_fts_docsize LIMIT 1");
    return !query.next() && !query.hasError();
}

Result<void> SideSearchIndex::repairMain(Database& db)
{
    QStringList keys, sides;
    {
        SqlStatement noted(db, "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?");
        noted.bind(1, static_cast<qint64>(std::strlen(kPendingPrefix)));
        noted.bind(2, QString::fromLatin1(kPendingPrefix));
        while (noted.next()) {
            keys << noted.columnText(0);
            sides << noted.columnText(1);
        }
    }
    if (keys.isEmpty())
        return {};
    if (auto ok = db.begin(); !ok)
        return ok;
    auto added = SqlStatement::execute(db, addMissingSql().constData());
    QStringList finished;
    SqlStatement forget(db, "DELETE FROM settings WHERE key = ?");
    for (qsizetype i = 0; added && i < keys.size(); ++i) {
        // A lock nobody holds (QLockFile takes over one whose process is gone): that load is over.
        QLockFile lock(sides.at(i) + QStringLiteral(".lock"));
        lock.setStaleLockTime(0); // a load may well run longer than QLockFile's 30 s
        if (!lock.tryLock(0))
            continue;
        finished << sides.at(i);
        forget.bind(1, keys.at(i));
        added = forget.exec();
    }
    if (!added) {
        db.rollback();
        return added;
    }
    if (auto ok = db.commit(); !ok)
        return ok;
    for (const QString& side : std::as_const(finished))
        QFile::remove(side);
    return {};
}

Result<std::unique_ptr<SideSearchIndex>> SideSearchIndex::start(Database& db)
{
    QByteArray definition;
    {
        SqlStatement query(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'contacts_fts'");
        if (query.next())
            definition = query.columnText(0).toUtf8();
    }
    // The same table, keeping its text: a row indexed again is first removed by its rowid.
    static const QRegularExpression contentless(QStringLiteral(",\\s*content\\s*=\\s*''"));
    QString side = QString::fromUtf8(definition);
    if (side.count(contentless) != 1)
        return fail(ErrorCode::DatabaseError, QStringLiteral("unexpected search index definition"));
    side.remove(contentless);
    std::unique_ptr<SideSearchIndex> index(new SideSearchIndex);
    static std::atomic<int> loads {0};
    const QString name = QStringLiteral("search-%1-%2").arg(QCoreApplication::applicationPid()).arg(++loads);
    index->m_path = db.path() + u'-' + name;
    index->m_noteKey = QString::fromLatin1(kPendingPrefix) + name;
    index->m_lock = std::make_unique<QLockFile>(index->m_path + QStringLiteral(".lock"));
    index->m_lock->setStaleLockTime(0); // only a lock whose process is gone is stale
    if (!index->m_lock->tryLock(0))
        return fail(ErrorCode::DatabaseError, QStringLiteral("cannot lock %1").arg(index->m_path));
    QFile::remove(index->m_path);
    SqlStatement note(db,
                      "INSERT INTO settings (key, value) VALUES (?, ?) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    note.bind(1, index->m_noteKey);
    note.bind(2, index->m_path);
    if (auto ok = note.exec(); !ok)
        return std::unexpected(ok.error());
    index->m_thread = std::thread([raw = index.get(), main = db.path(), sql = side.toUtf8()] { raw->run(main, sql); });
    return index;
}

void SideSearchIndex::add(qint64 first, qint64 last)
{
    if (first <= 0 || last < first)
        return;
    QMutexLocker lock(&m_mutex);
    m_tasks.push_back({first, last, {}});
    m_changed.wakeAll();
}

void SideSearchIndex::refresh(QVector<qint64> ids)
{
    if (ids.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    m_tasks.push_back({0, 0, std::move(ids)});
    m_changed.wakeAll();
}

void SideSearchIndex::run(QString mainPath, QByteArray definition)
{
    const Connection side(m_path);
    // The side file is scratch: nothing to recover after a crash, so no journal and no syncing.
    Result<void> ok = side.exec("PRAGMA journal_mode = OFF");
    if (ok)
        ok = side.exec("PRAGMA synchronous = OFF");
    if (ok)
        ok = side.exec("PRAGMA cache_size = -16384");
    if (ok)
        ok = side.exec(definition);
    if (ok)
        ok = side.execText("ATTACH ? AS roster_main", readOnlyUri(mainPath));
    // Each task runs in its own transaction, so it reads what the load committed last.
    const QByteArray range
        = ContactTable::searchRowsInsert() + " WHERE c.id BETWEEN ?1 AND ?2 AND c.deleted_at IS NULL";
    const QByteArray one = ContactTable::searchRowsInsert() + " WHERE c.id = ?1 AND c.deleted_at IS NULL";
    for (;;) {
        Task task;
        {
            QMutexLocker lock(&m_mutex);
            while (m_tasks.empty() && !m_closed)
                m_changed.wait(&m_mutex);
            if (m_tasks.empty())
                break;
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        if (!ok)
            continue; // drained, not done: the load falls back to the usual way
        if (task.ids.isEmpty()) {
            ok = side.exec(range, {task.first, task.last});
            continue;
        }
        ok = side.exec("BEGIN");
        for (const qint64 id : std::as_const(task.ids)) {
            if (ok)
                ok = side.exec("DELETE FROM contacts_fts WHERE rowid = ?1", {id});
            if (ok)
                ok = side.exec(one, {id});
        }
        ok = ok ? side.exec("COMMIT") : (side.exec("ROLLBACK"), ok);
    }
    if (!ok) {
        QMutexLocker lock(&m_mutex);
        m_error = ok.error();
    }
}

Result<void> SideSearchIndex::finish()
{
    {
        QMutexLocker lock(&m_mutex);
        m_closed = true;
        m_changed.wakeAll();
    }
    if (m_thread.joinable())
        m_thread.join();
    QMutexLocker lock(&m_mutex);
    if (m_error)
        return std::unexpected(*m_error);
    return {};
}

Result<void> SideSearchIndex::copyInto(Database& db)
{
    const Result<void> built = finish();
    // A connection of its own: FTS5 keeps the index's structure in memory per connection and reads it again only
    // when another connection has committed, so the engine's connection must see the copy as someone else's.
    const Connection main(db.path());
    Result<void> ok = main.exec("BEGIN IMMEDIATE");
    if (!ok)
        return ok;
    bool copy = false;
    if (built) {
        if (auto attached = main.execText("ATTACH ? AS roster_side", m_path); attached)
            copy = true;
    }
    if (copy) {
        sqlite3_stmt* statement = nullptr;
        sqlite3_prepare_v2(main.handle(), "SELECT 1 FROM main.contacts_fts_docsize LIMIT 1", -1, &statement, nullptr);
        copy = statement && sqlite3_step(statement) == SQLITE_DONE;
        sqlite3_finalize(statement);
    }
    if (copy) {
        for (const char* table : {"contacts_fts_data", "contacts_fts_idx", "contacts_fts_docsize"}) {
            if (ok)
                ok = main.exec(QByteArray("DELETE FROM main.") + table);
            if (ok)
                ok = main.exec(QByteArray("INSERT INTO main.") + table + " SELECT * FROM roster_side." + table);
        }
    } else {
        ok = main.exec(addMissingSql());
    }
    if (ok)
        ok = main.execText("DELETE FROM main.settings WHERE key = ?", m_noteKey);
    if (ok)
        ok = main.exec("COMMIT");
    if (!ok)
        main.exec("ROLLBACK");
    main.exec("DETACH roster_side");
    return ok;
}

} // namespace roster
