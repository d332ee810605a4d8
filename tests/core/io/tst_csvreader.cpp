#include "io/CsvReader.h"

#include <QBuffer>
#include <QStringEncoder>
#include <QTest>

using namespace roster;

namespace {

QByteArray utf16(const QString& text, QStringConverter::Encoding encoding, bool bom)
{
    QStringEncoder encoder(encoding, bom ? QStringConverter::Flag::WriteBom : QStringConverter::Flag::Default);
    return encoder.encode(text);
}

struct Parsed
{
    QStringList header;
    QList<QStringList> records;
    QList<qint64> lines;
    QString delimiter;
    QString encoding;
    qint64 bytesConsumed = 0;
};

Result<Parsed> parseAll(const QByteArray& input, qsizetype chunkSize = 0)
{
    QBuffer buffer;
    buffer.setData(input);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    if (chunkSize > 0)
        reader.setChunkSize(chunkSize);
    if (const auto ok = reader.open(); !ok)
        return std::unexpected(ok.error());
    Parsed parsed;
    parsed.header = reader.header();
    parsed.delimiter = reader.delimiter();
    CsvRecord record;
    for (;;) {
        const auto got = reader.readRecord(record);
        if (!got)
            return std::unexpected(got.error());
        if (!*got)
            break;
        parsed.records << record.toStringList();
        parsed.lines << record.line();
    }
    parsed.bytesConsumed = reader.bytesConsumed();
    parsed.encoding = QString::fromLatin1(reader.encoding());
    return parsed;
}

using Rows = QList<QStringList>;
using Lines = QList<qint64>;

} // namespace

class TestCsvReader final : public QObject
{
    Q_OBJECT

private slots:
    void reads_data();
    void reads();
    void refuses_data();
    void refuses();
    void asciiStartThenWindows1252();
    void asciiStartThenDamagedUtf8();
    void cutLetterAtChunkEndKeepsTheDelimiter();
    void manyRecordsAcrossChunkBoundaries();
    void overlongRecordIsParseError();
    void unterminatedQuoteNamesItsLine_data();
    void unterminatedQuoteNamesItsLine();
    void forcedEncodingAndDelimiter();
};

void TestCsvReader::reads_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<Rows>("records");
    QTest::addColumn<Lines>("lines");
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<QString>("encoding");

    const QStringList ab {QStringLiteral("a"), QStringLiteral("b")};
    const auto row = [](std::initializer_list<const char16_t*> cells) {
        QStringList list;
        for (const char16_t* cell : cells)
            list << QString::fromUtf16(cell);
        return list;
    };

    QTest::newRow("plain LF") << QByteArray("a,b\n1,2\n3,4\n") << ab << Rows {row({u"1", u"2"}), row({u"3", u"4"})}
                              << Lines {2, 3} << u","_qs << u"UTF-8"_qs;
    QTest::newRow("no final line end") << QByteArray("a,b\n1,2") << ab << Rows {row({u"1", u"2"})} << Lines {2}
                                       << u","_qs << QString();
    QTest::newRow("quotes and doubled quotes")
        << QByteArray("a,b\n\"Smith, J\",\"He said \"\"hi\"\"\"\n") << ab
        << Rows {row({u"Smith, J", u"He said \"hi\""})} << Lines {2} << u","_qs << QString();
    QTest::newRow("line break inside quotes")
        << QByteArray("a,b\n\"line1\nline2\",x\ny,z\n") << ab << Rows {row({u"line1\nline2", u"x"}), row({u"y", u"z"})}
        << Lines {2, 4} << u","_qs << QString();
    QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n3,4\r\n") << ab << Rows {row({u"1", u"2"}), row({u"3", u"4"})}
                          << Lines {2, 3} << u","_qs << QString();
    QTest::newRow("CR only") << QByteArray("a,b\r1,2\r\"x\ry\",4\r5,6") << ab
                             << Rows {row({u"1", u"2"}), row({u"x\ry", u"4"}), row({u"5", u"6"})} << Lines {2, 3, 5}
                             << u","_qs << QString();
    QTest::newRow("CRLF inside quotes") << QByteArray("a,b\r\n\"p\r\nq\",2\r\n") << ab << Rows {row({u"p\r\nq", u"2"})}
                                        << Lines {2} << u","_qs << QString();
    QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBFname,city\nJos\xC3\xA9,Z\xC3\xBCrich\n")
                               << QStringList {u"name"_qs, u"city"_qs} << Rows {row({u"José", u"Zürich"})} << Lines {2}
                               << u","_qs << u"UTF-8"_qs;
    const QString text = u"name,city\nJosé,Zürich\n"_qs;
    const QStringList nameCity {u"name"_qs, u"city"_qs};
    const Rows jose {row({u"José", u"Zürich"})};
    QTest::newRow("UTF-16 LE BOM") << utf16(text, QStringConverter::Utf16LE, true) << nameCity << jose << Lines {2}
                                   << u","_qs << u"UTF-16LE"_qs;
    QTest::newRow("UTF-16 BE BOM") << utf16(text, QStringConverter::Utf16BE, true) << nameCity << jose << Lines {2}
                                   << u","_qs << u"UTF-16BE"_qs;
    QTest::newRow("UTF-16 LE no BOM") << utf16(text, QStringConverter::Utf16LE, false) << nameCity << jose << Lines {2}
                                      << u","_qs << u"UTF-16LE"_qs;
    QTest::newRow("UTF-16 BE no BOM") << utf16(text, QStringConverter::Utf16BE, false) << nameCity << jose << Lines {2}
                                      << u","_qs << u"UTF-16BE"_qs;
    QTest::newRow("Windows-1252 Müller Café")
        << QByteArray("first_name,last_name,company\nHans,M\xFCller,Caf\xE9 GmbH \x80 \x93ok\x94\n")
        << QStringList {u"first_name"_qs, u"last_name"_qs, u"company"_qs}
        << Rows {row({u"Hans", u"Müller", u"Café GmbH € “ok”"})} << Lines {2} << u","_qs << u"windows-1252"_qs;
    // An exporter that cuts a field after so many bytes can split a letter: the file stays UTF-8 and only
    // the broken letter becomes U+FFFD, instead of every accent in the file turning into mojibake.
    QTest::newRow("UTF-8 with a letter cut in half")
        << QByteArray("name,city\nJos\xC3\xA9,Z\xC3\xBCrich\nAna\xC3\xAFs,Lef\xC3,x\nL\xC3\xA9"
                      "a,K\xC3\xB6ln\n")
        << nameCity << Rows {row({u"José", u"Zürich"}), row({u"Anaïs", u"Lef\uFFFD", u"x"}), row({u"Léa", u"Köln"})}
        << Lines {2, 3, 4} << u","_qs << u"UTF-8"_qs;
    QTest::newRow("UTF-8 with three accents and one letter cut")
        << QByteArray(
               "name,company\nHannah,Kraft & S\xC3\xB6hne\nL\xC3\xA9on,Batix\nL\xC3\xA9on,Batix\nChlo\xC3,Batix\n")
        << QStringList {u"name"_qs, u"company"_qs}
        << Rows {row({u"Hannah", u"Kraft & Söhne"}), row({u"Léon", u"Batix"}), row({u"Léon", u"Batix"}),
                 row({u"Chlo\uFFFD", u"Batix"})}
        << Lines {2, 3, 4, 5} << u","_qs << u"UTF-8"_qs;
    QTest::newRow("Windows-1252 with one byte pair that is valid UTF-8")
        << QByteArray("name,city\nFran\xE7ois,Besan\xE7on\nJos\xE9,M\xE1laga\n\xC3\xA9mile,x\n") << nameCity
        << Rows {row({u"François", u"Besançon"}), row({u"José", u"Málaga"}), row({u"Ã©mile", u"x"})} << Lines {2, 3, 4}
        << u","_qs << u"windows-1252"_qs;
    QTest::newRow("ISO-8859-1") << QByteArray("name,city\nFran\xE7ois,Besan\xE7on\nJos\xE9,M\xE1laga\n") << nameCity
                                << Rows {row({u"François", u"Besançon"}), row({u"José", u"Málaga"})} << Lines {2, 3}
                                << u","_qs << QString();
    QTest::newRow("ISO-8859-15") << QByteArray("name,note\n\xC9tienne,\xA4 5 pour le c\xBDur\n")
                                 << nameCity.first(1) + QStringList {u"note"_qs}
                                 << Rows {row({u"Étienne", u"€ 5 pour le cœur"})} << Lines {2} << u","_qs
                                 << u"ISO-8859-15"_qs;
    QTest::newRow("semicolon") << QByteArray("Nom;Pr\xC3\xA9nom;Montant\nDupont;Jean;1,5\nMartin;Luc;2,25\n")
                               << QStringList {u"Nom"_qs, u"Prénom"_qs, u"Montant"_qs}
                               << Rows {row({u"Dupont", u"Jean", u"1,5"}), row({u"Martin", u"Luc", u"2,25"})}
                               << Lines {2, 3} << u";"_qs << QString();
    QTest::newRow("tab") << QByteArray("a\tb\n1, x\t2\n") << ab << Rows {row({u"1, x", u"2"})} << Lines {2} << u"\t"_qs
                         << QString();
    QTest::newRow("pipe") << QByteArray("a|b\n1|2\n3|4\n") << ab << Rows {row({u"1", u"2"}), row({u"3", u"4"})}
                          << Lines {2, 3} << u"|"_qs << QString();
    QTest::newRow("LinkedIn notes preamble")
        << QByteArray("Notes:\r\n\"When exporting your connection data, you may notice that some of the email "
                      "addresses are missing. See https://www.linkedin.com/help, thanks.\"\r\n\r\n"
                      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
                      "Reid,Hoffman,https://www.linkedin.com/in/reidhoffman,,Greylock,Partner,14 Mar 2023\r\n")
        << QStringList {u"First Name"_qs, u"Last Name"_qs, u"URL"_qs,         u"Email Address"_qs,
                        u"Company"_qs,    u"Position"_qs,  u"Connected On"_qs}
        << Rows {row({u"Reid", u"Hoffman", u"https://www.linkedin.com/in/reidhoffman", u"", u"Greylock", u"Partner",
                      u"14 Mar 2023"})}
        << Lines {5} << u","_qs << QString();
    QTest::newRow("blank lines") << QByteArray("\n\na,b\n\n1,2\n\n\n3,4\n,\n\n") << ab
                                 << Rows {row({u"1", u"2"}), row({u"3", u"4"})} << Lines {5, 8} << u","_qs << QString();
    QTest::newRow("ragged rows") << QByteArray("a,b,c\n1,2\n3,4,5,6\n7,8,9\n")
                                 << QStringList {u"a"_qs, u"b"_qs, u"c"_qs}
                                 << Rows {row({u"1", u"2"}), row({u"3", u"4", u"5", u"6"}), row({u"7", u"8", u"9"})}
                                 << Lines {2, 3, 4} << u","_qs << QString();
    QTest::newRow("trailing delimiter") << QByteArray("a,b,\n1,2,\n") << QStringList {u"a"_qs, u"b"_qs, QString()}
                                        << Rows {row({u"1", u"2", u""})} << Lines {2} << u","_qs << QString();
    QTest::newRow("quote inside unquoted cell")
        << QByteArray("a,b\nab\"c,d\n") << ab << Rows {row({u"ab\"c", u"d"})} << Lines {2} << u","_qs << QString();
    QTest::newRow("text after closing quote")
        << QByteArray("a,b\n\"ab\"c,d\n") << ab << Rows {row({u"abc", u"d"})} << Lines {2} << u","_qs << QString();
    QTest::newRow("header spaces trimmed")
        << QByteArray(" a , b \n1,2\n") << ab << Rows {row({u"1", u"2"})} << Lines {2} << u","_qs << QString();
    QTest::newRow("single column") << QByteArray("email\na@x.example\nb@x.example\n") << QStringList {u"email"_qs}
                                   << Rows {row({u"a@x.example"}), row({u"b@x.example"})} << Lines {2, 3} << u","_qs
                                   << QString();
}

void TestCsvReader::reads()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, header);
    QFETCH(Rows, records);
    QFETCH(Lines, lines);
    QFETCH(QString, delimiter);
    QFETCH(QString, encoding);

    for (const qsizetype chunk : {qsizetype(0), qsizetype(16), qsizetype(17)}) {
        const auto parsed = parseAll(input, chunk);
        QVERIFY2(parsed.has_value(), qPrintable(parsed ? QString() : parsed.error().toString()));
        QCOMPARE(parsed->header, header);
        QCOMPARE(parsed->records, records);
        QCOMPARE(parsed->lines, lines);
        QCOMPARE(parsed->delimiter, delimiter);
        if (!encoding.isEmpty())
            QCOMPARE(parsed->encoding, encoding);
        QCOMPARE(parsed->bytesConsumed, qint64(input.size()));
    }
}

void TestCsvReader::refuses_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<ErrorCode>("code");

    QTest::newRow("empty") << QByteArray() << ErrorCode::EmptyFile;
    QTest::newRow("blank lines only") << QByteArray("\n\r\n\n") << ErrorCode::EmptyFile;
    QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << ErrorCode::EmptyFile;
    QTest::newRow("header only") << QByteArray("first_name,last_name,email\r\n") << ErrorCode::EmptyFile;
    QTest::newRow("header and blank lines") << QByteArray("a,b\n\n,\n") << ErrorCode::EmptyFile;
    QTest::newRow("PNG") << QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) << ErrorCode::NotATable;
    QTest::newRow("xlsx (zip)") << QByteArray("PK\x03\x04\x14\0\x06\0", 8) << ErrorCode::NotATable;
    QTest::newRow("ELF") << QByteArray("\x7F"
                                       "ELF\x02\x01\x01\0\0\0\0\0",
                                       12)
                         << ErrorCode::NotATable;
    QByteArray random;
    quint32 seed = 12345;
    for (int i = 0; i < 4096; ++i) {
        seed = seed * 1664525u + 1013904223u;
        random.append(static_cast<char>(seed >> 24));
    }
    QTest::newRow("random bytes") << random << ErrorCode::NotATable;
    QTest::newRow("NUL bytes in text") << QByteArray("a,b\n1,\0\0\0\x01\x02", 11) << ErrorCode::NotATable;
}

void TestCsvReader::refuses()
{
    QFETCH(QByteArray, input);
    QFETCH(ErrorCode, code);
    const auto parsed = parseAll(input);
    QVERIFY(!parsed.has_value());
    QCOMPARE(errorCodeName(parsed.error().code), errorCodeName(code));
}

void TestCsvReader::asciiStartThenWindows1252()
{
    // The detector only sees ASCII in the first chunk; the reader must not turn "Müller" into U+FFFD later.
    QByteArray input("name,city\n");
    while (input.size() < 70000)
        input += "Smith,London\n";
    input += "M\xFCller,K\xF6ln\n";
    const auto parsed = parseAll(input, 64);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->records.last(1).size(), 1);
    QCOMPARE(parsed->records.last(), (QStringList {u"Müller"_qs, u"Köln"_qs}));
    QCOMPARE(parsed->encoding, u"windows-1252"_qs);
}

void TestCsvReader::asciiStartThenDamagedUtf8()
{
    // Past an ASCII first chunk, a chunk of UTF-8 with one cut letter is still UTF-8, not Windows-1252.
    // The reader decodes 64-byte chunks here: the ASCII part ends on a chunk boundary, so the first chunk
    // with high bytes holds the cut letter and the whole ones together.
    QByteArray input("name,city\n");
    while (input.size() < 70000)
        input += "Smith,London\n";
    input += "Smith," + QByteArray(63 - (input.size() + 6) % 64, 'x') + '\n';
    QCOMPARE(input.size() % 64, 0);
    input += "Lef\xC3,Caf\xC3\xA9\nM\xC3\xBCller,K\xC3\xB6ln\nJos\xC3\xA9,Z\xC3\xBCrich\n";
    const auto parsed = parseAll(input, 64);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->records.last(3),
             (Rows {QStringList {u"Lef\uFFFD"_qs, u"Café"_qs}, QStringList {u"Müller"_qs, u"Köln"_qs},
                    QStringList {u"José"_qs, u"Zürich"_qs}}));
    QCOMPARE(parsed->encoding, u"UTF-8"_qs);
}

// Qt 6.4's UTF-8 decoder, handed a chunk that ends with a lead byte which the next chunk shows to be
// invalid, drops that next byte: here the comma, which merged two cells into one.
void TestCsvReader::cutLetterAtChunkEndKeepsTheDelimiter()
{
    QByteArray input("name,city\nL\xC3\xA9"
                     "a,K\xC3\xB6ln\n");
    QByteArray padding("p,");
    while ((input.size() + padding.size() + 1 + 4) % 64 != 0)
        padding += 'p';
    input += padding + '\n';
    input += "Lef\xC3";
    QCOMPARE(input.size() % 64, 0);
    input += ",Paris\n";
    const auto parsed = parseAll(input, 64);
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->encoding, u"UTF-8"_qs);
    QCOMPARE(parsed->records.first(), (QStringList {u"Léa"_qs, u"Köln"_qs}));
    QCOMPARE(parsed->records.last(), (QStringList {u"Lef\uFFFD"_qs, u"Paris"_qs}));
    // A file that ends inside a letter: one replacement character, nothing lost before it.
    const auto cutAtEnd = parseAll("name,city\nL\xC3\xA9"
                                   "a,K\xC3\xB6ln\nZo\xC3\xAB,Lef\xC3");
    QVERIFY(cutAtEnd.has_value());
    QCOMPARE(cutAtEnd->records.last(), (QStringList {u"Zoë"_qs, u"Lef\uFFFD"_qs}));
}

void TestCsvReader::manyRecordsAcrossChunkBoundaries()
{
    QByteArray input("id,name,note\r\n");
    Rows expected;
    Lines expectedLines;
    qint64 line = 2;
    for (int i = 0; i < 3000; ++i) {
        const QString name = QStringLiteral("Zoë %1").arg(i);
        const QString note = i % 3 == 0 ? QStringLiteral("multi\r\nline, \"quoted\"") : QStringLiteral("plain");
        QString quotedNote = note;
        quotedNote.replace(u"\""_qs, u"\"\""_qs);
        input += (QString::number(i) + u',' + name + u",\"" + quotedNote + u"\"\r\n").toUtf8();
        expected << QStringList {QString::number(i), name, note};
        expectedLines << line;
        line += i % 3 == 0 ? 2 : 1;
    }
    for (const qsizetype chunk : {qsizetype(16), qsizetype(1000), qsizetype(0)}) {
        const auto parsed = parseAll(input, chunk);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->records.size(), expected.size());
        QCOMPARE(parsed->records, expected);
        QCOMPARE(parsed->lines, expectedLines);
    }
}

void TestCsvReader::overlongRecordIsParseError()
{
    QByteArray input("a,b\n1,2\n\"");
    input += QByteArray(200000, 'x');
    QBuffer buffer(&input);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    reader.setChunkSize(256);
    reader.setMaxRecordLength(1000);
    QVERIFY(reader.open().has_value());
    CsvRecord record;
    QVERIFY(reader.readRecord(record).value_or(false));
    const auto next = reader.readRecord(record);
    QVERIFY(!next.has_value());
    QCOMPARE(next.error().code, ErrorCode::ParseError);
}

void TestCsvReader::unterminatedQuoteNamesItsLine_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("recordsBefore");
    QTest::addColumn<int>("quoteLine");
    QTest::newRow("second row") << QByteArray("a,b\n\"abc,def\n") << 0 << 2;
    QByteArray large("email,name\n1@x.example,One\nbad@x.example,\"Two\n");
    for (int i = 3; i <= 2000; ++i)
        large += QByteArray::number(i) + "@x.example,Person " + QByteArray::number(i) + "\n";
    QTest::newRow("line 3 of 2,001") << large << 1 << 3;
    QTest::newRow("after a multi-line cell") << QByteArray("a,b\n\"x\ny\",1\n2,3\n4,\"open\n5,6\n") << 2 << 5;
}

// One quote never closed used to swallow the rest of the file into a single cell: 2,001 lines read as one row.
void TestCsvReader::unterminatedQuoteNamesItsLine()
{
    QFETCH(QByteArray, input);
    QFETCH(int, recordsBefore);
    QFETCH(int, quoteLine);
    for (const qsizetype chunk : {qsizetype(0), qsizetype(16), qsizetype(17)}) {
        QBuffer buffer(&input);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        if (chunk > 0)
            reader.setChunkSize(chunk);
        // With no record before it, open() already meets the quote (it reads ahead to find the first record).
        const auto opened = reader.open();
        QCOMPARE(opened.has_value(), recordsBefore > 0);
        CsvRecord record;
        for (int i = 0; i < recordsBefore; ++i)
            QVERIFY(reader.readRecord(record).value_or(false));
        const Result<bool> next = opened ? reader.readRecord(record) : Result<bool>(std::unexpected(opened.error()));
        QVERIFY(!next.has_value());
        QCOMPARE(next.error().code, ErrorCode::ParseError);
        QCOMPARE(reader.errorLine(), qint64(quoteLine));
        QVERIFY2(next.error().detail.contains(QStringLiteral("line %1").arg(quoteLine)),
                 qPrintable(next.error().detail));
    }
}

void TestCsvReader::forcedEncodingAndDelimiter()
{
    QByteArray input("a;b\n\xE9;\xE8\n");
    QBuffer buffer(&input);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    reader.setEncoding("ISO-8859-1");
    reader.setDelimiter(u',');
    QVERIFY(reader.open().has_value());
    QCOMPARE(reader.header(), QStringList {u"a;b"_qs});
    CsvRecord record;
    QVERIFY(reader.readRecord(record).value_or(false));
    QCOMPARE(record.value(0), u"é;è"_qs);

    QBuffer other(&input);
    other.open(QIODevice::ReadOnly);
    CsvReader bad(&other);
    bad.setEncoding("no-such-encoding");
    QCOMPARE(bad.open().error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
