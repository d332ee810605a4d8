// Pushes 2,000 contacts to each CRM emulator with its published limit scaled down, and prints the achieved
// request rate as a fraction of the allowed one and the number of 429 replies.
//   bench_sync [count]
// Issue 6's figures: a first two-way sync (pull, merge, push) of `count` contacts (default 10,000) to each
// emulator against the least time its scaled rate limit allows for the requests it needs, then a second
// and a third sync with nothing to do (the second reads back what the first pushed, since no pull had
// dated a watermark yet; the third is incremental where the CRM allows it).
//   bench_sync --two-way [count]
// Issue 14's figures: a `roster sync --push-only` process with one contact edited among N linked ones (needs
// /usr/bin/time for the peak RSS):
//   bench_sync --one-change 2000 20000 1000000
#include "EmulatorFactory.h"
#include "GetSalesEmulator.h"
#include "HighLevelEmulator.h"
#include "OneChangeBench.h"
#include "store/AccountStore.h"
#include "store/StoreSession.h"
#include "store/UpsertPolicies.h"
#include "sync/HttpClient.h"
#include "sync/SyncJob.h"
#include "sync/SyncSetup.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <cmath>
#include <vector>

using namespace roster;

namespace {

struct Case
{
    const char* provider;
    double scale;
};

// `count` contacts in a new database, an emulator of the case's CRM at its scaled limit, and an account on it.
struct BenchAccount
{
    BenchAccount(const Case& c, int count)
    {
        const QString provider = QString::fromLatin1(c.provider);
        auto opened = StoreSession::open(dir.filePath(QStringLiteral("bench.sqlite")));
        if (!opened)
            return;
        session = std::move(*opened);
        std::vector<ContactPatch> patches;
        for (int i = 0; i < count; ++i) {
            ContactPatch p;
            p.set(Field::FirstName, QStringLiteral("F%1").arg(i));
            p.set(Field::Email, QStringLiteral("b%1@example.com").arg(i));
            p.set(Field::LinkedinUrl, QStringLiteral("https://www.linkedin.com/in/bench-%1").arg(i));
            p.set(Field::CompanyDomain, QStringLiteral("example.com"));
            patches.push_back(p);
        }
        auto op = session->engine().beginOperation({QStringLiteral("manual"), QStringLiteral("bench")});
        if (!op || !session->engine().upsertBatch(patches, UpsertPolicies::local(), *op))
            return;
        emulator = emulator::EmulatorFactory::create(provider);
        emulator->setRateScale(c.scale);
        emulator->start();
        account.name = QStringLiteral("bench");
        account.provider = provider;
        account.baseUrl = emulator->baseUrl();
        account.options.insert(QStringLiteral("list_uuid"), emulator::GetSalesEmulator::defaultListUuid());
        account.options.insert(QStringLiteral("location_id"), emulator::HighLevelEmulator::defaultLocationId());
        account.id = *AccountStore(session->database()).add(account);
        ready = true;
    }

    QTemporaryDir dir;
    std::unique_ptr<StoreSession> session;
    std::unique_ptr<emulator::EmulatorServer> emulator;
    AccountRecord account;
    bool ready = false;
};

int runCase(const Case& c, int count)
{
    const QString provider = QString::fromLatin1(c.provider);
    BenchAccount bench(c, count);
    if (!bench.ready)
        return 1;
    auto& session = bench.session;
    auto& emulator = bench.emulator;
    AccountRecord& account = bench.account;

    auto adapter = SyncSetup::provider(account);
    HttpClient client;
    const HttpAccount http
        = SyncSetup::httpAccount(account, **adapter, QString::fromLatin1(emulator->apiKey()), c.scale);
    const RateLimit limit = http.profile.rateLimits.first();
    if (!client.addAccount(http))
        return 1;
    SyncJob::Options options;
    options.pull = false;
    SyncJob job(*session, client, account, std::move(*adapter), options);
    QElapsedTimer timer;
    timer.start();
    const SyncReport report = job.run();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const double allowed = limit.requests / (static_cast<double>(limit.window.count()) * c.scale / 1000.0);
    // The first window is a burst of `limit` requests at once; the steady rate shows from then on.
    const double achieved = static_cast<double>(report.transport.requests) / seconds;
    const double steady = static_cast<double>(report.transport.requests - limit.requests) / seconds;
    QTextStream(stdout) << QStringLiteral("%1: %2 contacts, %3 requests in %4 s; allowed %5/s (%6 per %7 ms); "
                                          "achieved %8/s = %9 of allowed (%10 excluding the first burst); "
                                          "429 replies: %11; created %12, failed %13; emulator records %14\n")
                               .arg(provider)
                               .arg(count)
                               .arg(report.transport.requests)
                               .arg(seconds, 0, 'f', 2)
                               .arg(allowed, 0, 'f', 1)
                               .arg(limit.requests)
                               .arg(static_cast<double>(limit.window.count()) * c.scale, 0, 'f', 0)
                               .arg(achieved, 0, 'f', 1)
                               .arg(achieved / allowed, 0, 'f', 3)
                               .arg(steady / allowed, 0, 'f', 3)
                               .arg(report.transport.rateLimited)
                               .arg(report.pushed.created)
                               .arg(report.pushed.failed)
                               .arg(emulator->recordCount());
    return report.ok() ? 0 : 1;
}

int runTwoWay(const Case& c, int count)
{
    const QString provider = QString::fromLatin1(c.provider);
    BenchAccount bench(c, count);
    if (!bench.ready)
        return 1;
    auto& session = bench.session;
    auto& emulator = bench.emulator;
    AccountRecord& account = bench.account;
    HttpClient client;
    int failures = 0;
    for (int run = 1; run <= 3; ++run) {
        auto adapter = SyncSetup::provider(account);
        const HttpAccount http
            = SyncSetup::httpAccount(account, **adapter, QString::fromLatin1(emulator->apiKey()), c.scale);
        const RateLimit limit = http.profile.rateLimits.first();
        if (!client.addAccount(http))
            return 1;
        SyncJob job(*session, client, account, std::move(*adapter), SyncJob::Options {});
        QElapsedTimer timer;
        timer.start();
        const SyncReport report = job.run();
        const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        client.removeAccount(account.name);
        const double window = static_cast<double>(limit.window.count()) * c.scale / 1000.0;
        // The least time the limit allows for these requests: the first `limit` go at once, then one
        // window per `limit` more.
        const double allowed
            = std::max(0.0, std::ceil(static_cast<double>(report.transport.requests - limit.requests) / limit.requests))
            * window;
        QTextStream(stdout) << QStringLiteral("%1 sync %2: %3 contacts, %4 s (limit allows %5 s for its %6 requests; "
                                              "%7 per %8 ms, scale %9 of the published window); pushed %10 "
                                              "created, %11 updated, %12 unchanged; pulled %13 created, %14 "
                                              "updated, %15 unchanged; incremental %16; 429s %17; state %18\n")
                                   .arg(provider)
                                   .arg(run)
                                   .arg(count)
                                   .arg(seconds, 0, 'f', 2)
                                   .arg(allowed, 0, 'f', 2)
                                   .arg(report.transport.requests)
                                   .arg(limit.requests)
                                   .arg(window * 1000, 0, 'f', 0)
                                   .arg(c.scale)
                                   .arg(report.pushed.created)
                                   .arg(report.pushed.updated)
                                   .arg(report.pushed.unchanged)
                                   .arg(report.pulled.created)
                                   .arg(report.pulled.updated)
                                   .arg(report.pulled.unchanged)
                                   .arg(report.incremental ? QStringLiteral("yes") : QStringLiteral("no"))
                                   .arg(report.transport.rateLimited)
                                   .arg(report.state);
        failures += report.ok() ? 0 : 1;
    }
    return failures;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && QString::fromLocal8Bit(argv[1]) == QLatin1String("--one-change")) {
        int failures = 0;
        for (int i = 2; i < argc; ++i)
            failures += runOneChangeBench(QString::fromLocal8Bit(argv[i]).toInt());
        return failures == 0 ? 0 : 1;
    }
    if (argc > 1 && QString::fromLocal8Bit(argv[1]) == QLatin1String("--two-way")) {
        const int count = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 10000;
        const Case cases[] = {{"lemlist", 0.02}, {"getsales", 0.004}, {"highlevel", 0.01}, {"monaco", 0.0002}};
        int failures = 0;
        for (const Case& c : cases) {
            if (argc <= 3 || QString::fromLocal8Bit(argv[3]) == QLatin1String(c.provider))
                failures += runTwoWay(c, count);
        }
        return failures == 0 ? 0 : 1;
    }
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 2000;
    // Windows scaled to a few hundred milliseconds or more: shorter ones drown in loopback jitter.
    const Case cases[] = {{"lemlist", 0.1}, {"getsales", 0.01}, {"highlevel", 0.05}, {"monaco", 0.001}};
    int failures = 0;
    for (const Case& c : cases)
        failures += runCase(c, count);
    return failures == 0 ? 0 : 1;
}
