#include "contact/PhoneNormalizer.h"

#include <QTest>

#include <phonenumbers/phonenumberutil.h>

using namespace roster;

// The phone region (issue 12): a number is stored in E.164 only when libphonenumber says it is valid, read
// with the database's region or its own country code; anything else is kept exactly as typed, with why.
class TestPhoneNormalizer final : public QObject
{
    Q_OBJECT

private slots:
    void nationalNumberUnderRegion_data();
    void nationalNumberUnderRegion();
    void formatInternational_data();
    void formatInternational();
    void formatRoundTrips_data();
    void formatRoundTrips();
    void supportedRegions();
    void searchTerms_data();
    void searchTerms();
    void shortcutAgreesWithParser_data();
    void shortcutAgreesWithParser();
};

void TestPhoneNormalizer::nationalNumberUnderRegion_data()
{
    QTest::addColumn<QString>("region"); // "" = none (the C locale, or no setting)
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("problem"); // a part of the warning's text, when kept as typed

    // US
    QTest::newRow("US valid national") << "US"
                                       << "(650) 253-0000"
                                       << "+16502530000" << true << "";
    // An extension is kept (E.164 has no room for it; RFC 3966's ";ext=" has), as a tel: URI or typed.
    QTest::newRow("US extension from a tel: URI") << "US"
                                                  << "+1-650-253-0000;ext=5555"
                                                  << "+16502530000;ext=5555" << true << "";
    QTest::newRow("US extension typed") << "US"
                                        << "(650) 253-0000 ext. 12"
                                        << "+16502530000;ext=12" << true << "";
    QTest::newRow("US extension read back") << "US"
                                            << "+16502530000;ext=12"
                                            << "+16502530000;ext=12" << true << "";
    QTest::newRow("US invalid national: a French mobile")
        << "US"
        << "06 12 34 56 78"
        << "06 12 34 56 78" << false << "not a valid phone number for region US";
    QTest::newRow("US invalid national: exchange starting with 1") << "US"
                                                                   << "(650) 153-0000"
                                                                   << "(650) 153-0000" << false << "region US";
    QTest::newRow("US kept as typed: seven digits") << "US"
                                                    << "555-0100"
                                                    << "555-0100" << false << "region US";
    QTest::newRow("US kept as typed: words") << "US"
                                             << "ask reception"
                                             << "ask reception" << false << "";
    QTest::newRow("US international French mobile") << "US"
                                                    << "+33 6 12 34 56 78"
                                                    << "+33612345678" << true << "";
    // FR
    QTest::newRow("FR valid mobile") << "FR"
                                     << "06 12 34 56 78"
                                     << "+33612345678" << true << "";
    QTest::newRow("FR valid landline dotted") << "FR"
                                              << "01.42.68.53.00"
                                              << "+33142685300" << true << "";
    QTest::newRow("FR invalid: a digit short") << "FR"
                                               << "06 12 34 56 7"
                                               << "06 12 34 56 7" << false << "not a valid phone number for region FR";
    QTest::newRow("FR kept as typed: a US number without +1") << "FR"
                                                              << "(650) 253-0000"
                                                              << "(650) 253-0000" << false << "region FR";
    QTest::newRow("FR 00 prefix to Germany") << "FR"
                                             << "0049 30 123456"
                                             << "+4930123456" << true << "";
    // DE
    QTest::newRow("DE valid landline") << "DE"
                                       << "030 123456"
                                       << "+4930123456" << true << "";
    QTest::newRow("DE valid mobile") << "DE"
                                     << "0171 1234567"
                                     << "+491711234567" << true << "";
    QTest::newRow("DE invalid: mobile too short") << "DE"
                                                  << "0171 123"
                                                  << "0171 123" << false << "not a valid phone number for region DE";
    QTest::newRow("DE invalid: area code only") << "DE"
                                                << "030 12"
                                                << "030 12" << false << "region DE";
    QTest::newRow("DE kept as typed: extension words") << "DE"
                                                       << "Durchwahl 42"
                                                       << "Durchwahl 42" << false << "";
    // none
    QTest::newRow("none: national kept with the way out")
        << ""
        << "06 12 34 56 78"
        << "06 12 34 56 78" << false << "roster config set phone_region";
    QTest::newRow("none: the window's way out too") << ""
                                                    << "06 12 34 56 78"
                                                    << "06 12 34 56 78" << false << "Preferences in the window";
    QTest::newRow("none: ZZ is none too") << "ZZ"
                                          << "030 123456"
                                          << "030 123456" << false << "country code";
    QTest::newRow("none: international read") << ""
                                              << "+49 30 123456"
                                              << "+4930123456" << true << "";
    QTest::newRow("none: international with trunk (0)") << ""
                                                        << "+44 (0)20 7946 0018"
                                                        << "+442079460018" << true << "";
    // An international number libphonenumber says is invalid is not E.164, whatever its shape: the number the
    // locale bug wrote (a French mobile behind +1) stays as typed, under every region.
    QTest::newRow("US invalid international +1 0...") << "US"
                                                      << "+10612345678"
                                                      << "+10612345678" << false << "not a valid phone number";
    QTest::newRow("FR invalid international +1 0...") << "FR"
                                                      << "+10612345678"
                                                      << "+10612345678" << false << "not a valid phone number";
    QTest::newRow("none invalid international spaced") << ""
                                                       << "+1 06 12 34 56 78"
                                                       << "+1 06 12 34 56 78" << false << "not a valid phone number";
    QTest::newRow("DE international with trunk 0 after the code") << "DE"
                                                                  << "+49 030 123456"
                                                                  << "+4930123456" << true << "";
    QTest::newRow("trimmed, otherwise exactly as typed") << "FR"
                                                         << "  06-12 34.56  7 "
                                                         << "06-12 34.56  7" << false << "region FR";
}

void TestPhoneNormalizer::nationalNumberUnderRegion()
{
    QFETCH(QString, region);
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(bool, valid);
    QFETCH(QString, problem);
    const PhoneNormalizer normalizer(region);
    QCOMPARE(normalizer.region(), region == "ZZ" ? QString() : region);
    const NormalizedPhone phone = normalizer.normalize(input);
    QCOMPARE(phone.text, expected);
    QCOMPARE(phone.valid, valid);
    if (valid) {
        QVERIFY(phone.problem.isEmpty());
    } else {
        QVERIFY2(phone.problem.contains(input.trimmed()), qPrintable(phone.problem));
        QVERIFY2(phone.problem.contains("kept as typed"), qPrintable(phone.problem));
        QVERIFY2(phone.problem.contains(problem), qPrintable(phone.problem));
    }
}

void TestPhoneNormalizer::formatInternational_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("shown");
    QTest::newRow("French mobile") << "+33612345678"
                                   << "+33 6 12 34 56 78";
    QTest::newRow("US") << "+16502530000"
                        << "+1 650-253-0000";
    QTest::newRow("German landline") << "+4930123456"
                                     << "+49 30 123456";
    QTest::newRow("UK") << "+442079460018"
                        << "+44 20 7946 0018";
    QTest::newRow("Italian landline keeps its 0") << "+390236618300"
                                                  << "+39 02 3661 8300";
    QTest::newRow("kept as typed stays") << "06 12 34 56 78"
                                         << "06 12 34 56 78";
    QTest::newRow("words stay") << "ask reception"
                                << "ask reception";
    QTest::newRow("unknown country code stays") << "+8091234567"
                                                << "+8091234567";
    QTest::newRow("invalid number stays as stored") << "+10612345678"
                                                    << "+10612345678";
    QTest::newRow("empty") << ""
                           << "";
}

void TestPhoneNormalizer::formatInternational()
{
    QFETCH(QString, stored);
    QFETCH(QString, shown);
    QCOMPARE(PhoneNormalizer::formatInternational(stored), shown);
}

// What the window shows re-normalises to what is stored, under any region: an edit of another field never
// changes the phone.
void TestPhoneNormalizer::formatRoundTrips_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("stored");
    for (const char* region : {"", "US", "FR", "DE"}) {
        for (const char* stored : {"+33612345678", "+16502530000", "+4930123456", "+442079460018", "+390236618300",
                                   "+61291234567", "+5511961234567", "+81312345678"})
            QTest::addRow("%s %s", region, stored) << QString(region) << QString(stored);
    }
}

void TestPhoneNormalizer::formatRoundTrips()
{
    QFETCH(QString, region);
    QFETCH(QString, stored);
    const NormalizedPhone phone = PhoneNormalizer(region).normalize(PhoneNormalizer::formatInternational(stored));
    QVERIFY2(phone.valid, qPrintable(phone.problem));
    QCOMPARE(phone.text, stored);
}

void TestPhoneNormalizer::supportedRegions()
{
    QVERIFY(PhoneNormalizer::isSupportedRegion("FR"));
    QVERIFY(PhoneNormalizer::isSupportedRegion("US"));
    QVERIFY(!PhoneNormalizer::isSupportedRegion("fr")); // callers upper-case first
    QVERIFY(!PhoneNormalizer::isSupportedRegion("ZZ"));
    QVERIFY(!PhoneNormalizer::isSupportedRegion("XX"));
    QVERIFY(!PhoneNormalizer::isSupportedRegion("FRA"));
    QVERIFY(!PhoneNormalizer::isSupportedRegion(""));
    const QStringList all = PhoneNormalizer::supportedRegions();
    QVERIFY(all.size() > 200);
    QVERIFY(all.contains("DE"));
    QVERIFY(std::is_sorted(all.begin(), all.end()));
    // The tests run under LC_ALL=C.UTF-8: no country, so no region.
    if (qEnvironmentVariable("LC_ALL").startsWith("C"))
        QCOMPARE(PhoneNormalizer::systemRegion(), QString());
}

// Numbers of the shapes the import reads without libphonenumber's parser (punctuation around E.164, a national
// number behind its trunk prefix) come out exactly as the parser reads them: every region, every kind of example
// number libphonenumber has for it, written nationally and internationally with spaces, dots, dashes and brackets.
// What the search index holds of a stored number. The index keeps no copy of it and removes a contact's row with
// the terms given again, so these must never change without a migration that builds the index again; SQL
// (roster_phone_terms) reads them from UTF-8.
void TestPhoneNormalizer::searchTerms_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("terms");
    QTest::newRow("France") << "+33612345678"
                            << "33612345678 612345678 0612345678";
    QTest::newRow("an extension is left out") << "+33612345678;ext=12"
                                              << "33612345678 612345678 0612345678";
    QTest::newRow("two-digit code") << "+442079460001"
                                    << "442079460001 2079460001 02079460001";
    QTest::newRow("NANP") << "+12025550123"
                          << "12025550123 2025550123 02025550123";
    QTest::newRow("three-digit code") << "+35312345678"
                                      << "35312345678 12345678 012345678";
    QTest::newRow("global service +800") << "+80012345678"
                                         << "80012345678 12345678 012345678";
    QTest::newRow("Italy keeps its 0") << "+390612345678"
                                       << "390612345678 0612345678";
    QTest::newRow("kept as typed") << "06 12 34 56 78"
                                   << "0612345678";
    QTest::newRow("not a number") << "ask reception"
                                  << "";
    QTest::newRow("letters beyond ASCII") << "Zürich +41 44 668 18 00"
                                          << "41446681800";
    QTest::newRow("a 0 after the plus") << "+0612345678"
                                        << "0612345678";
    QTest::newRow("too short for E.164") << "+336123"
                                         << "336123";
    QTest::newRow("empty") << ""
                           << "";
}

void TestPhoneNormalizer::searchTerms()
{
    QFETCH(QString, stored);
    QFETCH(QString, terms);
    QCOMPARE(PhoneNormalizer::searchTerms(stored), terms);
    QCOMPARE(PhoneNormalizer::searchTermsUtf8(stored.toUtf8()), terms.toUtf8());
}

void TestPhoneNormalizer::shortcutAgreesWithParser_data()
{
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected"); // what the parser makes of it; empty when it finds no valid number
    const auto parsed = [&](const std::string& text, const std::string& region) {
        PhoneNumber number;
        if (util->Parse(text, region, &number) != PhoneNumberUtil::NO_PARSING_ERROR || !util->IsValidNumber(number))
            return QString();
        std::string e164;
        util->Format(number, PhoneNumberUtil::E164, &e164);
        return QString::fromStdString(e164);
    };
    for (const QString& region : PhoneNormalizer::supportedRegions()) {
        const std::string code = region.toStdString();
        for (int type = PhoneNumberUtil::FIXED_LINE; type <= PhoneNumberUtil::VOICEMAIL; ++type) {
            PhoneNumber example;
            if (!util->GetExampleNumberForType(code, static_cast<PhoneNumberUtil::PhoneNumberType>(type), &example))
                continue;
            std::string national, international;
            util->Format(example, PhoneNumberUtil::NATIONAL, &national);
            util->Format(example, PhoneNumberUtil::INTERNATIONAL, &international);
            QStringList shapes;
            for (const QString& written : {QString::fromStdString(national), QString::fromStdString(international)}) {
                QString dots = written, dashes = written, bare = written;
                dots.replace(u' ', u'.');
                dashes.replace(u' ', u'-');
                bare.remove(u' ');
                QString bracketed = written;
                if (const qsizetype space
                    = written.indexOf(u' ', written.startsWith(u'+') ? written.indexOf(u' ') + 1 : 0);
                    space > 0) {
                    const qsizetype start = written.startsWith(u'+') ? written.indexOf(u' ') + 1 : 0;
                    bracketed
                        = written.left(start) + u'(' + written.mid(start, space - start) + u')' + written.mid(space);
                }
                shapes << written << dots << dashes << bare << bracketed;
            }
            shapes.removeDuplicates();
            for (const QString& typed : std::as_const(shapes))
                QTest::addRow("%s %d %s", qPrintable(region), type, qPrintable(typed))
                    << region << typed << parsed(typed.toStdString(), code);
        }
    }
}

void TestPhoneNormalizer::shortcutAgreesWithParser()
{
    QFETCH(QString, region);
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    const NormalizedPhone phone = PhoneNormalizer(region).normalize(typed);
    if (expected.isEmpty()) {
        QVERIFY2(!phone.valid, qPrintable(phone.text));
        QCOMPARE(phone.text, typed);
    } else {
        QVERIFY2(phone.valid, qPrintable(phone.problem));
        QCOMPARE(phone.text, expected);
    }
}

QTEST_GUILESS_MAIN(TestPhoneNormalizer)
#include "tst_phonenormalizer.moc"
