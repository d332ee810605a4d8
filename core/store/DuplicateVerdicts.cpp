#include "DuplicateVerdicts.h"

#include "Database.h"

namespace roster {

DuplicateVerdicts::DuplicateVerdicts(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<bool> DuplicateVerdicts::contains(qint64 a, qint64 b)
{
    SqlStatement query(m_db, "SELECT 1 FROM duplicate_verdicts WHERE first_id = ? AND second_id = ?");
    query.bind(1, qMin(a, b));
    query.bind(2, qMax(a, b));
    const bool found = query.next();
    if (query.hasError())
        return std::unexpected(query.lastError());
    return found;
}

Result<void> DuplicateVerdicts::set(qint64 op, qint64 a, qint64 b, bool present)
{
    const qint64 first = qMin(a, b);
    const qint64 second = qMax(a, b);
    auto before = contains(first, second);
    if (!before)
        return std::unexpected(before.error());
    if (*before == present)
        return {};
    SqlStatement write(m_db,
                       present ? "INSERT INTO duplicate_verdicts (first_id, second_id, created_at) "
                                 "VALUES (?, ?, ?)"
                               : "DELETE FROM duplicate_verdicts WHERE first_id = ? AND second_id = ?");
    write.bind(1, first);
    write.bind(2, second);
    if (present)
        write.bind(3, m_clock.now().toString(Qt::ISODateWithMs));
    if (auto ok = write.exec(); !ok)
        return ok;
    ChangeLog log(m_db);
    if (auto ok = log.prepare(); !ok)
        return ok;
    return log.logVerdict(op, first, second, *before, present);
}

Result<qint64> DuplicateVerdicts::markNotDuplicate(qint64 a, qint64 b, const QString& label)
{
    if (a == b)
        return fail(ErrorCode::DatabaseError, QStringLiteral("a contact is not a pair"));
    return m_db.transaction([&]() -> Result<qint64> {
        ChangeLog log(m_db);
        if (auto ok = log.prepare(); !ok)
            return std::unexpected(ok.error());
        auto op = log.beginOperation({QStringLiteral("verdict"), label});
        if (!op)
            return op;
        if (auto ok = set(*op, a, b, true); !ok)
            return std::unexpected(ok.error());
        return op;
    });
}

Result<QSet<QPair<qint64, qint64>>> DuplicateVerdicts::all()
{
    SqlStatement query(m_db, "SELECT first_id, second_id FROM duplicate_verdicts");
    QSet<QPair<qint64, qint64>> pairs;
    while (query.next())
        pairs.insert({query.columnInt(0), query.columnInt(1)});
    if (query.hasError())
        return std::unexpected(query.lastError());
    return pairs;
}

} // namespace roster
