#pragma once

#include "RemoteLink.h"
#include "SqlStatement.h"

#include <QHash>

#include <functional>

namespace roster {

class Database;

// `remote_links`: which remote record each contact is on each account, and what was last synced. Every
// save commits on its own (or inside the caller's transaction), so a sync killed at any point keeps every
// acknowledged record.
class RemoteLinkStore final
{
public:
    explicit RemoteLinkStore(Database& db);
    Result<void> prepare();

    // Every link of the account by contact id.
    Result<QHash<qint64, RemoteLink>> links(qint64 accountId);
    // The links of these contacts on the account, by contact id (a page of the outbox, not the account).
    Result<QHash<qint64, RemoteLink>> linksOf(qint64 accountId, const QList<qint64>& contactIds);
    // The links of these remote records on the account, by remote id (a page of a pull).
    Result<QHash<QString, RemoteLink>> linksTo(qint64 accountId, const QStringList& remoteIds);
    // Every (contact, remote id) of the account with a remote id, streamed: no snapshot is read.
    Result<void> forEachLinked(qint64 accountId, const std::function<void(qint64, const QString&)>& visit);
    // Contacts of the account that have a remote record.
    Result<qint64> linkedCount(qint64 accountId);
    // `snapshotKey`'s value in the snapshot of every link with a remote id, when set: the contact it
    // belongs to by value. What the CRM holds of one field, read without loading every snapshot.
    Result<QHash<QString, qint64>> snapshotValues(qint64 accountId, const QString& snapshotKey);
    // Inserts or replaces the link of (contact, account). IdentifierTaken when the remote id is linked to
    // another contact of the account.
    Result<void> save(const RemoteLink& link);
    // The contact linked to a remote id, 0 when none.
    Result<qint64> contactFor(qint64 accountId, const QString& remoteId);
    Result<void> remove(qint64 contactId, qint64 accountId);
    // The link of one contact on one account; contactId 0 when there is none.
    Result<RemoteLink> find(qint64 contactId, qint64 accountId);
    // Links (with a remote id) of contacts deleted locally: what a push may delete remotely.
    Result<QList<RemoteLink>> deletedContactLinks(qint64 accountId);

    // accounts.pull_watermark: where the next incremental pull of the account starts (invalid: a full scan).
    // Kept here with the rest of the per-account sync state so AccountStore stays about configuration.
    Result<QDateTime> pullWatermark(qint64 accountId);
    Result<void> setPullWatermark(qint64 accountId, const QDateTime& watermark);

private:
    static RemoteLink read(SqlStatement& select, qint64 accountId);
    // The links `sql` selects with the account (?1) and a JSON array (?2).
    Result<QList<RemoteLink>> linksWhereIn(qint64 accountId, const char* sql, const QString& list);

    Database& m_db;
    SqlStatement m_select, m_save, m_byRemote, m_remove;
};

} // namespace roster
