#pragma once

#include <QString>

namespace roster {

struct NormalizedPhone
{
    QString text; // E.164 when valid, otherwise the input as typed (trimmed): never dropped
    bool valid = false;
};

// Phones to E.164 through libphonenumber. Numbers already in E.164 skip the parser: it costs more than
// the whole database insert of a row.
class PhoneNormalizer final
{
public:
    // region: ISO 3166 alpha-2 used for numbers written without a country code; empty means the system
    // locale's country.
    explicit PhoneNormalizer(const QString& region = {});

    NormalizedPhone normalize(const QString& input) const;
    const QString& region() const { return m_region; }

    static QString systemRegion();
    static bool looksLikeE164(QStringView text);

private:
    QString m_region;
    std::string m_regionUtf8;
};

} // namespace roster
