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
    // Every field the CRM has for the contact (list and get replies): a field it reads back in full but
    // did not send is empty there. False for partial records, whose absent fields say nothing.
    bool full = true;
};

} // namespace roster
