#pragma once

#include "contact/Error.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace roster {

class Clock;
class Database;

// One sync per account at a time, across processes: the account's row of `sync_leases`. A run acquires
// the lease before it reads or sends anything, renews it while it runs (heartbeat) and releases it when it
// ends. A second run finds the lease held and is told by whom. A lease frees itself when its holder stops
// renewing it (expiry), and at once when its process is gone from this host (a run killed with -9 leaves
// its row behind): nothing needs cleaning by hand.
//
// One object holds at most one lease; the destructor releases it.
class SyncLease final
{
public:
    // Who holds an account's lease.
    struct Holder
    {
        qint64 accountId = 0;
        QString accountName;
        qint64 pid = 0;
        QString host;
        QDateTime startedAt; // UTC
        QDateTime heartbeatAt;
        QDateTime expiresAt;

        bool onThisHost() const;
        // "a sync of Sales is already running in process 1234, started 14:02" (in local time; the host is
        // named when it is another machine, the date when it is not today). English, for logs and scripts.
        QString describe() const;
    };

    // A heartbeat every 10 s and expiry 60 s after the last one: a holder may miss five heartbeats (a busy
    // database, a machine under load) before another run may take its account.
    static constexpr std::chrono::milliseconds kHeartbeat {10'000};
    static constexpr std::chrono::milliseconds kExpiry {60'000};

    // `clock` (not owned) defaults to the system clock.
    explicit SyncLease(Database& db, const Clock* clock = nullptr);
    ~SyncLease();
    SyncLease(const SyncLease&) = delete;
    SyncLease& operator=(const SyncLease&) = delete;

    // Takes the account's lease when nobody holds it, its expiry has passed or its process is gone from
    // this host. Otherwise SyncRunningElsewhere with Holder::describe() as detail, and the holder in
    // `heldBy` when given. Releases first a lease this object holds on another account.
    Result<void> acquire(qint64 accountId, Holder* heldBy = nullptr);
    // The heartbeat: moves the expiry forward. SyncRunningElsewhere when the lease is no longer ours
    // (expired and taken by another run, or its account removed); any other error is passing (a busy
    // database) and the next heartbeat tries again.
    Result<void> renew();
    // Gives the lease back, if this object holds one; only ever deletes its own row.
    void release();
    bool isHeld() const { return !m_token.isEmpty(); }
    qint64 accountId() const { return m_accountId; }

    // The live holder of an account's lease (this process included); nullopt when the lease is free,
    // expired or its process gone.
    Result<std::optional<Holder>> holder(qint64 accountId);
    // Every live lease, by account.
    Result<QList<Holder>> holders();

    // Test seams: a shorter expiry; and the process and host written as holder, to stand for another one.
    void setExpiry(std::chrono::milliseconds expiry) { m_expiry = expiry; }
    void setProcess(qint64 pid, const QString& host);

    // False when `pid` surely no longer runs on this host (kill(pid, 0) says ESRCH); true when it runs or
    // this system cannot tell.
    static bool processRuns(qint64 pid);

private:
    Result<QList<Holder>> read(qint64 accountId); // accountId 0: all
    bool isLive(const Holder& holder, const QDateTime& now) const;
    QDateTime now() const;

    Database& m_db;
    const Clock* m_clock;
    std::chrono::milliseconds m_expiry = kExpiry;
    qint64 m_pid;
    QString m_host;
    qint64 m_accountId = 0;
    QString m_token; // empty while no lease is held
};

} // namespace roster
