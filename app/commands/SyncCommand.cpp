#include "SyncCommand.h"

#include "CommandSupport.h"
#include "SyncOutputWriter.h"
#include "store/AccountStore.h"
#include "sync/AccountSecrets.h"
#include "sync/FieldValues.h"
#include "sync/HttpClient.h"
#include "sync/SyncJob.h"
#include "sync/SyncSetup.h"

#include <QJsonArray>
#include <QJsonObject>

namespace roster::cli {

namespace {

SyncReport syncAccount(StoreSession& session, HttpClient& client, const AccountRecord& account,
                       const SyncJob::Options& options, double timeScale)
{
    SyncReport report;
    report.account = account.name;
    report.provider = account.provider;
    auto failed = [&report](const Error& error) {
        report.fatal = error;
        report.state = QStringLiteral("failed");
        report.addError(0, {}, error);
        return report;
    };
    auto provider = SyncSetup::provider(account);
    if (!provider)
        return failed(provider.error());
    auto secret = AccountSecrets(session.database()).read(account);
    if (!secret)
        return failed(secret.error());
    if (auto ok = client.addAccount(SyncSetup::httpAccount(account, **provider, *secret, timeScale)); !ok)
        return failed(ok.error());
    SyncJob job(session, client, account, std::move(*provider), options);
    QObject::connect(&job, &SyncJob::waitingForLease, [](const SyncLease::Holder& holder) {
        printError(holder.describe() + QStringLiteral("; waiting for it to end"));
    });
    report = job.run();
    client.removeAccount(account.name);
    return report;
}

QString summaryLine(const SyncReport& r)
{
    if (r.ranElsewhere() && r.fatal)
        return QStringLiteral("%1 (%2): not run: %3").arg(r.account, r.provider, r.fatal->detail);
    QString line = QStringLiteral("%1 (%2): pushed %3 created, %4 updated, %5 unchanged, %6 failed; pulled %7 created, "
                                  "%8 updated, %9 unchanged, %10 failed")
                       .arg(r.account, r.provider)
                       .arg(r.pushed.created)
                       .arg(r.pushed.updated)
                       .arg(r.pushed.unchanged)
                       .arg(r.pushed.failed)
                       .arg(r.pulled.created)
                       .arg(r.pulled.updated)
                       .arg(r.pulled.unchanged)
                       .arg(r.pulled.failed);
    line += QStringLiteral("; %1 conflicts; %2 skipped; %3 requests, %4 retries, %5 rate-limited")
                .arg(r.conflicts)
                .arg(r.skipped.size())
                .arg(r.transport.requests)
                .arg(r.transport.retries)
                .arg(r.transport.rateLimited);
    if (r.state == QLatin1String("waiting for confirmation"))
        line += QStringLiteral("; waiting for confirmation (run again with --yes)");
    if (r.remoteDeletions > 0)
        line += QStringLiteral("; %1 deleted on the CRM, waiting for you").arg(r.remoteDeletions);
    if (r.fatal)
        line += QStringLiteral("; stopped: ") + (r.fatal->detail.isEmpty() ? r.fatal->toString() : r.fatal->detail);
    return line;
}

QString planLine(const SyncReport::PlanEntry& entry)
{
    QString line = QStringLiteral("  %1 %2 contact %3").arg(entry.direction, entry.action).arg(entry.contactId);
    if (!entry.remoteId.isEmpty())
        line += QStringLiteral(" (remote %1)").arg(entry.remoteId);
    for (const SyncReport::PlannedChange& change : entry.changes) {
        line += QStringLiteral("\n    %1: %2 -> %3")
                    .arg(change.field,
                         change.before.isNull() ? QStringLiteral("(empty)") : FieldValues::display(change.before),
                         change.after.isNull() ? QStringLiteral("(empty)") : FieldValues::display(change.after));
    }
    return line;
}

} // namespace

int runSync(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("account"), QStringLiteral("Sync this account (repeatable; default: all)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("push-only"), QStringLiteral("Only send local changes.")});
    parser.addOption({QStringLiteral("pull-only"), QStringLiteral("Only read remote contacts.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print per account what was done, as JSON.")});
    parser.addOption({QStringLiteral("dry-run"),
                      QStringLiteral("Show per record what would change on either side, and change nothing.")});
    parser.addOption({QStringLiteral("yes"),
                      QStringLiteral("Confirm what the guards hold back: mass overwrites and "
                                     "remote deletions.")});
    parser.addOption({QStringLiteral("full-scan"),
                      QStringLiteral("Read every remote contact, not only recent changes (finds remote deletions).")});
    parser.addOption({QStringLiteral("full-push"),
                      QStringLiteral("Compare every contact with what each CRM was last sent, not only those "
                                     "changed since the last push.")});
    parser.addOption({QStringLiteral("wait"),
                      QStringLiteral("When another process is syncing an account, wait for it to end instead of "
                                     "skipping the account.")});
    int exitCode = Ok;
    if (!parse(parser, args, QStringLiteral("Push local changes to each CRM account and pull its contacts."),
               &exitCode))
        return exitCode;
    if (parser.isSet(QStringLiteral("push-only")) && parser.isSet(QStringLiteral("pull-only")))
        return printError(QStringLiteral("--push-only and --pull-only exclude each other"), Usage);
    SyncJob::Options options;
    options.push = !parser.isSet(QStringLiteral("pull-only"));
    options.pull = !parser.isSet(QStringLiteral("push-only"));
    options.dryRun = parser.isSet(QStringLiteral("dry-run"));
    options.confirmed = parser.isSet(QStringLiteral("yes"));
    options.fullScan = parser.isSet(QStringLiteral("full-scan"));
    options.fullPush = parser.isSet(QStringLiteral("full-push"));
    options.waitForLease = parser.isSet(QStringLiteral("wait"));

    auto session = openSession(parser);
    if (!session)
        return printError(session.error());
    AccountStore store((*session)->database());
    QList<AccountRecord> accounts;
    const QStringList names = parser.values(QStringLiteral("account"));
    if (names.isEmpty()) {
        auto all = store.list();
        if (!all)
            return printError(all.error());
        accounts = *all;
    } else {
        for (const QString& name : names) {
            auto account = store.find(name);
            if (!account)
                return printError(account.error());
            accounts << *account;
        }
    }
    if (accounts.isEmpty())
        return printError(QStringLiteral("no accounts: add one with `roster account add`"));

    const double timeScale = SyncSetup::timeScaleFromEnvironment();
    HttpClient client;
    const bool json = parser.isSet(QStringLiteral("json"));
    // A dry run's plan is written line by line as the run makes it: over a million contacts it is never held
    // whole. With --json each account's object opens with its "plan" array, the other keys follow.
    SyncOutputWriter writer(json, options.dryRun, planLine);
    bool allOk = true;
    for (const AccountRecord& account : std::as_const(accounts)) {
        SyncJob::Options accountOptions = options;
        if (options.dryRun)
            accountOptions.planSink = [&writer](const SyncReport::PlanEntry& entry) { writer.entry(entry); };
        writer.beginAccount();
        const SyncReport report = syncAccount(**session, client, account, accountOptions, timeScale);
        allOk = allOk && report.ok();
        // Said on stderr as well, so a cron job's mail tells why the account was skipped.
        if (report.ranElsewhere() && report.fatal)
            printError(*report.fatal);
        writer.endAccount(report, summaryLine(report));
    }
    writer.finish();
    return allOk ? Ok : Failed;
}

} // namespace roster::cli
