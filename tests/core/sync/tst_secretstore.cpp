#include "store/AccountStore.h"
#include "store/DatabaseIdentity.h"
#include "store/StoreSession.h"
#include "sync/AccountSecrets.h"
#include "sync/SecretStore.h"

#include <QDateTime>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace roster;

// The API key of an account, through the keychain (a Secret Service: gnome-keyring on a D-Bus session bus)
// and through the environment. The keychain half runs only under a session bus (scripts/test.sh wraps
// ctest in dbus-run-session); it runs its own gnome-keyring-daemon, unlocked with an empty password,
// with its keyring files in a temporary directory, so it never touches a developer's real keyring.
class TestSecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void environmentName_data();
    void environmentName();
    void environmentWithoutKeychain();
    void sessionKeyInMemoryOnly();
    void slotsKeyedByDatabaseAndAccount();
    void foldingNamesShareNoVariable();
    void keychainRoundTrip();
    void cleanupTestCase();

private:
    // A database in the temporary home with the accounts named, all lemlist.
    std::unique_ptr<StoreSession> database(const QString& file, const QStringList& accounts);
    // Every file under `root` whose bytes contain `needle`, but the keyring's (root/data/keyrings).
    static QStringList filesContaining(const QString& root, const QByteArray& needle);
    QString startKeyring();

    QTemporaryDir m_home;
    QProcess m_keyring;
};

void TestSecretStore::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Settings and keyring files of this run live in the temporary home, where they can be searched.
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toLocal8Bit());
    // Where gnome-keyring puts its control socket when there is no XDG_RUNTIME_DIR.
    qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toLocal8Bit());
    QCoreApplication::setOrganizationName(QStringLiteral("Roster"));
    QCoreApplication::setApplicationName(QStringLiteral("roster"));
}

void TestSecretStore::environmentName_data()
{
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("variable");
    QTest::newRow("plain") << "sales"
                           << "ROSTER_SECRET_SALES";
    QTest::newRow("digits kept") << "team2"
                                 << "ROSTER_SECRET_TEAM2";
    QTest::newRow("punctuation") << "my-crm.eu"
                                 << "ROSTER_SECRET_MY_CRM_EU";
    QTest::newRow("space") << "Main Account"
                           << "ROSTER_SECRET_MAIN_ACCOUNT";
    QTest::newRow("non-ascii") << "équipe"
                               << "ROSTER_SECRET__QUIPE";
}

void TestSecretStore::environmentName()
{
    QFETCH(QString, account);
    QFETCH(QString, variable);
    QCOMPARE(SecretStore::environmentName(account), variable);
}

std::unique_ptr<StoreSession> TestSecretStore::database(const QString& file, const QStringList& accounts)
{
    auto session = StoreSession::open(m_home.filePath(file));
    if (!session)
        return {};
    for (const QString& name : accounts) {
        AccountRecord account;
        account.name = name;
        account.provider = QStringLiteral("lemlist");
        account.baseUrl = QUrl(QStringLiteral("https://api.lemlist.com/api"));
        if (!AccountStore((*session)->database()).add(account))
            return {};
    }
    return std::move(*session);
}

void TestSecretStore::environmentWithoutKeychain()
{
    qputenv("ROSTER_NO_KEYCHAIN", "1");
    QVERIFY(!SecretStore::keychainAvailable());
    auto session = database(QStringLiteral("env.sqlite"), {QStringLiteral("ci-lemlist.1")});
    QVERIFY(session);
    AccountSecrets secrets(session->database());
    const AccountRecord account = *AccountStore(session->database()).find(QStringLiteral("ci-lemlist.1"));
    const SecretSlot slot = *secrets.slot(account);
    QCOMPARE(slot.variable,
             QStringLiteral("ROSTER_SECRET_%1_%2").arg(*DatabaseIdentity::id(session->database())).arg(account.id));
    QCOMPARE(slot.legacyVariable, QStringLiteral("ROSTER_SECRET_CI_LEMLIST_1"));
    qunsetenv("ROSTER_SECRET_CI_LEMLIST_1");
    // Neither a variable nor a keychain: an error that names the variables to set, never a key.
    const Result<QString> missing = secrets.read(account);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::SecretUnavailable);
    QVERIFY2(missing.error().detail.contains(slot.variable), qPrintable(missing.error().detail));
    QVERIFY2(missing.error().detail.contains(QLatin1String("ROSTER_SECRET_CI_LEMLIST_1")),
             qPrintable(missing.error().detail));

    // The older, name-based variable still works where it is unambiguous; the account's own one wins.
    qputenv("ROSTER_SECRET_CI_LEMLIST_1", "env-key-4711");
    QCOMPARE(*secrets.read(account), QStringLiteral("env-key-4711"));
    qputenv(slot.variable.toLatin1().constData(), "id-key-0815");
    QCOMPARE(*secrets.read(account), QStringLiteral("id-key-0815"));
    // Without a keychain a write is refused and a remove is a no-op.
    QCOMPARE(secrets.write(account, QStringLiteral("other")).error().code, ErrorCode::SecretUnavailable);
    QVERIFY(secrets.remove(account));
    qunsetenv(slot.variable.toLatin1().constData());
    qunsetenv("ROSTER_SECRET_CI_LEMLIST_1");
    qunsetenv("ROSTER_NO_KEYCHAIN");
}

void TestSecretStore::sessionKeyInMemoryOnly()
{
    qputenv("ROSTER_NO_KEYCHAIN", "1");
    auto session = database(QStringLiteral("memory.sqlite"), {QStringLiteral("Memo"), QStringLiteral("Other")});
    QVERIFY(session);
    AccountSecrets secrets(session->database());
    const AccountRecord account = *AccountStore(session->database()).find(QStringLiteral("Memo"));
    const AccountRecord other = *AccountStore(session->database()).find(QStringLiteral("Other"));
    QVERIFY(!secrets.read(account));
    // Kept for the session: read back by this account only, in this process, until removed.
    const auto slot = secrets.keepForSession(account, QStringLiteral("memo-key-1234"));
    QVERIFY(slot);
    QVERIFY(SecretStore::hasSessionKey(*slot));
    QCOMPARE(*secrets.read(account), QStringLiteral("memo-key-1234"));
    QVERIFY(!secrets.read(other));
    // A variable still overrides it, as it overrides the keychain.
    qputenv(slot->variable.toLatin1().constData(), "env-wins-9");
    QCOMPARE(*secrets.read(account), QStringLiteral("env-wins-9"));
    qunsetenv(slot->variable.toLatin1().constData());
    QVERIFY(secrets.remove(account));
    QVERIFY(!secrets.read(account));
    QVERIFY(!SecretStore::hasSessionKey(*slot));
    // Nothing of it reached a file.
    QVERIFY(secrets.keepForSession(account, QStringLiteral("memo-key-5678")));
    QSettings().sync();
    QVERIFY2(filesContaining(m_home.path(), "memo-key-5678").isEmpty(),
             qPrintable(filesContaining(m_home.path(), "memo-key-5678").join(u' ')));
    SecretStore::forgetSessionKeys();
    QVERIFY(!secrets.read(account));
    qunsetenv("ROSTER_NO_KEYCHAIN");
}

void TestSecretStore::slotsKeyedByDatabaseAndAccount()
{
    // The same account name in two databases: neither entry nor variable is shared.
    auto first = database(QStringLiteral("first.sqlite"), {QStringLiteral("crm-prod")});
    auto second = database(QStringLiteral("second.sqlite"), {QStringLiteral("other"), QStringLiteral("crm-prod")});
    QVERIFY(first && second);
    const AccountRecord a = *AccountStore(first->database()).find(QStringLiteral("crm-prod"));
    const AccountRecord b = *AccountStore(second->database()).find(QStringLiteral("crm-prod"));
    const SecretSlot slotA = *AccountSecrets(first->database()).slot(a);
    const SecretSlot slotB = *AccountSecrets(second->database()).slot(b);
    QVERIFY(slotA.keychainKey != slotB.keychainKey);
    QVERIFY(slotA.variable != slotB.variable);
    QVERIFY(!slotA.keychainKey.contains(QLatin1String("crm-prod")));

    // The database's id is made once and kept: reopening (or a second process) reads the same one.
    const QString id = *DatabaseIdentity::id(first->database());
    QCOMPARE(id.size(), 12);
    first.reset();
    auto reopened = StoreSession::open(m_home.filePath(QStringLiteral("first.sqlite")));
    QVERIFY(reopened);
    QCOMPARE(*DatabaseIdentity::id((*reopened)->database()), id);
    QCOMPARE(AccountSecrets((*reopened)->database()).slot(a)->keychainKey, slotA.keychainKey);
    // An account not saved yet has no slot.
    QCOMPARE(AccountSecrets((*reopened)->database()).slot(AccountRecord {}).error().code, ErrorCode::InvalidArgument);
}

void TestSecretStore::foldingNamesShareNoVariable()
{
    // "crm-prod" and "CRM Prod" both fold to ROSTER_SECRET_CRM_PROD: a key set there could be meant for
    // either, so neither reads it (a database from before names were checked may hold both).
    qputenv("ROSTER_NO_KEYCHAIN", "1");
    auto session = database(QStringLiteral("fold.sqlite"), {QStringLiteral("crm-prod"), QStringLiteral("CRM Prod")});
    QVERIFY(session);
    AccountSecrets secrets(session->database());
    const AccountRecord lemlist = *AccountStore(session->database()).find(QStringLiteral("crm-prod"));
    const AccountRecord monaco = *AccountStore(session->database()).find(QStringLiteral("CRM Prod"));
    QVERIFY(!secrets.clashingName(QStringLiteral("Crm.Prod")).isEmpty());
    QCOMPARE(secrets.clashingName(QStringLiteral("crm-prod"), lemlist.id), QStringLiteral("CRM Prod"));
    QVERIFY(secrets.clashingName(QStringLiteral("crm-prod-2")).isEmpty());
    QVERIFY(secrets.slot(lemlist)->legacyVariable.isEmpty());
    QVERIFY(secrets.slot(monaco)->legacyVariable.isEmpty());
    qputenv("ROSTER_SECRET_CRM_PROD", "lemlist-key-1234");
    QCOMPARE(secrets.read(monaco).error().code, ErrorCode::SecretUnavailable);
    QVERIFY(!secrets.read(monaco).error().detail.contains(QLatin1String("lemlist-key-1234")));
    // Each still reads its own variable.
    qputenv(secrets.slot(monaco)->variable.toLatin1().constData(), "monaco-key-5678");
    QCOMPARE(*secrets.read(monaco), QStringLiteral("monaco-key-5678"));
    QCOMPARE(secrets.read(lemlist).error().code, ErrorCode::SecretUnavailable);
    qunsetenv(secrets.slot(monaco)->variable.toLatin1().constData());
    qunsetenv("ROSTER_SECRET_CRM_PROD");
    qunsetenv("ROSTER_NO_KEYCHAIN");
}

QString TestSecretStore::startKeyring()
{
    // --unlock reads the password of the login keyring from standard input and creates that keyring when
    // it does not exist, so nothing prompts. The empty password must still be a line: on a bare end of
    // input the daemon starts without a login keyring, and every write then fails. In the foreground it
    // stays this test's child, stopped in cleanupTestCase(): a daemon left behind would serve the next
    // test in the same session from this run's deleted keyring directory. --replace takes over from one
    // that a crashed run left.
    m_keyring.start(QStringLiteral("gnome-keyring-daemon"),
                    {QStringLiteral("--foreground"), QStringLiteral("--replace"), QStringLiteral("--unlock"),
                     QStringLiteral("--components=secrets")});
    if (!m_keyring.waitForStarted(5000))
        return QStringLiteral("cannot start gnome-keyring-daemon: ") + m_keyring.errorString();
    m_keyring.write("\n");
    m_keyring.closeWriteChannel();
    // It prints the environment its clients need (GNOME_KEYRING_CONTROL=...) once it runs: pass it on.
    QByteArray printed;
    QElapsedTimer clock;
    clock.start();
    while (!printed.contains("GNOME_KEYRING_CONTROL=") && clock.elapsed() < 10000) {
        if (m_keyring.state() != QProcess::Running)
            return QStringLiteral("gnome-keyring-daemon stopped: ")
                + QString::fromLocal8Bit(m_keyring.readAllStandardError());
        m_keyring.waitForReadyRead(200);
        printed += m_keyring.readAllStandardOutput();
    }
    for (const QByteArray& line : printed.split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            qputenv(line.left(eq).trimmed().constData(), line.mid(eq + 1).trimmed());
    }
    // Asked before the daemon owns its name, the bus would start another one, without a login keyring.
    while (clock.elapsed() < 10000) {
        QProcess ask;
        ask.start(QStringLiteral("dbus-send"),
                  {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                   QStringLiteral("--dest=org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                   QStringLiteral("org.freedesktop.DBus.NameHasOwner"),
                   QStringLiteral("string:org.freedesktop.secrets")});
        if (ask.waitForFinished(5000) && ask.readAllStandardOutput().contains("boolean true"))
            return {};
        QTest::qWait(50);
    }
    return QStringLiteral("gnome-keyring-daemon did not take org.freedesktop.secrets on the session bus");
}

void TestSecretStore::cleanupTestCase()
{
    if (m_keyring.state() == QProcess::NotRunning)
        return;
    m_keyring.terminate();
    if (!m_keyring.waitForFinished(5000)) {
        m_keyring.kill();
        m_keyring.waitForFinished(1000);
    }
}

void TestSecretStore::keychainRoundTrip()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("no D-Bus session bus: run under `dbus-run-session -- ctest` (as scripts/test.sh does) to test the "
              "keychain");
    if (const QString failure = startKeyring(); !failure.isEmpty())
        QFAIL(qPrintable(failure));
    qunsetenv("ROSTER_NO_KEYCHAIN");
    QVERIFY(SecretStore::keychainAvailable());

    // An account as `roster account add` makes it: the record in the database, the key in the keychain.
    // A second database holds an account of the same name, which must neither see nor remove that key.
    const QString dbPath = m_home.filePath(QStringLiteral("roster.sqlite"));
    std::unique_ptr<StoreSession> session
        = database(QStringLiteral("roster.sqlite"), {QStringLiteral("keychain-test")});
    std::unique_ptr<StoreSession> other = database(QStringLiteral("other.sqlite"), {QStringLiteral("keychain-test")});
    QVERIFY(session && other);
    const AccountRecord account = *AccountStore(session->database()).find(QStringLiteral("keychain-test"));
    const AccountRecord namesake = *AccountStore(other->database()).find(QStringLiteral("keychain-test"));
    AccountSecrets secrets(session->database());
    AccountSecrets otherSecrets(other->database());
    QSettings().setValue(QStringLiteral("MainWindow/lastDatabase"), dbPath);
    QSettings().sync();
    const QByteArray secret = "kc-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + "-Zq8vT";
    qunsetenv(SecretStore::environmentName(account.name).toLatin1().constData());

    const Result<void> written = secrets.write(account, QString::fromLatin1(secret));
    QVERIFY2(written, qPrintable(written ? QString() : written.error().detail));
    const Result<QString> read = secrets.read(account);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().detail));
    QCOMPARE(read->toLatin1(), secret);
    QCOMPARE(otherSecrets.read(namesake).error().code, ErrorCode::SecretUnavailable);
    QVERIFY(otherSecrets.remove(namesake));
    QCOMPARE(secrets.read(account)->toLatin1(), secret);

    // The key is in the keychain only: not in the database (its WAL included, while open and after closing)
    // nor in any settings file. Everything under the temporary home is searched but the keyring's own files.
    QVERIFY(QFileInfo::exists(QSettings().fileName()));
    QStringList leaks = filesContaining(m_home.path(), secret);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1String(", "))));
    const SecretSlot slot = *secrets.slot(account);
    session.reset();
    leaks = filesContaining(m_home.path(), secret);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1String(", "))));

    QVERIFY(SecretStore::remove(slot));
    const Result<QString> gone = SecretStore::read(slot);
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, ErrorCode::SecretUnavailable);
    QVERIFY(!gone.error().detail.contains(QString::fromLatin1(secret)));
    // Removing what is not there is not an error.
    QVERIFY(SecretStore::remove(slot));
}

QStringList TestSecretStore::filesContaining(const QString& root, const QByteArray& needle)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.startsWith(QDir(root).filePath(QStringLiteral("data/keyrings"))))
            continue;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found << path;
    }
    return found;
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
