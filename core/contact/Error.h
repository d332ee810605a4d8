#pragma once

#include <QString>

#include <expected>

namespace roster {

// One list of codes for the whole program: the engine, the importer, the sync layer and the command line
// all speak it, so a code printed by `roster import --json` means the same thing in the sync panel.
enum class ErrorCode {
    MissingIdentifier,
    InvalidEmail,
    InvalidExtraEmail,
    InvalidLinkedinUrl,
    InvalidSalesNavUrl,
    InvalidPhone,
    InvalidDomain,
    InvalidUrl,
    InvalidDate,
    InvalidBoolean,
    UnknownField,
    UnknownCustomField,
    InvalidCustomFieldValue,
    ContactNotFound,
    CompanyNotFound,
    IdentifierTaken,
    PossibleDuplicate,
    OwnerIgnored,
    FieldIgnored,
    TagsIgnored,
    DatabaseError,
    NotARosterDatabase,
    DatabaseTooNew,
    NothingToUndo,
    NothingToRedo,
    UndoConflict,
    FileNotFound,
    FileUnreadable,
    EmptyFile,
    NotATable,
    ParseError,
    Cancelled,
    InvalidArgument,
    NetworkError,
    Timeout,
    RateLimited,
    AuthenticationFailed,
    HttpError,
    RemoteValidation,
    UnsupportedByProvider,
    InsecureUrl,
    SecretUnavailable,
    DuplicateInFile,
    InvalidEncoding,
    ReadOnlyDatabase,
    DatabaseBusy,
    SyncRunningElsewhere,
    OwnDatabaseFile,
    IncompleteScan, // a remote list scan stopped before provably reaching the end
    FieldDefinitionsUnavailable,
    ReplyTooLarge,
    ServiceFailing,
    DiskFull, // the disk (or a file size limit) left no room for a write: nothing of that write was kept
    // Sync outcomes that are not failures: listed in a report's skipped records or warnings.
    NeedsConfirmation, // a guard holds the change back until the user confirms it (--yes)
    ConflictSettledByPolicy, // both sides changed a field; the account's conflict policy picked one
    RemoteDeletionPending, // deleted on the CRM: the user confirms or dismisses that before it is sent again
};

// The last code of the list: tests walk every code up to it.
inline constexpr ErrorCode kLastErrorCode = ErrorCode::RemoteDeletionPending;

// The stable name of a code ("InvalidEmail"): used in JSON output and in stored sync errors.
QString errorCodeName(ErrorCode code);
// The inverse of errorCodeName(); false when the name is unknown.
bool errorCodeFromName(const QString& name, ErrorCode* code);

struct Error
{
    ErrorCode code = ErrorCode::InvalidArgument;
    QString field; // the field the error is about, in design.md's names; empty when none
    QString detail; // English, for logs and scripts; the UI translates from the code

    QString toString() const;
    bool operator==(const Error&) const = default;
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, QString detail = {}, QString field = {})
{
    return std::unexpected<Error>(Error {code, std::move(field), std::move(detail)});
}

} // namespace roster
