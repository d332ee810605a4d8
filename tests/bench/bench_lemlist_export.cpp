// Issue 14, part 4: "A full lemlist pull of 100,000 remote contacts: requests and time at the published
// limit, paged vs bulk". Seeds a lemlist emulator with `count` contacts (a custom field among them) and
// pulls them into an empty database twice, once page by page (GET /contacts, 100 a page) and once through
// the CSV export, with the emulator's 20 requests per 2 s scaled by `scale` and the client's clock with it.
// Prints for each the requests, the wall time at the scaled limit, the least time the published limit
// allows for those requests (the first 20 at once, then 20 per 2 s) and the peak memory of the process.
//   bench_lemlist_export [count=100000] [paged|bulk|both=both] [scale=0.01]
// Run one mode at a time to read its own peak memory (the peak is the process's, emulator included).
#include "LemlistEmulator.h"
#include "store/AccountStore.h"
#include "store/StoreSession.h"
#include "sync/HttpClient.h"
#include "sync/SyncJob.h"
#include "sync/SyncSetup.h"
#include "sync/lemlist/LemlistProvider.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTextStream>

#include <cmath>
#include <sys/resource.h>
#include <unistd.h>

using namespace roster;

namespace {

constexpr int kPublishedRequests = 20;
constexpr double kPublishedWindowSeconds = 2.0;

// The resident memory now (the in-process emulator's records included), from /proc.
double residentMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> parts = statm.readAll().split(' ');
    return parts.size() > 1 ? parts.at(1).toDouble() * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0)
                            : 0;
}

double peakMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// The least time a limit of 20 per window allows for `requests`: the first 20 at once, then a window per 20.
double leastSeconds(qint64 requests, double window)
{
    return std::max(0.0, std::ceil(static_cast<double>(requests - kPublishedRequests) / kPublishedRequests)) * window;
}

int pull(emulator::LemlistEmulator& emulator, const QString& mode, int count, double scale)
{
    QTemporaryDir dir;
    auto session = StoreSession::open(dir.filePath(QStringLiteral("bench.sqlite")));
    if (!session)
        return 1;
    AccountRecord account;
    account.name = QStringLiteral("bench-") + mode;
    account.provider = QStringLiteral("lemlist");
    account.baseUrl = emulator.baseUrl();
    account.options.insert(LemlistProvider::bulkExportOption(),
                           mode == QLatin1String("bulk") ? QStringLiteral("always") : QStringLiteral("never"));
    account.id = *AccountStore((*session)->database()).add(account);
    auto adapter = SyncSetup::provider(account);
    HttpClient client;
    if (!client.addAccount(SyncSetup::httpAccount(account, **adapter, QString::fromLatin1(emulator.apiKey()), scale)))
        return 1;
    SyncJob::Options options;
    options.push = false;
    options.fullScan = true;
    options.pageSize = LemlistProvider::kMaxPageSize;
    const int listBefore = emulator.requestCount(QStringLiteral("list"));
    const int exportBefore = emulator.requestCount(QStringLiteral("export"));
    const int allBefore = emulator.totalRequests();
    SyncJob job(**session, client, account, std::move(*adapter), options);
    QElapsedTimer timer;
    timer.start();
    const SyncReport report = job.run();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const int requests = emulator.totalRequests() - allBefore;
    QTextStream(stdout) << QStringLiteral("%1: %2 contacts pulled (created %3, failed %4, warnings %5) with %6 "
                                          "requests (%7 list pages, %8 export); %9 s at the limit scaled by %10 "
                                          "(20 per %11 ms); at the published 20 per 2 s these requests need at "
                                          "least %12 s (%6 / 10 per s = %13 s); peak memory %14 MiB; %15\n")
                               .arg(mode)
                               .arg(count)
                               .arg(report.pulled.created)
                               .arg(report.pulled.failed)
                               .arg(report.warnings.size())
                               .arg(requests)
                               .arg(emulator.requestCount(QStringLiteral("list")) - listBefore)
                               .arg(emulator.requestCount(QStringLiteral("export")) - exportBefore)
                               .arg(seconds, 0, 'f', 2)
                               .arg(scale)
                               .arg(kPublishedWindowSeconds * 1000 * scale, 0, 'f', 0)
                               .arg(leastSeconds(requests, kPublishedWindowSeconds), 0, 'f', 1)
                               .arg(requests / (kPublishedRequests / kPublishedWindowSeconds), 0, 'f', 1)
                               .arg(peakMiB(), 0, 'f', 0)
                               .arg(report.ok() ? QStringLiteral("ok") : QStringLiteral("FAILED"));
    return report.ok() && report.pulled.created == count ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    const QString which = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("both");
    const double scale = argc > 3 ? QString::fromLocal8Bit(argv[3]).toDouble() : 0.01;

    emulator::LemlistEmulator emulator;
    emulator.setRateScale(scale);
    if (!emulator.start())
        return 1;
    emulator.registerCustomFields(QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("score")},
                                                           {QStringLiteral("label"), QStringLiteral("Score")},
                                                           {QStringLiteral("type"), QStringLiteral("text")}}});
    QElapsedTimer seeding;
    seeding.start();
    for (int i = 0; i < count; ++i) {
        emulator.seedContact(QJsonObject {
            {QStringLiteral("email"), QStringLiteral("b%1@example.com").arg(i)},
            {QStringLiteral("firstName"), QStringLiteral("First%1").arg(i)},
            {QStringLiteral("lastName"), QStringLiteral("Last, %1").arg(i)},
            {QStringLiteral("jobTitle"), QStringLiteral("Engineer")},
            {QStringLiteral("linkedinUrl"), QStringLiteral("https://www.linkedin.com/in/bench-%1").arg(i)},
            {QStringLiteral("score"), QString::number(i % 100)},
        });
    }
    QTextStream(stdout) << QStringLiteral("seeded %1 remote contacts in %2 s; resident memory %3 MiB (the emulator's "
                                          "records; the peak below adds the pull's own)\n")
                               .arg(emulator.recordCount())
                               .arg(static_cast<double>(seeding.elapsed()) / 1000.0, 0, 'f', 1)
                               .arg(residentMiB(), 0, 'f', 0);
    int failures = 0;
    for (const QString& mode : {QStringLiteral("paged"), QStringLiteral("bulk")}) {
        if (which == QLatin1String("both") || which == mode)
            failures += pull(emulator, mode, count, scale);
    }
    return failures;
}
