// A sync started from the window (the sync panel's Sync Now) of `count` contacts (default 100,000) to a
// lemlist emulator with its rate limit scaled down: the longest stall of the window's thread while it runs
// (target under 50 ms), measured by a timer that fires every 5 ms and records the largest gap between two
// ticks. The emulator answers on a thread of its own, so its work is not counted as the window's.
//   bench_syncwindow [count] [scale]
#include "EmulatorFactory.h"
#include "store/AccountStore.h"
#include "store/StoreSession.h"
#include "store/UpsertPolicies.h"
#include "sync/SecretStore.h"
#include "widgets/MainWindow.h"
#include "widgets/SyncPanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <vector>

using namespace roster;

namespace {

void print(const QString& text)
{
    QTextStream(stdout) << text << Qt::endl;
}

bool fill(StoreSession& session, int count)
{
    auto op = session.engine().beginOperation({QStringLiteral("manual"), QStringLiteral("bench")});
    if (!op)
        return false;
    constexpr int batch = 20000;
    for (int start = 0; start < count; start += batch) {
        std::vector<ContactPatch> patches;
        for (int i = start; i < std::min(count, start + batch); ++i) {
            ContactPatch p;
            p.set(Field::FirstName, QStringLiteral("F%1").arg(i));
            p.set(Field::LastName, QStringLiteral("L%1").arg(i));
            p.set(Field::Email, QStringLiteral("w%1@example.com").arg(i));
            p.set(Field::LinkedinUrl, QStringLiteral("https://www.linkedin.com/in/window-%1").arg(i));
            patches.push_back(p);
        }
        if (!session.engine().upsertBatch(patches, UpsertPolicies::local(), *op))
            return false;
    }
    return true;
}

// Records the largest gap between the ticks of a 5 ms timer on the calling thread.
class StallMeter final : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 gap = now - m_last;
            m_last = now;
            m_longest = std::max(m_longest, gap);
            if (gap > 50'000'000) {
                ++m_over50;
                m_stalls.append({now - gap, gap});
            }
            ++m_ticks;
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_longest = 0;
        m_over50 = 0;
        m_ticks = 0;
        m_stalls.clear();
        m_timer.start();
    }
    // The longest stalls over 50 ms, "123.4 ms at 12.3 s", longest first.
    QString worst(int count) const
    {
        QList<std::pair<qint64, qint64>> stalls = m_stalls;
        std::sort(stalls.begin(), stalls.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        QStringList texts;
        for (qsizetype i = 0; i < std::min<qsizetype>(count, stalls.size()); ++i) {
            texts << QStringLiteral("%1 ms at %2 s")
                         .arg(double(stalls.at(i).second) / 1e6, 0, 'f', 1)
                         .arg(double(stalls.at(i).first) / 1e9, 0, 'f', 1);
        }
        return texts.isEmpty() ? QStringLiteral("none") : texts.join(QStringLiteral(", "));
    }
    void stop() { m_timer.stop(); }
    double longestMs() const { return double(m_longest) / 1e6; }
    int over50() const { return m_over50; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
    int m_over50 = 0;
    int m_ticks = 0;
    QList<std::pair<qint64, qint64>> m_stalls; // start and length, ns
};

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("ROSTER_NO_KEYCHAIN", "1");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // leave the user's window settings alone
    const QStringList args = app.arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 100000;
    const double scale = args.size() > 2 ? args.at(2).toDouble() : 0.002;
    qputenv("ROSTER_SYNC_TIME_SCALE", QByteArray::number(scale));

    QTemporaryDir dir;
    auto session = StoreSession::open(dir.filePath(QStringLiteral("bench_syncwindow.sqlite")));
    if (!session || !fill(**session, count)) {
        print(QStringLiteral("cannot build the database"));
        return 1;
    }

    // The emulator lives and answers on its own thread.
    QThread serverThread;
    serverThread.setObjectName(QStringLiteral("emulator"));
    serverThread.start();
    QObject anchor;
    anchor.moveToThread(&serverThread);
    std::unique_ptr<emulator::EmulatorServer> server;
    QMetaObject::invokeMethod(
        &anchor,
        [&] {
            server = emulator::EmulatorFactory::create(QStringLiteral("lemlist"));
            server->setApiKey("bench-window-key");
            server->setRateScale(scale);
            server->start();
        },
        Qt::BlockingQueuedConnection);
    AccountRecord account;
    account.name = QStringLiteral("Bench");
    account.provider = QStringLiteral("lemlist");
    account.baseUrl = server->baseUrl();
    if (!AccountStore((*session)->database()).add(account))
        return 1;
    qputenv(SecretStore::environmentName(account.name).toLatin1().constData(), server->apiKey());

    int result = 0;
    {
        MainWindow window(std::move(*session));
        window.resize(1200, 760);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return 1;
        // Let the window's first counts end before measuring.
        QTest::qWait(1000);
        SyncPanel* panel = window.showSyncPanel();
        StallMeter meter;
        // The same window idle, for what the machine's load alone costs the timer.
        meter.start();
        QTest::qWait(5000);
        meter.stop();
        print(QStringLiteral("idle window for 5 s: longest gap %1 ms; gaps over 50 ms: %2")
                  .arg(meter.longestMs(), 0, 'f', 1)
                  .arg(meter.over50()));
        QElapsedTimer clock;
        meter.start();
        clock.start();
        if (!panel->syncNow()) {
            print(QStringLiteral("the sync did not start: %1").arg(panel->summaryText()));
            return 1;
        }
        while (panel->isSyncing())
            QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        const qint64 elapsed = clock.elapsed();
        meter.stop();
        print(QStringLiteral("command: %1").arg(args.join(QLatin1Char(' '))));
        print(QStringLiteral("sync of %1 contacts from the window (lemlist emulator, rate limit x%2): %3 s; %4")
                  .arg(count)
                  .arg(scale)
                  .arg(double(elapsed) / 1000.0, 0, 'f', 1)
                  .arg(panel->summaryText()));
        print(QStringLiteral("longest GUI-thread stall: %1 ms (target under 50 ms); stalls over 50 ms: %2; "
                             "5 ms ticks: %3")
                  .arg(meter.longestMs(), 0, 'f', 1)
                  .arg(meter.over50())
                  .arg(meter.ticks()));
        print(QStringLiteral("longest stalls (from Sync Now): %1").arg(meter.worst(5)));
        qsizetype records = 0;
        QMetaObject::invokeMethod(
            &anchor, [&] { records = server->recordCount(); }, Qt::BlockingQueuedConnection);
        print(QStringLiteral("emulator records: %1").arg(records));
        result = records == count ? 0 : 1;
    }
    QMetaObject::invokeMethod(
        &anchor, [&] { server.reset(); }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();
    return result;
}
