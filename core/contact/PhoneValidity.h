#pragma once

#include <QStringView>

#include <optional>

namespace roster {

// Whether libphonenumber holds a number valid (PhoneNumberUtil::IsValidNumber), decided from the library's own
// metadata with the same steps, but with each pattern compiled once by PCRE2's JIT. The library looks every pattern
// up in a cache by its text (hashing patterns of hundreds of characters) and runs a fresh ICU matcher on each:
// about 7 µs a number, two thirds of the import's normalising thread on the realistic million rows.
// tst_phonevalidity compares the two on every example number of every region and on numbers made from them.
class PhoneValidity final
{
public:
    // `nationalNumber` is the number's national significant number (what follows the country calling code in
    // E.164, leading zeros included). nullopt when the metadata could not be read or a pattern not compiled: the
    // caller then asks libphonenumber.
    static std::optional<bool> isValid(int countryCode, QStringView nationalNumber);
};

} // namespace roster
