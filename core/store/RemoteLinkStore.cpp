#include "RemoteLinkStore.h"

#include "Database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace roster {

RemoteLinkStore::RemoteLinkStore(Database& db)
    : m_db(db)
{
}

Result<void> RemoteLinkStore::prepare()
{
    m_select = SqlStatement(m_db,
                            "SELECT contact_id, remote_id, synced_hash, snapshot, synced_at FROM remote_links "
                            "WHERE account_id = ?");
    m_save = SqlStatement(m_db,
                          "INSERT INTO remote_links (contact_id, account_id, remote_id, synced_hash, snapshot, "
                          "synced_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (contact_id, account_id) DO UPDATE "
                          "SET remote_id = excluded.remote_id, synced_hash = excluded.synced_hash, "
                          "snapshot = excluded.snapshot, synced_at = excluded.synced_at");
    m_byRemote = SqlStatement(m_db, "SELECT contact_id FROM remote_links WHERE account_id = ? AND remote_id = ?");
    m_remove = SqlStatement(m_db, "DELETE FROM remote_links WHERE contact_id = ? AND account_id = ?");
    for (const SqlStatement* s : {&m_select, &m_save, &m_byRemote, &m_remove}) {
        if (!s->isValid())
            return std::unexpected(s->lastError());
    }
    return {};
}

Result<QHash<qint64, RemoteLink>> RemoteLinkStore::links(qint64 accountId)
{
    QHash<qint64, RemoteLink> result;
    m_select.reset();
    m_select.bind(1, accountId);
    while (m_select.next()) {
        RemoteLink link;
        link.contactId = m_select.columnInt(0);
        link.accountId = accountId;
        link.remoteId = m_select.columnText(1);
        link.syncedHash = m_select.columnText(2);
        link.snapshot = m_select.columnText(3);
        link.syncedAt = QDateTime::fromString(m_select.columnText(4), Qt::ISODateWithMs);
        result.insert(link.contactId, link);
    }
    const bool failed = m_select.hasError();
    const Error error = m_select.lastError();
    m_select.reset();
    if (failed)
        return std::unexpected(error);
    return result;
}

RemoteLink RemoteLinkStore::read(SqlStatement& select, qint64 accountId)
{
    RemoteLink link;
    link.contactId = select.columnInt(0);
    link.accountId = accountId;
    link.remoteId = select.columnText(1);
    link.syncedHash = select.columnText(2);
    link.snapshot = select.columnText(3);
    link.syncedAt = QDateTime::fromString(select.columnText(4), Qt::ISODateWithMs);
    return link;
}

namespace {

// A list bound as one JSON array and read back with json_each: one statement whatever the list's length.
QString jsonArray(const QList<qint64>& ids)
{
    QString text = QStringLiteral("[");
    for (qint64 id : ids) {
        if (text.size() > 1)
            text += QLatin1Char(',');
        text += QString::number(id);
    }
    return text + QLatin1Char(']');
}

QString jsonArray(const QStringList& values)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

} // namespace

Result<QList<RemoteLink>> RemoteLinkStore::linksWhereIn(qint64 accountId, const char* sql, const QString& list)
{
    QList<RemoteLink> result;
    SqlStatement select(m_db, sql);
    select.bind(1, accountId);
    select.bind(2, list);
    while (select.next())
        result << read(select, accountId);
    if (select.hasError())
        return std::unexpected(select.lastError());
    return result;
}

Result<QHash<qint64, RemoteLink>> RemoteLinkStore::linksOf(qint64 accountId, const QList<qint64>& contactIds)
{
    QHash<qint64, RemoteLink> result;
    if (contactIds.isEmpty())
        return result;
    auto links = linksWhereIn(accountId,
                              "SELECT contact_id, remote_id, synced_hash, snapshot, synced_at FROM remote_links "
                              "WHERE account_id = ? AND contact_id IN (SELECT value FROM json_each(?))",
                              jsonArray(contactIds));
    if (!links)
        return std::unexpected(links.error());
    for (const RemoteLink& link : std::as_const(*links))
        result.insert(link.contactId, link);
    return result;
}

Result<QHash<QString, RemoteLink>> RemoteLinkStore::linksTo(qint64 accountId, const QStringList& remoteIds)
{
    QHash<QString, RemoteLink> result;
    if (remoteIds.isEmpty())
        return result;
    auto links = linksWhereIn(accountId,
                              "SELECT contact_id, remote_id, synced_hash, snapshot, synced_at FROM remote_links "
                              "WHERE account_id = ? AND remote_id IN (SELECT value FROM json_each(?))",
                              jsonArray(remoteIds));
    if (!links)
        return std::unexpected(links.error());
    for (const RemoteLink& link : std::as_const(*links))
        result.insert(link.remoteId, link);
    return result;
}

Result<void> RemoteLinkStore::forEachLinked(qint64 accountId, const std::function<void(qint64, const QString&)>& visit)
{
    SqlStatement select(
        m_db, "SELECT contact_id, remote_id FROM remote_links WHERE account_id = ? AND remote_id IS NOT NULL");
    select.bind(1, accountId);
    while (select.next())
        visit(select.columnInt(0), select.columnText(1));
    if (select.hasError())
        return std::unexpected(select.lastError());
    return {};
}

Result<qint64> RemoteLinkStore::linkedCount(qint64 accountId)
{
    SqlStatement count(m_db, "SELECT count(*) FROM remote_links WHERE account_id = ? AND remote_id IS NOT NULL");
    count.bind(1, accountId);
    if (count.next())
        return count.columnInt(0);
    return std::unexpected(count.lastError());
}

Result<QHash<QString, qint64>> RemoteLinkStore::snapshotValues(qint64 accountId, const QString& snapshotKey)
{
    SqlStatement select(m_db,
                        "SELECT contact_id, json_extract(snapshot, '$.' || ?) FROM remote_links WHERE account_id = ? "
                        "AND remote_id IS NOT NULL AND json_valid(snapshot)");
    select.bind(1, QLatin1Char('"') + snapshotKey + QLatin1Char('"'));
    select.bind(2, accountId);
    QHash<QString, qint64> result;
    while (select.next()) {
        const QString value = select.columnText(1);
        if (!value.isEmpty())
            result.insert(value, select.columnInt(0));
    }
    if (select.hasError())
        return std::unexpected(select.lastError());
    return result;
}

Result<qint64> RemoteLinkStore::contactFor(qint64 accountId, const QString& remoteId)
{
    m_byRemote.reset();
    m_byRemote.bind(1, accountId);
    m_byRemote.bind(2, remoteId);
    const qint64 id = m_byRemote.next() ? m_byRemote.columnInt(0) : 0;
    m_byRemote.reset();
    return id;
}

Result<void> RemoteLinkStore::save(const RemoteLink& link)
{
    if (!link.remoteId.isEmpty()) {
        auto owner = contactFor(link.accountId, link.remoteId);
        if (!owner)
            return std::unexpected(owner.error());
        if (*owner != 0 && *owner != link.contactId)
            return fail(
                ErrorCode::IdentifierTaken,
                QStringLiteral("remote record %1 is already linked to contact %2").arg(link.remoteId).arg(*owner));
    }
    m_save.reset();
    m_save.bind(1, link.contactId);
    m_save.bind(2, link.accountId);
    m_save.bind(3, link.remoteId.isEmpty() ? QString() : link.remoteId);
    m_save.bind(4, link.syncedHash.isEmpty() ? QString() : link.syncedHash);
    m_save.bind(5, link.snapshot.isEmpty() ? QString() : link.snapshot);
    const QDateTime at = link.syncedAt.isValid() ? link.syncedAt : QDateTime::currentDateTimeUtc();
    m_save.bind(6, at.toUTC().toString(Qt::ISODateWithMs));
    return m_save.exec();
}

Result<void> RemoteLinkStore::remove(qint64 contactId, qint64 accountId)
{
    m_remove.reset();
    m_remove.bind(1, contactId);
    m_remove.bind(2, accountId);
    return m_remove.exec();
}

Result<RemoteLink> RemoteLinkStore::find(qint64 contactId, qint64 accountId)
{
    SqlStatement select(m_db,
                        "SELECT remote_id, synced_hash, snapshot, synced_at FROM remote_links WHERE contact_id = ? "
                        "AND account_id = ?");
    select.bind(1, contactId);
    select.bind(2, accountId);
    RemoteLink link;
    if (select.next()) {
        link.contactId = contactId;
        link.accountId = accountId;
        link.remoteId = select.columnText(0);
        link.syncedHash = select.columnText(1);
        link.snapshot = select.columnText(2);
        link.syncedAt = QDateTime::fromString(select.columnText(3), Qt::ISODateWithMs);
    } else if (select.hasError()) {
        return std::unexpected(select.lastError());
    }
    return link;
}

Result<QList<RemoteLink>> RemoteLinkStore::deletedContactLinks(qint64 accountId)
{
    SqlStatement select(m_db,
                        "SELECT l.contact_id, l.remote_id, l.synced_hash, l.snapshot FROM remote_links l JOIN "
                        "contacts c ON c.id = l.contact_id WHERE l.account_id = ? AND l.remote_id IS NOT NULL AND "
                        "c.deleted_at IS NOT NULL ORDER BY l.contact_id");
    select.bind(1, accountId);
    QList<RemoteLink> list;
    while (select.next()) {
        RemoteLink link;
        link.contactId = select.columnInt(0);
        link.accountId = accountId;
        link.remoteId = select.columnText(1);
        link.syncedHash = select.columnText(2);
        link.snapshot = select.columnText(3);
        list << link;
    }
    if (select.hasError())
        return std::unexpected(select.lastError());
    return list;
}

Result<QDateTime> RemoteLinkStore::pullWatermark(qint64 accountId)
{
    SqlStatement select(m_db, "SELECT pull_watermark FROM accounts WHERE id = ?");
    select.bind(1, accountId);
    if (select.next())
        return select.columnIsNull(0) ? QDateTime() : QDateTime::fromString(select.columnText(0), Qt::ISODateWithMs);
    if (select.hasError())
        return std::unexpected(select.lastError());
    return QDateTime();
}

Result<void> RemoteLinkStore::setPullWatermark(qint64 accountId, const QDateTime& watermark)
{
    SqlStatement update(m_db, "UPDATE accounts SET pull_watermark = ? WHERE id = ?");
    update.bind(1, watermark.isValid() ? watermark.toUTC().toString(Qt::ISODateWithMs) : QString());
    update.bind(2, accountId);
    return update.exec();
}

} // namespace roster
