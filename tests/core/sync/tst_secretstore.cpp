#include "store/AccountStore.h"
#include "store/StoreSession.h"
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
    void keychainRoundTrip();
    void cleanupTestCase();

private:
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

void TestSecretStore::environmentWithoutKeychain()
{
    qputenv("ROSTER_NO_KEYCHAIN", "1");
    QVERIFY(!SecretStore::keychainAvailable());
    const QString account = QStringLiteral("ci-lemlist.1");
    qunsetenv("ROSTER_SECRET_CI_LEMLIST_1");
    // Neither a variable nor a keychain: an error that names the variable to set, never a key.
    const Result<QString> missing = SecretStore::read(account);
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::SecretUnavailable);
    QVERIFY2(missing.error().detail.contains(QLatin1String("ROSTER_SECRET_CI_LEMLIST_1")),
             qPrintable(missing.error().detail));

    qputenv("ROSTER_SECRET_CI_LEMLIST_1", "env-key-4711");
    const Result<QString> read = SecretStore::read(account);
    QVERIFY(read);
    QCOMPARE(*read, QStringLiteral("env-key-4711"));
    // Without a keychain a write is refused and a remove is a no-op.
    QCOMPARE(SecretStore::write(account, QStringLiteral("other")).error().code, ErrorCode::SecretUnavailable);
    QVERIFY(SecretStore::remove(account));
    qunsetenv("ROSTER_SECRET_CI_LEMLIST_1");
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
    const QString dbPath = m_home.filePath(QStringLiteral("roster.sqlite"));
    auto session = StoreSession::open(dbPath);
    QVERIFY(session);
    AccountRecord account;
    account.name = QStringLiteral("keychain-test");
    account.provider = QStringLiteral("lemlist");
    account.baseUrl = QUrl(QStringLiteral("https://api.lemlist.com/api"));
    QVERIFY(AccountStore((*session)->database()).add(account));
    QSettings().setValue(QStringLiteral("MainWindow/lastDatabase"), dbPath);
    QSettings().sync();
    const QByteArray secret = "kc-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + "-Zq8vT";
    qunsetenv(SecretStore::environmentName(account.name).toLatin1().constData());

    const Result<void> written = SecretStore::write(account.name, QString::fromLatin1(secret));
    QVERIFY2(written, qPrintable(written ? QString() : written.error().detail));
    const Result<QString> read = SecretStore::read(account.name);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().detail));
    QCOMPARE(read->toLatin1(), secret);

    // The key is in the keychain only: not in the database (its WAL included, while open and after closing)
    // nor in any settings file. Everything under the temporary home is searched but the keyring's own files.
    QVERIFY(QFileInfo::exists(QSettings().fileName()));
    QStringList leaks = filesContaining(m_home.path(), secret);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1String(", "))));
    session->reset();
    leaks = filesContaining(m_home.path(), secret);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1String(", "))));

    QVERIFY(SecretStore::remove(account.name));
    const Result<QString> gone = SecretStore::read(account.name);
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, ErrorCode::SecretUnavailable);
    QVERIFY(!gone.error().detail.contains(QString::fromLatin1(secret)));
    // Removing what is not there is not an error.
    QVERIFY(SecretStore::remove(account.name));
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
