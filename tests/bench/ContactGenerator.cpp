#include "ContactGenerator.h"

#include <array>

namespace roster::bench {

namespace {

constexpr std::array kFirst {
    u"Anaïs",  u"Björn",   u"Chloé",    u"David",  u"Élodie",  u"François", u"Greta",   u"Håkon", u"Inès",  u"Jürgen",
    u"Kasia",  u"Léa",     u"Mateo",    u"Núria",  u"Olivier", u"Paweł",    u"Quentin", u"Renée", u"Søren", u"Thérèse",
    u"Ulrich", u"Valérie", u"Wojciech", u"Xavier", u"Yasmine", u"Zoë",      u"Jane",    u"John",  u"Maria", u"Ahmed"};
constexpr std::array kLast {u"Dupont", u"Müller",    u"García",   u"Nguyen",  u"Łukasiewicz", u"O'Brien",   u"Smith",
                            u"Rossi",  u"Andersson", u"Kowalski", u"Lefèvre", u"Schäfer",     u"Fernández", u"Novák",
                            u"Dubois", u"Martin",    u"Bernard",  u"Moreau",  u"Laurent",     u"Simon"};
constexpr std::array kTitles {u"CEO",           u"CTO",
                              u"Head of Sales", u"Account Executive",
                              u"VP Marketing",  u"Procurement Manager",
                              u"Founder",       u"Directeur commercial"};
constexpr std::array kCities {u"Paris", u"Lyon", u"Berlin", u"München", u"Madrid", u"Kraków", u"Zürich", u"Göteborg"};

QString pick(const auto& list, qint64 n)
{
    return QString::fromUtf16(list[static_cast<std::size_t>(n % static_cast<qint64>(list.size()))]);
}

QString phone(qint64 n, PhoneStyle style)
{
    const QString digits = QStringLiteral("%1").arg(n % 100000000, 8, 10, QLatin1Char('0'));
    if (style == PhoneStyle::E164)
        return QStringLiteral("+331") + digits;
    return QStringLiteral("01 %1 %2 %3 %4").arg(digits.mid(0, 2), digits.mid(2, 2), digits.mid(4, 2), digits.mid(6, 2));
}

} // namespace

QStringList ContactGenerator::columns(qint64 n, PhoneStyle style)
{
    const QString first = pick(kFirst, n);
    const QString last = pick(kLast, n / 7);
    const QString company = QStringLiteral("company%1").arg(n % 5000);
    const QString email = QStringLiteral("user%1.%2@%3.com").arg(n).arg(last.left(3).toLower(), company);
    const QString linkedin = n % 2 == 0 ? QStringLiteral("https://www.linkedin.com/in/user-%1").arg(n) : QString();
    return {first,
            last,
            email,
            phone(n, style),
            linkedin,
            pick(kTitles, n / 3),
            pick(kCities, n / 11),
            QStringLiteral("Company %1").arg(n % 5000)};
}

ContactPatch ContactGenerator::make(qint64 n, PhoneStyle style)
{
    const QStringList c = columns(n, style);
    ContactPatch patch;
    patch.set(Field::FirstName, c[0]);
    patch.set(Field::LastName, c[1]);
    patch.set(Field::Email, c[2]);
    patch.set(Field::Phone, c[3]);
    if (!c[4].isEmpty())
        patch.set(Field::LinkedinUrl, c[4]);
    patch.set(Field::JobTitle, c[5]);
    patch.set(Field::City, c[6]);
    patch.set(Field::CompanyName, c[7]);
    return patch;
}

} // namespace roster::bench
