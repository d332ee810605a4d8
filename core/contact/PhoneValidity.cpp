#include "PhoneValidity.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <list>
#include <memory>
#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <unordered_map>
#include <vector>

namespace i18n::phonenumbers {
// Declared in the library's metadata.h, which Debian does not install. PhoneNumberUtil parses its metadata from
// exactly these bytes, so the patterns below are the library's own, whatever its version.
const void* metadata_get();
int metadata_size();
} // namespace i18n::phonenumbers

namespace roster {

namespace {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumberDesc;
using i18n::phonenumbers::PhoneNumberUtil;

const char* const kNonGeographic = "001"; // libphonenumber's region of +800, +808, +870, +878, +881...

// The library's metadata, parsed once: by region code, and the non-geographic entities by calling code.
struct Metadata
{
    PhoneMetadataCollection collection;
    QHash<QString, const PhoneMetadata*> byRegion;
    QHash<int, const PhoneMetadata*> nonGeographic;
    bool ok = false;
};

const Metadata& metadata()
{
    static const Metadata parsed = [] {
        Metadata m;
        m.ok = m.collection.ParseFromArray(i18n::phonenumbers::metadata_get(), i18n::phonenumbers::metadata_size());
        for (const PhoneMetadata& region : m.collection.metadata()) {
            if (region.id() == kNonGeographic)
                m.nonGeographic.insert(region.country_code(), &region);
            else
                m.byRegion.insert(QString::fromStdString(region.id()), &region);
        }
        return m;
    }();
    return parsed;
}

// One region's validity test (PhoneNumberUtil::GetNumberTypeHelper(...) != UNKNOWN). A kind of number matches
// when the number's length is one of the kind's possible lengths (or the kind lists none) and its pattern matches
// the whole number; an empty pattern matches nothing. The number is valid when the general description matches
// and so does any kind: premium rate, toll free, shared cost, VoIP, personal, pager, UAN, voicemail, fixed line,
// or mobile (the library skips mobile when its pattern is the fixed line's). The kinds possible at a length are
// one alternation, compiled the first time a number of that length comes.
class RegionTest final
{
public:
    explicit RegionTest(const PhoneMetadata& region)
        : m_region(region)
    {
        if (region.has_leading_digits()) {
            m_leadingDigits = QRegularExpression(QStringLiteral("\\A(?:%1)").arg(text(region.leading_digits())));
            m_ok = prepare(m_leadingDigits);
        }
    }

    bool ok() const { return m_ok; }
    bool hasLeadingDigits() const { return m_region.has_leading_digits(); }
    bool leadingDigitsMatch(const QString& number) const { return m_leadingDigits.match(number).hasMatch(); }

    // nullopt when a pattern did not compile.
    std::optional<bool> valid(const QString& number)
    {
        const qsizetype length = number.size();
        auto it = m_byLength.find(length);
        if (it == m_byLength.end())
            it = m_byLength.emplace(length, build(static_cast<int>(length))).first;
        const Length& test = it->second;
        if (!test.ok)
            return std::nullopt;
        if (!test.general || !test.general->match(number).hasMatch())
            return false;
        return test.anyKind && test.anyKind->match(number).hasMatch();
    }

private:
    struct Length
    {
        std::optional<QRegularExpression> general; // none: the general description rules this length out
        std::optional<QRegularExpression> anyKind; // none: no kind of number has this length
        bool ok = true;
    };

    static QString text(const std::string& pattern) { return QString::fromStdString(pattern); }

    static bool prepare(QRegularExpression& expression)
    {
        if (!expression.isValid())
            return false;
        expression.optimize(); // compiled (and JIT-compiled) now, not by the first match
        return true;
    }

    static bool possible(const PhoneNumberDesc& desc, int length)
    {
        const auto& lengths = desc.possible_length();
        return lengths.empty() || std::find(lengths.begin(), lengths.end(), length) != lengths.end();
    }

    Length build(int length) const
    {
        Length test;
        const PhoneNumberDesc& general = m_region.general_desc();
        if (possible(general, length) && !general.national_number_pattern().empty()) {
            test.general
                = QRegularExpression(QRegularExpression::anchoredPattern(text(general.national_number_pattern())));
            test.ok = prepare(*test.general);
        }
        std::vector<const PhoneNumberDesc*> kinds {
            &m_region.premium_rate(), &m_region.toll_free(),       &m_region.shared_cost(),
            &m_region.voip(),         &m_region.personal_number(), &m_region.pager(),
            &m_region.uan(),          &m_region.voicemail(),       &m_region.fixed_line()};
        if (!m_region.same_mobile_and_fixed_line_pattern())
            kinds.push_back(&m_region.mobile());
        QStringList alternatives;
        for (const PhoneNumberDesc* kind : kinds) {
            if (possible(*kind, length) && !kind->national_number_pattern().empty())
                alternatives << QStringLiteral("(?:%1)").arg(text(kind->national_number_pattern()));
        }
        if (!alternatives.isEmpty()) {
            test.anyKind = QRegularExpression(QRegularExpression::anchoredPattern(alternatives.join(u'|')));
            test.ok = test.ok && prepare(*test.anyKind);
        }
        return test;
    }

    const PhoneMetadata& m_region;
    QRegularExpression m_leadingDigits;
    std::unordered_map<qsizetype, Length> m_byLength;
    bool m_ok = true;
};

// The regions of one calling code, in the library's order (the main country first).
struct CallingCode
{
    std::vector<std::unique_ptr<RegionTest>> regions;
    bool ok = true;
};

std::unique_ptr<CallingCode> regionsOf(int countryCode)
{
    auto code = std::make_unique<CallingCode>();
    const Metadata& all = metadata();
    if (!all.ok) {
        code->ok = false;
        return code;
    }
    std::list<std::string> regionCodes;
    PhoneNumberUtil::GetInstance()->GetRegionCodesForCountryCallingCode(countryCode, &regionCodes);
    for (const std::string& regionCode : regionCodes) {
        const PhoneMetadata* region = regionCode == kNonGeographic
            ? all.nonGeographic.value(countryCode)
            : all.byRegion.value(QString::fromStdString(regionCode));
        if (!region) {
            code->ok = false; // a region the calling code names but the metadata lacks: let the library decide
            return code;
        }
        code->regions.push_back(std::make_unique<RegionTest>(*region));
        code->ok = code->ok && code->regions.back()->ok();
    }
    return code;
}

} // namespace

std::optional<bool> PhoneValidity::isValid(int countryCode, QStringView nationalNumber)
{
    // Per thread, so that no lock is taken per number; a calling code's patterns are compiled when its first
    // number comes (a few milliseconds for a region with many kinds of numbers).
    thread_local std::unordered_map<int, std::unique_ptr<CallingCode>> codes;
    auto it = codes.find(countryCode);
    if (it == codes.end())
        it = codes.emplace(countryCode, regionsOf(countryCode)).first;
    CallingCode& code = *it->second;
    if (!code.ok)
        return std::nullopt;
    const QString number = nationalNumber.toString();
    // PhoneNumberUtil::GetRegionCodeForNumber: the only region of the code, else the first whose leading digits
    // begin the number or, for a region without leading digits, the first that holds it valid.
    if (code.regions.size() == 1)
        return code.regions.front()->valid(number);
    for (const auto& region : code.regions) {
        if (region->hasLeadingDigits()) {
            if (region->leadingDigitsMatch(number))
                return region->valid(number);
            continue;
        }
        const auto valid = region->valid(number);
        if (!valid || *valid)
            return valid;
    }
    return false; // no region of the code: the library's unknown region, never valid
}

} // namespace roster
