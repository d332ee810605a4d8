#include "contact/PhoneValidity.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <list>
#include <phonenumbers/phonenumberutil.h>
#include <set>

using namespace roster;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// PhoneValidity decides what libphonenumber's IsValidNumber decides, from the same metadata by other means: for
// every calling code, on the example numbers of each kind of each of its regions, on numbers one digit away from
// them (another digit anywhere, one digit more or less, a leading zero), and on random numbers of every length.
class TestPhoneValidity final : public QObject
{
    Q_OBJECT

private slots:
    void agreesWithLibphonenumber_data();
    void agreesWithLibphonenumber();
    void knownNumbers_data();
    void knownNumbers();
};

namespace {

// "0612345678" under +33, as libphonenumber holds it: leading zeros are a flag and a count, not digits.
PhoneNumber numberOf(int code, const QString& national)
{
    PhoneNumber number;
    number.set_country_code(code);
    number.set_national_number(national.toULongLong());
    int zeros = 0;
    while (zeros < national.size() - 1 && national.at(zeros) == u'0')
        ++zeros;
    if (zeros > 0) {
        number.set_italian_leading_zero(true);
        if (zeros > 1)
            number.set_number_of_leading_zeros(zeros);
    }
    return number;
}

QStringList examplesOf(int code)
{
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    QStringList examples;
    const auto add = [&](const PhoneNumber& number) {
        std::string national;
        util->GetNationalSignificantNumber(number, &national);
        examples << QString::fromStdString(national);
    };
    std::list<std::string> regions;
    util->GetRegionCodesForCountryCallingCode(code, &regions);
    for (const std::string& region : regions) {
        PhoneNumber example;
        if (region == "001") {
            if (util->GetExampleNumberForNonGeoEntity(code, &example))
                add(example);
            continue;
        }
        for (int type = PhoneNumberUtil::FIXED_LINE; type <= PhoneNumberUtil::VOICEMAIL; ++type) {
            if (util->GetExampleNumberForType(region, static_cast<PhoneNumberUtil::PhoneNumberType>(type), &example))
                add(example);
        }
        if (util->GetInvalidExampleNumber(region, &example))
            add(example);
    }
    return examples;
}

} // namespace

void TestPhoneValidity::agreesWithLibphonenumber_data()
{
    QTest::addColumn<int>("code");
    std::set<int> codes;
    PhoneNumberUtil::GetInstance()->GetSupportedCallingCodes(&codes);
    codes.insert(999); // no country has it: never valid
    for (const int code : codes)
        QTest::newRow(qPrintable(QStringLiteral("+%1").arg(code))) << code;
}

void TestPhoneValidity::agreesWithLibphonenumber()
{
    QFETCH(int, code);
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    QSet<QString> numbers;
    for (const QString& example : examplesOf(code)) {
        numbers << example << example.chopped(1) << QLatin1Char('0') + example;
        for (char16_t digit = u'0'; digit <= u'9'; ++digit) {
            numbers << example + QChar(digit);
            for (qsizetype i = 0; i < example.size(); ++i) {
                QString other = example;
                other[i] = QChar(digit);
                numbers << other;
            }
        }
    }
    QRandomGenerator random(static_cast<quint32>(code));
    for (int i = 0; i < 400; ++i) {
        QString number;
        const int length = 2 + i % 16;
        for (int d = 0; d < length; ++d)
            number += QChar(u'0' + random.bounded(10));
        numbers << number;
    }
    numbers.remove(QString());
    int valid = 0;
    for (const QString& national : std::as_const(numbers)) {
        const bool expected = util->IsValidNumber(numberOf(code, national));
        const std::optional<bool> decided = PhoneValidity::isValid(code, national);
        QVERIFY2(decided.has_value(), qPrintable(national));
        if (*decided != expected)
            QFAIL(qPrintable(QStringLiteral("+%1 %2: libphonenumber says %3").arg(code).arg(national).arg(expected)));
        valid += expected;
    }
    // Each calling code with examples is checked on both answers.
    if (!examplesOf(code).isEmpty()) {
        QVERIFY(valid > 0);
        QVERIFY(valid < numbers.size());
    }
}

void TestPhoneValidity::knownNumbers_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("national");
    QTest::addColumn<bool>("valid");
    QTest::newRow("FR mobile") << 33 << "612345678" << true;
    QTest::newRow("FR national with its trunk 0") << 33 << "0612345678" << false;
    QTest::newRow("US") << 1 << "6502530000" << true;
    QTest::newRow("US area code 055") << 1 << "0612345678" << false;
    QTest::newRow("CA by its area code") << 1 << "6135550123" << true;
    QTest::newRow("GB London") << 44 << "2079460001" << true;
    QTest::newRow("IT keeps its leading 0") << 39 << "0236618300" << true;
    QTest::newRow("international freephone +800") << 800 << "12345678" << true;
    QTest::newRow("no such calling code") << 999 << "12345678" << false;
}

void TestPhoneValidity::knownNumbers()
{
    QFETCH(int, code);
    QFETCH(QString, national);
    QFETCH(bool, valid);
    QCOMPARE(PhoneValidity::isValid(code, national), std::optional<bool>(valid));
    QCOMPARE(PhoneNumberUtil::GetInstance()->IsValidNumber(numberOf(code, national)), valid);
}

QTEST_GUILESS_MAIN(TestPhoneValidity)
#include "tst_phonevalidity.moc"
