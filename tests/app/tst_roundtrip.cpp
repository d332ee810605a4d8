#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Exporting to CSV or vCard and importing the result into an empty database gives back the same contacts,
// field for field, tags, extra emails, every phone with its kind, every web page and custom fields included.
class TestRoundTrip final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportThenImport_data();
    void exportThenImport();
    void otherProgramsFiles_data();
    void otherProgramsFiles();

private:
    static QByteArray roster(const QStringList& args, int expectedExit = 0);
    static QJsonArray contacts(const QString& db);

    QTemporaryDir m_dir;
    QString m_source;
};

QByteArray TestRoundTrip::roster(const QStringList& args, int expectedExit)
{
    QProcess process;
    process.start(ROSTER_EXECUTABLE, args);
    process.waitForFinished(60000);
    if (process.exitCode() != expectedExit)
        qWarning() << args << process.readAllStandardError();
    [&] { QCOMPARE(process.exitCode(), expectedExit); }();
    return process.readAllStandardOutput();
}

// Every contact as exported, without the local ids that differ from one database to another.
QJsonArray TestRoundTrip::contacts(const QString& db)
{
    QJsonArray result;
    for (const QJsonValue& value : QJsonDocument::fromJson(roster({"export", "--db", db})).array()) {
        QJsonObject object = value.toObject();
        object.remove("id");
        object.remove("uid");
        result.append(object);
    }
    return result;
}

void TestRoundTrip::initTestCase()
{
    m_source = m_dir.filePath("source.sqlite");
    roster({"field", "add", "--db", m_source, "--key", "score", "--type", "number"});
    roster({"field", "add", "--db", m_source, "--key", "favourite_colour", "--label", "Favourite colour"});
    roster({"upsert",
            "--db",
            m_source,
            "first_name=Zoë",
            "last_name=Müller-Łukasiewicz",
            "email=zoe@firma.de",
            "extra_emails=zoe@home.org,z.mueller@firma.de",
            "phone=+4930123456",
            "phone_type=work",
            "extra_phones=+4917012345678 (mobile); +4930123457 (fax); ask reception (home); +1 650 253 0000;ext=12",
            "extra_websites=https://blog.firma.de https://zoe.example.org/?a=1,2",
            "linkedin_url=https://www.linkedin.com/in/zoe-mueller",
            "sales_nav_url=https://www.linkedin.com/sales/lead/ACwAAA1bCdE",
            "job_title=Leiterin Vertrieb, DACH",
            "job_description=Runs \"key accounts\"; travels a lot",
            "headline=Sales leader",
            "summary=Line one\nLine two",
            "company_name=Firma GmbH",
            "company_domain=firma.de",
            "company_linkedin_url=https://www.linkedin.com/company/firma",
            "website=https://firma.de",
            "address1=Unter den Linden 1",
            "city=Berlin",
            "state=BE",
            "postal_code=10117",
            "country=DE",
            "location=Berlin, Germany",
            "timezone=Europe/Berlin",
            "industry=Software",
            "languages=German, English",
            "skills=Negotiation",
            "picture_url=https://example.org/zoe.jpg",
            "date_of_birth=1985-04-12",
            "gender=female",
            "owner=usr_123",
            "source=webinar",
            "do_not_contact=true",
            "notes=Met at Dreamforce",
            "tags=vip,dach,board",
            "custom.score=42",
            "custom.favourite_colour=green"});
    roster({"upsert", "--db", m_source, "email=formula@acme.com", "first_name==HYPERLINK(\"x\")", "last_name=-5",
            "job_title=@admin", "tags=+plus"});
    roster({"upsert", "--db", m_source, "linkedin_url=linkedin.com/in/only-linkedin", "do_not_contact=no"});
}

void TestRoundTrip::exportThenImport_data()
{
    QTest::addColumn<QStringList>("exportArgs");
    QTest::addColumn<QString>("file");
    QTest::newRow("csv") << QStringList {"--format", "csv"} << "out.csv";
    QTest::newRow("vcard 3.0") << QStringList {"--format", "vcard"} << "out.vcf";
    QTest::newRow("vcard 4.0") << QStringList {"--format", "vcard", "--vcard-version", "4.0"} << "out4.vcf";
}

void TestRoundTrip::exportThenImport()
{
    QFETCH(QStringList, exportArgs);
    QFETCH(QString, file);
    const QString path = m_dir.filePath(file);
    const QString target = m_dir.filePath(file + ".sqlite");
    roster(QStringList {"export", "--db", m_source, "--output", path} + exportArgs);
    roster({"field", "add", "--db", target, "--key", "score", "--type", "number"});
    roster({"field", "add", "--db", target, "--key", "favourite_colour", "--label", "Favourite colour"});
    const QJsonObject report = QJsonDocument::fromJson(roster({"import", "--db", target, path, "--json"})).object();
    QCOMPARE(report.value("created").toInt(), 3);
    QCOMPARE(report.value("rejected").toInt(), 0);
    const QJsonArray before = contacts(m_source);
    const QJsonArray after = contacts(target);
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const QJsonObject a = before.at(i).toObject();
        const QJsonObject b = after.at(i).toObject();
        for (const QString& key : a.keys())
            QVERIFY2(a.value(key) == b.value(key),
                     qPrintable(QString("%1: %2 became %3")
                                    .arg(key, QJsonDocument(QJsonArray {a.value(key)}).toJson(QJsonDocument::Compact),
                                         QJsonDocument(QJsonArray {b.value(key)}).toJson(QJsonDocument::Compact))));
        QCOMPARE(b.keys(), a.keys());
    }
    // And importing the export into the source changes nothing.
    const QJsonObject again = QJsonDocument::fromJson(roster({"import", "--db", m_source, path, "--json"})).object();
    QCOMPARE(again.value("unchanged").toInt(), 3);
}

void TestRoundTrip::otherProgramsFiles_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("format");
    for (const char* name : {"v30.vcf", "v40.vcf", "v21_qp.vcf"}) {
        QTest::addRow("%s to vCard", name) << QString::fromLatin1(name) << "vcard";
        QTest::addRow("%s to CSV", name) << QString::fromLatin1(name) << "csv";
    }
    for (const char* name : {"outlook.csv", "google_old.csv", "google_new.csv", "thunderbird.csv", "apple.csv"}) {
        QTest::addRow("%s to CSV", name) << QString::fromLatin1(name) << "csv";
        QTest::addRow("%s to vCard", name) << QString::fromLatin1(name) << "vcard";
    }
}

// A file another program wrote, read by Roster, written out and read back: every value Roster took from the
// first file comes back from its own, and every TEL line of a card is one of the contact's phones.
void TestRoundTrip::otherProgramsFiles()
{
    QFETCH(QString, fixture);
    QFETCH(QString, format);
    const QString source = roster::test::fixturePath(QStringLiteral("io/") + fixture);
    const QString first = m_dir.filePath(QTest::currentDataTag() + QStringLiteral("-1.sqlite"));
    const QString second = m_dir.filePath(QTest::currentDataTag() + QStringLiteral("-2.sqlite"));
    const QString written = m_dir.filePath(QTest::currentDataTag() + (format == "csv" ? QString(".csv") : ".vcf"));
    roster({"import", "--db", first, source, "--json"});
    roster({"export", "--db", first, "--format", format, "--output", written});
    const QJsonObject report = QJsonDocument::fromJson(roster({"import", "--db", second, written, "--json"})).object();
    QCOMPARE(report.value("rejected").toInt(), 0);
    const QJsonArray before = contacts(first);
    const QJsonArray after = contacts(second);
    QVERIFY(!before.isEmpty());
    QCOMPARE(after, before);

    if (fixture.endsWith(".vcf")) {
        QFile file(source);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        int telLines = 0;
        for (const QByteArray& line : text.split('\n'))
            telLines += line.toUpper().startsWith("TEL") ? 1 : 0;
        int phones = 0;
        for (const QJsonValue& contact : before) {
            phones += contact.toObject().contains("phone") ? 1 : 0;
            phones += int(contact.toObject().value("extra_phones").toArray().size());
        }
        QCOMPARE(phones, telLines);
    }
}

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
