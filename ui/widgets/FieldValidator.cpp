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
        if (m_phones.normalize(value).valid)
            return {};
        if (value.startsWith(u'+'))
            return tr("Not a valid phone number. Check its country code and its digits.");
        if (m_phones.region().isEmpty())
            return tr("No phone region is set, so a number needs its country code, like +33 6 12 34 56 78. Or "
                      "choose the region in Edit > Preferences.");
        return tr("Not a valid phone number for region %1. Write it with its country code, like +33 6 12 34 56 78.")
            .arg(m_phones.region());
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
    case FieldKind::PhoneKind: // chosen from a list
        return {};
    }
    return {};
}

QString FieldValidator::errorText(ErrorCode code)
{
    // No default: a code added to Error.h without a sentence here does not compile (-Wswitch).
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
    case ErrorCode::InvalidUrl:
        return tr("The web address is not valid.");
    case ErrorCode::InvalidDate:
        return tr("The date is ambiguous; it was kept as typed.");
    case ErrorCode::InvalidBoolean:
        return tr("The value is not yes or no.");
    case ErrorCode::UnknownField:
        return tr("The field does not exist.");
    case ErrorCode::UnknownCustomField:
        return tr("A custom field is not registered.");
    case ErrorCode::InvalidCustomFieldValue:
        return tr("A custom field value does not fit its type.");
    case ErrorCode::ContactNotFound:
        return tr("The contact no longer exists.");
    case ErrorCode::CompanyNotFound:
        return tr("The company does not exist.");
    case ErrorCode::IdentifierTaken:
        return tr("This email, phone or LinkedIn address already belongs to another contact.");
    case ErrorCode::PossibleDuplicate:
        return tr("Another contact has the same email, phone or LinkedIn address.");
    case ErrorCode::OwnerIgnored:
        return tr("The owner was left unchanged.");
    case ErrorCode::FieldIgnored:
        return tr("A field was left unchanged.");
    case ErrorCode::TagsIgnored:
        return tr("The tags were left unchanged.");
    case ErrorCode::DatabaseError:
        return tr("The database reported an error.");
    case ErrorCode::NotARosterDatabase:
        return tr("This file is not a Roster database; it was left untouched.");
    case ErrorCode::DatabaseTooNew:
        return tr("This database comes from a newer Roster; it was left untouched.");
    case ErrorCode::NothingToUndo:
        return tr("There is nothing to undo.");
    case ErrorCode::NothingToRedo:
        return tr("There is nothing to redo.");
    case ErrorCode::UndoConflict:
        return tr("This step cannot be undone: the contacts changed since.");
    case ErrorCode::FileNotFound:
        return tr("The file does not exist.");
    case ErrorCode::FileUnreadable:
        return tr("The file cannot be read.");
    case ErrorCode::EmptyFile:
        return tr("The file holds no contacts.");
    case ErrorCode::NotATable:
        return tr("The file is not a table of contacts (a spreadsheet must be saved as CSV first).");
    case ErrorCode::ParseError:
        return tr("The file could not be read as CSV or vCard.");
    case ErrorCode::Cancelled:
        return tr("Cancelled.");
    case ErrorCode::InvalidArgument:
        return tr("A value given is not valid.");
    case ErrorCode::NetworkError:
        return tr("The service could not be reached.");
    case ErrorCode::Timeout:
        return tr("The service did not answer in time.");
    case ErrorCode::RateLimited:
        return tr("The service asked to slow down.");
    case ErrorCode::AuthenticationFailed:
        return tr("The service refused the API key.");
    case ErrorCode::HttpError:
        return tr("The service reported an error.");
    case ErrorCode::RemoteValidation:
        return tr("The service refused the record.");
    case ErrorCode::UnsupportedByProvider:
        return tr("The service does not offer this.");
    case ErrorCode::InsecureUrl:
        return tr("The address is not https; an API key is only sent over https.");
    case ErrorCode::SecretUnavailable:
        return tr("No API key is stored for this account.");
    case ErrorCode::DuplicateInFile:
        return tr("The same person is on an earlier line of the file; the two lines were merged.");
    case ErrorCode::InvalidEncoding:
        return tr("Some characters could not be read and were replaced by \uFFFD.");
    case ErrorCode::ReadOnlyDatabase:
        return tr("The database file is read-only: nothing can be changed in it.");
    case ErrorCode::DatabaseBusy:
        return tr("Another program kept the database busy for too long; nothing was changed.");
    case ErrorCode::SyncRunningElsewhere:
        return tr("A sync of this account is already running in another window or program.");
    case ErrorCode::OwnDatabaseFile:
        return tr("This is Roster's own database file; it cannot be imported or overwritten.");
    case ErrorCode::IncompleteScan:
        return tr("The CRM's list could not be read to the end; no contact was taken as deleted there.");
    case ErrorCode::FieldDefinitionsUnavailable:
        return tr("The service did not let Roster read its custom field definitions; custom fields were not synced.");
    case ErrorCode::ReplyTooLarge:
        return tr("The service sent a reply too large to read; it was not read.");
    case ErrorCode::ServiceFailing:
        return tr("The service kept failing; the sync stopped rather than retry every record.");
    case ErrorCode::DiskFull:
        return tr("The disk is full: free some space, then try again.");
    case ErrorCode::NeedsConfirmation:
        return tr("Held back: this change is sent once you confirm it.");
    case ErrorCode::ConflictSettledByPolicy:
        return tr("Both sides changed this value; the account's conflict policy chose which to keep.");
    case ErrorCode::RemoteDeletionPending:
        return tr("The record was deleted on the service; confirm or dismiss the deletion before it is sent again.");
    }
    return tr("The operation failed (%1).").arg(errorCodeName(code));
}

} // namespace roster
