#include "DuplicateFinder.h"

#include "Database.h"

#include <QSet>

namespace roster {

DuplicateFinder::DuplicateFinder(Database& db)
    : m_db(db)
{
}

QString DuplicateFinder::reasonName(DuplicateReason reason)
{
    switch (reason) {
    case DuplicateReason::SameEmail:
        return QStringLiteral("same_email");
    case DuplicateReason::SamePhone:
        return QStringLiteral("same_phone");
    case DuplicateReason::SameLinkedin:
        return QStringLiteral("same_linkedin");
    case DuplicateReason::SimilarNameAtCompany:
        return QStringLiteral("similar_name_at_company");
    case DuplicateReason::FlaggedOnImport:
        return QStringLiteral("flagged_on_import");
    }
    return {};
}

Result<void> DuplicateFinder::collect(const char* sql, DuplicateReason reason, int limit, QVector<DuplicatePair>& pairs,
                                      QSet<QPair<qint64, qint64>>& seen)
{
    SqlStatement query(m_db, sql);
    if (!query.isValid())
        return std::unexpected(query.lastError());
    query.bind(1, static_cast<qint64>(limit));
    while (pairs.size() < limit && query.next()) {
        const qint64 a = query.columnInt(0);
        const qint64 b = query.columnInt(1);
        if (a == b)
            continue;
        const QPair<qint64, qint64> key {qMin(a, b), qMax(a, b)};
        if (seen.contains(key))
            continue;
        seen.insert(key);
        DuplicatePair pair {key.first, key.second, reason, query.columnText(2), {}};
        if (reason == DuplicateReason::FlaggedOnImport)
            pair.field = query.columnText(3);
        pairs.append(std::move(pair));
    }
    if (query.hasError())
        return std::unexpected(query.lastError());
    return {};
}

Result<QVector<DuplicatePair>> DuplicateFinder::scan(int limit)
{
    QVector<DuplicatePair> pairs;
    QSet<QPair<qint64, qint64>> seen;
    // One contact's primary email is another's extra email.
    const char* primaryVsExtra = "SELECT c.id, e.contact_id, c.email FROM contact_emails e "
                                 "JOIN contacts c ON c.email_norm = e.email_norm AND c.deleted_at IS NULL "
                                 "JOIN contacts o ON o.id = e.contact_id AND o.deleted_at IS NULL "
                                 "WHERE c.id <> e.contact_id ORDER BY c.id LIMIT ?";
    // Two contacts share an extra email.
    const char* extraVsExtra = "SELECT a.contact_id, b.contact_id, a.email FROM contact_emails a "
                               "JOIN contact_emails b ON b.email_norm = a.email_norm AND b.contact_id > a.contact_id "
                               "JOIN contacts ca ON ca.id = a.contact_id AND ca.deleted_at IS NULL "
                               "JOIN contacts cb ON cb.id = b.contact_id AND cb.deleted_at IS NULL "
                               "ORDER BY a.contact_id LIMIT ?";
    const char* phone = "SELECT a.id, b.id, a.phone_e164 FROM contacts a "
                        "JOIN contacts b ON b.phone_e164 = a.phone_e164 AND b.id > a.id AND b.deleted_at IS NULL "
                        "WHERE a.deleted_at IS NULL AND a.phone_e164 IS NOT NULL ORDER BY a.id LIMIT ?";
    // One contact's main phone is another's other phone.
    const char* otherPhone = "SELECT c.id, p.contact_id, c.phone_e164 FROM contact_phones p "
                             "JOIN contacts c ON c.phone_e164 = p.phone_e164 AND c.deleted_at IS NULL "
                             "JOIN contacts o ON o.id = p.contact_id AND o.deleted_at IS NULL "
                             "WHERE p.phone_e164 IS NOT NULL AND c.id <> p.contact_id ORDER BY c.id LIMIT ?";
    // Live LinkedIn keys are unique; a profile URL kept as another contact's Sales Navigator or company
    // field is not. Same key in either of the two profile columns.
    const char* linkedin = "SELECT a.id, b.id, a.linkedin_norm FROM contacts a "
                           "JOIN contacts b ON b.linkedin_norm = a.linkedin_norm AND b.id > a.id "
                           "AND b.deleted_at IS NULL WHERE a.deleted_at IS NULL AND a.linkedin_norm IS NOT NULL "
                           "ORDER BY a.id LIMIT ?";
    const char* names = "SELECT a.id, b.id, lower(a.last_name) || ' ' || lower(substr(a.first_name, 1, 1)) "
                        "FROM contacts a JOIN contacts b ON b.company_id = a.company_id AND b.id > a.id "
                        "AND b.deleted_at IS NULL AND lower(b.last_name) = lower(a.last_name) "
                        "AND lower(substr(b.first_name, 1, 1)) = lower(substr(a.first_name, 1, 1)) "
                        "WHERE a.deleted_at IS NULL AND a.company_id IS NOT NULL AND a.last_name <> '' "
                        "AND a.first_name <> '' ORDER BY a.id LIMIT ?";
    // What the engine flagged while writing. A merge or a delete leaves the hint in place; the joins drop
    // it while either contact is deleted, and an undo brings it back.
    const char* hints = "SELECT h.contact_id, h.other_contact_id, h.detail, h.field FROM duplicate_hints h "
                        "JOIN contacts a ON a.id = h.contact_id AND a.deleted_at IS NULL "
                        "JOIN contacts b ON b.id = h.other_contact_id AND b.deleted_at IS NULL "
                        "ORDER BY min(h.contact_id, h.other_contact_id), h.created_at LIMIT ?";
    const std::pair<const char*, DuplicateReason> passes[] = {
        {primaryVsExtra, DuplicateReason::SameEmail},
        {extraVsExtra, DuplicateReason::SameEmail},
        {linkedin, DuplicateReason::SameLinkedin},
        {phone, DuplicateReason::SamePhone},
        {otherPhone, DuplicateReason::SamePhone},
        // After the shared identifiers, which name the value itself, and before the weaker name rule.
        {hints, DuplicateReason::FlaggedOnImport},
        {names, DuplicateReason::SimilarNameAtCompany},
    };
    for (const auto& [sql, reason] : passes) {
        if (auto ok = collect(sql, reason, limit, pairs, seen); !ok)
            return std::unexpected(ok.error());
    }
    return pairs;
}

} // namespace roster
