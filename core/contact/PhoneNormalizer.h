#pragma once

#include <QString>
#include <QStringList>

namespace roster {

struct NormalizedPhone
{
    QString text; // E.164 when valid, otherwise the input as typed (trimmed): never dropped
    bool valid = false;
    QString problem; // when not valid: why, in English, for the warning's detail
};

// Phones to E.164 through libphonenumber, for one phone region (the database's `phone_region` setting). A
// number is stored in E.164 only when libphonenumber says it is a valid number: written with its own
// country code, or a national number of the region. Anything else is kept as typed, with the reason.
class PhoneNormalizer final
{
public:
    // region: ISO 3166 alpha-2 used for numbers written without a country code. Empty (or "ZZ") means no
    // region: only numbers with their country code are read.
    explicit PhoneNormalizer(const QString& region = {});

    NormalizedPhone normalize(const QString& input) const;
    // Empty when there is no region.
    const QString& region() const { return m_region; }

    // The system locale's country, or empty when it names none (the C locale).
    static QString systemRegion();
    // Whether libphonenumber knows this two-letter region (case-sensitive: "FR", not "fr").
    static bool isSupportedRegion(const QString& region);
    // Every region libphonenumber knows, sorted.
    static QStringList supportedRegions();
    static bool looksLikeE164(QStringView text);
    // A stored E.164 number for display, in international format ("+33 6 12 34 56 78"); anything else (a
    // number kept as typed, an invalid one) is returned unchanged. No parsing: a few microseconds.
    static QString formatInternational(const QString& text);
    // What the search index keeps of a stored number, so that digits typed in any format find it:
    // "+33612345678" -> "33612345678 612345678 0612345678" (with the country code, the national number,
    // and the national number behind a trunk 0). A number kept as typed gives its digits.
    static QString searchTerms(QStringView text);
    // The same terms from and in UTF-8, for SQL (roster_phone_terms), without a conversion each way.
    static QByteArray searchTermsUtf8(QByteArrayView text);
    // Whether `typed`, a number without its country code ("06 12 34 56 78"), is the stored E.164 number
    // `e164` once read in that number's own region: the same phone written the way its country writes it,
    // which a file or a CRM may send where Roster stored the E.164 form.
    static bool isSameNumber(const QString& e164, const QString& typed);

private:
    QString compact(const QString& text) const;

    QString m_region;
    std::string m_regionUtf8;
    // For compact(): set only for regions whose national numbers need nothing but their trunk prefix removed.
    QString m_countryCode;
    QString m_trunkPrefix;
    bool m_nanpa = false;
};

} // namespace roster
