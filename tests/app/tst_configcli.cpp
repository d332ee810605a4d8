#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// roster config list|get|set (issue 12 part 2): the database's settings, for scripts. These tests run the real
// executable and read what it prints.
class TestConfigCli final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void listShowsDefaults();
    void setThenGetAndList();
    void wrongCalls_data();
    void wrongCalls();
    void upsertReadsTheRegion();
    void readOnlyDatabaseIsRefused();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out, err;
    };
    Run roster(QStringList args, const QString& locale = "C.UTF-8");

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestConfigCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath("roster.sqlite");
}

TestConfigCli::Run TestConfigCli::roster(QStringList args, const QString& locale)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("LC_ALL", locale);
    env.insert("LANG", locale);
    process.setProcessEnvironment(env);
    if (!args.contains("--db"))
        args << "--db" << m_db;
    process.start(ROSTER_EXECUTABLE, args);
    process.waitForFinished(30000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestConfigCli::listShowsDefaults()
{
    // The C locale names no country: no region until one is set.
    const Run c = roster({"config", "list"});
    QCOMPARE(c.exitCode, 0);
    QCOMPARE(c.out, QByteArray("phone_region=none # default\n"));
    QCOMPARE(roster({"config", "get", "phone_region"}).out, QByteArray("none\n"));
    // A French locale's default is FR (when the system has the locale; Qt reads the name either way).
    QCOMPARE(roster({"config", "get", "phone_region"}, "fr_FR.UTF-8").out, QByteArray("FR\n"));
    const Run json = roster({"config", "list", "--json"}, "de_DE.UTF-8");
    QCOMPARE(json.exitCode, 0);
    const QJsonArray array = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(array.size(), 1);
    QCOMPARE(array.at(0).toObject().value("key").toString(), "phone_region");
    QCOMPARE(array.at(0).toObject().value("value").toString(), "DE");
    QCOMPARE(array.at(0).toObject().value("default").toBool(), true);
}

void TestConfigCli::setThenGetAndList()
{
    const Run set = roster({"config", "set", "phone_region", "fr"});
    QCOMPARE(set.exitCode, 0);
    QCOMPARE(set.out, QByteArray("phone_region=FR\n"));
    QCOMPARE(roster({"config", "get", "phone_region"}).out, QByteArray("FR\n"));
    // Stored in the database: the locale no longer matters.
    QCOMPARE(roster({"config", "get", "phone_region"}, "en_US.UTF-8").out, QByteArray("FR\n"));
    QCOMPARE(roster({"config", "list"}).out, QByteArray("phone_region=FR\n"));
    const QJsonArray array = QJsonDocument::fromJson(roster({"config", "list", "--json"}).out).array();
    QCOMPARE(array.at(0).toObject().value("default").toBool(), false);
    QCOMPARE(roster({"config", "set", "phone_region", "none"}).exitCode, 0);
    QCOMPARE(roster({"config", "get", "phone_region"}, "en_US.UTF-8").out, QByteArray("none\n"));
}

void TestConfigCli::wrongCalls_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("no sub-command") << QStringList {"config"} << 2 << "usage: roster config list|get KEY|set KEY VALUE";
    QTest::newRow("unknown sub-command") << QStringList {"config", "unset", "phone_region"} << 2
                                         << "unknown config command 'unset'";
    QTest::newRow("get unknown key") << QStringList {"config", "get", "phone_regoin"} << 2
                                     << "unknown setting 'phone_regoin' (settings: phone_region)";
    QTest::newRow("set unknown key") << QStringList {"config", "set", "colour", "blue"} << 2
                                     << "unknown setting 'colour'";
    QTest::newRow("get without key") << QStringList {"config", "get"} << 2 << "usage:";
    QTest::newRow("set without value") << QStringList {"config", "set", "phone_region"} << 2 << "usage:";
    QTest::newRow("set too many") << QStringList {"config", "set", "phone_region", "FR", "US"} << 2 << "usage:";
    QTest::newRow("list with an argument") << QStringList {"config", "list", "phone_region"} << 2 << "usage:";
    QTest::newRow("unknown option") << QStringList {"config", "list", "--frobnicate"} << 2 << "frobnicate";
    QTest::newRow("bad region") << QStringList {"config", "set", "phone_region", "XX"} << 1
                                << "'XX' is not a phone region";
    QTest::newRow("a country name") << QStringList {"config", "set", "phone_region", "France"} << 1
                                    << "'France' is not a phone region";
}

void TestConfigCli::wrongCalls()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Run run = roster(args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.startsWith("roster: ") && run.err.contains(message.toUtf8()), run.err.constData());
    QVERIFY(run.out.isEmpty());
    // A wrong call leaves the setting as it was.
    QCOMPARE(roster({"config", "get", "phone_region"}).out, QByteArray("none\n"));
}

// The region set by the command is the one `roster upsert` (and every other engine on the file) reads.
void TestConfigCli::upsertReadsTheRegion()
{
    QCOMPARE(roster({"config", "set", "phone_region", "FR"}).exitCode, 0);
    const Run fr = roster({"upsert", "email=a@example.org", "phone=06 12 34 56 78"});
    QCOMPARE(fr.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(fr.out).object().value("warnings").toArray().size(), 0);
    QCOMPARE(roster({"config", "set", "phone_region", "US"}).exitCode, 0);
    const Run us = roster({"upsert", "email=b@example.org", "phone=06 12 34 56 79"});
    QCOMPARE(us.exitCode, 0);
    const QJsonArray warnings = QJsonDocument::fromJson(us.out).object().value("warnings").toArray();
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.at(0).toObject().value("code").toString(), "InvalidPhone");
    QVERIFY(warnings.at(0).toObject().value("message").toString().contains("region US"));
    const QJsonArray contacts = QJsonDocument::fromJson(roster({"export", "--format", "json"}).out).array();
    QCOMPARE(contacts.size(), 2);
    QCOMPARE(contacts.at(0).toObject().value("phone").toString(), "+33612345678");
    QCOMPARE(contacts.at(1).toObject().value("phone").toString(), "06 12 34 56 79");
}

void TestConfigCli::readOnlyDatabaseIsRefused()
{
    QCOMPARE(roster({"config", "set", "phone_region", "FR"}).exitCode, 0);
    if (!roster::test::setReadOnly({m_db}, true))
        QSKIP("this file system cannot make a file read-only for this user");
    const Run set = roster({"config", "set", "phone_region", "US"});
    const Run get = roster({"config", "get", "phone_region"});
    const Run list = roster({"config", "list"});
    roster::test::setReadOnly({m_db}, false);
    QCOMPARE(set.exitCode, 1);
    QVERIFY2(set.err.startsWith("roster: ") && set.err.contains("read-only") && set.err.contains(m_db.toUtf8()),
             set.err.constData());
    QCOMPARE(get.exitCode, 0);
    QCOMPARE(get.out, QByteArray("FR\n"));
    QCOMPARE(list.out, QByteArray("phone_region=FR\n"));
    QCOMPARE(roster({"config", "get", "phone_region"}).out, QByteArray("FR\n"));
}

QTEST_GUILESS_MAIN(TestConfigCli)
#include "tst_configcli.moc"
