#include "Field.h"

#include <QHash>

namespace roster {

const std::array<FieldInfo, kFieldCount>& FieldRegistry::all()
{
    static const std::array<FieldInfo, kFieldCount> fields {{
        {Field::FirstName, "first_name", FieldKind::Text},
        {Field::LastName, "last_name", FieldKind::Text},
        {Field::Email, "email", FieldKind::Email},
        {Field::Phone, "phone", FieldKind::Phone},
        {Field::LinkedinUrl, "linkedin_url", FieldKind::LinkedinProfile},
        {Field::SalesNavUrl, "sales_nav_url", FieldKind::SalesNavProfile},
        {Field::JobTitle, "job_title", FieldKind::Text},
        {Field::JobDescription, "job_description", FieldKind::Text},
        {Field::Headline, "headline", FieldKind::Text},
        {Field::Summary, "summary", FieldKind::Text},
        {Field::CompanyName, "company_name", FieldKind::Text},
        {Field::CompanyDomain, "company_domain", FieldKind::Domain},
        {Field::CompanyLinkedinUrl, "company_linkedin_url", FieldKind::Url},
        {Field::Website, "website", FieldKind::Url},
        {Field::Address1, "address1", FieldKind::Text},
        {Field::City, "city", FieldKind::Text},
        {Field::State, "state", FieldKind::Text},
        {Field::PostalCode, "postal_code", FieldKind::Text},
        {Field::Country, "country", FieldKind::Text},
        {Field::Location, "location", FieldKind::Text},
        {Field::Timezone, "timezone", FieldKind::Text},
        {Field::Industry, "industry", FieldKind::Text},
        {Field::Languages, "languages", FieldKind::Text},
        {Field::Skills, "skills", FieldKind::Text},
        {Field::PictureUrl, "picture_url", FieldKind::Url},
        {Field::DateOfBirth, "date_of_birth", FieldKind::Date},
        {Field::Gender, "gender", FieldKind::Text},
        {Field::Owner, "owner", FieldKind::Text},
        {Field::Source, "source", FieldKind::Text},
        {Field::DoNotContact, "do_not_contact", FieldKind::Boolean},
        {Field::Notes, "notes", FieldKind::Text},
        {Field::PhoneType, "phone_type", FieldKind::PhoneKind},
    }};
    return fields;
}

const QString& FieldRegistry::name(Field field)
{
    static const std::array<QString, kFieldCount> names = [] {
        std::array<QString, kFieldCount> list;
        for (const FieldInfo& info : all())
            list[static_cast<std::size_t>(info.field)] = QString::fromLatin1(info.name);
        return list;
    }();
    return names[static_cast<std::size_t>(field)];
}

std::optional<Field> FieldRegistry::fromName(QStringView name)
{
    static const QHash<QString, Field> byName = [] {
        QHash<QString, Field> map;
        for (const FieldInfo& info : all())
            map.insert(QString::fromLatin1(info.name), info.field);
        return map;
    }();
    const auto it = byName.constFind(name.toString());
    if (it == byName.constEnd())
        return std::nullopt;
    return *it;
}

bool FieldRegistry::isValidCustomKey(QStringView key)
{
    if (key.isEmpty() || key.size() > 64)
        return false;
    for (QChar c : key) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_'
            || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

QStringList FieldRegistry::names()
{
    QStringList list;
    for (const FieldInfo& info : all())
        list << QString::fromLatin1(info.name);
    list << extraEmailsName() << extraPhonesName() << extraWebsitesName() << tagsName();
    return list;
}

} // namespace roster
