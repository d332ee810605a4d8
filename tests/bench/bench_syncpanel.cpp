// The sync panel opened on a database whose last run failed --errors records (200,000 by default): time to
// read and show the errors tab, and memory (resident, and its peak while the panel opens). Builds the
// database, or reuses --db PATH when its last run already has that many errors. Prints figures; not a
// pass/fail test.
#include "ContactGenerator.h"
#include "models/SyncErrorsModel.h"
#include "store/AccountStore.h"
#include "store/StoreSession.h"
#include "store/SyncRunLog.h"
#include "store/UpsertPolicies.h"
#include "widgets/SyncPanel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace roster;

namespace {

double statusMiB(const QByteArray& key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}

// Forgets the peak so far (Linux: "5" to clear_refs), so the next one is the panel's own.
void resetPeak()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

void print(const QString& text)
{
    QTextStream(stdout) << text << Qt::endl;
}

constexpr qint64 kContacts = 2000;

bool fill(const QString& path, qint64 errors)
{
    auto opened = StoreSession::open(path);
    if (!opened)
        return false;
    StoreSession& session = **opened;
    AccountStore accounts(session.database());
    if (auto found = accounts.find(QStringLiteral("Bench")); found) {
        const auto last = SyncRunLog(session.database()).lastRun(found->id);
        if (last && last->totals.failed == errors)
            return true;
        if (!accounts.remove(QStringLiteral("Bench")))
            return false;
    }
    print(QStringLiteral("writing a run with %1 errors in %2 ...").arg(errors).arg(path));
    if (session.contacts().count() < kContacts) {
        QVector<ContactPatch> patches;
        for (qint64 n = 0; n < kContacts; ++n)
            patches << bench::ContactGenerator::make(n, bench::PhoneStyle::E164);
        auto op = session.engine().beginOperation({QStringLiteral("bench"), QStringLiteral("bench_syncpanel")});
        if (!session.engine().upsertBatch(patches, UpsertPolicies::local(), *op))
            return false;
    }
    AccountRecord record;
    record.name = QStringLiteral("Bench");
    record.provider = QStringLiteral("lemlist");
    record.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1/api"));
    const auto account = accounts.add(record);
    if (!account)
        return false;
    SyncRunLog log(session.database());
    const auto run = log.start(*account);
    if (!run || !session.database().begin())
        return false;
    for (qint64 i = 0; i < errors; ++i) {
        const SyncRunLog::RunError error {
            1 + i % kContacts, QStringLiteral("remote-%1").arg(i), ErrorCode::RemoteValidation,
            QStringLiteral("Field customScore is not defined in this team (record %1)").arg(i)};
        if (!log.addError(*run, error))
            return false;
    }
    if (!session.database().commit())
        return false;
    return log.finish(*run, QStringLiteral("failed"), {0, 0, errors}, QStringLiteral("{}")).has_value();
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("ROSTER_NO_KEYCHAIN", "1");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("bench_syncpanel.sqlite"));
    qint64 errors = 200000;
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--db"))
            path = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--errors"))
            errors = args.at(i + 1).toLongLong();
    }
    if (!fill(path, errors)) {
        print(QStringLiteral("cannot build %1").arg(path));
        return 1;
    }
    auto session = StoreSession::open(path);
    if (!session)
        return 1;
    QApplication::processEvents();
    resetPeak();
    const double rssBefore = statusMiB("VmRSS:");

    QElapsedTimer timer;
    timer.start();
    SyncPanel panel(**session);
    const qint64 made = timer.elapsed();
    panel.reload();
    const qint64 reloaded = timer.elapsed();
    panel.resize(1100, 600);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        return 1;
    QApplication::processEvents();
    const qint64 opened = timer.elapsed();
    const double rssAfter = statusMiB("VmRSS:");
    const double peak = statusMiB("VmHWM:");

    print(QStringLiteral("errors in the last run:   %1 (%2 rows read; tab \"%3\")")
              .arg(errors)
              .arg(panel.errorsModel()->rowCount())
              .arg(panel.tabs()->tabText(0)));
    print(QStringLiteral("panel open to shown:      %1 ms (made %2 ms, read %3 ms)")
              .arg(opened)
              .arg(made)
              .arg(reloaded - made));
    print(QStringLiteral("resident memory:          %1 MiB before, %2 MiB after (+%3 MiB), peak %4 MiB")
              .arg(rssBefore, 0, 'f', 1)
              .arg(rssAfter, 0, 'f', 1)
              .arg(rssAfter - rssBefore, 0, 'f', 1)
              .arg(peak, 0, 'f', 1));
    // For comparison, what the panel did before it paged: read every error of the run (and keep 500).
    const auto last = SyncRunLog((*session)->database()).runs(0, 1);
    if (!last || last->isEmpty())
        return 1;
    resetPeak();
    const double rssWhole = statusMiB("VmRSS:");
    timer.restart();
    qsizetype read = 0;
    {
        const auto all = SyncRunLog((*session)->database()).errors(last->first().id);
        read = all ? all->size() : 0;
    }
    const qint64 wholeMs = timer.elapsed();
    print(QStringLiteral("the whole run read at once (the panel before paging): %1 errors in %2 ms, peak +%3 MiB")
              .arg(read)
              .arg(wholeMs)
              .arg(statusMiB("VmHWM:") - rssWhole, 0, 'f', 1));
    return 0;
}
