#include "LemlistEmulator.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

// Issue 6's promise, with a real `roster sync` process: killed at random points of its push (and with
// replies lost on the way), the next sync finishes the job without sending anything twice: every contact
// ends on the emulator exactly once.
class TestSyncKill final : public QObject
{
    Q_OBJECT

private slots:
    void killPushAtRandomPoints();

private:
    struct Run
    {
        int exitCode = -1;
        bool killed = false;
        QByteArray out;
    };
    // Runs roster while this thread's event loop serves the emulator; kills it after `killAfterMs` when
    // that is not negative and it still runs.
    Run roster(const QStringList& args, int killAfterMs = -1, const QByteArray& input = {});

    QTemporaryDir m_dir;
    QString m_db;
    roster::emulator::LemlistEmulator m_emulator;
};

namespace {
const QByteArray kKey = "lem-kill-test-key-4242";
}

TestSyncKill::Run TestSyncKill::roster(const QStringList& args, int killAfterMs, const QByteArray& input)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("ROSTER_NO_KEYCHAIN", "1");
    environment.insert("ROSTER_SYNC_TIME_SCALE", "0.05");
    environment.insert("ROSTER_SECRET_LEM", QString::fromLatin1(kKey));
    process.setProcessEnvironment(environment);
    QStringList argv = args;
    argv.insert(args.first() == "account" ? 2 : 1, "--db");
    argv.insert(args.first() == "account" ? 3 : 2, m_db);
    Run run;
    QEventLoop loop;
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer guard;
    guard.setSingleShot(true);
    connect(&guard, &QTimer::timeout, &loop, &QEventLoop::quit);
    guard.start(120000);
    QTimer killer;
    killer.setSingleShot(true);
    connect(&killer, &QTimer::timeout, &process, [&] {
        if (process.state() == QProcess::Running) {
            run.killed = true;
            process.kill();
        }
    });
    process.start(ROSTER_EXECUTABLE, argv);
    process.write(input);
    process.closeWriteChannel();
    if (killAfterMs >= 0)
        killer.start(killAfterMs);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    if (process.state() != QProcess::NotRunning)
        process.waitForFinished(10000);
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    return run;
}

void TestSyncKill::killPushAtRandomPoints()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath("roster.sqlite");
    m_emulator.setApiKey(kKey);
    m_emulator.setRateScale(0.05);
    QVERIFY(m_emulator.start() != 0);
    constexpr int contacts = 800;
    {
        QFile csv(m_dir.filePath("people.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("First Name,Last Name,Email\n");
        for (int i = 0; i < contacts; ++i)
            csv.write(QStringLiteral("P%1,Kill,k%1@example.com\n").arg(i).toUtf8());
    }
    QCOMPARE(roster({"import", m_dir.filePath("people.csv")}).exitCode, 0);
    QCOMPARE(roster({"account", "add", "--provider", "lemlist", "--name", "lem", "--base-url",
                     m_emulator.baseUrl().toString(), "--secret-env", "ROSTER_SECRET_LEM"})
                 .exitCode,
             0);

    // Slow replies keep each run in its push long enough to be killed there; lost replies (the upsert is
    // applied, the connection closes) make the client resend, which must not duplicate either.
    m_emulator.faults().setDelayMs(20);
    m_emulator.faults().setRandom(0.08, 20261125, {roster::emulator::FaultPlan::Kind::DropAfterWrite});
    QRandomGenerator random(6);
    int killedMidway = 0;
    int killed = 0;
    qsizetype previous = 0;
    // Each run starts where the last one was killed, so the kill points move through the whole push.
    for (int attempt = 0; attempt < 30 && killedMidway < 12; ++attempt) {
        // Every other run is a whole sync, so kills land in its pull and merge as well as its push.
        const QStringList args
            = attempt % 2 == 0 ? QStringList {"sync", "--push-only", "--json"} : QStringList {"sync", "--json"};
        const Run run = roster(args, static_cast<int>(random.bounded(60, 400)));
        // Killed with records still unsent on the emulator: a kill in the middle of the push.
        killedMidway += run.killed && m_emulator.recordCount() < contacts ? 1 : 0;
        killed += run.killed ? 1 : 0;
        // Acknowledged work is never lost, so the remote side only grows.
        QVERIFY(m_emulator.recordCount() >= previous);
        previous = m_emulator.recordCount();
    }
    QVERIFY2(killedMidway >= 10, qPrintable(QString::number(killedMidway)));
    // Nothing acknowledged was sent again: beyond one upsert per contact, only those in flight at each
    // kill (at most SyncJob's 48) and the client's resends of lost replies.
    const int upserts = m_emulator.requestCount("upsert");
    const int bound = contacts + killed * 48 + m_emulator.statusCount(0);
    QVERIFY2(upserts <= bound, qPrintable(QStringLiteral("%1 upserts, at most %2 expected").arg(upserts).arg(bound)));

    m_emulator.faults().clear();
    // Confirmed: a create whose reply a kill lost is linked by the next pull without a hash, and sent again
    // as an update. When kills leave many of those next to few linked records, the overwrite guard rightly
    // holds them back until confirmed (seen: 24 of 114).
    const Run finish = roster({"sync", "--json", "--yes"});
    QCOMPARE(finish.exitCode, 0);
    QHash<QString, int> seen;
    for (const QJsonValue& record : m_emulator.recordsJson())
        ++seen[record.toObject().value("email").toString()];
    QCOMPARE(m_emulator.recordCount(), contacts);
    QCOMPARE(seen.size(), contacts);
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
    for (int i = 0; i < contacts; ++i)
        QVERIFY(seen.contains(QStringLiteral("k%1@example.com").arg(i)));
    // And nothing is left to send.
    const Run quiet = roster({"sync", "--json", "--push-only"});
    const QJsonObject pushed
        = QJsonDocument::fromJson(quiet.out).object()["accounts"].toArray().first().toObject()["pushed"].toObject();
    QCOMPARE(pushed.value("created").toInt() + pushed.value("updated").toInt(), 0);
    QCOMPARE(pushed.value("unchanged").toInt(), contacts);
}

QTEST_GUILESS_MAIN(TestSyncKill)
#include "tst_synckill.moc"
