#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

namespace roster {

// Sort keys for names in the order a language sorts them: ICU's collation sort key bytes for a locale, at
// secondary strength (case ignored; É sorts with E, Ø with O, and an accent only breaks a tie). Compared
// byte by byte they give the language's order, so SQLite can index and range-scan them as BLOBs. QCollator
// (the same ICU underneath) hides the bytes behind QCollatorSortKey::compare(), hence ICU directly.
class CollationKeys final
{
public:
    // `locale` as QLocale::name() gives it ("fr_FR"); "C" or empty: ICU's root order.
    explicit CollationKeys(const QString& locale = currentLocale());
    ~CollationKeys();
    CollationKeys(const CollationKeys&) = delete;
    CollationKeys& operator=(const CollationKeys&) = delete;

    // Empty for an empty value, which sorts after every name (the window lists empty values last).
    QByteArray key(const QString& value) const;
    const QString& locale() const { return m_locale; }

    // The UI language's locale (the app sets QLocale's default from it).
    static QString currentLocale();

private:
    struct Collator;
    QString m_locale;
    std::unique_ptr<Collator> m_collator;
};

} // namespace roster
