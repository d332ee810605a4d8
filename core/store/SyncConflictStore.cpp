#include "SyncConflictStore.h"

#include "Database.h"
#include "SqlStatement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace roster {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// A JSON value as text: wrapped in an array, since QJsonDocument only holds arrays and objects.
QString encode(const QJsonValue& value)
{
    const QByteArray json = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

QJsonValue decode(const QString& text)
{
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text.toUtf8() + "]");
    return doc.isArray() && !doc.array().isEmpty() ? doc.array().first() : QJsonValue();
}

constexpr const char* kColumns
    = "id, contact_id, account_id, field, base_value, local_value, remote_value, found_at, resolved_at, resolution";

SyncConflict conflictFrom(const SqlStatement& row)
{
    SyncConflict c;
    c.id = row.columnInt(0);
    c.contactId = row.columnInt(1);
    c.accountId = row.columnInt(2);
    c.field = row.columnText(3);
    c.base = decode(row.columnText(4));
    c.local = decode(row.columnText(5));
    c.remote = decode(row.columnText(6));
    c.foundAt = QDateTime::fromString(row.columnText(7), Qt::ISODateWithMs);
    if (!row.columnIsNull(8))
        c.resolvedAt = QDateTime::fromString(row.columnText(8), Qt::ISODateWithMs);
    c.resolution = row.columnText(9);
    return c;
}

Error noSuch(const QString& what, qint64 id)
{
    return Error {ErrorCode::InvalidArgument, {}, QStringLiteral("there is no %1 %2").arg(what).arg(id)};
}

} // namespace

SyncConflictStore::SyncConflictStore(Database& db)
    : m_db(db)
{
}

Result<qint64> SyncConflictStore::record(const SyncConflict& conflict)
{
    auto existing = openFor(conflict.contactId, conflict.accountId, conflict.field);
    if (!existing)
        return std::unexpected(existing.error());
    if (existing->id != 0) {
        SqlStatement update(m_db,
                            "UPDATE sync_conflicts SET base_value = ?, local_value = ?, remote_value = ? WHERE id = ?");
        update.bind(1, encode(conflict.base));
        update.bind(2, encode(conflict.local));
        update.bind(3, encode(conflict.remote));
        update.bind(4, existing->id);
        if (auto ok = update.exec(); !ok)
            return std::unexpected(ok.error());
        return existing->id;
    }
    SqlStatement insert(m_db,
                        "INSERT INTO sync_conflicts (contact_id, account_id, field, base_value, local_value, "
                        "remote_value, found_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, conflict.contactId);
    insert.bind(2, conflict.accountId);
    insert.bind(3, conflict.field);
    insert.bind(4, encode(conflict.base));
    insert.bind(5, encode(conflict.local));
    insert.bind(6, encode(conflict.remote));
    insert.bind(7, now());
    if (auto ok = insert.exec(); !ok)
        return std::unexpected(ok.error());
    return m_db.lastInsertId();
}

Result<QList<SyncConflict>> SyncConflictStore::open(qint64 accountId)
{
    const QByteArray sql = QByteArray("SELECT ") + kColumns
        + " FROM sync_conflicts WHERE resolved_at IS NULL AND (? = 0 OR account_id = ?) ORDER BY id";
    SqlStatement select(m_db, sql.constData());
    select.bind(1, accountId);
    select.bind(2, accountId);
    QList<SyncConflict> list;
    while (select.next())
        list << conflictFrom(select);
    if (select.hasError())
        return std::unexpected(select.lastError());
    return list;
}

Result<qint64> SyncConflictStore::openCount(qint64 accountId)
{
    SqlStatement select(m_db,
                        "SELECT COUNT(*) FROM sync_conflicts WHERE resolved_at IS NULL AND (? = 0 OR account_id = ?)");
    select.bind(1, accountId);
    select.bind(2, accountId);
    if (!select.next())
        return std::unexpected(select.hasError() ? select.lastError()
                                                 : Error {ErrorCode::DatabaseError, {}, QStringLiteral("no count")});
    return select.columnInt(0);
}

Result<SyncConflict> SyncConflictStore::openFor(qint64 contactId, qint64 accountId, const QString& field)
{
    const QByteArray sql = QByteArray("SELECT ") + kColumns
        + " FROM sync_conflicts WHERE contact_id = ? AND account_id = ? AND field = ? AND resolved_at IS NULL";
    SqlStatement select(m_db, sql.constData());
    select.bind(1, contactId);
    select.bind(2, accountId);
    select.bind(3, field);
    if (select.next())
        return conflictFrom(select);
    if (select.hasError())
        return std::unexpected(select.lastError());
    return SyncConflict {};
}

Result<SyncConflict> SyncConflictStore::find(qint64 id)
{
    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM sync_conflicts WHERE id = ?";
    SqlStatement select(m_db, sql.constData());
    select.bind(1, id);
    if (select.next())
        return conflictFrom(select);
    if (select.hasError())
        return std::unexpected(select.lastError());
    return std::unexpected(noSuch(QStringLiteral("conflict"), id));
}

Result<void> SyncConflictStore::markResolved(qint64 id, const QString& resolution)
{
    if (resolution != QLatin1String("local") && resolution != QLatin1String("remote"))
        return std::unexpected(Error {ErrorCode::InvalidArgument,
                                      {},
                                      QStringLiteral("keep \"local\" or \"remote\", not \"%1\"").arg(resolution)});
    auto conflict = find(id);
    if (!conflict)
        return std::unexpected(conflict.error());
    if (!conflict->isOpen())
        return std::unexpected(
            Error {ErrorCode::InvalidArgument,
                   {},
                   QStringLiteral("conflict %1 was already resolved (%2)").arg(id).arg(conflict->resolution)});
    SqlStatement update(m_db, "UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?");
    update.bind(1, now());
    update.bind(2, resolution);
    update.bind(3, id);
    return update.exec();
}

Result<void> SyncConflictStore::dropOpen(qint64 contactId, qint64 accountId, const QString& field)
{
    SqlStatement update(m_db,
                        "UPDATE sync_conflicts SET resolved_at = ?, resolution = 'agreed' WHERE contact_id = ? AND "
                        "account_id = ? AND field = ? AND resolved_at IS NULL");
    update.bind(1, now());
    update.bind(2, contactId);
    update.bind(3, accountId);
    update.bind(4, field);
    return update.exec();
}

Result<qint64> SyncConflictStore::recordDeletion(qint64 contactId, qint64 accountId, const QString& remoteId)
{
    SqlStatement select(m_db,
                        "SELECT id FROM remote_deletions WHERE account_id = ? AND remote_id = ? AND state = "
                        "'pending'");
    select.bind(1, accountId);
    select.bind(2, remoteId);
    if (select.next())
        return select.columnInt(0);
    if (select.hasError())
        return std::unexpected(select.lastError());
    SqlStatement insert(
        m_db, "INSERT INTO remote_deletions (contact_id, account_id, remote_id, found_at) VALUES (?, ?, ?, ?)");
    insert.bind(1, contactId);
    insert.bind(2, accountId);
    insert.bind(3, remoteId);
    insert.bind(4, now());
    if (auto ok = insert.exec(); !ok)
        return std::unexpected(ok.error());
    return m_db.lastInsertId();
}

Result<QList<RemoteDeletion>> SyncConflictStore::pendingDeletions(qint64 accountId)
{
    SqlStatement select(m_db,
                        "SELECT id, contact_id, account_id, remote_id, found_at, state FROM remote_deletions WHERE "
                        "state = 'pending' AND (? = 0 OR account_id = ?) ORDER BY id");
    select.bind(1, accountId);
    select.bind(2, accountId);
    QList<RemoteDeletion> list;
    while (select.next()) {
        list << RemoteDeletion {select.columnInt(0),
                                select.columnInt(1),
                                select.columnInt(2),
                                select.columnText(3),
                                QDateTime::fromString(select.columnText(4), Qt::ISODateWithMs),
                                select.columnText(5)};
    }
    if (select.hasError())
        return std::unexpected(select.lastError());
    return list;
}

Result<void> SyncConflictStore::settleDeletion(qint64 id, const QString& state)
{
    if (state != QLatin1String("confirmed") && state != QLatin1String("dismissed"))
        return std::unexpected(
            Error {ErrorCode::InvalidArgument,
                   {},
                   QStringLiteral("a deletion is \"confirmed\" or \"dismissed\", not \"%1\"").arg(state)});
    SqlStatement update(m_db, "UPDATE remote_deletions SET state = ? WHERE id = ? AND state = 'pending'");
    update.bind(1, state);
    update.bind(2, id);
    if (auto ok = update.exec(); !ok)
        return ok;
    if (m_db.changes() == 0)
        return std::unexpected(noSuch(QStringLiteral("pending deletion"), id));
    return {};
}

} // namespace roster
