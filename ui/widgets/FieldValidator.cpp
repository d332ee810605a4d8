#include "FieldValidator.h"

#include "contact/DomainNormalizer.h"
#include "contact/EmailNormalizer.h"
#include "contact/LinkedinUrlNormalizer.h"
#include "contact/PhoneNormalizer.h"

#include <QDate>
#include <QUrl>

namespace roster {

FieldValidator::FieldValidator(const PhoneNormalizer& phones)
    : m_phones(phones)
{
}

QString FieldValidator::checkEmail(const QString& text) const
{
    if (text.trimmed().isEmpty() || EmailNormalizer::normalize(text))
        return {};
    return tr("Not an email address: it needs a name, an @ and a domain, like jane@example.com.");
}

QString FieldValidator::check(Field field, const QString& text) const
{
    const QString value = text.trimmed();
    if (value.isEmpty())
        return {};
    switch (FieldRegistry::info(field).kind) {
    case FieldKind::Email:
        return checkEmail(value);
    case FieldKind::Phone:
        if (!m_phones.normalize(value).valid)
            return tr("Not a phone number for region %1. Write it with its country code, like +33 6 12 34 56 78.")
                .arg(m_phones.region());
        return {};
    case FieldKind::LinkedinProfile:
        if (!LinkedinUrlNormalizer::profile(value))
            return tr("Not a LinkedIn profile address. It looks like https://www.linkedin.com/in/jane-smith.");
        return {};
    case FieldKind::SalesNavProfile:
        if (!LinkedinUrlNormalizer::salesNav(value))
            return tr("Not a Sales Navigator lead address. It looks like https://www.linkedin.com/sales/lead/….");
        return {};
    case FieldKind::Domain:
        if (!DomainNormalizer::fromWebsite(value))
            return tr("Not a domain name, like example.com.");
        return {};
    case FieldKind::Url:
        if (field == Field::CompanyLinkedinUrl) {
            if (!LinkedinUrlNormalizer::company(value))
                return tr("Not a LinkedIn company page. It looks like https://www.linkedin.com/company/acme.");
            return {};
        }
        if (const QUrl url = QUrl::fromUserInput(value); !url.isValid() || url.host().isEmpty())
            return tr("Not a web address.");
        return {};
    case FieldKind::Date:
        if (!QDate::fromString(value, Qt::ISODate).isValid())
            return tr("Not a date. Write it as year-month-day, like 1990-04-23.");
        return {};
    case FieldKind::Boolean:
    case FieldKind::Text:
        return {};
    }
    return {};
}

QString FieldValidator::errorText(ErrorCode code)
{
    switch (code) {
    case ErrorCode::MissingIdentifier:
        return tr("A contact needs at least an email, a phone or a LinkedIn address.");
    case ErrorCode::InvalidEmail:
    case ErrorCode::InvalidExtraEmail:
        return tr("An email address is not valid.");
    case ErrorCode::InvalidLinkedinUrl:
        return tr("The LinkedIn address is not a profile address.");
    case ErrorCode::InvalidSalesNavUrl:
        return tr("The Sales Navigator address is not valid.");
    case ErrorCode::InvalidPhone:
        return tr("The phone number could not be read; it was kept as typed.");
    case ErrorCode::InvalidDomain:
        return tr("The company domain is not a domain name; it was kept as typed.");
    case ErrorCode::InvalidDate:
        return tr("The date is ambiguous; it was kept as typed.");
    case ErrorCode::UnknownCustomField:
        return tr("A custom field is not registered.");
    case ErrorCode::InvalidCustomFieldValue:
        return tr("A custom field value does not fit its type.");
    case ErrorCode::ContactNotFound:
        return tr("The contact no longer exists.");
    case ErrorCode::IdentifierTaken:
        return tr("This email, phone or LinkedIn address already belongs to another contact.");
    case ErrorCode::PossibleDuplicate:
        return tr("Another contact has the same email, phone or LinkedIn address.");
    case ErrorCode::FieldIgnored:
        return tr("A field was left unchanged.");
    case ErrorCode::NothingToUndo:
        return tr("There is nothing to undo.");
    case ErrorCode::NothingToRedo:
        return tr("There is nothing to redo.");
    case ErrorCode::UndoConflict:
        return tr("This step cannot be undone: the contacts changed since.");
    case ErrorCode::DatabaseError:
        return tr("The database reported an error.");
    default:
        return tr("The operation failed (%1).").arg(errorCodeName(code));
    }
}

} // namespace roster
