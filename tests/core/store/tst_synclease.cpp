#include "StoreFixture.h"
#include "store/AccountStore.h"
#include "store/SyncLease.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QSysInfo>

using namespace roster;
using namespace roster::test;
using namespace std::chrono_literals;

// One sync per account across processes: the lease in `sync_leases`, taken through a second connection to
// the same file as another process would, refused while its holder lives, free once it expires or its
// process is gone, and only ever renewed or released by the run that took it.
class TestSyncLease : public QObject
{
    Q_OBJECT

private slots:
    void secondRunRefusedAndToldWhy();
    void expiresWithoutHeartbeat();
    void deadProcessTakenOver();
    void otherHostWaitsForExpiry();
    void releasesOnlyItsOwnLease();
    void holdersListsLiveLeases();
    void removedAccountTakesItsLease();

private:
    static qint64 addAccount(Database& db, const QString& name)
    {
        AccountRecord record;
        record.name = name;
        record.provider = QStringLiteral("lemlist");
        record.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1/api"));
        return *AccountStore(db).add(record);
    }
    // A second connection to the fixture's file: what another process opens.
    static std::unique_ptr<Database> openAgain(StoreFixture& fx)
    {
        auto db = Database::open(fx.dir.filePath(QStringLiteral("test.sqlite")));
        if (!db)
            qFatal("cannot open the database again: %s", qPrintable(db.error().toString()));
        return std::move(*db);
    }
    static QString host() { return QSysInfo::machineHostName(); }
};

void TestSyncLease::secondRunRefusedAndToldWhy()
{
    StoreFixture fx;
    const qint64 sales = addAccount(*fx.db, QStringLiteral("Sales"));
    const qint64 agency = addAccount(*fx.db, QStringLiteral("Agency"));
    auto other = openAgain(fx);

    SyncLease first(*fx.db);
    QVERIFY(first.acquire(sales));
    QVERIFY(first.isHeld());

    SyncLease second(*other);
    SyncLease::Holder heldBy;
    auto refused = second.acquire(sales, &heldBy);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::SyncRunningElsewhere);
    QVERIFY(!second.isHeld());
    const qint64 pid = QCoreApplication::applicationPid();
    QCOMPARE(heldBy.pid, pid);
    QCOMPARE(heldBy.host, host());
    QCOMPARE(heldBy.accountName, QStringLiteral("Sales"));
    // Started now, so today: the time alone, in local time.
    const QRegularExpression sentence(
        QStringLiteral("^a sync of Sales is already running in process %1, started \\d\\d:\\d\\d$").arg(pid));
    QVERIFY2(sentence.match(refused.error().detail).hasMatch(), qPrintable(refused.error().detail));
    QCOMPARE(heldBy.startedAt.toLocalTime().toString(QStringLiteral("HH:mm")), refused.error().detail.right(5));

    // The holder can be asked for, from either connection; another account is free meanwhile.
    auto asked = second.holder(sales);
    QVERIFY(asked && *asked);
    QCOMPARE((*asked)->pid, pid);
    QVERIFY(second.holder(agency) && !*second.holder(agency));
    QVERIFY(second.acquire(agency));

    first.release();
    QVERIFY(!first.isHeld());
    QVERIFY(second.acquire(sales)); // releases Agency first: one lease per object
    QCOMPARE(second.accountId(), sales);
    QVERIFY(first.acquire(agency));
}

void TestSyncLease::expiresWithoutHeartbeat()
{
    StoreFixture fx;
    const qint64 sales = addAccount(*fx.db, QStringLiteral("Sales"));
    auto other = openAgain(fx);
    FakeClock clock;
    SyncLease first(*fx.db, &clock);
    SyncLease second(*other, &clock);
    QVERIFY(first.acquire(sales));

    clock.advance(59'000);
    QVERIFY(!second.acquire(sales));
    // Each heartbeat moves the expiry a full minute on.
    QVERIFY(first.renew());
    clock.advance(59'000);
    QVERIFY(!second.acquire(sales));
    clock.advance(2'000); // 61 s since the last heartbeat: the holder is presumed stuck
    QVERIFY(second.holder(sales) && !*second.holder(sales));
    QVERIFY(second.acquire(sales));

    // The first run learns at its next heartbeat that it lost the account, and by whom.
    auto lost = first.renew();
    QVERIFY(!lost);
    QCOMPARE(lost.error().code, ErrorCode::SyncRunningElsewhere);
    QVERIFY2(lost.error().detail.contains(QStringLiteral("a sync of Sales is already running")),
             qPrintable(lost.error().detail));
    QVERIFY(!first.isHeld());
    QVERIFY(second.renew());

    // A shorter expiry (the seam tests use) works the same way.
    second.release();
    second.setExpiry(200ms);
    QVERIFY(second.acquire(sales));
    QVERIFY(!first.acquire(sales));
    clock.advance(201);
    QVERIFY(first.acquire(sales));
}

void TestSyncLease::deadProcessTakenOver()
{
    StoreFixture fx;
    const qint64 sales = addAccount(*fx.db, QStringLiteral("Sales"));
    auto other = openAgain(fx);

    // A real process holds the lease (a `roster sync` that will be killed): refused while it lives, taken at
    // once when it is gone, long before its lease would expire.
    QProcess holderProcess;
    holderProcess.start(QStringLiteral("sleep"), {QStringLiteral("30")});
    QVERIFY(holderProcess.waitForStarted());
    const qint64 pid = holderProcess.processId();
    QVERIFY(pid > 0);
    QVERIFY(SyncLease::processRuns(pid));
    SyncLease ghost(*fx.db);
    ghost.setProcess(pid, host());
    QVERIFY(ghost.acquire(sales));

    SyncLease next(*other);
    auto refused = next.acquire(sales);
    QVERIFY(!refused);
    QVERIFY2(refused.error().detail.contains(QStringLiteral("in process %1,").arg(pid)),
             qPrintable(refused.error().detail));

    holderProcess.kill();
    QVERIFY(holderProcess.waitForFinished());
    QVERIFY(!SyncLease::processRuns(pid));
    QVERIFY(next.holder(sales) && !*next.holder(sales));
    QVERIFY(next.acquire(sales));
    auto now = next.holder(sales);
    QVERIFY(now && *now);
    QCOMPARE((*now)->pid, QCoreApplication::applicationPid());

    // A process that ran and ended on its own is gone as well.
    QProcess shortLived;
    qint64 endedPid = 0;
    connect(&shortLived, &QProcess::started, this, [&] { endedPid = shortLived.processId(); });
    shortLived.start(QStringLiteral("true"), QStringList {});
    QVERIFY(shortLived.waitForFinished());
    QVERIFY(endedPid > 0);
    QVERIFY(!SyncLease::processRuns(endedPid));
    next.release();
    SyncLease ended(*fx.db);
    ended.setProcess(endedPid, host());
    QVERIFY(ended.acquire(sales));
    QVERIFY(next.acquire(sales));
}

void TestSyncLease::otherHostWaitsForExpiry()
{
    StoreFixture fx;
    const qint64 sales = addAccount(*fx.db, QStringLiteral("Sales"));
    auto other = openAgain(fx);
    FakeClock clock;
    // A pid that runs nowhere here: on another machine it cannot be asked, so only expiry frees the lease.
    QProcess gone;
    qint64 goneHere = 0;
    connect(&gone, &QProcess::started, this, [&] { goneHere = gone.processId(); });
    gone.start(QStringLiteral("true"), QStringList {});
    QVERIFY(gone.waitForFinished());
    SyncLease remote(*fx.db, &clock);
    remote.setProcess(goneHere, QStringLiteral("other-host.example"));
    QVERIFY(remote.acquire(sales));

    SyncLease local(*other, &clock);
    auto refused = local.acquire(sales);
    QVERIFY(!refused);
    QVERIFY2(refused.error().detail.contains(
                 QStringLiteral("in process %1 on host other-host.example, started ").arg(goneHere)),
             qPrintable(refused.error().detail));
    // FakeClock's day is not today: the date is given too.
    QVERIFY2(refused.error().detail.contains(QRegularExpression(QStringLiteral("started 2026-01-0\\d \\d\\d:\\d\\d$"))),
             qPrintable(refused.error().detail));
    clock.advance(std::chrono::milliseconds(SyncLease::kExpiry).count() + 1);
    QVERIFY(local.acquire(sales));
}

void TestSyncLease::releasesOnlyItsOwnLease()
{
    StoreFixture fx;
    const qint64 sales = addAccount(*fx.db, QStringLiteral("Sales"));
    auto other = openAgain(fx);
    FakeClock clock;
    {
        SyncLease scoped(*fx.db, &clock);
        QVERIFY(scoped.acquire(sales));
    }
    // The destructor gave it back.
    SyncLease first(*fx.db, &clock);
    QVERIFY(first.acquire(sales));

    // Expired and taken by another run: the first run's release must not free the new holder's lease.
    SyncLease second(*other, &clock);
    clock.advance(std::chrono::milliseconds(SyncLease::kExpiry).count() + 1);
    QVERIFY(second.acquire(sales));
    first.release();
    auto holder = second.holder(sales);
    QVERIFY(holder && *holder);
    QCOMPARE(fx.scalar("SELECT count(*) FROM sync_leases"), 1);
    SyncLease third(*fx.db, &clock);
    QVERIFY(!third.acquire(sales));
    QVERIFY(second.renew());
    second.release();
    QCOMPARE(fx.scalar("SELECT count(*) FROM sync_leases"), 0);
    QVERIFY(third.acquire(sales));
    QVERIFY(!second.renew()); // released: nothing to renew
}

void TestSyncLease::holdersListsLiveLeases()
{
    StoreFixture fx;
    const qint64 a = addAccount(*fx.db, QStringLiteral("a"));
    const qint64 b = addAccount(*fx.db, QStringLiteral("b"));
    addAccount(*fx.db, QStringLiteral("c"));
    FakeClock clock;
    SyncLease one(*fx.db, &clock);
    SyncLease two(*fx.db, &clock);
    QVERIFY(one.acquire(a));
    two.setExpiry(10s);
    QVERIFY(two.acquire(b));
    auto live = one.holders();
    QVERIFY(live);
    QCOMPARE(live->size(), 2);
    QCOMPARE(live->at(0).accountId, a);
    QCOMPARE(live->at(1).accountName, QStringLiteral("b"));
    QCOMPARE(live->at(1).expiresAt, clock.now().addSecs(10));
    clock.advance(11'000);
    live = one.holders();
    QCOMPARE(live->size(), 1);
    QCOMPARE(live->first().accountId, a);
}

void TestSyncLease::removedAccountTakesItsLease()
{
    StoreFixture fx;
    const qint64 sales = addAccount(*fx.db, QStringLiteral("Sales"));
    SyncLease lease(*fx.db);
    QVERIFY(lease.acquire(sales));
    QVERIFY(AccountStore(*fx.db).remove(QStringLiteral("Sales")));
    QCOMPARE(fx.scalar("SELECT count(*) FROM sync_leases"), 0);
    auto lost = lease.renew();
    QVERIFY(!lost);
    QCOMPARE(lost.error().code, ErrorCode::SyncRunningElsewhere);
    // An account that does not exist cannot be leased.
    QVERIFY(!lease.acquire(sales));
}

QTEST_GUILESS_MAIN(TestSyncLease)
#include "tst_synclease.moc"
