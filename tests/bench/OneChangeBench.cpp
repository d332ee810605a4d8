#include "OneChangeBench.h"

#include "EmulatorFactory.h"
#include "store/AccountStore.h"
#include "store/Database.h"
#include "store/StoreSession.h"
#include "store/UpsertPolicies.h"
#include "sync/Provider.h"
#include "sync/SyncFingerprint.h"
#include "sync/SyncSetup.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <vector>

using namespace roster;

namespace {

constexpr char kKey[] = "bench-key-0123456789";

struct ChildRun
{
    int exitCode = -1;
    double seconds = 0;
    qint64 peakKiB = 0;
    QJsonObject report; // the account's part of --json
    qsizetype planLines = 0;
    QString errors;
};

// Runs `roster` under GNU time for its peak RSS, with the event loop turning so the in-process emulator answers.
ChildRun runRoster(const QString& db, QStringList args)
{
    args.insert(args.first() == QLatin1String("account") ? 2 : 1, QStringLiteral("--db"));
    args.insert(args.first() == QLatin1String("account") ? 3 : 2, db);
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ROSTER_NO_KEYCHAIN"), QStringLiteral("1"));
    env.insert(QStringLiteral("ROSTER_SYNC_TIME_SCALE"), QStringLiteral("0.01"));
    env.insert(QStringLiteral("ROSTER_SECRET_BENCH"), QString::fromLatin1(kKey));
    env.insert(QStringLiteral("ROSTER_SECRET_FRESH"), QString::fromLatin1(kKey));
    process.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    process.start(
        QStringLiteral("/usr/bin/time"),
        QStringList {QStringLiteral("-f"), QStringLiteral("ROSTER_PEAK_KIB %M"), QStringLiteral(ROSTER_EXECUTABLE)}
            + args);
    process.closeWriteChannel();
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    ChildRun run;
    run.seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    run.exitCode = process.exitCode();
    const QString err = QString::fromUtf8(process.readAllStandardError());
    const qsizetype at = err.lastIndexOf(QLatin1String("ROSTER_PEAK_KIB "));
    if (at >= 0)
        run.peakKiB = err.mid(at + 16).trimmed().toLongLong();
    run.errors = err.left(at).trimmed() + QLatin1Char('\n');
    const QByteArray out = process.readAllStandardOutput();
    if (run.exitCode != 0)
        run.errors += QString::fromUtf8(out.left(2000));
    const QJsonArray accounts = QJsonDocument::fromJson(out).object()[u"accounts"].toArray();
    if (!accounts.isEmpty()) {
        run.report = accounts.first().toObject();
        run.planLines = run.report[u"plan"].toArray().size();
        run.report.remove(QStringLiteral("plan"));
    }
    return run;
}

QString email(int i)
{
    return QStringLiteral("p%1@bench.example").arg(i);
}

bool addContacts(StoreSession& session, int count)
{
    constexpr int kBatch = 20000;
    for (int from = 0; from < count; from += kBatch) {
        std::vector<ContactPatch> patches;
        for (int i = from; i < std::min(count, from + kBatch); ++i) {
            ContactPatch p;
            p.set(Field::FirstName, QStringLiteral("First%1").arg(i));
            p.set(Field::LastName, QStringLiteral("Last%1").arg(i));
            p.set(Field::Email, email(i));
            p.set(Field::JobTitle, QStringLiteral("Buyer"));
            p.set(Field::CompanyDomain, QStringLiteral("bench.example"));
            patches.push_back(std::move(p));
        }
        auto op = session.engine().beginOperation({QStringLiteral("manual"), QStringLiteral("bench")});
        if (!op || !session.engine().upsertBatch(patches, UpsertPolicies::local(), *op))
            return false;
    }
    return true;
}

// Links every contact as a push would have left it: the hash of what lemlist was sent. One record (the contact
// the bench edits) exists on the emulator, so its update by id finds it; the others are never asked for.
bool linkAll(StoreSession& session, const AccountRecord& account, emulator::EmulatorServer& lemlist, int edited)
{
    auto provider = SyncSetup::provider(account);
    if (!provider)
        return false;
    Database& db = session.database();
    if (!db.begin())
        return false;
    SqlStatement insert(
        db,
        "INSERT INTO remote_links (contact_id, account_id, remote_id, synced_hash, snapshot, synced_at) "
        "VALUES (?, ?, ?, ?, ?, '2026-12-01T00:00:00.000Z')");
    bool ok = true;
    auto visited = session.contacts().forEach([&](const Contact& contact) {
        QString remoteId = QStringLiteral("ctc_bench%1").arg(contact.id);
        QString snapshot;
        if (contact.value(Field::Email) == email(edited)) {
            remoteId = lemlist.seedContact((*provider)->upsertRequest(contact)->jsonBody());
            snapshot = SyncFingerprint::snapshot(contact);
        }
        insert.bind(1, contact.id);
        insert.bind(2, account.id);
        insert.bind(3, remoteId);
        insert.bind(4, SyncFingerprint::hash(**provider, contact));
        insert.bind(5, snapshot.isEmpty() ? QString() : snapshot);
        ok = ok && insert.exec().has_value();
        return ok;
    });
    if (!visited || !ok) {
        db.rollback();
        return false;
    }
    return db.commit().has_value();
}

} // namespace

int runOneChangeBench(int count)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    auto lemlist = emulator::EmulatorFactory::create(QStringLiteral("lemlist"));
    lemlist->setApiKey(kKey);
    lemlist->setRateScale(0.01);
    lemlist->start();
    QElapsedTimer setup;
    setup.start();
    {
        auto session = StoreSession::open(path);
        if (!session || !addContacts(**session, count))
            return 1;
    }
    if (runRoster(path,
                  {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--provider"),
                   QStringLiteral("lemlist"), QStringLiteral("--name"), QStringLiteral("bench"),
                   QStringLiteral("--base-url"), lemlist->baseUrl().toString(), QStringLiteral("--secret-env"),
                   QStringLiteral("ROSTER_SECRET_BENCH")})
            .exitCode
        != 0)
        return 1;
    const int edited = count / 2;
    {
        auto session = StoreSession::open(path);
        if (!session)
            return 1;
        const auto accounts = AccountStore((*session)->database()).list();
        if (!accounts || accounts->isEmpty() || !linkAll(**session, accounts->first(), *lemlist, edited))
            return 1;
    }
    // A file from before the outbox (or a new account): the first push compares every contact once.
    const ChildRun settle
        = runRoster(path, {QStringLiteral("sync"), QStringLiteral("--push-only"), QStringLiteral("--json")});
    {
        auto session = StoreSession::open(path);
        ContactPatch edit;
        edit.set(Field::Email, email(edited));
        edit.set(Field::JobTitle, QStringLiteral("Head of Buying"));
        if (!session || !(*session)->engine().upsert(edit, UpsertPolicies::local(), {QStringLiteral("manual"), {}}))
            return 1;
    }
    const ChildRun one
        = runRoster(path, {QStringLiteral("sync"), QStringLiteral("--push-only"), QStringLiteral("--json")});
    const ChildRun none
        = runRoster(path, {QStringLiteral("sync"), QStringLiteral("--push-only"), QStringLiteral("--json")});
    // A dry run of a second account on the same CRM, with nothing linked yet: every contact is a create, and
    // the plan lists each with its fields.
    if (runRoster(path,
                  {QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("--provider"),
                   QStringLiteral("lemlist"), QStringLiteral("--name"), QStringLiteral("fresh"),
                   QStringLiteral("--base-url"), lemlist->baseUrl().toString(), QStringLiteral("--secret-env"),
                   QStringLiteral("ROSTER_SECRET_BENCH")})
            .exitCode
        != 0)
        return 1;
    const ChildRun dry = runRoster(path,
                                   {QStringLiteral("sync"), QStringLiteral("--push-only"), QStringLiteral("--dry-run"),
                                    QStringLiteral("--json"), QStringLiteral("--account"), QStringLiteral("fresh")});
    const auto line = [](const char* what, const ChildRun& run) -> QString {
        const QJsonObject pushed = run.report[u"pushed"].toObject();
        return QStringLiteral("  %1: %2 s, peak RSS %3 MiB, %4 requests, updated %5, unchanged %6, exit %7\n")
                   .arg(QString::fromLatin1(what))
                   .arg(run.seconds, 0, 'f', 2)
                   .arg(static_cast<double>(run.peakKiB) / 1024.0, 0, 'f', 1)
                   .arg(run.report[u"requests"].toInt())
                   .arg(pushed[u"updated"].toInt())
                   .arg(pushed[u"unchanged"].toInt())
                   .arg(run.exitCode)
            + (run.exitCode == 0 ? QString() : QStringLiteral("    %1\n").arg(run.errors));
    };
    QTextStream(stdout) << QStringLiteral("%1 linked contacts (set up in %2 s):\n")
                               .arg(count)
                               .arg(static_cast<double>(setup.elapsed()) / 1000.0, 0, 'f', 1)
                        << line("first push, every contact compared once", settle)
                        << line("push with one contact edited", one) << line("push with nothing edited", none)
                        << line("dry run of a new account (every contact a create)", dry)
                        << QStringLiteral("    its plan: %1 lines\n").arg(dry.planLines);
    const bool ok = settle.exitCode == 0 && one.exitCode == 0 && none.exitCode == 0
        && one.report[u"pushed"].toObject()[u"updated"].toInt() == 1;
    return ok ? 0 : 1;
}
