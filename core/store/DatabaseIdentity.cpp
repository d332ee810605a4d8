#include "DatabaseIdentity.h"

#include "SqlStatement.h"

#include <QRandomGenerator>

namespace roster {

namespace {

const QString kKey = QStringLiteral("database_id");

QString stored(Database& db)
{
    SqlStatement query(db, "SELECT value FROM settings WHERE key = ?");
    query.bind(1, kKey);
    return query.next() ? query.columnText(0) : QString();
}

} // namespace

Result<QString> DatabaseIdentity::id(Database& db)
{
    if (QString existing = stored(db); !existing.isEmpty())
        return existing;
    const quint64 random = QRandomGenerator::system()->generate64() & 0xFFFFFFFFFFFFull;
    const QString fresh = QStringLiteral("%1").arg(random, 12, 16, QLatin1Char('0')).toUpper();
    // OR IGNORE: a process that got there first keeps its id, and both read that one back.
    SqlStatement insert(db, "INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)");
    insert.bind(1, kKey);
    insert.bind(2, fresh);
    if (auto ok = insert.exec(); !ok)
        return std::unexpected(ok.error());
    if (QString existing = stored(db); !existing.isEmpty())
        return existing;
    return fail(ErrorCode::DatabaseError, QStringLiteral("the database id could not be stored"));
}

} // namespace roster
