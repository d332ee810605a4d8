#include "FaultPlan.h"
#include "LemlistEmulator.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

// `roster account` and `roster sync` as scripts use them, against a lemlist emulator in this process.
class TestSyncCli final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void accountAddListRemove();
    void secretNeverStored();
    void secretFromEnvironmentVariable();
    void secretVariableByAccountId();
    void foldingNamesRefused();
    void userInfoInUrlRefused_data();
    void userInfoInUrlRefused();
    void terminalKeyNotEchoed();
    void updateAsksKeyForNewHost();
    void longRateLimitEndsRun();
    void syncJsonContract();
    void missingSecretReported();
    void conflictsResolveAndDryRun();
    void untrustworthyListFailsTheRun_data();
    void untrustworthyListFailsTheRun();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out, err;
        QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    };
    // Runs roster without blocking this thread's event loop, which serves the emulator.
    Run roster(const QStringList& args, const QByteArray& input = {}, const QStringList& env = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
    std::unique_ptr<roster::emulator::LemlistEmulator> m_emulator;
};

namespace {
const QByteArray kKey = "lem-SECRET-key-98765";
}

void TestSyncCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath("roster.sqlite");
    m_emulator = std::make_unique<roster::emulator::LemlistEmulator>();
    m_emulator->setApiKey(kKey);
    m_emulator->setRateScale(0.05);
    QVERIFY(m_emulator->start() != 0);
}

TestSyncCli::Run TestSyncCli::roster(const QStringList& args, const QByteArray& input, const QStringList& env)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("ROSTER_NO_KEYCHAIN", "1"); // never touch the user's keychain from a test
    environment.insert("ROSTER_SYNC_TIME_SCALE", "0.05");
    for (const QString& pair : env)
        environment.insert(pair.section('=', 0, 0), pair.section('=', 1));
    process.setProcessEnvironment(environment);
    QStringList argv = args;
    argv.insert(args.first() == "account" ? 2 : 1, "--db");
    argv.insert(args.first() == "account" ? 3 : 2, m_db);
    QEventLoop loop;
    connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    process.start(ROSTER_EXECUTABLE, argv);
    process.write(input);
    process.closeWriteChannel();
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestSyncCli::accountAddListRemove()
{
    const QString url = m_emulator->baseUrl().toString();
    Run add = roster({"account", "add", "--provider", "lemlist", "--name", "Sales EU", "--base-url", url}, kKey + "\n");
    QCOMPARE(add.exitCode, 0);
    Run hl = roster({"account", "add", "--provider", "highlevel", "--name", "hl"}, "");
    QCOMPARE(hl.exitCode, 2); // location_id is required
    Run hl2 = roster({"account", "add", "--provider", "highlevel", "--name", "hl", "--option", "location_id=loc1"}, "");
    QCOMPARE(hl2.exitCode, 0);
    QCOMPARE(roster({"account", "add", "--provider", "lemlist", "--name", "p", "--conflict-policy", "mine"}).exitCode,
             2);
    Run dup = roster({"account", "add", "--provider", "lemlist", "--name", "Sales EU"}, "");
    QCOMPARE(dup.exitCode, 1);
    Run insecure
        = roster({"account", "add", "--provider", "lemlist", "--name", "x", "--base-url", "http://example.com/api"});
    QVERIFY(insecure.exitCode != 0);

    Run list = roster({"account", "list", "--json"});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray accounts = list.json().value("accounts").toArray();
    QCOMPARE(accounts.size(), 2);
    const QJsonObject hlJson = accounts.at(0).toObject();
    QCOMPARE(hlJson.value("name").toString(), "Sales EU" < QString("hl") ? "Sales EU" : "hl");
    const QJsonObject lem
        = accounts.at(0).toObject().value("name") == "Sales EU" ? accounts.at(0).toObject() : accounts.at(1).toObject();
    QCOMPARE(lem.value("provider").toString(), "lemlist");
    QCOMPARE(lem.value("base_url").toString(), url);
    QVERIFY2(
        QRegularExpression("^ROSTER_SECRET_[0-9A-F]{12}_[0-9]+$").match(lem.value("secret_env").toString()).hasMatch(),
        qPrintable(lem.value("secret_env").toString()));
    QCOMPARE(lem.value("secret_env_by_name").toString(), "ROSTER_SECRET_SALES_EU");
    const QJsonObject hlAccount
        = accounts.at(0).toObject().value("name") == "hl" ? accounts.at(0).toObject() : accounts.at(1).toObject();
    QCOMPARE(hlAccount.value("base_url").toString(), "https://services.leadconnectorhq.com");
    QCOMPARE(hlAccount.value("options").toObject().value("location_id").toString(), "loc1");

    QCOMPARE(roster({"account", "remove", "--name", "hl"}).exitCode, 0);
    QCOMPARE(roster({"account", "list", "--json"}).json().value("accounts").toArray().size(), 1);
    QCOMPARE(roster({"account", "remove", "--name", "hl"}).exitCode, 1);
}

void TestSyncCli::secretNeverStored()
{
    Run add = roster(
        {"account", "add", "--provider", "lemlist", "--name", "lem", "--base-url", m_emulator->baseUrl().toString()},
        kKey + "\n");
    QCOMPARE(add.exitCode, 0);
    QVERIFY(!add.out.contains(kKey) && !add.err.contains(kKey));
    // No keychain here: the command says where the key must come from instead.
    QVERIFY(add.err.contains("ROSTER_SECRET_LEM"));
    roster({"upsert", "email=a@example.com"});
    Run sync = roster({"sync", "--json"}, {}, {"ROSTER_SECRET_LEM=" + QString::fromLatin1(kKey)});
    QCOMPARE(sync.exitCode, 0);
    QVERIFY(!sync.out.contains(kKey) && !sync.err.contains(kKey));
    Run wrong = roster({"sync", "--json"}, {}, {"ROSTER_SECRET_LEM=wrong-SECRET-777"});
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY(!wrong.out.contains("wrong-SECRET-777") && !wrong.err.contains("wrong-SECRET-777"));
    for (const QString& name : QDir(m_dir->path()).entryList(QDir::Files)) {
        QFile file(m_dir->filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(kKey) && !bytes.contains("wrong-SECRET-777"), qPrintable(name));
    }
}

void TestSyncCli::secretFromEnvironmentVariable()
{
    Run missing = roster({"account", "add", "--provider", "lemlist", "--name", "lem", "--secret-env", "NOPE_NOT_SET"});
    QCOMPARE(missing.exitCode, 2);
    Run add = roster({"account", "add", "--provider", "lemlist", "--name", "lem", "--base-url",
                      m_emulator->baseUrl().toString(), "--secret-env", "MY_KEY"},
                     {}, {"MY_KEY=" + QString::fromLatin1(kKey)});
    QCOMPARE(add.exitCode, 0);
    QVERIFY(!add.out.contains(kKey) && !add.err.contains(kKey));
}

void TestSyncCli::syncJsonContract()
{
    QCOMPARE(roster({"account", "add", "--provider", "lemlist", "--name", "lem", "--base-url",
                     m_emulator->baseUrl().toString()})
                 .exitCode,
             0);
    for (int i = 0; i < 30; ++i)
        QCOMPARE(roster({"upsert", QString("email=c%1@example.com").arg(i), "first_name=C"}).exitCode, 0);
    const QStringList env {"ROSTER_SECRET_LEM=" + QString::fromLatin1(kKey)};
    Run sync = roster({"sync", "--json", "--push-only"}, {}, env);
    QCOMPARE(sync.exitCode, 0);
    const QJsonArray accounts = sync.json().value("accounts").toArray();
    QCOMPARE(accounts.size(), 1);
    const QJsonObject a = accounts.first().toObject();
    for (const char* key :
         {"account", "provider", "pushed", "pulled", "skipped", "errors", "requests", "retries", "rate_limited"})
        QVERIFY2(a.contains(key), key);
    for (const char* key : {"created", "updated", "unchanged", "failed"}) {
        QVERIFY2(a.value("pushed").toObject().contains(key), key);
        QVERIFY2(a.value("pulled").toObject().contains(key), key);
    }
    QCOMPARE(a.value("account").toString(), "lem");
    QCOMPARE(a.value("provider").toString(), "lemlist");
    QCOMPARE(a.value("pushed").toObject().value("created").toInt(), 30);
    // Under load a scaled 100 ms window can see a 429; what is not a retry is one request per contact.
    QCOMPARE(a.value("requests").toInt() - a.value("retries").toInt(), 30);
    QCOMPARE(m_emulator->recordCount(), 30);

    Run again = roster({"sync", "--json", "--push-only"}, {}, env);
    QCOMPARE(again.json().value("accounts").toArray().first().toObject().value("requests").toInt(), 0);

    Run full = roster({"sync", "--json", "--account", "lem"}, {}, env);
    QCOMPARE(full.exitCode, 0);
    const QJsonObject pulled = full.json().value("accounts").toArray().first().toObject().value("pulled").toObject();
    QCOMPARE(pulled.value("created").toInt() + pulled.value("updated").toInt() + pulled.value("unchanged").toInt(), 30);

    // Changes to 7 of 30 linked records (more than 20%) are held back: each listed with the code's stable
    // name, the same string scripts read before codes were an enum.
    for (int i = 0; i < 7; ++i)
        QCOMPARE(roster({"upsert", QString("email=c%1@example.com").arg(i), "first_name=D"}).exitCode, 0);
    const QJsonObject held
        = roster({"sync", "--json", "--push-only"}, {}, env).json().value("accounts").toArray().first().toObject();
    QCOMPARE(held.value("state").toString(), "waiting for confirmation");
    const QJsonArray skipped = held.value("skipped_records").toArray();
    QCOMPARE(skipped.size(), 7);
    for (const QJsonValue& record : skipped)
        QCOMPARE(record.toObject().value("code").toString(), "NeedsConfirmation");

    QCOMPARE(roster({"sync", "--push-only", "--pull-only"}).exitCode, 2);
    QCOMPARE(roster({"sync", "--account", "nope"}).exitCode, 1);
}

void TestSyncCli::secretVariableByAccountId()
{
    QCOMPARE(roster({"account", "add", "--provider", "lemlist", "--name", "lem", "--base-url",
                     m_emulator->baseUrl().toString()})
                 .exitCode,
             0);
    const QString variable = roster({"account", "list", "--json"})
                                 .json()["accounts"]
                                 .toArray()
                                 .first()
                                 .toObject()["secret_env"]
                                 .toString();
    QVERIFY(variable.startsWith("ROSTER_SECRET_") && variable != "ROSTER_SECRET_LEM");
    roster({"upsert", "email=a@example.com"});
    Run sync = roster({"sync", "--json"}, {}, {variable + "=" + QString::fromLatin1(kKey)});
    QCOMPARE(sync.exitCode, 0);
    // The account's own variable wins over the name-based one.
    Run both = roster({"sync", "--json"}, {},
                      {variable + "=" + QString::fromLatin1(kKey), "ROSTER_SECRET_LEM=wrong-SECRET-777"});
    QCOMPARE(both.exitCode, 0);
    // A second database has its own id: its same-named account reads another variable.
    const QString firstDb = m_db;
    m_db = m_dir->filePath("other.sqlite");
    QCOMPARE(roster({"account", "add", "--provider", "lemlist", "--name", "lem"}).exitCode, 0);
    const QString otherVariable = roster({"account", "list", "--json"})
                                      .json()["accounts"]
                                      .toArray()
                                      .first()
                                      .toObject()["secret_env"]
                                      .toString();
    m_db = firstDb;
    QVERIFY(otherVariable.startsWith("ROSTER_SECRET_"));
    QVERIFY(otherVariable != variable);
}

void TestSyncCli::foldingNamesRefused()
{
    // Both names fold to ROSTER_SECRET_CRM_PROD: the second is refused, naming the first.
    QCOMPARE(roster({"account", "add", "--provider", "lemlist", "--name", "crm-prod", "--base-url",
                     m_emulator->baseUrl().toString()})
                 .exitCode,
             0);
    Run clash = roster({"account", "add", "--provider", "monaco", "--name", "CRM Prod"});
    QCOMPARE(clash.exitCode, 1);
    QVERIFY2(clash.err.contains("'crm-prod'"), clash.err.constData());
    QCOMPARE(roster({"account", "list", "--json"}).json()["accounts"].toArray().size(), 1);
}

void TestSyncCli::userInfoInUrlRefused_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("key as password") << "https://:KEYzz9Q@api.example.com/api";
    QTest::newRow("user and key") << "https://bob:KEYzz9Q@api.example.com/api";
    QTest::newRow("key as user") << "https://KEYzz9Q@api.example.com/api";
}

void TestSyncCli::userInfoInUrlRefused()
{
    QFETCH(QString, url);
    Run add = roster({"account", "add", "--provider", "lemlist", "--name", "lem", "--base-url", url});
    QCOMPARE(add.exitCode, 1);
    QVERIFY(!add.out.contains("KEYzz9Q") && !add.err.contains("KEYzz9Q"));
    QVERIFY2(add.err.contains("user name or key"), add.err.constData());
    QVERIFY(roster({"account", "list", "--json"}).json()["accounts"].toArray().isEmpty());
}

void TestSyncCli::terminalKeyNotEchoed()
{
    // A terminal for `account add`, by util-linux script(1): what it prints is what the user would see.
    const QString script = QStandardPaths::findExecutable("script");
    if (script.isEmpty())
        QSKIP("script(1) is not installed");
    // A root without /dev/pts (a chroot binding only /dev) has no terminal to give.
    QProcess probe;
    probe.start(script, {"-q", "-e", "-c", "true", "/dev/null"});
    if (!probe.waitForFinished(10000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
        QSKIP("no pseudo-terminal can be opened here");
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("ROSTER_NO_KEYCHAIN", "1");
    process.setProcessEnvironment(environment);
    const QString command = QStringList {ROSTER_EXECUTABLE,
                                         "account",
                                         "add",
                                         "--db",
                                         m_db,
                                         "--provider",
                                         "lemlist",
                                         "--name",
                                         "tty",
                                         "--base-url",
                                         m_emulator->baseUrl().toString()}
                                .join(' ');
    process.start(script, {"-q", "-e", "-c", command, "/dev/null"});
    QVERIFY(process.waitForStarted());
    QByteArray seen;
    QElapsedTimer clock;
    clock.start();
    // Typed only once asked: a terminal echoes what arrives before echo is off, whoever reads it.
    while (!seen.contains("API key for 'tty'") && clock.elapsed() < 20000) {
        process.waitForReadyRead(200);
        seen += process.readAllStandardOutput();
    }
    QVERIFY2(seen.contains("API key for 'tty'"), seen.constData());
    process.write(kKey + "\n");
    while (process.state() != QProcess::NotRunning && clock.elapsed() < 30000) {
        process.waitForReadyRead(200);
        seen += process.readAllStandardOutput();
    }
    seen += process.readAllStandardOutput();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        QFAIL(seen.constData());
    }
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(!seen.contains(kKey), seen.constData());
    QVERIFY2(seen.contains("Added lemlist account 'tty'"), seen.constData());
    // A key was read (without a keychain here it cannot be kept, and the command says so).
    QVERIFY2(seen.contains("the API key was not stored"), seen.constData());
}

void TestSyncCli::updateAsksKeyForNewHost()
{
    const QString url = m_emulator->baseUrl().toString();
    QCOMPARE(roster({"account", "add", "--provider", "lemlist", "--name", "lem", "--base-url", url}).exitCode, 0);
    auto listedUrl = [this] {
        return roster({"account", "list", "--json"})
            .json()["accounts"]
            .toArray()
            .first()
            .toObject()["base_url"]
            .toString();
    };
    // Another host without a key: refused, nothing changed.
    Run bare = roster({"account", "update", "--name", "lem", "--base-url", "https://crm.example.net/api"});
    QCOMPARE(bare.exitCode, 2);
    QVERIFY2(bare.err.contains("API key for the new server"), bare.err.constData());
    QCOMPARE(listedUrl(), url);
    // Another path on the same host keeps the key.
    QUrl samePlace(url);
    samePlace.setPath("/api/v2");
    QCOMPARE(roster({"account", "update", "--name", "lem", "--base-url", samePlace.toString()}).exitCode, 0);
    QCOMPARE(listedUrl(), samePlace.toString());
    // With a key for it, the change goes (no keychain here: the key then comes from the account's variable).
    Run keyed
        = roster({"account", "update", "--name", "lem", "--base-url", "https://crm.example.net/api"}, "net-key-4242\n");
    QCOMPARE(keyed.exitCode, 0);
    QVERIFY(!keyed.out.contains("net-key-4242") && !keyed.err.contains("net-key-4242"));
    QVERIFY2(keyed.err.contains("ROSTER_SECRET_"), keyed.err.constData());
    QCOMPARE(listedUrl(), "https://crm.example.net/api");
    Run userInfo = roster({"account", "update", "--name", "lem", "--base-url", "https://:KEYzz9Q@crm.example.net/api"},
                          "net-key-4242\n");
    QCOMPARE(userInfo.exitCode, 1);
    QVERIFY(!userInfo.err.contains("KEYzz9Q"));
}

void TestSyncCli::longRateLimitEndsRun()
{
    // Retry-After: 3000 ends the run at once and says until when, instead of sitting silent for 50 minutes.
    QCOMPARE(roster({"account", "add", "--provider", "lemlist", "--name", "lem", "--base-url",
                     m_emulator->baseUrl().toString()})
                 .exitCode,
             0);
    roster({"upsert", "email=r@example.com"});
    m_emulator->faults().failNext(roster::emulator::FaultPlan::Kind::LongRetryAfter, 1);
    const QStringList env {"ROSTER_SECRET_LEM=" + QString::fromLatin1(kKey)};
    Run plain = roster({"sync", "--push-only"}, {}, env);
    QCOMPARE(plain.exitCode, 1);
    static const QRegularExpression until(
        "stopped: rate-limited by lemlist until (\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d");
    QVERIFY2(until.match(QString::fromUtf8(plain.out + plain.err)).hasMatch(),
             QByteArray(plain.out + plain.err).constData());
    m_emulator->faults().failNext(roster::emulator::FaultPlan::Kind::LongRetryAfter, 1);
    Run json = roster({"sync", "--push-only", "--json"}, {}, env);
    QCOMPARE(json.exitCode, 1);
    const QJsonObject a = json.json().value("accounts").toArray().first().toObject();
    QCOMPARE(a.value("error").toObject().value("code").toString(), "RateLimited");
    QCOMPARE(a.value("state").toString(), "failed");
}

void TestSyncCli::missingSecretReported()
{
    QCOMPARE(roster({"account", "add", "--provider", "lemlist", "--name", "lem", "--base-url",
                     m_emulator->baseUrl().toString()})
                 .exitCode,
             0);
    Run sync = roster({"sync", "--json"});
    QCOMPARE(sync.exitCode, 1);
    const QJsonObject a = sync.json().value("accounts").toArray().first().toObject();
    QCOMPARE(a.value("error").toObject().value("code").toString(), "SecretUnavailable");
    QVERIFY(a.value("error").toObject().value("message").toString().contains("ROSTER_SECRET_LEM"));
}

void TestSyncCli::conflictsResolveAndDryRun()
{
    QCOMPARE(roster({"account", "add", "--provider", "lemlist", "--name", "lem", "--base-url",
                     m_emulator->baseUrl().toString()})
                 .exitCode,
             0);
    const QStringList env {"ROSTER_SECRET_LEM=" + QString::fromLatin1(kKey)};
    QCOMPARE(roster({"upsert", "email=k@example.com", "first_name=Orig"}).exitCode, 0);
    QCOMPARE(roster({"sync", "--json"}, {}, env).exitCode, 0);
    QCOMPARE(roster({"upsert", "email=k@example.com", "first_name=Here"}).exitCode, 0);
    QVERIFY(!m_emulator->seedContact({{"email", "k@example.com"}, {"firstName", "There"}}).isEmpty());

    // A dry run shows the conflict in its plan and changes nothing.
    Run dry = roster({"sync", "--json", "--dry-run"}, {}, env);
    QCOMPARE(dry.exitCode, 0);
    const QJsonObject planned = dry.json().value("accounts").toArray().first().toObject();
    QVERIFY(planned.value("dry_run").toBool());
    QCOMPARE(planned.value("conflicts").toInt(), 1);
    QCOMPARE(planned.value("plan").toArray().first().toObject().value("action").toString(), "conflict");
    QCOMPARE(roster({"conflicts", "--json"}).json().value("conflicts").toArray().size(), 0);

    Run sync = roster({"sync", "--json"}, {}, env);
    QCOMPARE(sync.exitCode, 0);
    QCOMPARE(sync.json().value("accounts").toArray().first().toObject().value("conflicts").toInt(), 1);
    Run list = roster({"conflicts", "--json"});
    QCOMPARE(list.exitCode, 0);
    const QJsonArray conflicts = list.json().value("conflicts").toArray();
    QCOMPARE(conflicts.size(), 1);
    const QJsonObject c = conflicts.first().toObject();
    QCOMPARE(c.value("field").toString(), "first_name");
    QCOMPARE(c.value("base").toString(), "Orig");
    QCOMPARE(c.value("local").toString(), "Here");
    QCOMPARE(c.value("remote").toString(), "There");
    QVERIFY(c.value("contact_id").toInteger() > 0);
    Run text = roster({"conflicts"});
    QVERIFY2(text.out.contains("first_name") && text.out.contains("There"), text.out.constData());

    const QString id = QString::number(c.value("id").toInteger());
    QCOMPARE(roster({"resolve", "--conflict", id, "--keep", "both"}).exitCode, 2);
    QCOMPARE(roster({"resolve", "--conflict", "999", "--keep", "local"}).exitCode, 1);
    QCOMPARE(roster({"resolve", "--conflict", id, "--keep", "local"}).exitCode, 0);
    QCOMPARE(roster({"resolve", "--conflict", id, "--keep", "remote"}).exitCode, 1); // settled already
    QCOMPARE(roster({"sync", "--json"}, {}, env).exitCode, 0);
    QVERIFY(QJsonDocument(m_emulator->recordsJson()).toJson().contains("\"Here\""));
    QCOMPARE(roster({"conflicts", "--json"}).json().value("conflicts").toArray().size(), 0);

    // Deleted on the CRM: listed, and settled by the user only.
    const QString remoteId = m_emulator->recordsJson().first().toObject().value("_id").toString();
    QVERIFY(m_emulator->removeRecord(remoteId));
    QCOMPARE(roster({"sync", "--json"}, {}, env)
                 .json()
                 .value("accounts")
                 .toArray()
                 .first()
                 .toObject()
                 .value("remote_deletions")
                 .toInt(),
             1);
    const QJsonArray deletions = roster({"conflicts", "--json"}).json().value("deletions").toArray();
    QCOMPARE(deletions.size(), 1);
    QCOMPARE(deletions.first().toObject().value("remote_id").toString(), remoteId);
    const QString deletion = QString::number(deletions.first().toObject().value("id").toInteger());
    QCOMPARE(roster({"resolve", "--deletion", deletion, "--conflict", id, "--keep", "local"}).exitCode, 2);
    QCOMPARE(roster({"resolve", "--deletion", deletion, "--keep", "local"}).exitCode, 0);
    QCOMPARE(roster({"sync", "--json"}, {}, env).exitCode, 0);
    QCOMPARE(m_emulator->recordCount(), 1); // sent again

    // A dry run's plan is written as it is made; with two accounts the output is still one JSON document.
    QCOMPARE(roster({"account", "add", "--provider", "lemlist", "--name", "lem2", "--base-url",
                     m_emulator->baseUrl().toString()})
                 .exitCode,
             0);
    const QStringList bothKeys = env + QStringList {"ROSTER_SECRET_LEM2=" + QString::fromLatin1(kKey)};
    QCOMPARE(roster({"upsert", "email=second@example.com", "first_name=Second"}).exitCode, 0);
    Run both = roster({"sync", "--json", "--dry-run", "--push-only"}, {}, bothKeys);
    QCOMPARE(both.exitCode, 0);
    const QJsonArray accounts = both.json().value("accounts").toArray();
    QCOMPARE(accounts.size(), 2);
    QCOMPARE(accounts.at(0).toObject().value("account").toString(), "lem");
    QCOMPARE(accounts.at(0).toObject().value("plan").toArray().size(), 1); // the new contact
    QCOMPARE(accounts.at(1).toObject().value("plan").toArray().size(), 2); // a new account: both contacts
    QVERIFY(accounts.at(1).toObject().value("dry_run").toBool());
    Run plainText = roster({"sync", "--dry-run", "--push-only", "--account", "lem"}, {}, env);
    QVERIFY2(plainText.out.contains("second@example.com") || plainText.out.contains("Second"),
             plainText.out.constData());
}

void TestSyncCli::untrustworthyListFailsTheRun_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("code"); // the run's error code; any when empty
    QTest::addColumn<int>("maxLimit"); // the server's cap on `limit`, below what Roster asks: pages of 2
    QTest::newRow("error body") << "errorBody" << QString() << 100;
    QTest::newRow("ignored paging") << "ignorePaging"
                                    << "IncompleteScan" << 2;
    QTest::newRow("more forever") << "moreForever"
                                  << "IncompleteScan" << 2;
}

// Issue 13 from the command line: a list the CRM answers with an error body, or that provably did not
// reach its end, fails the run (exit 1, the code in --json) and takes nothing for deleted on the CRM.
void TestSyncCli::untrustworthyListFailsTheRun()
{
    QFETCH(QString, fault);
    QFETCH(QString, code);
    QFETCH(int, maxLimit);
    QCOMPARE(roster({"account", "add", "--provider", "lemlist", "--name", "lem", "--base-url",
                     m_emulator->baseUrl().toString()})
                 .exitCode,
             0);
    const QStringList env {"ROSTER_SECRET_LEM=" + QString::fromLatin1(kKey)};
    for (int i = 0; i < 5; ++i)
        QVERIFY(!m_emulator->seedContact({{"email", QString("p%1@example.com").arg(i)}, {"firstName", "P"}}).isEmpty());
    m_emulator->setListMaxLimit(maxLimit);
    Run first = roster({"sync", "--json", "--full-scan"}, {}, env);
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(
        first.json().value("accounts").toArray().first().toObject().value("pulled").toObject().value("created").toInt(),
        5);

    QVERIFY(m_emulator->faults().applyJson({{fault, true}}).isEmpty());
    Run sync = roster({"sync", "--json", "--full-scan"}, {}, env);
    QCOMPARE(sync.exitCode, 1);
    const QJsonObject a = sync.json().value("accounts").toArray().first().toObject();
    QCOMPARE(a.value("state").toString(), "failed");
    if (!code.isEmpty())
        QCOMPARE(a.value("error").toObject().value("code").toString(), code);
    QCOMPARE(a.value("remote_deletions").toInt(), 0);
    QVERIFY2(a.value("requests").toInt() < 20, sync.out.constData());
    QVERIFY(!sync.out.contains("deleted on the CRM"));
}

QTEST_GUILESS_MAIN(TestSyncCli)
#include "tst_synccli.moc"
