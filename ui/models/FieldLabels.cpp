#include "FieldLabels.h"

namespace roster {

QString FieldLabels::label(Field field)
{
    switch (field) {
    case Field::FirstName:
        return tr("First name");
    case Field::LastName:
        return tr("Last name");
    case Field::Email:
        return tr("Email");
    case Field::Phone:
        return tr("Phone");
    case Field::LinkedinUrl:
        return tr("LinkedIn");
    case Field::SalesNavUrl:
        return tr("Sales Navigator");
    case Field::JobTitle:
        return tr("Job title");
    case Field::JobDescription:
        return tr("Job description");
    case Field::Headline:
        return tr("Headline");
    case Field::Summary:
        return tr("Summary");
    case Field::CompanyName:
        return tr("Company");
    case Field::CompanyDomain:
        return tr("Company domain");
    case Field::CompanyLinkedinUrl:
        return tr("Company LinkedIn");
    case Field::Website:
        return tr("Website");
    case Field::Address1:
        return tr("Address");
    case Field::City:
        return tr("City");
    case Field::State:
        return tr("State");
    case Field::PostalCode:
        return tr("Postal code");
    case Field::Country:
        return tr("Country");
    case Field::Location:
        return tr("Location");
    case Field::Timezone:
        return tr("Time zone");
    case Field::Industry:
        return tr("Industry");
    case Field::Languages:
        return tr("Languages");
    case Field::Skills:
        return tr("Skills");
    case Field::PictureUrl:
        return tr("Picture URL");
    case Field::DateOfBirth:
        return tr("Date of birth");
    case Field::Gender:
        return tr("Gender");
    case Field::Owner:
        return tr("Owner");
    case Field::Source:
        return tr("Source");
    case Field::DoNotContact:
        return tr("Do not contact");
    case Field::Notes:
        return tr("Notes");
    case Field::PhoneType:
        return tr("Phone kind");
    }
    return FieldRegistry::name(field);
}

QString FieldLabels::phoneType(PhoneType type)
{
    switch (type) {
    case PhoneType::None:
        return tr("Phone");
    case PhoneType::Mobile:
        return tr("Mobile");
    case PhoneType::Work:
        return tr("Work");
    case PhoneType::Home:
        return tr("Home");
    case PhoneType::Fax:
        return tr("Fax");
    case PhoneType::Other:
        return tr("Other");
    }
    return {};
}

} // namespace roster
