#include "PhoneNormalizer.h"

#include <QLocale>

#include <phonenumbers/phonenumberutil.h>

namespace roster {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

PhoneNormalizer::PhoneNormalizer(const QString& region)
    : m_region(region.isEmpty() ? systemRegion() : region.toUpper())
    , m_regionUtf8(m_region.toStdString())
{
}

QString PhoneNormalizer::systemRegion()
{
    const QLocale locale = QLocale::system();
    if (locale.territory() == QLocale::AnyTerritory)
        return QStringLiteral("ZZ"); // unknown: only numbers with a country code parse
    return QLocale::territoryToCode(locale.territory());
}

bool PhoneNormalizer::looksLikeE164(QStringView text)
{
    if (text.size() < 8 || text.size() > 16 || text.front() != u'+' || text[1] < u'1' || text[1] > u'9')
        return false;
    for (qsizetype i = 2; i < text.size(); ++i) {
        if (text[i] < u'0' || text[i] > u'9')
            return false;
    }
    return true;
}

// "+33 1 42 68 53 00", "+1 650-253-0000", "+49.30.123456": an international number whose only extras are
// spaces, dots or dashes between digits is E.164 once they are removed. Anything else (a "(0)" trunk
// prefix, an extension, a national number) goes to libphonenumber, which costs more than the whole
// database insert of a row.
static QString compactInternational(const QString& text)
{
    if (text.size() < 8 || text.size() > 24 || text.front() != u'+')
        return {};
    QString digits(QLatin1Char('+'));
    QChar previous = text.front();
    for (qsizetype i = 1; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c >= u'0' && c <= u'9') {
            digits += c;
        } else if ((c == u' ' || c == u'-' || c == u'.') && previous >= u'0' && previous <= u'9') {
            // a single separator between digits
        } else {
            return {};
        }
        previous = c;
    }
    return PhoneNormalizer::looksLikeE164(digits) ? digits : QString();
}

NormalizedPhone PhoneNormalizer::normalize(const QString& input) const
{
    const QString trimmed = input.trimmed();
    if (looksLikeE164(trimmed))
        return {trimmed, true};
    if (const QString compact = compactInternational(trimmed); !compact.isEmpty())
        return {compact, true};
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(trimmed.toStdString(), m_regionUtf8, &number) != PhoneNumberUtil::NO_PARSING_ERROR
        || !util->IsPossibleNumber(number))
        return {trimmed, false};
    std::string formatted;
    util->Format(number, PhoneNumberUtil::E164, &formatted);
    return {QString::fromStdString(formatted), true};
}

} // namespace roster
