#include "contact/DomainNormalizer.h"
#include "contact/EmailNormalizer.h"
#include "contact/LinkedinUrlNormalizer.h"
#include "contact/PhoneNormalizer.h"

#include <QTest>

using namespace roster;

class TestNormalizers final : public QObject
{
    Q_OBJECT

private slots:
    void email_data();
    void email();
    void linkedinProfile_data();
    void linkedinProfile();
    void salesNav_data();
    void salesNav();
    void phone_data();
    void phone();
    void domainFromWebsite_data();
    void domainFromWebsite();
    void domainFromEmail_data();
    void domainFromEmail();
};

void TestNormalizers::email_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("display");
    QTest::addColumn<QString>("key");
    QTest::newRow("plain") << "jane@acme.com" << true << "jane@acme.com"
                           << "jane@acme.com";
    QTest::newRow("trimmed") << "  jane@acme.com \t" << true << "jane@acme.com"
                             << "jane@acme.com";
    QTest::newRow("mixed case keeps display, lowers key") << "Jane.Smith@ACME.com" << true << "Jane.Smith@ACME.com"
                                                          << "jane.smith@acme.com";
    QTest::newRow("plus tag") << "jane+crm@acme.co.uk" << true << "jane+crm@acme.co.uk"
                              << "jane+crm@acme.co.uk";
    QTest::newRow("mailto prefix") << "mailto:jane@acme.com" << true << "jane@acme.com"
                                   << "jane@acme.com";
    QTest::newRow("angle brackets") << "<jane@acme.com>" << true << "jane@acme.com"
                                    << "jane@acme.com";
    QTest::newRow("unicode local part") << "josé@acme.fr" << true << "josé@acme.fr"
                                        << "josé@acme.fr";
    QTest::newRow("no at") << "jane.acme.com" << false << ""
                           << "";
    QTest::newRow("no domain") << "jane@" << false << ""
                               << "";
    QTest::newRow("no local part") << "@acme.com" << false << ""
                                   << "";
    QTest::newRow("no tld") << "jane@acme" << false << ""
                            << "";
    QTest::newRow("space inside") << "jane doe@acme.com" << false << ""
                                  << "";
    QTest::newRow("double dot") << "jane..doe@acme.com" << false << ""
                                << "";
    QTest::newRow("two ats") << "jane@doe@acme.com" << false << ""
                             << "";
    QTest::newRow("ip address") << "jane@127.0.0.1" << false << ""
                                << "";
    QTest::newRow("empty") << "" << false << ""
                           << "";
}

void TestNormalizers::email()
{
    QFETCH(QString, input);
    QFETCH(bool, valid);
    QFETCH(QString, display);
    QFETCH(QString, key);
    const auto result = EmailNormalizer::normalize(input);
    QCOMPARE(result.has_value(), valid);
    if (valid) {
        QCOMPARE(result->display, display);
        QCOMPARE(result->key, key);
    } else {
        QCOMPARE(result.error().code, ErrorCode::InvalidEmail);
        QCOMPARE(result.error().field, QStringLiteral("email"));
    }
}

void TestNormalizers::linkedinProfile_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: InvalidLinkedinUrl
    const QString canonical = QStringLiteral("https://www.linkedin.com/in/jane-smith");
    QTest::newRow("canonical") << "https://www.linkedin.com/in/jane-smith" << canonical;
    QTest::newRow("http") << "http://www.linkedin.com/in/jane-smith" << canonical;
    QTest::newRow("no www") << "https://linkedin.com/in/jane-smith" << canonical;
    QTest::newRow("no scheme") << "linkedin.com/in/jane-smith" << canonical;
    QTest::newRow("country subdomain") << "https://uk.linkedin.com/in/jane-smith" << canonical;
    QTest::newRow("mobile subdomain") << "https://m.linkedin.com/in/jane-smith" << canonical;
    QTest::newRow("trailing slash") << "https://www.linkedin.com/in/jane-smith/" << canonical;
    QTest::newRow("query") << "https://www.linkedin.com/in/jane-smith?trk=public_profile" << canonical;
    QTest::newRow("fragment") << "https://www.linkedin.com/in/jane-smith#experience" << canonical;
    QTest::newRow("mixed case slug") << "https://www.LinkedIn.com/in/Jane-Smith" << canonical;
    QTest::newRow("mixed case host and path") << "HTTPS://WWW.LINKEDIN.COM/IN/JANE-SMITH/" << canonical;
    QTest::newRow("trailing locale segment") << "https://www.linkedin.com/in/jane-smith/en" << canonical;
    QTest::newRow("surrounding spaces") << "  https://www.linkedin.com/in/jane-smith  " << canonical;
    QTest::newRow("percent-encoded slug") << "https://www.linkedin.com/in/j%C3%A9r%C3%B4me-dupont"
                                          << "https://www.linkedin.com/in/jérôme-dupont";
    QTest::newRow("percent-encoded upper case") << "https://fr.linkedin.com/in/J%C3%A9r%C3%B4me-Dupont/"
                                                << "https://www.linkedin.com/in/jérôme-dupont";
    QTest::newRow("unicode slug") << "https://www.linkedin.com/in/jérôme-dupont"
                                  << "https://www.linkedin.com/in/jérôme-dupont";
    QTest::newRow("company page") << "https://www.linkedin.com/company/acme"
                                  << "";
    QTest::newRow("sales navigator") << "https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,x"
                                     << "";
    QTest::newRow("feed") << "https://www.linkedin.com/feed/"
                          << "";
    QTest::newRow("in without slug") << "https://www.linkedin.com/in/"
                                     << "";
    QTest::newRow("other host") << "https://www.linkedin.evil.com/in/jane-smith"
                                << "";
    QTest::newRow("lookalike host") << "https://notlinkedin.com/in/jane-smith"
                                    << "";
    QTest::newRow("ftp scheme") << "ftp://www.linkedin.com/in/jane-smith"
                                << "";
    QTest::newRow("bare slug") << "jane-smith"
                               << "";
    QTest::newRow("empty") << ""
                           << "";
}

void TestNormalizers::linkedinProfile()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = LinkedinUrlNormalizer::profile(input);
    if (expected.isEmpty()) {
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidLinkedinUrl);
    } else {
        QVERIFY2(result, qPrintable(result ? QString() : result.error().detail));
        QCOMPARE(*result, expected);
    }
}

void TestNormalizers::salesNav_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const QString canonical = QStringLiteral("https://www.linkedin.com/sales/lead/ACwAAAB1cDE");
    QTest::newRow("lead with suffix") << "https://www.linkedin.com/sales/lead/ACwAAAB1cDE,NAME_SEARCH,aBcD"
                                      << canonical;
    QTest::newRow("people url") << "https://www.linkedin.com/sales/people/ACwAAAB1cDE,name" << canonical;
    QTest::newRow("no scheme, query") << "linkedin.com/sales/lead/ACwAAAB1cDE?trk=x" << canonical;
    QTest::newRow("http and trailing slash") << "http://www.linkedin.com/sales/lead/ACwAAAB1cDE/" << canonical;
    QTest::newRow("id case kept") << "https://www.linkedin.com/sales/lead/acwaaab1cde"
                                  << "https://www.linkedin.com/sales/lead/acwaaab1cde";
    QTest::newRow("profile url") << "https://www.linkedin.com/in/jane"
                                 << "";
    QTest::newRow("sales search page") << "https://www.linkedin.com/sales/search/people"
                                       << "";
    QTest::newRow("other host") << "https://example.com/sales/lead/ACwAAAB1cDE"
                                << "";
}

void TestNormalizers::salesNav()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = LinkedinUrlNormalizer::salesNav(input);
    if (expected.isEmpty()) {
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidSalesNavUrl);
    } else {
        QVERIFY(result);
        QCOMPARE(*result, expected);
    }
}

void TestNormalizers::phone_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("valid");
    QTest::newRow("already e164") << "FR"
                                  << "+33142685300"
                                  << "+33142685300" << true;
    QTest::newRow("international spaced") << "FR"
                                          << "+1 650-253-0000"
                                          << "+16502530000" << true;
    QTest::newRow("international dotted") << "US"
                                          << "+33.1.42.68.53.00"
                                          << "+33142685300" << true;
    QTest::newRow("international with trunk (0)") << "US"
                                                  << "+44 (0)20 7946 0018"
                                                  << "+442079460018" << true;
    QTest::newRow("double separator goes to the parser") << "US"
                                                         << "+1 650 - 253 - 0000"
                                                         << "+16502530000" << true;
    QTest::newRow("french national") << "FR"
                                     << "01 42 68 53 00"
                                     << "+33142685300" << true;
    QTest::newRow("french dotted") << "FR"
                                   << "01.42.68.53.00"
                                   << "+33142685300" << true;
    QTest::newRow("us national") << "US"
                                 << "(650) 253-0000"
                                 << "+16502530000" << true;
    QTest::newRow("00 prefix") << "DE"
                               << "0033 1 42 68 53 00"
                               << "+33142685300" << true;
    QTest::newRow("german national") << "DE"
                                     << "030 123456"
                                     << "+4930123456" << true;
    QTest::newRow("uk national") << "GB"
                                 << "020 7946 0018"
                                 << "+442079460018" << true;
    QTest::newRow("national without region") << "ZZ"
                                             << "01 42 68 53 00"
                                             << "01 42 68 53 00" << false;
    QTest::newRow("letters kept as typed") << "FR"
                                           << "call reception"
                                           << "call reception" << false;
    QTest::newRow("too short kept") << "FR"
                                    << "12"
                                    << "12" << false;
    QTest::newRow("trimmed when kept") << "FR"
                                       << "  ext. 42 "
                                       << "ext. 42" << false;
}

void TestNormalizers::phone()
{
    QFETCH(QString, region);
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(bool, valid);
    const PhoneNormalizer normalizer(region);
    const NormalizedPhone phone = normalizer.normalize(input);
    QCOMPARE(phone.text, expected);
    QCOMPARE(phone.valid, valid);
}

void TestNormalizers::domainFromWebsite_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bare") << "acme.com"
                          << "acme.com";
    QTest::newRow("www") << "www.acme.com"
                         << "acme.com";
    QTest::newRow("url with path") << "https://www.Acme.com/about?x=1"
                                   << "acme.com";
    QTest::newRow("http subdomain kept") << "http://shop.acme.co.uk"
                                         << "shop.acme.co.uk";
    QTest::newRow("trailing slash") << "acme.io/"
                                    << "acme.io";
    QTest::newRow("not a host") << "not a website"
                                << "";
    QTest::newRow("empty") << ""
                           << "";
}

void TestNormalizers::domainFromWebsite()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto result = DomainNormalizer::fromWebsite(input);
    if (expected.isEmpty()) {
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::InvalidDomain);
    } else {
        QVERIFY(result);
        QCOMPARE(*result, expected);
    }
}

void TestNormalizers::domainFromEmail_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("expected"); // empty: no company
    QTest::newRow("company") << "jane@acme.com"
                             << "acme.com";
    QTest::newRow("upper case") << "Jane@ACME.com"
                                << "acme.com";
    QTest::newRow("gmail") << "jane@gmail.com"
                           << "";
    QTest::newRow("outlook") << "jane@outlook.com"
                             << "";
    QTest::newRow("yahoo") << "jane@yahoo.com"
                           << "";
    QTest::newRow("hotmail upper") << "jane@HOTMAIL.COM"
                                   << "";
    QTest::newRow("french isp") << "jane@orange.fr"
                                << "";
    QTest::newRow("no at") << "jane"
                           << "";
}

void TestNormalizers::domainFromEmail()
{
    QFETCH(QString, email);
    QFETCH(QString, expected);
    const auto domain = DomainNormalizer::fromEmail(email);
    QCOMPARE(domain.value_or(QString()), expected);
}

QTEST_GUILESS_MAIN(TestNormalizers)
#include "tst_normalizers.moc"
