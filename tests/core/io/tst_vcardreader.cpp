#include "TestSupport.h"
#include "VcardTestHelpers.h"

#include <QFile>
#include <QStringEncoder>
#include <QTest>

using namespace roster;
using test::FieldMap;

class TestVcardReader final : public QObject
{
    Q_OBJECT

private slots:
    void looksLikeVcard_data();
    void looksLikeVcard();
    void fixtures_data();
    void fixtures();
    void edgeCases_data();
    void edgeCases();
    void refuses_data();
    void refuses();
    void utf16File();
};

void TestVcardReader::fixtures_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("index");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("version");
    QTest::addColumn<FieldMap>("expected");

    QTest::newRow("3.0 Apple") << u"v30.vcf"_qs << 0 << qint64(1) << u"3.0"_qs
                               << FieldMap {
                                      {u"first_name"_qs, u"Ada"_qs},
                                      {u"last_name"_qs, u"Lovelace"_qs},
                                      {u"company_name"_qs, u"Analytical Engines Ltd"_qs},
                                      {u"job_title"_qs, u"Mathematician"_qs},
                                      {u"email"_qs, u"ada@example.com"_qs},
                                      {u"extra_emails"_qs, u"ada@home.example"_qs},
                                      {u"phone"_qs, u"+44 20 7946 0958"_qs},
                                      {u"phone_type"_qs, u"mobile"_qs},
                                      {u"extra_phones"_qs, u"+44 20 7946 0000 (work)"_qs},
                                      {u"address1"_qs, u"1 Main St"_qs},
                                      {u"city"_qs, u"London"_qs},
                                      {u"state"_qs, u"Greater London"_qs},
                                      {u"postal_code"_qs, u"SW1A 1AA"_qs},
                                      {u"country"_qs, u"United Kingdom"_qs},
                                      {u"website"_qs, u"https://ada.example"_qs},
                                      {u"linkedin_url"_qs, u"https://www.linkedin.com/in/adalovelace"_qs},
                                      {u"date_of_birth"_qs, u"1815-12-10"_qs},
                                      {u"notes"_qs,
                                       u"First programmer, arguably.\nLoves poetry; and engines. This note is long "
                                       u"enough to be folded across lines."_qs},
                                      {u"tags"_qs, u"Friends|Math"_qs}};
    QTest::newRow("3.0 second card") << u"v30.vcf"_qs << 1 << qint64(24) << u"3.0"_qs
                                     << FieldMap {{u"first_name"_qs, u"Grace"_qs},
                                                  {u"last_name"_qs, u"Hopper"_qs},
                                                  {u"email"_qs, u"grace@navy.example"_qs},
                                                  {u"picture_url"_qs, u"https://example.com/grace.jpg"_qs},
                                                  {u"linkedin_url"_qs, u"https://www.linkedin.com/in/gracehopper"_qs},
                                                  {u"website"_qs, u"https://grace.example"_qs}};
    QTest::newRow("4.0") << u"v40.vcf"_qs << 0 << qint64(1) << u"4.0"_qs
                         << FieldMap {{u"first_name"_qs, u"Jürgen"_qs},
                                      {u"last_name"_qs, u"Müller"_qs},
                                      {u"gender"_qs, u"male"_qs},
                                      {u"email"_qs, u"juergen@cafe.example"_qs},
                                      {u"extra_emails"_qs, u"jm@private.example"_qs},
                                      {u"phone"_qs, u"+49-171-1234567"_qs},
                                      {u"phone_type"_qs, u"mobile"_qs},
                                      {u"company_name"_qs, u"Café Größe GmbH"_qs},
                                      {u"job_title"_qs, u"Chief Engineer"_qs},
                                      {u"address1"_qs, u"Hauptstraße 5"_qs},
                                      {u"city"_qs, u"München"_qs},
                                      {u"state"_qs, u"Bayern"_qs},
                                      {u"postal_code"_qs, u"80331"_qs},
                                      {u"country"_qs, u"Deutschland"_qs},
                                      {u"date_of_birth"_qs, u"--01-31"_qs},
                                      {u"languages"_qs, u"de, en"_qs},
                                      {u"timezone"_qs, u"Europe/Berlin"_qs},
                                      {u"sales_nav_url"_qs, u"https://www.linkedin.com/sales/lead/ACwAAA123"_qs},
                                      {u"tags"_qs, u"Kunden|VIP,Gold"_qs},
                                      {u"notes"_qs, u"Line one\nLine two"_qs}};
    QTest::newRow("2.1 quoted-printable") << u"v21_qp.vcf"_qs << 0 << qint64(1) << u"2.1"_qs
                                          << FieldMap {{u"first_name"_qs, u"Käthe"_qs},
                                                       {u"last_name"_qs, u"Schröder"_qs},
                                                       {u"company_name"_qs, u"Bäckerei Groß"_qs},
                                                       {u"phone"_qs, u"+49 151 2345678"_qs},
                                                       {u"phone_type"_qs, u"mobile"_qs},
                                                       {u"extra_phones"_qs, u"+49 211 123456 (work)"_qs},
                                                       {u"email"_qs, u"kaethe@baeckerei.example"_qs},
                                                       {u"notes"_qs, u"Brötchen und Kuchen,\njeden Morgen frisch."_qs},
                                                       {u"address1"_qs, u"Königsallee 1"_qs},
                                                       {u"city"_qs, u"Düsseldorf"_qs},
                                                       {u"state"_qs, u"NRW"_qs},
                                                       {u"postal_code"_qs, u"40212"_qs},
                                                       {u"country"_qs, u"Deutschland"_qs}};
}

void TestVcardReader::fixtures()
{
    QFETCH(QString, fixture);
    QFETCH(int, index);
    QFETCH(qint64, line);
    QFETCH(QString, version);
    QFETCH(FieldMap, expected);

    QFile file(test::fixturePath(u"io/"_qs + fixture));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto cards = test::readCards(&file);
    QVERIFY2(cards.has_value(), qPrintable(cards ? QString() : cards.error().toString()));
    QVERIFY(index < cards->size());
    const VcardReader::Card& card = cards->at(index);
    QCOMPARE(card.line, line);
    QCOMPARE(card.version, version);
    const FieldMap actual = test::flatten(card.patch);
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QVERIFY2(actual.value(it.key()) == it.value(),
                 qPrintable(it.key() + u": got \"" + actual.value(it.key()) + u"\" expected \"" + it.value() + u'"'));
    for (auto it = actual.cbegin(); it != actual.cend(); ++it)
        QVERIFY2(expected.contains(it.key()), qPrintable(u"unexpected " + it.key() + u" = " + it.value()));
}

void TestVcardReader::edgeCases_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<qint64>>("lines");
    QTest::addColumn<QStringList>("emails");
    QTest::addColumn<QList<qint64>>("damaged"); // lines of the cards reported as lacking END:VCARD

    QTest::newRow("LF, tab folding") << QByteArray("BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@exa\n\tmple.com\nEND:VCARD\n")
                                     << QList<qint64> {1} << QStringList {u"a@example.com"_qs} << QList<qint64> {};
    QTest::newRow("CR only") << QByteArray(
        "BEGIN:VCARD\rEMAIL:a@x.example\rEND:VCARD\rBEGIN:VCARD\rEMAIL:b@x.example\rEND:VCARD")
                             << QList<qint64> {1, 4} << QStringList {u"a@x.example"_qs, u"b@x.example"_qs}
                             << QList<qint64> {};
    QTest::newRow("garbage around cards")
        << QByteArray("hello\r\n\r\nBEGIN:VCARD\r\nEMAIL:a@x.example\r\nnot a property\r\nEND:VCARD\r\ntrailer\r\n")
        << QList<qint64> {3} << QStringList {u"a@x.example"_qs} << QList<qint64> {};
    QTest::newRow("missing END") << QByteArray("BEGIN:VCARD\nEMAIL:a@x.example\n") << QList<qint64> {1}
                                 << QStringList {u"a@x.example"_qs} << QList<qint64> {1};
    QTest::newRow("nested AGENT ignored")
        << QByteArray("BEGIN:VCARD\nVERSION:2.1\nAGENT:\nBEGIN:VCARD\nEMAIL:agent@x.example\nEND:VCARD\n"
                      "EMAIL:boss@x.example\nEND:VCARD\n")
        << QList<qint64> {1} << QStringList {u"boss@x.example"_qs} << QList<qint64> {};
    QTest::newRow("lower case, groups") << QByteArray("begin:vcard\nitem1.email;type=pref:a@x.example\nend:vcard\n")
                                        << QList<qint64> {1} << QStringList {u"a@x.example"_qs} << QList<qint64> {};
    // 3 cards, the first without END:VCARD: each BEGIN at the top level starts a card of its own (before, the
    // second and third were taken for cards nested in the first and skipped: 1 row, no warning).
    QTest::newRow("first of three without END")
        << QByteArray("BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@x.example\nBEGIN:VCARD\nVERSION:3.0\nEMAIL:b@x.example\n"
                      "END:VCARD\nBEGIN:VCARD\nEMAIL:c@x.example\nEND:VCARD\n")
        << QList<qint64> {1, 4, 8} << QStringList {u"a@x.example"_qs, u"b@x.example"_qs, u"c@x.example"_qs}
        << QList<qint64> {1};
    QTest::newRow("middle of three without END")
        << QByteArray("BEGIN:VCARD\nEMAIL:a@x.example\nEND:VCARD\nBEGIN:VCARD\nEMAIL:b@x.example\n"
                      "BEGIN:VCARD\nEMAIL:c@x.example\nEND:VCARD\n")
        << QList<qint64> {1, 4, 6} << QStringList {u"a@x.example"_qs, u"b@x.example"_qs, u"c@x.example"_qs}
        << QList<qint64> {4};
}

void TestVcardReader::edgeCases()
{
    QFETCH(QByteArray, input);
    QFETCH(QList<qint64>, lines);
    QFETCH(QStringList, emails);
    QFETCH(QList<qint64>, damaged);
    const auto cards = test::readCards(input);
    QVERIFY(cards.has_value());
    QCOMPARE(cards->size(), lines.size());
    for (qsizetype i = 0; i < cards->size(); ++i) {
        QCOMPARE(cards->at(i).line, lines.at(i));
        QCOMPARE(cards->at(i).patch.value(Field::Email), emails.at(i));
        QCOMPARE(!cards->at(i).problem.isEmpty(), damaged.contains(lines.at(i)));
        if (!cards->at(i).problem.isEmpty())
            QVERIFY(cards->at(i).problem.contains(QStringLiteral("line %1").arg(lines.at(i))));
    }
}

void TestVcardReader::refuses_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("empty") << QByteArray() << ErrorCode::EmptyFile;
    QTest::newRow("blank") << QByteArray("\r\n\r\n") << ErrorCode::EmptyFile;
    QTest::newRow("a CSV") << QByteArray("first_name,email\nA,a@x.example\n") << ErrorCode::ParseError;
    QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16) << ErrorCode::NotATable;
}

void TestVcardReader::refuses()
{
    QFETCH(QByteArray, input);
    QFETCH(ErrorCode, code);
    const auto cards = test::readCards(input);
    QVERIFY(!cards.has_value());
    QCOMPARE(errorCodeName(cards.error().code), errorCodeName(code));
}

void TestVcardReader::utf16File()
{
    QStringEncoder encoder(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
    const QByteArray bytes = encoder.encode(u"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Dvořák;Antonín\r\nEND:VCARD\r\n"_qs);
    QVERIFY(VcardReader::looksLikeVcard(bytes));
    const auto cards = test::readCards(bytes);
    QVERIFY(cards.has_value());
    QCOMPARE(cards->size(), 1);
    QCOMPARE(cards->front().patch.value(Field::LastName), u"Dvořák"_qs);
    QCOMPARE(cards->front().patch.value(Field::FirstName), u"Antonín"_qs);
}

// A vCard is a file that starts with a card: a BEGIN:VCARD further down (a CSV cell holding a pasted card) does not
// make a table a vCard.
void TestVcardReader::looksLikeVcard_data()
{
    QTest::addColumn<QByteArray>("start");
    QTest::addColumn<bool>("vcard");
    QTest::newRow("first line") << QByteArray("BEGIN:VCARD\r\nVERSION:3.0\r\n") << true;
    QTest::newRow("lower case, LF") << QByteArray("begin:vcard\nversion:4.0\n") << true;
    QTest::newRow("blank lines and spaces first") << QByteArray("\r\n \n\tBEGIN:VCARD \r\n") << true;
    QTest::newRow("UTF-8 byte-order mark") << QByteArray("\xEF\xBB\xBF"
                                                         "BEGIN:VCARD\r\n")
                                           << true;
    QTest::newRow("alone, no line end") << QByteArray("BEGIN:VCARD") << true;
    QTest::newRow("csv cell on line 2") << QByteArray("Email,Notes\na@x.example,BEGIN:VCARD\n") << false;
    QTest::newRow("quoted csv cell first") << QByteArray("\"BEGIN:VCARD\",x\n") << false;
    QTest::newRow("longer word") << QByteArray("BEGIN:VCARDS\n") << false;
    QTest::newRow("empty") << QByteArray() << false;
}

void TestVcardReader::looksLikeVcard()
{
    QFETCH(QByteArray, start);
    QFETCH(bool, vcard);
    QCOMPARE(VcardReader::looksLikeVcard(start), vcard);
}

QTEST_GUILESS_MAIN(TestVcardReader)
#include "tst_vcardreader.moc"
