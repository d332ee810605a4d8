#include "Error.h"

#include <QHash>

#include <array>
#include <utility>

namespace roster {

namespace {

using NamedCode = std::pair<ErrorCode, const char*>;

constexpr std::array kNames {
    NamedCode {ErrorCode::MissingIdentifier, "MissingIdentifier"},
    NamedCode {ErrorCode::InvalidEmail, "InvalidEmail"},
    NamedCode {ErrorCode::InvalidExtraEmail, "InvalidExtraEmail"},
    NamedCode {ErrorCode::InvalidLinkedinUrl, "InvalidLinkedinUrl"},
    NamedCode {ErrorCode::InvalidSalesNavUrl, "InvalidSalesNavUrl"},
    NamedCode {ErrorCode::InvalidPhone, "InvalidPhone"},
    NamedCode {ErrorCode::InvalidDomain, "InvalidDomain"},
    NamedCode {ErrorCode::InvalidUrl, "InvalidUrl"},
    NamedCode {ErrorCode::InvalidDate, "InvalidDate"},
    NamedCode {ErrorCode::InvalidBoolean, "InvalidBoolean"},
    NamedCode {ErrorCode::UnknownField, "UnknownField"},
    NamedCode {ErrorCode::UnknownCustomField, "UnknownCustomField"},
    NamedCode {ErrorCode::InvalidCustomFieldValue, "InvalidCustomFieldValue"},
    NamedCode {ErrorCode::ContactNotFound, "ContactNotFound"},
    NamedCode {ErrorCode::CompanyNotFound, "CompanyNotFound"},
    NamedCode {ErrorCode::IdentifierTaken, "IdentifierTaken"},
    NamedCode {ErrorCode::PossibleDuplicate, "PossibleDuplicate"},
    NamedCode {ErrorCode::OwnerIgnored, "OwnerIgnored"},
    NamedCode {ErrorCode::FieldIgnored, "FieldIgnored"},
    NamedCode {ErrorCode::TagsIgnored, "TagsIgnored"},
    NamedCode {ErrorCode::DatabaseError, "DatabaseError"},
    NamedCode {ErrorCode::NotARosterDatabase, "NotARosterDatabase"},
    NamedCode {ErrorCode::DatabaseTooNew, "DatabaseTooNew"},
    NamedCode {ErrorCode::NothingToUndo, "NothingToUndo"},
    NamedCode {ErrorCode::NothingToRedo, "NothingToRedo"},
    NamedCode {ErrorCode::UndoConflict, "UndoConflict"},
    NamedCode {ErrorCode::FileNotFound, "FileNotFound"},
    NamedCode {ErrorCode::FileUnreadable, "FileUnreadable"},
    NamedCode {ErrorCode::EmptyFile, "EmptyFile"},
    NamedCode {ErrorCode::NotATable, "NotATable"},
    NamedCode {ErrorCode::ParseError, "ParseError"},
    NamedCode {ErrorCode::Cancelled, "Cancelled"},
    NamedCode {ErrorCode::InvalidArgument, "InvalidArgument"},
    NamedCode {ErrorCode::NetworkError, "NetworkError"},
    NamedCode {ErrorCode::Timeout, "Timeout"},
    NamedCode {ErrorCode::RateLimited, "RateLimited"},
    NamedCode {ErrorCode::AuthenticationFailed, "AuthenticationFailed"},
    NamedCode {ErrorCode::HttpError, "HttpError"},
    NamedCode {ErrorCode::RemoteValidation, "RemoteValidation"},
    NamedCode {ErrorCode::UnsupportedByProvider, "UnsupportedByProvider"},
    NamedCode {ErrorCode::InsecureUrl, "InsecureUrl"},
    NamedCode {ErrorCode::SecretUnavailable, "SecretUnavailable"},
    NamedCode {ErrorCode::DuplicateInFile, "DuplicateInFile"},
    NamedCode {ErrorCode::InvalidEncoding, "InvalidEncoding"},
    NamedCode {ErrorCode::ReadOnlyDatabase, "ReadOnlyDatabase"},
    NamedCode {ErrorCode::DatabaseBusy, "DatabaseBusy"},
    NamedCode {ErrorCode::SyncRunningElsewhere, "SyncRunningElsewhere"},
    NamedCode {ErrorCode::OwnDatabaseFile, "OwnDatabaseFile"},
    NamedCode {ErrorCode::IncompleteScan, "IncompleteScan"},
    NamedCode {ErrorCode::FieldDefinitionsUnavailable, "FieldDefinitionsUnavailable"},
    NamedCode {ErrorCode::ReplyTooLarge, "ReplyTooLarge"},
    NamedCode {ErrorCode::ServiceFailing, "ServiceFailing"},
    NamedCode {ErrorCode::DiskFull, "DiskFull"},
    NamedCode {ErrorCode::NeedsConfirmation, "NeedsConfirmation"},
    NamedCode {ErrorCode::ConflictSettledByPolicy, "ConflictSettledByPolicy"},
    NamedCode {ErrorCode::RemoteDeletionPending, "RemoteDeletionPending"},
};

} // namespace

QString errorCodeName(ErrorCode code)
{
    for (const auto& [c, name] : kNames) {
        if (c == code)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("Unknown");
}

bool errorCodeFromName(const QString& name, ErrorCode* code)
{
    for (const auto& [c, n] : kNames) {
        if (name == QLatin1String(n)) {
            *code = c;
            return true;
        }
    }
    return false;
}

QString Error::toString() const
{
    QString text = errorCodeName(code);
    if (!field.isEmpty())
        text += QStringLiteral(" (") + field + QLatin1Char(')');
    if (!detail.isEmpty())
        text += QStringLiteral(": ") + detail;
    return text;
}

} // namespace roster
