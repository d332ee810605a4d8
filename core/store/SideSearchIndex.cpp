#include "SideSearchIndex.h"

#include "Database.h"
#include "SearchRows.h"
#include "SqlStatement.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace roster {

namespace {

const char* const kPendingPrefix = "search_index.pending.";
// Beside a load's pending note, when it holds changes to contacts the main index already had.
const char* const kRebuildPrefix = "search_index.rebuild.";

// The contacts the main index lacks are added the way ContactTable adds one, set-based.
QByteArray addMissingSql()
{
    return SearchRows::insertSql()
        + " WHERE c.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM contacts_fts_docsize d WHERE d.id = c.id)";
}

// A load killed between locking its side file and noting it in the database left files no note names; it had
// committed nothing (the note comes before its first batch). Those whose owner is gone are removed.
void removeUnnotedSides(const QString& databasePath, const QStringList& noted)
{
    const QFileInfo database(databasePath);
    const QDir folder = database.absoluteDir();
    const QStringList locks
        = folder.entryList({database.fileName() + QStringLiteral("-search-*.lock")}, QDir::Files | QDir::Hidden);
    for (const QString& name : locks) {
        const QString side = folder.filePath(name.chopped(5));
        if (noted.contains(side))
            continue;
        QLockFile lock(side + QStringLiteral(".lock"));
        lock.setStaleLockTime(0); // only one whose process is gone
        if (lock.tryLock(0))
            QFile::remove(side);
    }
}

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

QByteArray SideSearchIndex::mainIndexState(Database& db)
{
    SqlStatement query(db, "SELECT id, block FROM main.contacts_fts_data WHERE id IN (1, 10) ORDER BY id");
    QByteArray state;
    while (query.next())
        state += QByteArray::number(query.columnInt(0)) + ':' + query.columnBlob(1).toHex() + ';';
    return query.hasError() ? QByteArrayLiteral("unreadable") : state;
}

Result<void> SideSearchIndex::repairMain(Database& db)
{
    QStringList names, sides;
    {
        SqlStatement noted(db, "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?");
        noted.bind(1, static_cast<qint64>(std::strlen(kPendingPrefix)));
        noted.bind(2, QString::fromLatin1(kPendingPrefix));
        while (noted.next()) {
            names << noted.columnText(0).mid(static_cast<qsizetype>(std::strlen(kPendingPrefix)));
            sides << noted.columnText(1);
        }
    }
    removeUnnotedSides(db.path(), sides);
    if (names.isEmpty())
        return {};
    if (auto ok = db.begin(); !ok)
        return ok;
    QStringList finished;
    bool rebuild = false;
    SqlStatement held(db, "SELECT 1 FROM settings WHERE key = ?");
    for (qsizetype i = 0; i < names.size(); ++i) {
        // A lock nobody holds (QLockFile takes over one whose process is gone): that load is over.
        QLockFile lock(sides.at(i) + QStringLiteral(".lock"));
        lock.setStaleLockTime(0); // a load may well run longer than QLockFile's 30 s
        if (!lock.tryLock(0))
            continue;
        finished << names.at(i);
        held.reset();
        held.bind(1, QString::fromLatin1(kRebuildPrefix) + names.at(i));
        rebuild = rebuild || held.next();
    }
    held.reset();
    // A killed load that held changes to contacts already indexed left their old values in the main index.
    Result<void> ok = rebuild ? SearchRows::rebuild(db) : SqlStatement::execute(db, addMissingSql().constData());
    SqlStatement forget(db, "DELETE FROM settings WHERE key IN (?, ?)");
    for (qsizetype i = 0; ok && i < finished.size(); ++i) {
        forget.bind(1, QString::fromLatin1(kPendingPrefix) + finished.at(i));
        forget.bind(2, QString::fromLatin1(kRebuildPrefix) + finished.at(i));
        ok = forget.exec();
    }
    if (!ok) {
        db.rollback();
        return ok;
    }
    if (auto committed = db.commit(); !committed)
        return committed;
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (finished.contains(names.at(i)))
            QFile::remove(sides.at(i));
    }
    return {};
}

Result<std::unique_ptr<SideSearchIndex>> SideSearchIndex::start(Database& db, bool holdsExisting)
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
    index->m_holdsExisting = holdsExisting;
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
    if (holdsExisting) {
        note.bind(1, QString::fromLatin1(kRebuildPrefix) + name);
        note.bind(2, QStringLiteral("1"));
        if (auto ok = note.exec(); !ok)
            return std::unexpected(ok.error());
    }
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

namespace {

// The side index only has to be done by the end of the load, while every row waits for the writer: at the same
// priority, the scheduler shared a core between them, and the writer, the longest chain, lost a fifth of its core
// in the middle of a first import. Ten steps of nice give this thread about a tenth of a core the writer wants,
// and all of a core nobody wants (the million-row import, alternated: 28.4-30.0 s instead of 33.0-34.6 s).
// Linux keeps a nice value per thread; elsewhere the thread keeps its priority.
void lowerThisThreadsPriority()
{
#ifdef Q_OS_LINUX
    const auto thread = static_cast<id_t>(syscall(SYS_gettid));
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, thread);
    if (errno == 0)
        setpriority(PRIO_PROCESS, thread, std::min(nice + 10, 19));
#endif
}

} // namespace

void SideSearchIndex::run(QString mainPath, QByteArray definition)
{
    lowerThisThreadsPriority();
    // A connection of its own, on this thread: SQLite connections are not shared between threads here.
    auto opened = Database::openPlain(m_path);
    Result<void> ok;
    if (!opened)
        ok = std::unexpected(opened.error());
    Database* side = opened ? opened->get() : nullptr;
    // The side file is scratch: nothing to recover after a crash, so no journal and no syncing.
    if (ok)
        ok = SqlStatement::execute(*side, "PRAGMA journal_mode = OFF");
    if (ok)
        ok = SqlStatement::execute(*side, "PRAGMA synchronous = OFF");
    if (ok)
        ok = SqlStatement::execute(*side, "PRAGMA cache_size = -16384");
    if (ok)
        ok = SqlStatement::execute(*side, definition.constData());
    // FTS5 merges its segments as they pile up, each merge rewriting what earlier ones wrote; one merge of
    // everything at the end (optimize) costs less in all and leaves an index of one segment.
    if (ok)
        ok = SqlStatement::execute(*side, "INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('automerge', 0)");
    if (ok) {
        SqlStatement attach(*side, "ATTACH ? AS roster_main");
        attach.bind(1, readOnlyUri(mainPath));
        ok = attach.exec();
    }
    // Prepared after the ATTACH, which they read. Each task runs in its own transaction, so it reads what the
    // load committed last.
    SqlStatement range, one, remove;
    if (ok) {
        range = SqlStatement(
            *side,
            QByteArray(SearchRows::insertSql() + " WHERE c.id BETWEEN ?1 AND ?2 AND c.deleted_at IS NULL").constData());
        one = SqlStatement(
            *side, QByteArray(SearchRows::insertSql() + " WHERE c.id = ?1 AND c.deleted_at IS NULL").constData());
        remove = SqlStatement(*side, "DELETE FROM contacts_fts WHERE rowid = ?1");
        for (const SqlStatement* s : {&range, &one, &remove}) {
            if (ok && !s->isValid())
                ok = std::unexpected(s->lastError());
        }
    }
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
            range.bind(1, task.first);
            range.bind(2, task.last);
            ok = range.exec();
            continue;
        }
        ok = side->begin();
        for (const qint64 id : std::as_const(task.ids)) {
            if (ok) {
                remove.bind(1, id);
                ok = remove.exec();
            }
            if (ok) {
                one.bind(1, id);
                ok = one.exec();
            }
        }
        if (ok)
            ok = side->commit();
        else
            side->rollback();
    }
    if (ok)
        ok = SqlStatement::execute(*side, "INSERT INTO contacts_fts (contacts_fts) VALUES ('optimize')");
    if (!ok) {
        QMutexLocker lock(&m_mutex);
        m_error = ok.error();
    }
}

void SideSearchIndex::close()
{
    QMutexLocker lock(&m_mutex);
    m_closed = true;
    m_changed.wakeAll();
}

Result<void> SideSearchIndex::finish()
{
    close();
    if (m_thread.joinable())
        m_thread.join();
    QMutexLocker lock(&m_mutex);
    if (m_error)
        return std::unexpected(*m_error);
    return {};
}

Result<void> SideSearchIndex::copyInto(Database& db, const QByteArray& mainState)
{
    const Result<void> built = finish();
    // A connection of its own: FTS5 keeps the index's structure in memory per connection and reads it again only
    // when another connection has committed, so the engine's connection must see the copy as someone else's.
    auto opened = Database::openPlain(db.path());
    if (!opened)
        return std::unexpected(opened.error());
    Database& main = **opened;
    if (auto ok = main.begin(); !ok)
        return ok;
    bool copy = false;
    if (built) {
        SqlStatement attach(main, "ATTACH ? AS roster_side");
        attach.bind(1, m_path);
        copy = bool(attach.exec());
    }
    // Only into an index nobody has written to meanwhile; otherwise the missing contacts are added, or the index
    // built again (below).
    if (copy)
        copy = mainIndexState(main) == mainState;
    Result<void> ok;
    if (copy) {
        for (const QByteArray table : {"contacts_fts_data", "contacts_fts_idx", "contacts_fts_docsize"}) {
            if (ok)
                ok = SqlStatement::execute(main, QByteArray("DELETE FROM main." + table).constData());
            if (ok)
                ok = SqlStatement::execute(
                    main, QByteArray("INSERT INTO main." + table + " SELECT * FROM roster_side." + table).constData());
        }
    } else if (m_holdsExisting) {
        ok = SearchRows::rebuild(main); // the main index has old values of contacts the load changed
    } else {
        ok = SqlStatement::execute(main, addMissingSql().constData());
    }
    if (ok) {
        SqlStatement forget(main, "DELETE FROM main.settings WHERE key IN (?, ?)");
        forget.bind(1, m_noteKey);
        forget.bind(2, QString(m_noteKey).replace(QLatin1String(kPendingPrefix), QLatin1String(kRebuildPrefix)));
        ok = forget.exec();
    }
    if (ok)
        ok = main.commit();
    else
        main.rollback();
    return ok;
}

} // namespace roster
