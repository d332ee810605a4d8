#pragma once

#include "RemoteRecord.h"

#include <cstdint>

namespace roster {

// Whether an upsert created or updated, when the CRM says (GetSales answers 200 either way).
enum class UpsertDisposition : std::uint8_t { Created, Updated, Unknown };

struct UpsertOutcome
{
    QString remoteId;
    UpsertDisposition disposition = UpsertDisposition::Unknown;
    RemoteRecord record; // the record as the CRM stored it
    QList<Error> warnings; // remote warnings (lemlist company resolution, ...)
};

} // namespace roster
