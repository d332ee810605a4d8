#include "StoreFixture.h"
#include "TestSupport.h"
#include "io/RejectedRowsWriter.h"
#include "store/ImportJob.h"
#include "store/SqlStatement.h"
#include "store/StoreSession.h"

#include <QBuffer>
#include <QFile>

using namespace roster;
using namespace roster::test;

// The import job end to end on a real database: what a user gets when dropping a file.
class TestImportJob final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void importsCsvFieldByField();
    void reportsRejectedRowsWithLines();
    void damagedUtf8KeepsTheRowAndSaysWhere();
    void spreadsheetTextFormulasAreUnwrapped();
    void reimportChangesNothing();
    void dryRunWritesNothingAndMatchesRealRun();
    void undoRestoresUpdatedFields();
    void cancelStopsAtBatchBoundary();
    void progressMovesInSmallSteps();
    void rememberedMapping();
    void importsVcard();
    void keepsTheSessionsCacheSize();
    void refusesUnusableFiles_data();
    void refusesUnusableFiles();
    void unterminatedQuoteKeepsTheRowsBefore();
    void vcardWithoutEndIsReported();
    void vcardValuesNotKeptAreReported();
    void rowsSharingAKeyFoldIntoOne_data();
    void rowsSharingAKeyFoldIntoOne();
    void rowsOfOnePersonKeepEveryPhone();
    void formatIsReadFromTheContent_data();
    void formatIsReadFromTheContent();
    void rejectedRowsAreTheOriginalRows_data();
    void rejectedRowsAreTheOriginalRows();

private:
    Result<ImportSummary> import(const QString& path, ImportOptions options = {});
    QString write(const QString& name, const QByteArray& bytes);
    QString snapshot();
    qint64 changeLogEntries();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreSession> m_session;
};

void TestImportJob::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_session = std::move(*StoreSession::open(m_dir->filePath("db.sqlite"), "FR"));
}

Result<ImportSummary> TestImportJob::import(const QString& path, ImportOptions options)
{
    options.path = path;
    ImportJob job(*m_session, options);
    return job.run();
}

QString TestImportJob::write(const QString& name, const QByteArray& bytes)
{
    QFile file(m_dir->filePath(name));
    file.open(QIODevice::WriteOnly);
    file.write(bytes);
    return file.fileName();
}

QString TestImportJob::snapshot()
{
    QString text;
    m_session->contacts().forEach([&](const Contact& c) {
        text += QString::number(c.id) + ':' + QStringList(c.values.begin(), c.values.end()).join('|') + '|'
            + c.extraEmails.join(',') + '|' + c.tags.join(',') + '\n';
        return true;
    });
    return text;
}

qint64 TestImportJob::changeLogEntries()
{
    SqlStatement count(m_session->database(), "SELECT count(*) FROM change_log");
    return count.next() ? count.columnInt(0) : -1;
}

void TestImportJob::importsCsvFieldByField()
{
    ImportOptions options;
    options.mapping.insert("Shoe Size", "custom.shoe_size");
    const auto summary = import(fixturePath("import/people.csv"), options);
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
    QCOMPARE(summary->format, QString("csv"));
    QCOMPARE(summary->rows, 6); // the all-empty row is skipped as blank
    QCOMPARE(summary->created, 3);
    // Bobby Brown: same email in another letter case, folded into Bob's row: merged, not "unchanged".
    QCOMPARE(summary->merged, 1);
    QCOMPARE(summary->unchanged, 0);
    QCOMPARE(summary->rejected, 2);
    bool folded = false;
    for (const ImportIssue& w : summary->warnings)
        folded = folded || (w.code == ErrorCode::DuplicateInFile && w.line == 6 && w.message.contains("line 3"));
    QVERIFY(folded);
    const auto jane = m_session->contacts().contact(1);
    QCOMPARE(jane->value(Field::FirstName), QString("Jane"));
    QCOMPARE(jane->value(Field::Email), QString("jane@acme.com"));
    QCOMPARE(jane->value(Field::Phone), QString("+16502530000"));
    QCOMPARE(jane->value(Field::CompanyName), QString("Acme"));
    QCOMPARE(jane->value(Field::JobTitle), QString("CTO"));
    QCOMPARE(jane->value(Field::LinkedinUrl), QString("https://www.linkedin.com/in/jane-smith"));
    QCOMPARE(jane->tags, (QStringList {"vip", "board"}));
    QCOMPARE(jane->custom.value("shoe_size"), QString("38"));
    // The first row's values are kept; what the later row says otherwise is reported, never silently taken.
    const auto bob = m_session->contacts().contact(2);
    QCOMPARE(bob->value(Field::Email), QString("BOB@initech.com"));
    QCOMPARE(bob->value(Field::FirstName), QString("Bob"));
    QCOMPARE(bob->value(Field::JobTitle), QString("Engineer"));
    bool named = false;
    for (const ImportIssue& w : summary->warnings) {
        if (w.code == ErrorCode::DuplicateInFile)
            QVERIFY2(w.message.contains("job_title 'Staff Engineer'"), qPrintable(w.message));
        named = named
            || (w.code == ErrorCode::PossibleDuplicate && w.line == 6 && w.message.contains("'Bobby Brown' (line 6)")
                && w.message.contains("'Bob Brown' (line 3)"));
    }
    QVERIFY(named);
    const auto zoe = m_session->contacts().contact(3);
    QCOMPARE(zoe->value(Field::LastName), QString("Müller"));
    QCOMPARE(zoe->value(Field::JobTitle), QString("Leiterin, Vertrieb"));
}

void TestImportJob::reportsRejectedRowsWithLines()
{
    const auto summary = import(fixturePath("import/people.csv"));
    QVERIFY(summary);
    QCOMPARE(summary->errors.size(), 2);
    QCOMPARE(summary->errors.at(0).line, 4);
    QCOMPARE(summary->errors.at(0).code, ErrorCode::InvalidEmail);
    QCOMPARE(summary->errors.at(0).field, QString("email"));
    QVERIFY(summary->errors.at(0).message.contains("not-an-email"));
    QCOMPARE(summary->errors.at(1).line, 8);
    QCOMPARE(summary->errors.at(1).code, ErrorCode::MissingIdentifier);
    QVERIFY(summary->unmapped.contains("Shoe Size"));
}

// A letter cut in half by the exporter: the file is still read as UTF-8 (every other accent intact), the row
// comes in, and the report names the line and field that lost a character.
void TestImportJob::damagedUtf8KeepsTheRowAndSaysWhere()
{
    const QString path = write("cut.csv",
                               "First Name,Last Name,Email,Company\n"
                               "Ana\xC3\xAFs,Dupont,anais@acme.com,Caf\xC3\xA9 Lumi\xC3\xA8re\n"
                               "J\xC3\xBCrgen,Lef\xC3,jurgen@acme.com,M\xC3\xBCller GmbH\n"
                               "Zo\xC3\xAB,Sch\xC3\xA4"
                               "fer,zoe@acme.com,Acme\n");
    const auto summary = import(path);
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
    QCOMPARE(summary->encoding, QByteArray("UTF-8"));
    QCOMPARE(summary->created, 3);
    QCOMPARE(m_session->contacts().contact(1)->value(Field::FirstName), QString("Anaïs"));
    QCOMPARE(m_session->contacts().contact(1)->value(Field::CompanyName), QString("Café Lumière"));
    QCOMPARE(m_session->contacts().contact(2)->value(Field::LastName), QString("Lef\uFFFD"));
    QCOMPARE(m_session->contacts().contact(3)->value(Field::LastName), QString("Schäfer"));
    // The three share acme.com but name three companies: the other two warnings say they were not linked to the
    // first one's company.
    QList<ImportIssue> encoding;
    for (const ImportIssue& issue : summary->warnings) {
        if (issue.code == ErrorCode::InvalidEncoding)
            encoding << issue;
        else
            QCOMPARE(issue.code, ErrorCode::CompanyNotFound);
    }
    QCOMPARE(encoding.size(), 1);
    const ImportIssue& w = encoding.first();
    QCOMPARE(w.line, 3);
    QCOMPARE(w.field, QString("last_name"));
    QVERIFY(w.message.startsWith(QString("'Lef\uFFFD'")));
}

// ="0612345678" is how exporters keep a leading zero from a spreadsheet; it is the text inside, as a
// spreadsheet shows it. A real formula is not text and is kept as written.
void TestImportJob::spreadsheetTextFormulasAreUnwrapped()
{
    const QString path = write("excel.csv",
                               "sep=;\r\nFirst Name;E-mail Address;Mobile Phone;Company;Job Title\r\n"
                               "Jos\xC3\xA9;jose@acme.es;=\"0612345678\";=\"007 \"\"Spy\"\" Ltd\";=SUM(A1:A2)\r\n");
    const auto summary = import(path);
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
    QCOMPARE(summary->created, 1);
    QVERIFY(summary->warnings.isEmpty());
    const auto jose = m_session->contacts().contact(1);
    QCOMPARE(jose->value(Field::Phone), QString("+33612345678"));
    QCOMPARE(jose->value(Field::CompanyName), QString("007 \"Spy\" Ltd"));
    QCOMPARE(jose->value(Field::JobTitle), QString("=SUM(A1:A2)"));
}

void TestImportJob::reimportChangesNothing()
{
    QVERIFY(import(fixturePath("import/people.csv")));
    const QString before = snapshot();
    const auto again = import(fixturePath("import/people.csv"));
    QVERIFY(again);
    QCOMPARE(again->created, 0);
    QCOMPARE(again->updated, 0);
    QCOMPARE(again->unchanged, 3);
    QCOMPARE(again->merged, 1);
    QCOMPARE(snapshot(), before);
}

void TestImportJob::dryRunWritesNothingAndMatchesRealRun()
{
    QVERIFY(m_session->engine().upsert(patchFrom("email=jane@acme.com|job_title=Intern|city=Oslo"),
                                       UpsertPolicies::local(), {}));
    const QString before = snapshot();
    QVector<ImportRowOutcome> dry, real;
    ImportOptions options;
    options.path = fixturePath("import/people.csv");
    options.dryRun = true;
    options.mapping.insert("Shoe Size", "custom.shoe_size");
    // Checked in batches of two, each rolled back so that other writers are never kept waiting long: still
    // nothing written, not even the custom field the mapping would register.
    options.batchSize = 2;
    {
        ImportJob job(*m_session, options);
        const auto summary = job.run();
        QVERIFY(summary);
        QCOMPARE(summary->rows, 6);
    }
    QCOMPARE(snapshot(), before);
    QVERIFY(!m_session->engine().customFields().contains("shoe_size"));
    // In one batch, the check is the real run row for row (Bobby on line 6 updates Bob of line 3; the dry run
    // sees an earlier row only within its batch).
    options.batchSize = 100;
    {
        ImportJob job(*m_session, options);
        job.setRowSink([&](const ImportRowOutcome& o) { dry.append(o); });
        const auto summary = job.run();
        QVERIFY(summary);
        QVERIFY(summary->dryRun);
    }
    QCOMPARE(snapshot(), before);
    QVERIFY(!m_session->engine().customFields().contains("shoe_size"));
    QVERIFY(!m_session->undo().nextUndo() || m_session->undo().nextUndo()->label != "Import people.csv");
    options.dryRun = false;
    {
        ImportJob job(*m_session, options);
        job.setRowSink([&](const ImportRowOutcome& o) { real.append(o); });
        QVERIFY(job.run());
    }
    QCOMPARE(dry.size(), real.size());
    for (qsizetype i = 0; i < dry.size(); ++i) {
        QCOMPARE(dry.at(i).line, real.at(i).line);
        QCOMPARE(dry.at(i).result.status, real.at(i).result.status);
        QCOMPARE(dry.at(i).result.contactId, real.at(i).result.contactId);
        QCOMPARE(dry.at(i).result.changedFields, real.at(i).result.changedFields);
    }
    // The updated row says what it changes, before and after.
    const auto& janeRow = dry.at(0).result;
    QCOMPARE(janeRow.status, UpsertResult::Status::Updated);
    bool sawTitle = false;
    for (const FieldChange& change : janeRow.changes) {
        if (change.field == "job_title") {
            QCOMPARE(change.before, QString("Intern"));
            QCOMPARE(change.after, QString("CTO"));
            sawTitle = true;
        }
    }
    QVERIFY(sawTitle);
}

void TestImportJob::undoRestoresUpdatedFields()
{
    QVERIFY(m_session->engine().upsert(patchFrom("email=jane@acme.com|job_title=Intern|tags=alumni"),
                                       UpsertPolicies::local(), {}));
    QVERIFY(
        m_session->engine().upsert(patchFrom("email=bob@initech.com|first_name=Robert"), UpsertPolicies::local(), {}));
    const QString before = snapshot();
    ImportOptions options;
    options.batchSize = 2;
    const auto summary = import(fixturePath("import/people.csv"), options);
    QVERIFY(summary);
    QVERIFY(summary->updated >= 2);
    QVERIFY(snapshot() != before);
    const auto step = m_session->undo().nextUndo();
    QVERIFY(step);
    QCOMPARE(step->label, QString("Import people.csv"));
    QVERIFY(m_session->undo().undo());
    QCOMPARE(snapshot(), before);
}

void TestImportJob::cancelStopsAtBatchBoundary()
{
    QByteArray csv = "email,first_name\n";
    for (int i = 0; i < 35; ++i)
        csv += QByteArray("p") + QByteArray::number(i) + "@acme.com,P" + QByteArray::number(i) + "\n";
    const QString path = write("many.csv", csv);
    ImportOptions options;
    options.path = path;
    options.batchSize = 10;
    ImportJob job(*m_session, options);
    job.setRowSink([&](const ImportRowOutcome& o) {
        if (o.line == 15)
            job.cancel();
    });
    const auto summary = job.run();
    QVERIFY(summary);
    QVERIFY(summary->cancelled);
    QCOMPARE(m_session->contacts().count(), 20);
    QCOMPARE(summary->stoppedAtLine, 22);
    // Importing the same file again finishes the job.
    const auto rest = import(path);
    QVERIFY(rest);
    QCOMPARE(rest->created, 15);
    QCOMPARE(rest->unchanged, 20);
}

// The dialog's bar follows the rows written: a 10,000-row import in one transaction still reports every few
// thousand rows (it reported every 10,000 rows read, so a 100,000-row import moved in ten jumps), rows and bytes
// only ever grow, and the last report is the whole file.
void TestImportJob::progressMovesInSmallSteps()
{
    QByteArray csv = "email,first_name,phone\n";
    for (int i = 0; i < 10000; ++i)
        csv += "p" + QByteArray::number(i) + "@acme.com,P" + QByteArray::number(i) + ",06 12 34 "
            + QByteArray::number(10 + i % 90) + " " + QByteArray::number(10 + i / 90 % 90) + "\n";
    const QString path = write("progress.csv", csv);
    ImportOptions options;
    options.path = path;
    options.batchSize = 50000;
    ImportJob job(*m_session, options);
    QVector<std::pair<qint64, qint64>> reports;
    qint64 total = 0;
    connect(&job, &ImportJob::progress, this, [&](qint64 rows, qint64 bytes, qint64 totalBytes) {
        reports.append({rows, bytes});
        total = totalBytes;
    });
    const auto summary = job.run();
    QVERIFY(summary);
    QCOMPARE(summary->created, 10000);
    QVERIFY2(reports.size() >= 5, qPrintable(QString::number(reports.size())));
    for (qsizetype i = 1; i < reports.size(); ++i) {
        QVERIFY(reports.at(i).first > reports.at(i - 1).first);
        QVERIFY(reports.at(i).second >= reports.at(i - 1).second);
        QVERIFY(reports.at(i).first - reports.at(i - 1).first <= 2000);
    }
    QCOMPARE(reports.constLast().first, 10000);
    QCOMPARE(reports.constLast().second, total);
}

void TestImportJob::rememberedMapping()
{
    const QByteArray csv = "Mail,Sobriquet\nann@acme.com,Annie\n";
    ImportOptions options;
    options.mapping.insert("Mail", "email");
    options.mapping.insert("Sobriquet", "first_name");
    QVERIFY(import(write("a.csv", csv), options));
    // Another file with the same header, imported without choices, gets the remembered mapping.
    const auto second = import(write("b.csv", "mail,sobriquet\nbea@acme.com,Bea\n"));
    QVERIFY(second);
    QCOMPARE(second->created, 1);
    QCOMPARE(m_session->contacts().contact(2)->value(Field::FirstName), QString("Bea"));
}

void TestImportJob::importsVcard()
{
    const auto summary = import(fixturePath("import/contacts.vcf"));
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
    QCOMPARE(summary->format, QString("vcard"));
    QCOMPARE(summary->created, 2);
    const auto ada = m_session->contacts().contact(1);
    QCOMPARE(ada->value(Field::Email), QString("ada@analytical.org"));
    QCOMPARE(ada->extraEmails, QStringList {"ada@home.org"});
    QCOMPARE(ada->value(Field::Phone), QString("+442079460018"));
    QCOMPARE(ada->value(Field::CompanyName), QString("Analytical Engines"));
    QCOMPARE(ada->value(Field::JobTitle), QString("Mathematician"));
    QCOMPARE(ada->value(Field::LinkedinUrl), QString("https://www.linkedin.com/in/ada-lovelace"));
    QCOMPARE(ada->tags, (QStringList {"pioneer", "math"}));
    QCOMPARE(import(fixturePath("import/contacts.vcf"))->unchanged, 2);
}

void TestImportJob::keepsTheSessionsCacheSize()
{
    // The window's connection runs with a small page cache; an import on it must not leave it at 256 MiB.
    QVERIFY(m_session->database().setCacheSizeKiB(16 * 1024));
    QVERIFY(import(fixturePath("import/people.csv")));
    QCOMPARE(m_session->database().cacheSizeKiB(), 16 * 1024);
    QVERIFY(m_session->database().setCacheSizeKiB(256 * 1024));
    QVERIFY(import(fixturePath("import/people.csv")));
    QCOMPARE(m_session->database().cacheSizeKiB(), 256 * 1024);
}

void TestImportJob::refusesUnusableFiles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("code");
    QTest::newRow("empty file") << QByteArray() << int(ErrorCode::EmptyFile);
    QTest::newRow("header only") << QByteArray("email,first_name\n") << int(ErrorCode::EmptyFile);
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 24) << int(ErrorCode::NotATable);
    QTest::newRow("missing") << QByteArray("<missing>") << int(ErrorCode::FileNotFound);
}

void TestImportJob::refusesUnusableFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(int, code);
    QVERIFY(m_session->engine().upsert(patchFrom("email=keep@acme.com"), UpsertPolicies::local(), {}));
    const QString before = snapshot();
    const QString path = content == "<missing>" ? m_dir->filePath("nope.csv") : write("file.csv", content);
    const auto summary = import(path);
    QVERIFY(!summary);
    QCOMPARE(int(summary.error().code), code);
    QVERIFY(summary.error().detail.contains(path));
    QCOMPARE(snapshot(), before);
}

// A quote never closed on line 3 of 2,001: before, the rest of the file became one cell of row 2 and the import
// said "1 row, 1 rejected MissingIdentifier" with no word about the quote.
void TestImportJob::unterminatedQuoteKeepsTheRowsBefore()
{
    QByteArray csv("email,first_name\none@x.example,One\ntwo@x.example,\"Two\n");
    for (int i = 3; i <= 2000; ++i)
        csv += "p" + QByteArray::number(i) + "@x.example,Person\n";
    ImportOptions options;
    options.path = write("quote.csv", csv);
    ImportJob job(*m_session, options);
    const auto summary = job.run();
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
    QCOMPARE(summary->created, 1);
    QCOMPARE(summary->rejected, 0);
    QVERIFY(summary->incomplete);
    QCOMPARE(summary->stoppedAtLine, 3);
    QCOMPARE(summary->errors.size(), 1);
    QCOMPARE(summary->errors.first().line, 3);
    QCOMPARE(summary->errors.first().code, ErrorCode::ParseError);
    QVERIFY(summary->errors.first().message.contains("never closed"));
    QCOMPARE(m_session->contacts().count(), 1);
}

// Three cards, the first without END:VCARD: three contacts, and the report names the damaged card's line.
void TestImportJob::vcardWithoutEndIsReported()
{
    ImportOptions options;
    options.path = write("three.vcf",
                         "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEMAIL:a@x.example\r\n"
                         "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nEMAIL:b@x.example\r\nEND:VCARD\r\n"
                         "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:C\r\nEMAIL:c@x.example\r\nEND:VCARD\r\n");
    ImportJob job(*m_session, options);
    const auto summary = job.run();
    QVERIFY(summary);
    QCOMPARE(summary->created, 3);
    const auto damaged = std::find_if(summary->warnings.cbegin(), summary->warnings.cend(),
                                      [](const ImportIssue& w) { return w.code == ErrorCode::ParseError; });
    QVERIFY(damaged != summary->warnings.cend());
    QCOMPARE(damaged->line, 1);
    QVERIFY(damaged->message.contains("END:VCARD"));
}

// Roster keeps one phone a contact (lists come with #12's phones) and no nickname or chat address: what it does not
// keep is named in the report, never dropped in silence (a card with three TEL lines used to keep one, unsaid).
void TestImportJob::vcardValuesNotKeptAreReported()
{
    ImportOptions options;
    options.path = write("many.vcf",
                         "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:123\r\nFN:Ann Lee\r\nN:Lee;Ann;;;\r\n"
                         "EMAIL:ann@x.example\r\nTEL;TYPE=WORK:+33 1 23 45 67 89\r\n"
                         "TEL;TYPE=FAX:+33 1 23 45 67 00\r\nTEL;TYPE=CELL,PREF:+33 6 12 34 56 78\r\n"
                         "URL:https://ann.example\r\nURL:https://blog.ann.example\r\n"
                         "ORG:Acme;Sales\r\nNICKNAME:Annie\r\nIMPP:xmpp:ann@chat.example\r\n"
                         "GEO:geo:48.85,2.35\r\nX-PARTNER:Bob\r\nREV:2024-01-01T00:00:00Z\r\n"
                         "PHOTO;ENCODING=b;TYPE=JPEG:"
                             + QByteArray(3000, 'A') + "\r\nLOGO;ENCODING=b;TYPE=PNG:" + QByteArray(2000, 'B')
                             + "\r\nEND:VCARD\r\n");
    ImportJob job(*m_session, options);
    const auto summary = job.run();
    QVERIFY(summary);
    QCOMPARE(summary->created, 1);
    const auto contact = m_session->contacts().contact(1);
    QCOMPARE(contact->value(Field::Phone), QString("+33612345678")); // the preferred one
    QCOMPARE(contact->value(Field::Website), QString("https://ann.example"));
    QStringList reported;
    for (const ImportIssue& w : summary->warnings) {
        if (w.code == ErrorCode::FieldIgnored)
            reported << w.message;
    }
    QCOMPARE(reported.size(), 1);
    const QString& message = reported.first();
    for (const char* part :
         {"ORG unit 'Sales'", "NICKNAME 'Annie'", "IMPP 'xmpp:ann@chat.example'", "GEO", "X-PARTNER 'Bob'"})
        QVERIFY2(message.contains(part), qPrintable(message));
    // Every phone and web page is kept now, so none is in the list of values not kept.
    QVERIFY2(!message.contains("TEL") && !message.contains("URL"), qPrintable(message));
    QCOMPARE(contact->extraPhones.size(), 2);
    QCOMPARE(contact->extraWebsites, QStringList {"https://blog.ann.example"});
    QVERIFY2(!message.contains("UID") && !message.contains("REV"), qPrintable(message));
    // An image inside the card is named (it was dropped unsaid), and a long value is not quoted whole.
    QVERIFY2(message.contains("PHOTO (an image inside the card"), qPrintable(message));
    QVERIFY2(message.contains("LOGO 'BBBB") && message.contains("(2000 characters)"), qPrintable(message));
    QVERIFY2(message.size() < 600, qPrintable(message));
}

// Rows of one file that share an identity key (an email, an extra email, a LinkedIn or Sales Navigator URL), however
// far apart and however joined (A and B by email, B and C by LinkedIn URL), are one contact: folded before they are
// applied, so a second import of the same file writes and reports nothing. The first row's values are kept; a later
// row's other email becomes an extra email; rows joined by a key whose names differ are reported as
// PossibleDuplicate with both names and the key. Before, a row sharing only a LinkedIn URL with an earlier one
// renamed the contact, silently, and the second import "updated" it twice.
// Two rows of one person with two phones: both are the person's, and the file imported again changes nothing.
void TestImportJob::rowsOfOnePersonKeepEveryPhone()
{
    const QString path = write("phones.csv",
                               "Email,Phone,Phone Type,Website\n"
                               "ann@acme.example,06 12 34 56 78,Mobile,https://ann.example\n"
                               "ann@acme.example,01 40 00 00 00,Work,https://acme.example/ann\n"
                               "ann@acme.example,+33612345678,Mobile,\n");
    const auto first = import(path);
    QVERIFY(first);
    QCOMPARE(first->created, 1);
    const auto ann = m_session->contacts().contact(1);
    QCOMPARE(ann->value(Field::Phone), QString("+33612345678"));
    QCOMPARE(ann->value(Field::PhoneType), QString("mobile"));
    QCOMPARE(ann->extraPhones, PhoneList({{QString("+33140000000"), PhoneType::Work}}));
    QCOMPARE(ann->extraWebsites, QStringList {"https://acme.example/ann"});
    const qint64 entries = changeLogEntries();
    const auto again = import(path);
    QVERIFY(again);
    QCOMPARE(again->created, 0);
    QCOMPARE(again->updated, 0);
    QCOMPARE(changeLogEntries(), entries);
}

void TestImportJob::rowsSharingAKeyFoldIntoOne_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("batchSize");
    QTest::addColumn<int>("created");
    QTest::addColumn<int>("merged");
    QTest::addColumn<QString>("keptName");
    QTest::addColumn<QStringList>("extraEmails");
    QTest::addColumn<QStringList>("reported"); // texts the PossibleDuplicate warning holds; empty: no warning

    const QByteArray header = "First Name,Last Name,Email,LinkedIn,Sales Navigator,Job Title\n";
    const QByteArray juergen = "J\xC3\xBCrgen,Pe\xC3\xB1"
                               "a,jurgen@acme.example,https://www.linkedin.com/in/jurgen-pena,,CTO\n";
    const QByteArray helene = "H\xC3\xA9l\xC3\xA8ne,Wi\xC5\x9Bniewski,helene@other.example,"
                              "https://de.linkedin.com/in/Jurgen-Pena/,,\n";
    // Seven other people, a batch or more apart.
    const auto filler = [](const QByteArray& stem) {
        QByteArray rows;
        for (int i = 0; i < 7; ++i)
            rows += stem + QByteArray::number(i) + ",X," + stem + QByteArray::number(i) + "@x.example,,,\n";
        return rows;
    };
    const QStringList both {"Jürgen Peña", "Hélène Wiśniewski", "https://www.linkedin.com/in/jurgen-pena"};

    QTest::newRow("linkedin url, other email and name")
        << header + juergen + helene << 100 << 1 << 1 << "Jürgen Peña" << QStringList {"helene@other.example"} << both;
    QTest::newRow("linkedin url, batches apart") << header + juergen + filler("p") + helene << 2 << 8 << 1
                                                 << "Jürgen Peña" << QStringList {"helene@other.example"} << both;
    QTest::newRow("same name, no warning")
        << header + juergen + "Jürgen,Peña,jp@home.example,https://www.linkedin.com/in/jurgen-pena/,,\n"
        << 100 << 1 << 1 << "Jürgen Peña" << QStringList {"jp@home.example"} << QStringList();
    QTest::newRow("sales navigator url") << header
            + "Ann,Lee,ann@a.example,,https://www.linkedin.com/sales/lead/ACwAAB1,\n"
              "Anne,Leigh,anne@b.example,,https://www.linkedin.com/sales/lead/ACwAAB1,\n"
                                         << 100 << 1 << 1 << "Ann Lee" << QStringList {"anne@b.example"}
                                         << QStringList {"Ann Lee", "Anne Leigh",
                                                         "https://www.linkedin.com/sales/lead/ACwAAB1"};
    // A and B share an email, B and C a LinkedIn URL: one person, though A and C share nothing.
    QTest::newRow("transitive, batches apart")
        << header + "Ann,Lee,ann@a.example,,,\n" + filler("p")
            + "Ann,Lee,ANN@a.example,https://www.linkedin.com/in/ann-lee,,\n" + filler("q")
            + "Ann,Lee,ann@c.example,https://www.linkedin.com/in/ann-lee,,\n"
        << 3 << 15 << 2 << "Ann Lee" << QStringList {"ann@c.example"} << QStringList();
}

void TestImportJob::rowsSharingAKeyFoldIntoOne()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, batchSize);
    QFETCH(int, created);
    QFETCH(int, merged);
    QFETCH(QString, keptName);
    QFETCH(QStringList, extraEmails);
    QFETCH(QStringList, reported);
    ImportOptions options;
    options.batchSize = batchSize;
    const QString path = write("shared.csv", csv);

    const auto first = import(path, options);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
    QCOMPARE(first->created, created);
    QCOMPARE(first->updated, 0);
    QCOMPARE(first->merged, merged);
    QCOMPARE(first->rejected, 0);
    qint64 id = 0;
    m_session->contacts().forEach([&](const Contact& c) {
        if (c.value(Field::FirstName) + ' ' + c.value(Field::LastName) == keptName)
            id = c.id;
        return true;
    });
    QVERIFY2(id > 0, qPrintable(snapshot()));
    QCOMPARE(m_session->contacts().contact(id)->extraEmails, extraEmails);
    const auto duplicates = [](const ImportSummary& summary) {
        QStringList messages;
        for (const ImportIssue& w : summary.warnings) {
            if (w.code == ErrorCode::PossibleDuplicate)
                messages << w.message;
        }
        return messages;
    };
    const QStringList warnings = duplicates(*first);
    QCOMPARE(warnings.size(), reported.isEmpty() ? 0 : 1);
    for (const QString& text : reported)
        QVERIFY2(warnings.first().contains(text), qPrintable(warnings.first()));

    // The very same file again: nothing written, nothing reported as changed, and the same warning.
    const QString before = snapshot();
    const qint64 logged = changeLogEntries();
    const auto second = import(path, options);
    QVERIFY(second);
    QCOMPARE(second->created, 0);
    QCOMPARE(second->updated, 0);
    QCOMPARE(second->merged, merged);
    QCOMPARE(second->unchanged, second->rows - merged);
    QCOMPARE(changeLogEntries(), logged);
    QCOMPARE(snapshot(), before);
    QCOMPARE(duplicates(*second), warnings);
}

// The content decides the format, not the file's name: a CSV cell holding "BEGIN:VCARD" near the top was read as
// a vCard (the dialog showed a table, the job imported cards), and a vCard saved as .txt needs no renaming.
void TestImportJob::formatIsReadFromTheContent_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("created");

    const QByteArray card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL:ann@x.example\r\nEND:VCARD\r\n";
    QTest::newRow("csv with a card in a cell")
        << "notes.csv"
        << QByteArray("Email,Notes\nann@x.example,\"pasted:\nBEGIN:VCARD\nFN:Ann\nEND:VCARD\"\nbob@x.example,\n")
        << "csv" << 2;
    QTest::newRow("csv with BEGIN:VCARD as a cell")
        << "cells.csv" << QByteArray("Email,Notes\nann@x.example,BEGIN:VCARD\n") << "csv" << 1;
    QTest::newRow("vcard named .txt") << "contacts.txt" << card << "vcard" << 1;
    QTest::newRow("vcard after blank lines and a BOM") << "contacts.vcf"
                                                       << "\xEF\xBB\xBF\r\n\r\n" + card << "vcard" << 1;
    QTest::newRow("csv named .vcf") << "contacts.vcf" << QByteArray("Email,First Name\nann@x.example,Ann\n") << "csv"
                                    << 1;
}

void TestImportJob::formatIsReadFromTheContent()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, format);
    QFETCH(int, created);
    const auto summary = import(write(name, content));
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
    QCOMPARE(summary->format, format);
    QCOMPARE(summary->created, created);
    QCOMPARE(summary->rejected, 0);
}

// The rejected rows as the file had them (every column, the file's delimiter, no spreadsheet guard, a card's own
// lines) plus why and where: what a user fixes and imports again. Before, the file held only line, field, code
// and message, and the rows themselves had to be found by hand.
void TestImportJob::rejectedRowsAreTheOriginalRows_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("csv, semicolons") << "rows.csv"
                                     << QByteArray("Name;Email;Phone;Notes\r\n"
                                                   "Ann;ann@x.example;+33 6 12 34 56 78;ok\r\n"
                                                   "Bob;not-an-email;+33 6 00 00 00 01;\"says \"\"hi\"\"; twice\"\r\n"
                                                   "Cy;;;no identifier\r\n")
                                     << QByteArray("Name;Email;Phone;Notes;Roster error;Roster line\r\n"
                                                   "Bob;not-an-email;+33 6 00 00 00 01;\"says \"\"hi\"\"; twice\";"
                                                   "InvalidEmail: why;3\r\n"
                                                   "Cy;;;no identifier;MissingIdentifier: why;4\r\n");
    QTest::newRow("vcard") << "cards.vcf"
                           << QByteArray(
                                  "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\nEMAIL:ann@x.example\r\nEND:VCARD\r\n"
                                  "BEGIN:VCARD\nVERSION:3.0\nFN:Bob\nEMAIL:not-an-email\nNOTE:a\\, b\nEND:VCARD\n")
                           << QByteArray("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob\r\nEMAIL:not-an-email\r\nNOTE:a\\, b\r\n"
                                         "X-ROSTER-ERROR:InvalidEmail: why (line 6)\r\nEND:VCARD\r\n");
}

void TestImportJob::rejectedRowsAreTheOriginalRows()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, expected);
    const auto plan = ImportJob::plan(*m_session, write(name, content));
    QVERIFY(plan);
    ImportOptions options;
    options.plan = *plan;
    ImportJob job(*m_session, options);
    const auto summary = job.run();
    QVERIFY(summary);
    RejectedRowsWriter::Rows rows;
    const QList<qsizetype> first = summary->errors.firstOfEachLine();
    for (const qsizetype i : first)
        rows.lines << summary->errors.line(i);
    rows.reason = [&](qsizetype index) {
        QString reason = errorCodeName(summary->errors.code(first.at(index)));
        reason += QStringLiteral(": why");
        return reason;
    };
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    const auto written = RejectedRowsWriter::write(*plan, rows, &out);
    QVERIFY(written);
    QCOMPARE(*written, rows.lines.size());
    QCOMPARE(out.data(), expected);
}

QTEST_GUILESS_MAIN(TestImportJob)
#include "tst_importjob.moc"
