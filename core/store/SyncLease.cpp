#include "SyncLease.h"

#include "Database.h"
#include "SqlStatement.h"
#include "contact/Clock.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QUuid>

#include <limits>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

namespace roster {

namespace {

QString timeText(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QString& text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

const Clock& systemClock()
{
    static const SystemClock clock;
    return clock;
}

} // namespace

bool SyncLease::Holder::onThisHost() const
{
    return host == QSysInfo::machineHostName();
}

QString SyncLease::Holder::describe() const
{
    const QDateTime local = startedAt.toLocalTime();
    const QString when = local.toString(local.date() == QDate::currentDate() ? QStringLiteral("HH:mm")
                                                                             : QStringLiteral("yyyy-MM-dd HH:mm"));
    QString where = QStringLiteral("process %1").arg(pid);
    if (!onThisHost())
        where += QStringLiteral(" on host %1").arg(host);
    return QStringLiteral("a sync of %1 is already running in %2, started %3").arg(accountName, where, when);
}

SyncLease::SyncLease(Database& db, const Clock* clock)
    : m_db(db)
    , m_clock(clock ? clock : &systemClock())
    , m_pid(QCoreApplication::applicationPid())
    , m_host(QSysInfo::machineHostName())
{
}

SyncLease::~SyncLease()
{
    release();
}

void SyncLease::setProcess(qint64 pid, const QString& host)
{
    m_pid = pid;
    m_host = host;
}

QDateTime SyncLease::now() const
{
    return m_clock->now().toUTC();
}

bool SyncLease::processRuns(qint64 pid)
{
#ifdef Q_OS_UNIX
    if (pid <= 0 || pid > std::numeric_limits<pid_t>::max())
        return false;
    // Signal 0 checks existence only. EPERM means it runs under another user: still a holder.
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH;
#else
    return pid > 0;
#endif
}

bool SyncLease::isLive(const Holder& holder, const QDateTime& now) const
{
    if (!holder.expiresAt.isValid() || holder.expiresAt <= now)
        return false;
    // Another machine's processes cannot be asked: its lease lives until it expires.
    return !holder.onThisHost() || processRuns(holder.pid);
}

Result<QList<SyncLease::Holder>> SyncLease::read(qint64 accountId)
{
    SqlStatement select(m_db,
                        "SELECT l.account_id, a.name, l.pid, l.host, l.started_at, l.heartbeat_at, l.expires_at "
                        "FROM sync_leases l JOIN accounts a ON a.id = l.account_id "
                        "WHERE ? = 0 OR l.account_id = ? ORDER BY l.account_id");
    select.bind(1, accountId);
    select.bind(2, accountId);
    QList<Holder> list;
    while (select.next()) {
        list << Holder {select.columnInt(0),
                        select.columnText(1),
                        select.columnInt(2),
                        select.columnText(3),
                        parseTime(select.columnText(4)),
                        parseTime(select.columnText(5)),
                        parseTime(select.columnText(6))};
    }
    if (select.hasError())
        return std::unexpected(select.lastError());
    return list;
}

Result<void> SyncLease::acquire(qint64 accountId, Holder* heldBy)
{
    if (isHeld()) {
        if (m_accountId == accountId)
            return renew();
        release();
    }
    // BEGIN IMMEDIATE: the look and the take are one step, so two runs starting together cannot both find
    // the lease free.
    if (auto ok = m_db.begin(); !ok)
        return ok;
    auto current = read(accountId);
    if (!current) {
        m_db.rollback();
        return std::unexpected(current.error());
    }
    const QDateTime at = now();
    if (!current->isEmpty() && isLive(current->first(), at)) {
        m_db.rollback();
        if (heldBy)
            *heldBy = current->first();
        return fail(ErrorCode::SyncRunningElsewhere, current->first().describe());
    }
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        SqlStatement take(
            m_db,
            "INSERT INTO sync_leases (account_id, pid, host, started_at, heartbeat_at, expires_at, token) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (account_id) DO UPDATE SET pid = excluded.pid, host = excluded.host, "
            "started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at, "
            "expires_at = excluded.expires_at, token = excluded.token");
        take.bind(1, accountId);
        take.bind(2, m_pid);
        take.bind(3, m_host);
        take.bind(4, timeText(at));
        take.bind(5, timeText(at));
        take.bind(6, timeText(at.addMSecs(m_expiry.count())));
        take.bind(7, token);
        if (auto ok = take.exec(); !ok) {
            m_db.rollback();
            return ok;
        }
    }
    if (auto ok = m_db.commit(); !ok)
        return ok;
    m_accountId = accountId;
    m_token = token;
    return {};
}

Result<void> SyncLease::renew()
{
    if (!isHeld())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("no sync lease to renew"));
    // Inside a transaction the heartbeat would commit or roll back with someone else's write; the next one
    // comes soon enough.
    if (m_db.inTransaction())
        return {};
    const QDateTime at = now();
    SqlStatement update(m_db,
                        "UPDATE sync_leases SET heartbeat_at = ?, expires_at = ? WHERE account_id = ? AND token = ?");
    update.bind(1, timeText(at));
    update.bind(2, timeText(at.addMSecs(m_expiry.count())));
    update.bind(3, m_accountId);
    update.bind(4, m_token);
    if (auto ok = update.exec(); !ok)
        return ok;
    if (m_db.changes() > 0)
        return {};
    m_token.clear();
    auto taken = holder(m_accountId);
    QString detail = QStringLiteral("the sync lease expired");
    if (taken && *taken)
        detail += QStringLiteral(" and ") + (*taken)->describe();
    return fail(ErrorCode::SyncRunningElsewhere, detail);
}

void SyncLease::release()
{
    if (!isHeld())
        return;
    SqlStatement remove(m_db, "DELETE FROM sync_leases WHERE account_id = ? AND token = ?");
    remove.bind(1, m_accountId);
    remove.bind(2, m_token);
    // Best effort: a row left behind frees itself when this process ends or the lease expires.
    [[maybe_unused]] const auto removed = remove.exec();
    m_token.clear();
}

Result<std::optional<SyncLease::Holder>> SyncLease::holder(qint64 accountId)
{
    if (accountId <= 0)
        return std::optional<Holder> {};
    auto list = read(accountId);
    if (!list)
        return std::unexpected(list.error());
    if (list->isEmpty() || !isLive(list->first(), now()))
        return std::optional<Holder> {};
    return std::optional<Holder> {list->first()};
}

Result<QList<SyncLease::Holder>> SyncLease::holders()
{
    auto list = read(0);
    if (!list)
        return list;
    const QDateTime at = now();
    list->removeIf([&](const Holder& h) { return !isLive(h, at); });
    return list;
}

} // namespace roster
