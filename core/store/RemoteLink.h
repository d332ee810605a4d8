#pragma once

#include <QDateTime>
#include <QString>

namespace roster {

// What one contact looks like on one CRM account as of the last sync: the remote id, the hash of what was
// pushed or pulled (the outbox compares it with the contact's current hash), and the snapshot that issue
// 6's three-way merge takes as its base.
struct RemoteLink
{
    qint64 contactId = 0;
    qint64 accountId = 0;
    QString remoteId; // empty when unknown
    QString syncedHash;
    QString snapshot; // the contact as last agreed with the CRM (ContactJson, compact)
    QDateTime syncedAt;
};

} // namespace roster
