#include "VcardTestHelpers.h"
#include "io/ColumnMapper.h"
#include "io/CsvRecord.h"

#include <QTest>

using namespace roster;
using roster::test::FieldMap;

// Every phone and every web page of a card or a row is read, each phone with its kind: address books carry
// two to four TEL lines, Outlook three phone columns and a fax, Google numbered "Phone N - Type/Value" pairs.
class TestPhoneLists final : public QObject
{
    Q_OBJECT

private slots:
    void vcard_data();
    void vcard();
    void csv_data();
    void csv();
    void labels_data();
    void labels();
    void textForm();

private:
    static FieldMap phoneFields(const ContactPatch& patch);
};

FieldMap TestPhoneLists::phoneFields(const ContactPatch& patch)
{
    FieldMap all = test::flatten(patch);
    FieldMap wanted;
    for (const char* key : {"phone", "phone_type", "extra_phones", "website", "extra_websites"}) {
        const QString name = QString::fromLatin1(key);
        if (all.contains(name))
            wanted.insert(name, all.value(name));
    }
    return wanted;
}

void TestPhoneLists::vcard_data()
{
    QTest::addColumn<QByteArray>("card");
    QTest::addColumn<FieldMap>("expected");

    const auto card = [](const char* version, const char* lines) -> QByteArray {
        return QByteArray("BEGIN:VCARD\r\nVERSION:") + version + "\r\nFN:Ada Lovelace\r\n" + lines + "END:VCARD\r\n";
    };
    QTest::newRow("3.0 one untyped") << card("3.0", "TEL:+44 20 7946 0958\r\n")
                                     << FieldMap {{"phone", "+44 20 7946 0958"}};
    QTest::newRow("3.0 work, fax, mobile")
        << card("3.0",
                "TEL;TYPE=WORK,VOICE:+44 20 7946 0958\r\nTEL;TYPE=WORK,FAX:+44 20 7946 0959\r\n"
                "TEL;TYPE=CELL:+44 7700 900123\r\n")
        << FieldMap {{"phone", "+44 20 7946 0958"},
                     {"phone_type", "work"},
                     {"extra_phones", "+44 20 7946 0959 (fax); +44 7700 900123 (mobile)"}};
    QTest::newRow("3.0 preferred mobile comes first")
        << card("3.0",
                "TEL;TYPE=HOME:+44 20 7946 0000\r\nTEL;TYPE=CELL,PREF:+44 7700 900123\r\n"
                "TEL;TYPE=X-OTHER:+44 20 7946 0001\r\nTEL;TYPE=PAGER:+44 20 7946 0002\r\n")
        << FieldMap {{"phone", "+44 7700 900123"},
                     {"phone_type", "mobile"},
                     {"extra_phones", "+44 20 7946 0000 (home); +44 20 7946 0001 (other); +44 20 7946 0002 (other)"}};
    QTest::newRow("3.0 quoted type list") << card("3.0", "TEL;TYPE=\"voice,cell\":+44 7700 900123\r\n")
                                          << FieldMap {{"phone", "+44 7700 900123"}, {"phone_type", "mobile"}};
    QTest::newRow("2.1 bare parameters")
        << card("2.1",
                "TEL;WORK;VOICE:+1 650 253 0000\r\nTEL;HOME:+1 650 253 0001\r\nTEL;CELL:+1 650 253 0002\r\n"
                "TEL;FAX:+1 650 253 0003\r\n")
        << FieldMap {{"phone", "+1 650 253 0000"},
                     {"phone_type", "work"},
                     {"extra_phones", "+1 650 253 0001 (home); +1 650 253 0002 (mobile); +1 650 253 0003 (fax)"}};
    QTest::newRow("4.0 tel URIs with an extension")
        << card("4.0",
                "TEL;VALUE=uri;TYPE=\"voice,work\";PREF=1:tel:+1-555-555-5555;ext=5555\r\n"
                "TEL;VALUE=uri;TYPE=cell:tel:+1-555-555-4444\r\n")
        << FieldMap {{"phone", "+1-555-555-5555;ext=5555"},
                     {"phone_type", "work"},
                     {"extra_phones", "+1-555-555-4444 (mobile)"}};
    QTest::newRow("the same number twice") << card("3.0", "TEL;TYPE=CELL:+44 7700 900123\r\nTEL:+44 7700 900123\r\n")
                                           << FieldMap {{"phone", "+44 7700 900123"}, {"phone_type", "mobile"}};
    QTest::newRow("two URLs") << card("3.0",
                                      "URL:https://ada.example.org\r\nURL;TYPE=WORK:https://engine.example.com\r\n")
                              << FieldMap {{"website", "https://ada.example.org"},
                                           {"extra_websites", "https://engine.example.com"}};
    QTest::newRow("URLs beside a LinkedIn profile")
        << card("4.0",
                "URL:https://www.linkedin.com/in/ada\r\nURL:https://ada.example.org\r\n"
                "URL:https://blog.example.org\r\nURL:https://shop.example.org\r\n")
        << FieldMap {{"website", "https://ada.example.org"},
                     {"extra_websites", "https://blog.example.org|https://shop.example.org"}};
}

void TestPhoneLists::vcard()
{
    QFETCH(QByteArray, card);
    QFETCH(FieldMap, expected);
    const auto cards = test::readCards(card);
    QVERIFY(cards.has_value());
    QCOMPARE(cards->size(), 1);
    QCOMPARE(phoneFields(cards->front().patch), expected);
    // Nothing of it is reported as not kept.
    for (const QString& line : cards->front().notKept)
        QVERIFY2(!line.startsWith(u"TEL") && !line.startsWith(u"URL"), qPrintable(line));
}

void TestPhoneLists::csv_data()
{
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QStringList>("row");
    QTest::addColumn<FieldMap>("expected");

    QTest::newRow("Outlook: business, home, mobile, fax")
        << QStringList {"First Name", "Business Phone", "Home Phone", "Mobile Phone", "Business Fax"}
        << QStringList {"Ada", "+44 20 7946 0958", "+44 20 7946 0000", "+44 7700 900123", "+44 20 7946 0959"}
        << FieldMap {{"phone", "+44 7700 900123"},
                     {"phone_type", "mobile"},
                     {"extra_phones", "+44 20 7946 0958 (work); +44 20 7946 0000 (home); +44 20 7946 0959 (fax)"}};
    QTest::newRow("Outlook: primary phone first")
        << QStringList {"Business Phone", "Primary Phone", "Mobile Phone"}
        << QStringList {"+44 20 7946 0958", "+44 20 7946 0111", "+44 7700 900123"}
        << FieldMap {{"phone", "+44 20 7946 0111"},
                     {"extra_phones", "+44 7700 900123 (mobile); +44 20 7946 0958 (work)"}};
    QTest::newRow("Outlook: only the fax")
        << QStringList {"Business Phone", "Business Fax"} << QStringList {"", "+44 20 7946 0959"}
        << FieldMap {{"phone", "+44 20 7946 0959"}, {"phone_type", "fax"}};
    QTest::newRow("Google: typed pairs, two numbers in one cell")
        << QStringList {"Name",
                        "Phone 1 - Type",
                        "Phone 1 - Value",
                        "Phone 2 - Type",
                        "Phone 2 - Value",
                        "Website 1 - Type",
                        "Website 1 - Value",
                        "Website 2 - Value"}
        << QStringList {"Ada",
                        "Mobile",
                        "+44 7700 900123 ::: +44 7700 900124",
                        "Work Fax",
                        "+44 20 7946 0959",
                        "Profile",
                        "https://ada.example.org",
                        "https://blog.example.org"}
        << FieldMap {{"phone", "+44 7700 900123"},
                     {"phone_type", "mobile"},
                     {"extra_phones", "+44 7700 900124 (mobile); +44 20 7946 0959 (fax)"},
                     {"website", "https://ada.example.org"},
                     {"extra_websites", "https://blog.example.org"}};
    QTest::newRow("Thunderbird") << QStringList {"Work Phone", "Home Phone", "Fax Number", "Pager Number",
                                                 "Mobile Number"}
                                 << QStringList {"+1 650 253 0000", "", "+1 650 253 0003", "+1 650 253 0004",
                                                 "+1 650 253 0002"}
                                 << FieldMap {{"phone", "+1 650 253 0002"},
                                              {"phone_type", "mobile"},
                                              {"extra_phones",
                                               "+1 650 253 0000 (work); +1 650 253 0004 (other); "
                                               "+1 650 253 0003 (fax)"}};
    QTest::newRow("German headers") << QStringList {"Telefon geschäftlich", "Mobiltelefon"}
                                    << QStringList {"+49 30 123456", "+49 171 1234567"}
                                    << FieldMap {{"phone", "+49 171 1234567"},
                                                 {"phone_type", "mobile"},
                                                 {"extra_phones", "+49 30 123456 (work)"}};
    QTest::newRow("Roster's own export") << QStringList {"phone", "phone_type", "extra_phones", "website",
                                                         "extra_websites"}
                                         << QStringList {"+33612345678", "home",
                                                         "+33140000000 (work); 06 12 (fax); 555-0100",
                                                         "https://a.example", "https://b.example, https://c.example"}
                                         << FieldMap {{"phone", "+33612345678"},
                                                      {"phone_type", "home"},
                                                      {"extra_phones", "+33140000000 (work); 06 12 (fax); 555-0100"},
                                                      {"website", "https://a.example"},
                                                      {"extra_websites", "https://b.example|https://c.example"}};
}

void TestPhoneLists::csv()
{
    QFETCH(QStringList, header);
    QFETCH(QStringList, row);
    QFETCH(FieldMap, expected);
    const ColumnMapping mapping = ColumnMapper::suggest(header);
    const ContactPatch patch = ColumnMapper(mapping).toPatch(CsvRecord::fromFields(row));
    QCOMPARE(phoneFields(patch), expected);
}

void TestPhoneLists::labels_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("target");
    QTest::newRow("phone") << "Phone"
                           << "phone";
    QTest::newRow("primary") << "Primary Phone"
                             << "phone";
    QTest::newRow("mobile") << "Mobile Phone"
                            << "phone:mobile";
    QTest::newRow("business 2") << "Business Phone 2"
                                << "phone:work";
    QTest::newRow("home fax") << "Home Fax"
                              << "phone:fax";
    QTest::newRow("car") << "Car Phone"
                         << "phone:other";
    QTest::newRow("google type") << "Phone 2 - Type"
                                 << "phone_type";
    QTest::newRow("google label") << "Phone 1 - Label"
                                  << "phone_type";
    QTest::newRow("extra phones") << "extra_phones"
                                  << "extra_phones";
    QTest::newRow("extra websites") << "extra_websites"
                                    << "extra_websites";
}

void TestPhoneLists::labels()
{
    QFETCH(QString, header);
    QFETCH(QString, target);
    QCOMPARE(ColumnMapper::suggest({header}).target(0), target);
    QVERIFY(ColumnMapping::isValidTarget(target));
}

void TestPhoneLists::textForm()
{
    const PhoneList phones {{"+33612345678", PhoneType::Mobile},
                            {"+1 650 253 0000;ext=12", PhoneType::None},
                            {"06 12 (maison)", PhoneType::Fax}};
    QCOMPARE(PhoneTypes::fromText(PhoneTypes::toText(phones)), phones);
    QCOMPARE(PhoneTypes::fromJson(PhoneTypes::toJson(phones)), phones);
}

QTEST_GUILESS_MAIN(TestPhoneLists)
#include "tst_phonelists.moc"
