#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace roster {

// One field both sides changed since the last sync, as the conflict inbox lists it. Values are what the
// field held: a string, a list (tags, extra_emails) or null when empty.
struct SyncConflict
{
    qint64 id = 0;
    qint64 contactId = 0;
    qint64 accountId = 0;
    QString field; // design.md's field name, or "custom.<key>"
    QJsonValue base;
    QJsonValue local;
    QJsonValue remote;
    QDateTime foundAt;
    QDateTime resolvedAt; // invalid while open
    QString resolution; // "local" or "remote" once resolved

    bool isOpen() const { return !resolvedAt.isValid(); }
};

// A linked remote record a full scan no longer found: waits for the user.
struct RemoteDeletion
{
    qint64 id = 0;
    qint64 contactId = 0;
    qint64 accountId = 0;
    QString remoteId;
    QDateTime foundAt;
    QString state; // "pending", "confirmed", "dismissed"
};

} // namespace roster
