#include "store/ContactStore.h"
#include "store/ImportJob.h"
#include "store/SqlStatement.h"
#include "store/StoreSession.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace roster;

// NUL bytes in a file of contacts, as damaged exports and padded fixed-width dumps have them. A NUL is not text:
// a few of them must not make a table "binary data", and one late in the file must not be stored inside a value,
// where SQLite's text functions and every C string stop at it ("Fi\0rst" was stored, searched and shown as
// "Fi"). Each becomes U+FFFD, the row is kept, and the report names the line and the field.
class TestImportNulBytes final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void nulBecomesAReportedReplacement_data();
    void nulBecomesAReportedReplacement();
    void binaryDataIsStillRefused();

private:
    QString write(const QString& name, const QByteArray& bytes);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreSession> m_session;
};

void TestImportNulBytes::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_session = std::move(*StoreSession::open(m_dir->filePath("db.sqlite"), "FR"));
}

QString TestImportNulBytes::write(const QString& name, const QByteArray& bytes)
{
    QFile file(m_dir->filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write");
    file.write(bytes);
    return file.fileName();
}

void TestImportNulBytes::nulBecomesAReportedReplacement_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("created");
    QTest::addColumn<QString>("email"); // of the damaged contact
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<int>("line");

    const QByteArray nul(1, '\0');
    QTest::newRow("a short CSV") << "short.csv" << QByteArray("email,first_name\na@x.com,A" + nul + "nn\nb@x.com,Bob\n")
                                 << 2 << "a@x.com"
                                 << "first_name"
                                 << "A\uFFFDnn" << 2;
    QByteArray late = "email,first_name,last_name\n";
    for (int i = 0; i < 30000; ++i) {
        late += "p" + QByteArray::number(i) + "@x.com,First" + QByteArray::number(i) + ",Last";
        if (i == 25000)
            late += nul + nul;
        late += '\n';
    }
    QTest::newRow("30,000 rows, past what the encoding is guessed from")
        << "late.csv" << late << 30000 << "p25000@x.com"
        << "last_name"
        << "Last\uFFFD\uFFFD" << 25002;
    QByteArray wide = QByteArray("\xFF\xFE", 2);
    for (const QString& line : {QStringLiteral("email\tfirst_name\r\n"), QStringLiteral("u@x.com\tU\u0000lla\r\n")})
        wide += QByteArray(reinterpret_cast<const char*>(line.utf16()), line.size() * 2);
    QTest::newRow("UTF-16 with a U+0000") << "wide.txt" << wide << 1 << "u@x.com"
                                          << "first_name"
                                          << "U\uFFFDlla" << 2;
    QTest::newRow("a vCard") << "card.vcf"
                             << QByteArray("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann" + nul
                                           + ";;;\r\nFN:Ann Lee\r\nEMAIL:ann@x.com\r\nEND:VCARD\r\n")
                             << 1 << "ann@x.com"
                             << "first_name"
                             << "Ann\uFFFD" << 1;
}

void TestImportNulBytes::nulBecomesAReportedReplacement()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(int, created);
    QFETCH(QString, email);
    QFETCH(QString, field);
    QFETCH(QString, stored);
    QFETCH(int, line);
    ImportOptions options;
    options.path = write(name, content);
    ImportJob job(*m_session, options);
    const auto summary = job.run();
    QVERIFY2(summary, qPrintable(summary ? QString() : summary.error().toString()));
    QCOMPARE(summary->created, created);
    QCOMPARE(summary->rejected, 0);
    // Stored whole, with the replacement where the NUL was: SQLite's length() counts every character.
    SqlStatement query(
        m_session->database(),
        QByteArray("SELECT " + field.toLatin1() + ", length(" + field.toLatin1() + ") FROM contacts WHERE email = ?")
            .constData());
    query.bind(1, email);
    QVERIFY(query.next());
    QCOMPARE(query.columnText(0), stored);
    QCOMPARE(query.columnInt(1), stored.size());
    qsizetype reported = 0;
    for (const ImportIssue& issue : summary->warnings) {
        if (issue.code != ErrorCode::InvalidEncoding)
            continue;
        ++reported;
        QCOMPARE(issue.line, line);
        QCOMPARE(issue.field, field);
        QVERIFY2(issue.message.contains(stored), qPrintable(issue.message));
    }
    QCOMPARE(reported, 1);
}

// Data with NULs and control bytes all through it is not a table, whatever its name says.
void TestImportNulBytes::binaryDataIsStillRefused()
{
    QByteArray bytes;
    quint32 state = 20261207;
    for (int i = 0; i < 4096; ++i) {
        state = state * 1664525u + 1013904223u;
        bytes += static_cast<char>(state >> 24);
    }
    ImportOptions options;
    options.path = write("data.csv", bytes);
    ImportJob job(*m_session, options);
    const auto summary = job.run();
    QVERIFY(!summary);
    QCOMPARE(errorCodeName(summary.error().code), QStringLiteral("NotATable"));
    QCOMPARE(m_session->contacts().count(), 0);
}

QTEST_GUILESS_MAIN(TestImportNulBytes)
#include "tst_importnulbytes.moc"
