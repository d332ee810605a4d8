#include "PhoneNormalizer.h"

#include "PhoneValidity.h"

#include <QLocale>

#include <algorithm>
#include <bitset>
#include <phonenumbers/phonenumberutil.h>
#include <set>

namespace roster {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

const char* const kNoRegion = "ZZ"; // libphonenumber's "unknown region"

// Which of 1..999 are country calling codes libphonenumber knows (a region, or "001" for a global service such as
// +800): read once, so that finding a number's code does not ask the library (a string per question) three times.
const std::bitset<1000>& knownCallingCodes()
{
    static const std::bitset<1000> codes = [] {
        std::bitset<1000> known;
        const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
        for (int code = 1; code < 1000; ++code) {
            std::string region;
            util->GetRegionCodeForCountryCode(code, &region);
            known[code] = region != kNoRegion;
        }
        return known;
    }();
    return codes;
}

// One unit of UTF-16 or UTF-8 text, to compare with ASCII.
char16_t unit(QStringView text, qsizetype i)
{
    return text[i].unicode();
}

char unit(QByteArrayView text, qsizetype i)
{
    return text[i];
}

void append(QString& text, char16_t c)
{
    text.append(QChar(c));
}

void append(QByteArray& text, char c)
{
    text.append(c);
}

// The country calling code that starts "+33612345678" (in UTF-16 or UTF-8), or 0: calling codes are prefix-free,
// so the first known one is the number's.
template <typename View>
int callingCode(View text)
{
    int code = 0;
    for (qsizetype length = 1; length <= 3 && length + 1 < text.size(); ++length) {
        code = code * 10 + (unit(text, length) - '0');
        if (knownCallingCodes().test(code))
            return code;
    }
    return 0;
}

// "+33612345678" as libphonenumber's number, without its parser (which costs more than the whole database
// insert of a row).
bool fromE164(QStringView text, PhoneNumber* number)
{
    const int code = callingCode(text);
    if (code == 0)
        return false;
    const QStringView national = text.mid(code < 10 ? 2 : code < 100 ? 3 : 4);
    int zeros = 0;
    while (zeros < national.size() - 1 && national[zeros] == u'0')
        ++zeros;
    number->Clear();
    number->set_country_code(code);
    number->set_national_number(national.toULongLong());
    if (zeros > 0) {
        number->set_italian_leading_zero(true);
        if (zeros > 1)
            number->set_number_of_leading_zeros(zeros);
    }
    return true;
}

// libphonenumber's IsValidNumber for "+33612345678", through PhoneValidity's compiled patterns when it can.
bool validE164(const QString& e164)
{
    const int code = callingCode(QStringView(e164));
    if (code == 0)
        return false;
    if (const auto valid = PhoneValidity::isValid(code, QStringView(e164).mid(code < 10 ? 2 : code < 100 ? 3 : 4)))
        return *valid;
    PhoneNumber number;
    return fromE164(e164, &number) && PhoneNumberUtil::GetInstance()->IsValidNumber(number);
}

template <typename View>
bool isE164(View text)
{
    if (text.size() < 8 || text.size() > 16 || unit(text, 0) != '+' || unit(text, 1) < '1' || unit(text, 1) > '9')
        return false;
    for (qsizetype i = 2; i < text.size(); ++i) {
        if (unit(text, i) < '0' || unit(text, i) > '9')
            return false;
    }
    return true;
}

// searchTerms() on UTF-16 or UTF-8 text alike: only ASCII digits, '+' and ';' count, and no byte of a longer
// UTF-8 sequence is one of them.
template <typename Text, typename View>
Text termsOf(View text)
{
    qsizetype cut = 0;
    while (cut < text.size() && unit(text, cut) != ';')
        ++cut;
    const View number = text.first(cut);
    Text digits;
    digits.reserve(number.size());
    for (qsizetype i = 0; i < number.size(); ++i) {
        if (unit(number, i) >= '0' && unit(number, i) <= '9')
            append(digits, unit(number, i));
    }
    if (digits.isEmpty())
        return {};
    const int code = isE164(number) ? callingCode(number) : 0;
    if (code == 0)
        return digits;
    const qsizetype national = code < 10 ? 1 : code < 100 ? 2 : 3;
    Text terms;
    terms.reserve(3 * digits.size());
    terms.append(digits);
    append(terms, ' ');
    terms.append(View(digits).sliced(national));
    if (unit(View(digits), national) != '0') {
        append(terms, ' ');
        append(terms, '0');
        terms.append(View(digits).sliced(national));
    }
    return terms;
}

// The digits of a number written with digits and the punctuation people put between them (spaces, dots, dashes,
// brackets around an area code: "+49 (30) 1234-5678", "06.12.34.56.78"), with its leading '+' if it has one; empty
// for anything else (letters, an extension, a "(0)" trunk prefix), which goes to libphonenumber's parser.
QString plainDigits(const QString& text)
{
    if (text.size() < 6 || text.size() > 32 || text.contains(QLatin1String("(0)")))
        return {};
    QString digits;
    digits.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c >= u'0' && c <= u'9')
            digits += c;
        else if (c == u'+' && i == 0)
            digits += c;
        else if (c != u' ' && c != u'-' && c != u'.' && c != u'(' && c != u')')
            return {};
    }
    return digits;
}

} // namespace

PhoneNormalizer::PhoneNormalizer(const QString& region)
    : m_region(region.compare(QLatin1String(kNoRegion), Qt::CaseInsensitive) == 0 ? QString() : region.toUpper())
    , m_regionUtf8(m_region.isEmpty() ? std::string(kNoRegion) : m_region.toStdString())
{
    // Regions whose national numbers are the international ones behind a one-digit trunk prefix (0, or NANP's
    // 1, or nothing for NANP's ten digits) and nothing else: libphonenumber's metadata strips more elsewhere
    // (carrier codes, a "15" in Argentina), so only these skip its parser. tst_phonenormalizer checks every
    // kind of example number of every region against the parser.
    static const QStringList kPlainTrunk {
        QStringLiteral("AT"), QStringLiteral("AU"), QStringLiteral("BE"), QStringLiteral("CA"), QStringLiteral("CH"),
        QStringLiteral("DE"), QStringLiteral("FI"), QStringLiteral("FR"), QStringLiteral("GB"), QStringLiteral("IE"),
        QStringLiteral("NL"), QStringLiteral("NZ"), QStringLiteral("SE"), QStringLiteral("US")};
    if (!kPlainTrunk.contains(m_region))
        return;
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    m_countryCode = QString::number(util->GetCountryCodeForRegion(m_regionUtf8));
    std::string trunk;
    util->GetNddPrefixForRegion(m_regionUtf8, true, &trunk);
    m_trunkPrefix = QString::fromStdString(trunk);
    m_nanpa = util->IsNANPACountry(m_regionUtf8);
}

// "+33 1 42 68 53 00", "+1 650-253-0000", "+49 (30) 1234-5678": an international number whose extras are
// punctuation is E.164 once they are removed; "06 12 34 56 78" in France is +33 and the digits after the trunk
// 0. The import's hot path: libphonenumber's parser costs more than the whole database insert of a row.
QString PhoneNormalizer::compact(const QString& text) const
{
    const QString digits = plainDigits(text);
    if (digits.isEmpty())
        return {};
    if (digits.front() == u'+')
        return looksLikeE164(digits) ? digits : QString();
    if (m_countryCode.isEmpty())
        return {};
    if (m_nanpa && digits.size() == 10)
        return QLatin1Char('+') + m_countryCode + digits;
    if (!m_trunkPrefix.isEmpty() && digits.startsWith(m_trunkPrefix) && digits.size() > m_trunkPrefix.size() + 4) {
        const QString e164 = QLatin1Char('+') + m_countryCode + QStringView(digits).mid(m_trunkPrefix.size());
        return looksLikeE164(e164) ? e164 : QString();
    }
    return {};
}

QString PhoneNormalizer::systemRegion()
{
    const QLocale locale = QLocale::system();
    if (locale.territory() == QLocale::AnyTerritory)
        return {}; // the C locale: no country, so no region
    const QString code = QLocale::territoryToCode(locale.territory());
    return isSupportedRegion(code) ? code : QString();
}

QStringList PhoneNormalizer::supportedRegions()
{
    static const QStringList list = [] {
        std::set<std::string> regions;
        PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
        QStringList codes;
        for (const std::string& region : regions)
            codes << QString::fromStdString(region);
        return codes; // std::set: sorted
    }();
    return list;
}

bool PhoneNormalizer::isSupportedRegion(const QString& region)
{
    if (region.size() != 2 || region == QLatin1String(kNoRegion))
        return false;
    const QStringList& all = supportedRegions();
    return std::binary_search(all.cbegin(), all.cend(), region);
}

bool PhoneNormalizer::looksLikeE164(QStringView text)
{
    return isE164(text);
}

QString PhoneNormalizer::formatInternational(const QString& text)
{
    PhoneNumber number;
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    // An invalid number (one stored before numbers were checked, like +10612345678) is shown as it is stored.
    if (!looksLikeE164(text) || !fromE164(text, &number) || !util->IsValidNumber(number))
        return text;
    std::string formatted;
    util->Format(number, PhoneNumberUtil::INTERNATIONAL, &formatted);
    return QString::fromStdString(formatted);
}

bool PhoneNormalizer::isSameNumber(const QString& e164, const QString& typed)
{
    if (!looksLikeE164(e164) || typed.trimmed().startsWith(u'+'))
        return false;
    PhoneNumber stored;
    if (!fromE164(e164, &stored))
        return false;
    std::string region;
    PhoneNumberUtil::GetInstance()->GetRegionCodeForNumber(stored, &region);
    if (region.empty() || region == kNoRegion)
        return false;
    const NormalizedPhone read = PhoneNormalizer(QString::fromStdString(region)).normalize(typed);
    return read.valid && read.text == e164;
}

// The search index (contentless since schema 12) removes a contact's row with the terms this gives for the
// stored number: a change to what it returns needs a migration that builds the index again.
QString PhoneNormalizer::searchTerms(QStringView text)
{
    return termsOf<QString>(text);
}

QByteArray PhoneNormalizer::searchTermsUtf8(QByteArrayView text)
{
    return termsOf<QByteArray>(text);
}

NormalizedPhone PhoneNormalizer::normalize(const QString& input) const
{
    const QString trimmed = input.trimmed();
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    // Checked without the parser when it is E.164 once its punctuation is gone (compact()). One that is not
    // valid then (+10612345678: a French national number behind a +1) goes on to the parser, which may still
    // read it ("+49 030 123456" drops its trunk 0) or say why not.
    if (const QString e164 = looksLikeE164(trimmed) ? trimmed : compact(trimmed); !e164.isEmpty()) {
        if (validE164(e164))
            return {e164, true, {}};
    }
    PhoneNumber number;
    const bool international = trimmed.startsWith(u'+');
    if (util->Parse(trimmed.toStdString(), m_regionUtf8, &number) == PhoneNumberUtil::NO_PARSING_ERROR
        && util->IsValidNumber(number)) {
        std::string formatted;
        util->Format(number, PhoneNumberUtil::E164, &formatted);
        QString text = QString::fromStdString(formatted);
        // E.164 has no room for an extension; RFC 3966's ";ext=" keeps it (and reads back the same).
        if (number.has_extension())
            text += QStringLiteral(";ext=") + QString::fromStdString(number.extension());
        return {text, true, {}};
    }
    QString problem;
    if (international)
        problem = QStringLiteral("'%1' is not a valid phone number; kept as typed").arg(trimmed);
    else if (m_region.isEmpty())
        problem = QStringLiteral("'%1' has no country code and no phone region is set; kept as typed (write it with "
                                 "its country code, like +33 6 12 34 56 78, or set the region: Preferences in the "
                                 "window, roster config set phone_region FR on the command line)")
                      .arg(trimmed);
    else
        problem = QStringLiteral("'%1' is not a valid phone number for region %2; kept as typed (write it with its "
                                 "country code if it belongs to another country)")
                      .arg(trimmed, m_region);
    return {trimmed, false, problem};
}

} // namespace roster
