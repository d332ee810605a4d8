#pragma once

#include "contact/ContactPatch.h"

#include <QDateTime>
#include <QJsonArray>
#include <QString>

namespace roster {

// One contact as a CRM returned it, already in local terms: a sparse patch (only the fields the CRM sent,
// with values), its remote id, and when the CRM last changed it if the CRM says.
struct RemoteRecord
{
    QString remoteId;
    ContactPatch patch;
    QDateTime updatedAt; // invalid when unknown (lemlist has no updatedAt)
    QJsonArray searchAfter; // HighLevel's per-record cursor
    // A read (list and get replies), whose explicit null or empty values mean "cleared on the CRM". False
    // for an upsert's echo, which says what the CRM took, not what it holds. Absent fields never say
    // anything (PROVIDERS.md §7).
    bool full = true;
};

} // namespace roster
