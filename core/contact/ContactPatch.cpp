#include "ContactPatch.h"

namespace roster {

void ContactPatch::set(Field field, QString value)
{
    m_values[index(field)] = std::move(value);
    m_present.set(index(field));
    m_cleared.reset(index(field));
}

void ContactPatch::clear(Field field)
{
    m_values[index(field)].clear();
    m_present.set(index(field));
    m_cleared.set(index(field));
}

void ContactPatch::remove(Field field)
{
    m_values[index(field)].clear();
    m_present.reset(index(field));
    m_cleared.reset(index(field));
}

static QStringList splitList(const QString& value)
{
    QStringList items;
    for (const QString& part : value.split(QLatin1Char(','))) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            items << trimmed;
    }
    return items;
}

bool ContactPatch::setByName(const QString& name, const QString& value)
{
    if (const auto field = FieldRegistry::fromName(name)) {
        set(*field, value);
        return true;
    }
    if (name == FieldRegistry::extraEmailsName()) {
        setExtraEmails(splitList(value));
        return true;
    }
    if (name == FieldRegistry::extraPhonesName()) {
        setExtraPhones(PhoneTypes::fromText(value));
        return true;
    }
    if (name == FieldRegistry::extraWebsitesName()) {
        setExtraWebsites(splitUrls(value));
        return true;
    }
    if (name == FieldRegistry::tagsName()) {
        setTags(splitList(value), TagMode::Replace);
        return true;
    }
    if (name.startsWith(FieldRegistry::customPrefix())) {
        const QString key = name.mid(FieldRegistry::customPrefix().size());
        if (!FieldRegistry::isValidCustomKey(key))
            return false;
        setCustom(key, value);
        return true;
    }
    return false;
}

void ContactPatch::setExtraEmails(QStringList emails, TagMode mode)
{
    m_extraEmails = std::move(emails);
    m_extraEmailMode = mode;
    m_hasExtraEmails = true;
}

void ContactPatch::setExtraPhones(PhoneList phones, TagMode mode)
{
    m_extraPhones = std::move(phones);
    m_extraPhoneMode = mode;
    m_hasExtraPhones = true;
}

void ContactPatch::setExtraWebsites(QStringList urls, TagMode mode)
{
    m_extraWebsites = std::move(urls);
    m_extraWebsiteMode = mode;
    m_hasExtraWebsites = true;
}

QStringList ContactPatch::splitUrls(QStringView text)
{
    QStringList urls;
    for (QStringView part : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        for (QStringView piece : part.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            piece = piece.trimmed();
            while (piece.endsWith(u',') || piece.endsWith(u';'))
                piece.chop(1);
            if (!piece.isEmpty() && piece != u":::")
                urls << piece.toString();
        }
    }
    return urls;
}

void ContactPatch::clearCustom(const QString& key)
{
    m_custom.insert(key, QString());
    m_clearedCustom.insert(key);
}

void ContactPatch::setTags(QStringList tags, TagMode mode)
{
    m_tags = std::move(tags);
    m_tagMode = mode;
    m_hasTags = true;
}

bool ContactPatch::isEmpty() const
{
    return m_present.none() && !m_hasExtraEmails && !m_hasExtraPhones && !m_hasExtraWebsites && !m_hasTags
        && m_custom.isEmpty() && !m_companyId;
}

} // namespace roster
