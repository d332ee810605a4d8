#pragma once

#include "contact/Error.h"

#include <QStringList>
#include <QVector>

#include <optional>

namespace roster {

// Something the engine did differently from what the input asked, said instead of done silently.
struct UpsertWarning
{
    ErrorCode code;
    QString field;
    QString detail;
    qint64 otherContactId = 0; // PossibleDuplicate: the contact the other key matched
};

struct FieldChange
{
    QString field;
    QString before;
    QString after;
};

struct UpsertResult
{
    enum class Status : std::uint8_t { Created, Updated, Unchanged, Rejected };

    Status status = Status::Rejected;
    qint64 contactId = 0;
    QStringList changedFields;
    QVector<FieldChange> changes; // before and after, for updates (lists as JSON arrays)
    std::optional<Error> error;
    QVector<UpsertWarning> warnings;

    static QString statusName(Status status);
};

} // namespace roster
