#include "ChangeLog.h"

#include "Database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace roster {

ChangeLog::ChangeLog(Database& db)
    : m_db(db)
{
}

Result<void> ChangeLog::prepare()
{
    m_insertOp = SqlStatement(m_db, "INSERT INTO operations (origin, label, state, created_at) VALUES (?, ?, ?, ?)");
    m_killRedo = SqlStatement(m_db, "UPDATE operations SET state = 'dead' WHERE state = 'undone'");
    m_insertChange = SqlStatement(m_db,
                                  "INSERT INTO change_log (op_id, contact_id, action, field, old_value, "
                                  "new_value) VALUES (?, ?, ?, ?, ?, ?)");
    m_insertCreatedRange = SqlStatement(m_db,
                                        "INSERT INTO change_log (op_id, contact_id, action) "
                                        "SELECT ?, id, 'create' FROM contacts WHERE id BETWEEN ? AND ? ORDER BY id");
    m_setState = SqlStatement(m_db, "UPDATE operations SET state = ? WHERE id = ?");
    for (const SqlStatement* s : {&m_insertOp, &m_killRedo, &m_insertChange, &m_insertCreatedRange, &m_setState}) {
        if (!s->isValid())
            return std::unexpected(s->lastError());
    }
    return {};
}

QString ChangeLog::verdictField(qint64 second)
{
    return QStringLiteral("not_duplicate:%1").arg(second);
}

Result<void> ChangeLog::logVerdict(qint64 op, qint64 first, qint64 second, bool before, bool after)
{
    return log(op, first, "verdict", verdictField(second), before ? QStringLiteral("1") : QStringLiteral("0"),
               after ? QStringLiteral("1") : QStringLiteral("0"));
}

Result<qint64> ChangeLog::beginOperation(const WriteOrigin& origin, bool system)
{
    if (!system) {
        if (auto ok = m_killRedo.exec(); !ok)
            return std::unexpected(ok.error());
    }
    const QString name = origin.origin.isEmpty() ? QStringLiteral("manual") : origin.origin;
    m_insertOp.bind(1, name);
    m_insertOp.bind(2, origin.label.isEmpty() ? name : origin.label);
    m_insertOp.bind(3, system ? QStringLiteral("system") : QStringLiteral("done"));
    m_insertOp.bind(4, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (auto ok = m_insertOp.exec(); !ok)
        return std::unexpected(ok.error());
    return m_db.lastInsertId();
}

Result<void> ChangeLog::log(qint64 op, qint64 contactId, const char* action, const QString& field,
                            const QString& oldValue, const QString& newValue)
{
    m_insertChange.bind(1, op);
    m_insertChange.bind(2, contactId);
    m_insertChange.bindText(3, QByteArray(action));
    m_insertChange.bind(4, field);
    m_insertChange.bind(5, oldValue);
    m_insertChange.bind(6, newValue);
    return m_insertChange.exec();
}

Result<void> ChangeLog::logCreatedRange(qint64 op, qint64 first, qint64 last)
{
    m_insertCreatedRange.bind(1, op);
    m_insertCreatedRange.bind(2, first);
    m_insertCreatedRange.bind(3, last);
    return m_insertCreatedRange.exec();
}

Result<void> ChangeLog::logDelete(qint64 op, qint64 contactId)
{
    return log(op, contactId, "delete", {}, {}, {});
}

Result<void> ChangeLog::logUpdate(qint64 op, qint64 contactId, const QString& field, const QString& oldValue,
                                  const QString& newValue)
{
    // Empty is stored as NULL so "was unset" reads the same for every field.
    return log(op, contactId, "update", field, oldValue.isEmpty() ? QString() : oldValue,
               newValue.isEmpty() ? QString() : newValue);
}

Result<void> ChangeLog::setState(qint64 op, const char* state)
{
    m_setState.bindText(1, QByteArray(state));
    m_setState.bind(2, op);
    return m_setState.exec();
}

QString ChangeLog::encodeList(const QStringList& list)
{
    if (list.isEmpty())
        return {};
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList ChangeLog::decodeList(const QString& text)
{
    QStringList list;
    if (text.isEmpty())
        return list;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue& value : array)
        list << value.toString();
    return list;
}

} // namespace roster
