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

NormalizedPhone PhoneNormalizer::normalize(const QString& input) const
{
    const QString trimmed = input.trimmed();
    if (looksLikeE164(trimmed))
        return {trimmed, true};
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
