#include "UpsertResult.h"

namespace roster {

QString UpsertResult::statusName(Status status)
{
    switch (status) {
    case Status::Created:
        return QStringLiteral("created");
    case Status::Updated:
        return QStringLiteral("updated");
    case Status::Unchanged:
        return QStringLiteral("unchanged");
    case Status::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

} // namespace roster
