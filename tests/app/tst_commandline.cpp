#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

// The command line is a contract for scripts: these tests run the real executable and read what it prints.
class TestCommandLine final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void upsertPrintsResult_data();
    void upsertPrintsResult();
    void exportJson();
    void exportSearch_data();
    void exportSearch();
    void exportCsvEscapesFormulas();
    void exportToFile();
    void undoRedoRoundTrip();
    void undoGoesOnPastAContactRemovedElsewhere();
    void importJsonListsEveryIssue();
    void refusesForeignFile();
    void namesColumnsWithoutHeader();
    void customFieldRegistry();
    void wrongCallsNeverOpenTheWindow_data();
    void wrongCallsNeverOpenTheWindow();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out, err;
        QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    };
    Run roster(QStringList args);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestCommandLine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath("roster.sqlite");
}

TestCommandLine::Run TestCommandLine::roster(QStringList args)
{
    QProcess process;
    if (args.size() > 0 && !args.contains("--db") && args.first() != "--help")
        args.insert(1, "--db"), args.insert(2, m_db);
    process.start(ROSTER_EXECUTABLE, args);
    process.waitForFinished(30000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestCommandLine::upsertPrintsResult_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("created") << QStringList {"upsert", "email=jane@acme.com", "first_name=Jane"} << 0 << "created"
                             << "";
    QTest::newRow("policy option") << QStringList {"upsert", "--policy", "lemlist", "email=jane@acme.com"} << 0
                                   << "created"
                                   << "";
    QTest::newRow("rejected invalid email") << QStringList {"upsert", "email=jane@"} << 1 << "rejected"
                                            << "InvalidEmail";
    QTest::newRow("rejected no identifier") << QStringList {"upsert", "first_name=Jane"} << 1 << "rejected"
                                            << "MissingIdentifier";
    QTest::newRow("unknown field") << QStringList {"upsert", "nickname=JJ"} << 2 << ""
                                   << "";
    QTest::newRow("not an assignment") << QStringList {"upsert", "jane"} << 2 << ""
                                       << "";
    QTest::newRow("unknown policy") << QStringList {"upsert", "--policy", "hubspot", "email=a@b.io"} << 2 << ""
                                    << "";
    QTest::newRow("nothing given") << QStringList {"upsert"} << 2 << ""
                                   << "";
}

void TestCommandLine::upsertPrintsResult()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, status);
    QFETCH(QString, code);
    const Run run = roster(args);
    QCOMPARE(run.exitCode, exitCode);
    if (exitCode != 0)
        QVERIFY2(run.err.startsWith("roster: "), run.err.constData());
    if (status.isEmpty())
        return;
    const QJsonObject result = run.json().object();
    QCOMPARE(result.value("status").toString(), status);
    if (!code.isEmpty())
        QCOMPARE(result.value("error").toObject().value("code").toString(), code);
    else
        QVERIFY(result.value("contact_id").toInteger() > 0);
}

void TestCommandLine::exportJson()
{
    QCOMPARE(roster({"field", "add", "--key", "score", "--type", "number"}).exitCode, 0);
    QCOMPARE(roster({"upsert", "email=Jane@Acme.com", "first_name=Jane", "tags+=vip,lead", "extra_emails=j@home.org",
                     "custom.score=7", "do_not_contact=yes", "linkedin_url=uk.linkedin.com/in/Jane-S/"})
                 .exitCode,
             0);
    QCOMPARE(roster({"upsert", "linkedin_url=linkedin.com/in/bob"}).exitCode, 0);
    const Run run = roster({"export", "--format", "json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonArray contacts = run.json().array();
    QCOMPARE(contacts.size(), 2);
    const QJsonObject jane = contacts.at(0).toObject();
    QCOMPARE(jane.value("email").toString(), "Jane@Acme.com");
    QCOMPARE(jane.value("first_name").toString(), "Jane");
    QCOMPARE(jane.value("linkedin_url").toString(), "https://www.linkedin.com/in/jane-s");
    QCOMPARE(jane.value("tags").toArray(), QJsonArray({"vip", "lead"}));
    QCOMPARE(jane.value("extra_emails").toArray(), QJsonArray({"j@home.org"}));
    QCOMPARE(jane.value("custom").toObject().value("score").toString(), "7");
    QCOMPARE(jane.value("do_not_contact").toBool(), true);
    const QJsonObject bob = contacts.at(1).toObject();
    QVERIFY(!bob.contains("email")); // absent fields are omitted
    QVERIFY(!bob.contains("tags"));
    QVERIFY(!bob.contains("custom"));
}

void TestCommandLine::exportSearch_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("emails");
    QTest::newRow("domain") << "bell.ex" << QStringList {"claude@bell.example", "dennis@bell.example"};
    QTest::newRow("name and title") << "ritchie research" << QStringList {"dennis@bell.example"};
    QTest::newRow("phrase in order only") << "example.bell" << QStringList {};
    QTest::newRow("tag") << "vip" << QStringList {"ada@analytical.example"};
    QTest::newRow("phone digits") << "+1 908 555 01" << QStringList {"claude@bell.example", "dennis@bell.example"};
    QTest::newRow("everyone") << "  "
                              << QStringList {"claude@bell.example", "dennis@bell.example", "ada@analytical.example"};
}

// export --search: what the window's search box finds, every field and list of each contact, in id order.
void TestCommandLine::exportSearch()
{
    QFETCH(QString, search);
    QFETCH(QStringList, emails);
    QCOMPARE(roster({"upsert", "email=claude@bell.example", "last_name=Shannon", "job_title=Researcher",
                     "phone=+1 908 555 0142"})
                 .exitCode,
             0);
    QCOMPARE(roster({"upsert", "email=dennis@bell.example", "last_name=Ritchie", "job_title=Researcher",
                     "phone=+1 908 555 0143"})
                 .exitCode,
             0);
    QCOMPARE(roster({"upsert", "email=ada@analytical.example", "last_name=Lovelace", "tags+=vip",
                     "extra_emails=ada@bell-labs.example"})
                 .exitCode,
             0);
    for (const char* format : {"json", "csv"}) {
        const Run run = roster({"export", "--format", format, "--search", search});
        QCOMPARE(run.exitCode, 0);
        QStringList found;
        if (QLatin1String(format) == QLatin1String("json")) {
            for (const QJsonValue& contact : run.json().array())
                found << contact.toObject().value("email").toString();
        } else {
            for (const QByteArray& line : run.out.trimmed().split('\n').mid(1))
                found << QString::fromUtf8(line)
                             .section(QLatin1Char(','), 0, -1)
                             .split(QLatin1Char(','))
                             .filter(QLatin1String("@"))
                             .value(0);
        }
        QCOMPARE(found, emails);
    }
}

void TestCommandLine::exportCsvEscapesFormulas()
{
    QCOMPARE(roster({"upsert", "email=a@acme.com", "first_name==HYPERLINK(\"http://x\")", "last_name=-2+3",
                     "job_title=@SUM(A1)", "city=Paris, France"})
                 .exitCode,
             0);
    const Run run = roster({"export", "--format", "csv"});
    QCOMPARE(run.exitCode, 0);
    const QList<QByteArray> lines = run.out.split('\n');
    QVERIFY(lines.at(0).startsWith("first_name,last_name,email,phone,"));
    const QByteArray row = lines.at(1);
    QVERIFY2(row.startsWith("\"'=HYPERLINK(\"\"http://x\"\")\",'-2+3,a@acme.com,"), row.constData());
    QVERIFY2(row.contains(",'@SUM(A1),"), row.constData());
    QVERIFY2(row.contains(",\"Paris, France\","), row.constData());
}

void TestCommandLine::exportToFile()
{
    QCOMPARE(roster({"upsert", "email=a@acme.com"}).exitCode, 0);
    const QString file = m_dir->filePath("out.json");
    const Run run = roster({"export", "--format", "json", "--output", file});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.isEmpty());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(f.readAll()).array().size(), 1);
    QCOMPARE(roster({"export", "--format", "xml"}).exitCode, 2);
}

void TestCommandLine::undoRedoRoundTrip()
{
    QCOMPARE(roster({"upsert", "email=a@acme.com", "job_title=CTO"}).exitCode, 0);
    const QByteArray before = roster({"export"}).out;
    QCOMPARE(roster({"upsert", "email=a@acme.com", "job_title=CEO", "tags+=x"}).exitCode, 0);
    const QByteArray after = roster({"export"}).out;
    QVERIFY(before != after);
    const Run undo = roster({"undo", "--json"});
    QCOMPARE(undo.exitCode, 0);
    QCOMPARE(undo.json().object().value("changes").toInt(), 2);
    QCOMPARE(roster({"export"}).out, before);
    QCOMPARE(roster({"redo"}).exitCode, 0);
    QCOMPARE(roster({"export"}).out, after);
    QCOMPARE(roster({"redo"}).exitCode, 1); // nothing left to redo
    QCOMPARE(roster({"undo"}).exitCode, 0);
    QCOMPARE(roster({"undo"}).exitCode, 0);
    QCOMPARE(roster({"export"}).out, QByteArray("[]\n"));
    const Run nothing = roster({"undo"});
    QCOMPARE(nothing.exitCode, 1);
    QVERIFY(nothing.err.contains("nothing to undo"));
}

// Another program deletes a contact row: undo skips that contact's changes, says so, and the history behind it
// stays reachable (it used to fail on that operation for good).
void TestCommandLine::undoGoesOnPastAContactRemovedElsewhere()
{
    QCOMPARE(roster({"upsert", "email=a@x.com", "first_name=Ann"}).exitCode, 0);
    QCOMPARE(roster({"upsert", "email=b@x.com", "first_name=Bob"}).exitCode, 0);
    QCOMPARE(roster({"upsert", "email=a@x.com", "first_name=Anna"}).exitCode, 0);
    QCOMPARE(roster({"upsert", "email=b@x.com", "first_name=Bobby"}).exitCode, 0);
    sqlite3* other = nullptr;
    QCOMPARE(sqlite3_open(m_db.toUtf8().constData(), &other), SQLITE_OK);
    QCOMPARE(sqlite3_exec(other, "PRAGMA foreign_keys=ON; DELETE FROM contacts WHERE email = 'b@x.com'", nullptr,
                          nullptr, nullptr),
             SQLITE_OK);
    sqlite3_close(other);

    const Run skipped = roster({"undo", "--json"});
    QCOMPARE(skipped.exitCode, 0);
    const QJsonObject report = skipped.json().object();
    QCOMPARE(report.value("changes").toInt(), 1);
    QCOMPARE(report.value("contacts_gone").toArray(), QJsonArray({2}));
    const Run text = roster({"redo"});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("contact 2 is no longer in the file"), text.out.constData());
    QCOMPARE(roster({"undo"}).exitCode, 0);

    const Run older = roster({"undo", "--json"});
    QCOMPARE(older.exitCode, 0);
    QVERIFY(!older.json().object().contains("contacts_gone"));
    const QJsonArray left = roster({"export"}).json().array();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.at(0).toObject().value("first_name").toString(), QStringLiteral("Ann"));
}

// The report's rejections and warnings are written one by one (a large file can warn on most rows): what a
// script reads must still be one JSON document holding each of them, values quoted as typed.
void TestCommandLine::importJsonListsEveryIssue()
{
    const QString csv = m_dir->filePath("people.csv");
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Email,Phone,Name\n"
               "a@acme.com,\"06 \\ \"\"12\"\" é\",Ann\n" // a phone with a backslash, quotes and an accent
               ",,Nobody\n"
               "not-an-email,,Bad\n"
               "b@acme.com,call me,Bob\n");
    file.close();
    const Run run = roster({"import", csv, "--json"});
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error;
    const QJsonObject report = QJsonDocument::fromJson(run.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(report.value("created").toInt(), 2);
    const QJsonArray errors = report.value("errors").toArray();
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors.at(0).toObject().value("row").toInt(), 3);
    QCOMPARE(errors.at(0).toObject().value("code").toString(), "MissingIdentifier");
    QCOMPARE(errors.at(1).toObject().value("row").toInt(), 4);
    QCOMPARE(errors.at(1).toObject().value("field").toString(), "email");
    QVERIFY(errors.at(1).toObject().value("message").toString().contains("not-an-email"));
    const QJsonArray warnings = report.value("warnings").toArray();
    QCOMPARE(warnings.size(), 2);
    const QJsonObject first = warnings.at(0).toObject();
    QCOMPARE(first.value("row").toInt(), 2);
    QCOMPARE(first.value("field").toString(), "phone");
    QCOMPARE(first.value("code").toString(), "InvalidPhone");
    QVERIFY2(first.value("message").toString().startsWith(QString::fromUtf8("'06 \\ \"12\" é'")),
             qPrintable(first.value("message").toString()));
    QVERIFY(warnings.at(1).toObject().value("message").toString().startsWith("'call me'"));
    QCOMPARE(report.value("mapping").toObject().value("Phone").toString(), "phone");
    QVERIFY(report.value("operation_id").toInt() > 0);
    // A dry run reports the same; with nothing to report, both are empty arrays.
    const QJsonObject dry = roster({"import", csv, "--json", "--dry-run"}).json().object();
    QVERIFY(dry.value("dry_run").toBool());
    QCOMPARE(dry.value("errors").toArray(), errors);
    QCOMPARE(dry.value("warnings").toArray(), warnings);
    // Its rows, one by one (spooled while the import runs, then printed in the report's key order).
    const QJsonArray rows = dry.value("dry_run_rows").toArray();
    QCOMPARE(rows.size(), 4);
    QStringList statuses;
    for (const QJsonValue& row : rows)
        statuses << QString::number(row.toObject().value("row").toInt()) + ' '
                + row.toObject().value("status").toString();
    QCOMPARE(statuses, (QStringList {"2 unchanged", "3 rejected", "4 rejected", "5 unchanged"}));
    QVERIFY(dry.value("encoding").isString()); // the keys after it are still there
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("Email\nc@acme.com\n");
    file.close();
    const QJsonObject clean = roster({"import", csv, "--json"}).json().object();
    QCOMPARE(clean.value("created").toInt(), 1);
    QVERIFY(clean.value("errors").isArray() && clean.value("errors").toArray().isEmpty());
    QVERIFY(clean.value("warnings").isArray() && clean.value("warnings").toArray().isEmpty());
}

void TestCommandLine::refusesForeignFile()
{
    const QString notes = m_dir->filePath("notes.txt");
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("these are my notes\n");
    file.close();
    const Run run = roster({"export", "--db", notes});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("is not a Roster database"), run.err.constData());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("these are my notes\n"));
}

// A column with values but no header is left out: the report names it by its place, not as an empty string.
void TestCommandLine::namesColumnsWithoutHeader()
{
    const QString csv = m_dir->filePath("people.csv");
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("First Name,Email,,Shoe Size\nAnn,ann@x.com,VIP,42\n");
    file.close();
    const Run run = roster({"import", csv});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("Columns not imported: column 3 (no header), Shoe Size (use --map"), run.out.constData());
    // ... and can be sent to a field by that place.
    const Run mapped = roster({"import", csv, "--map", "#3=custom.status", "--map", "Shoe Size=custom.shoe_size"});
    QCOMPARE(mapped.exitCode, 0);
    QVERIFY2(!mapped.out.contains("Columns not imported"), mapped.out.constData());
    const Run exported = roster({"export"});
    QVERIFY2(exported.out.contains("\"status\":\"VIP\""), exported.out.constData());
}

void TestCommandLine::customFieldRegistry()
{
    QCOMPARE(roster({"upsert", "email=a@acme.com", "custom.score=3"}).exitCode, 1);
    QCOMPARE(roster({"field", "add", "--key", "score", "--label", "Score", "--type", "number"}).exitCode, 0);
    QCOMPARE(roster({"upsert", "email=a@acme.com", "custom.score=high"}).exitCode, 1);
    QCOMPARE(roster({"upsert", "email=a@acme.com", "custom.score=3"}).exitCode, 0);
    const QJsonArray fields = roster({"field", "list"}).json().array();
    QCOMPARE(fields.size(), 1);
    QCOMPARE(fields.at(0).toObject().value("type").toString(), "number");
    QCOMPARE(roster({"field", "add", "--key", "bad key"}).exitCode, 1);
}

void TestCommandLine::wrongCallsNeverOpenTheWindow_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown verb") << QStringList {"frobnicate", "--db", "x.sqlite"} << "unknown command 'frobnicate'";
    QTest::newRow("verb in capitals") << QStringList {"Export"} << "unknown command 'Export'";
    QTest::newRow("unknown window flag") << QStringList {"--frobnicate"} << "Unknown option 'frobnicate'";
    QTest::newRow("window flag missing its value") << QStringList {"--db"} << "Missing value after '--db'";
    QTest::newRow("stray argument after flags")
        << QStringList {"--db", "x.sqlite", "export"} << "unexpected argument 'export'";
}

// A typo in a cron line used to start the window, which never returned.
void TestCommandLine::wrongCallsNeverOpenTheWindow()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QProcess process;
    process.setWorkingDirectory(m_dir->path());
    process.start(ROSTER_EXECUTABLE, args);
    const bool ended = process.waitForFinished(15000);
    if (!ended)
        process.kill();
    QVERIFY2(ended, "roster opened the window");
    QCOMPARE(process.exitCode(), 2);
    const QByteArray err = process.readAllStandardError();
    QVERIFY2(err.startsWith("roster: ") && err.contains(message.toUtf8()), err.constData());
    QVERIFY(!QFile::exists(m_dir->filePath("x.sqlite")));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
