#pragma once

#include "SqlStatement.h"

#include <QPair>
#include <QSet>
#include <QVector>

namespace roster {

class Database;

// Why two contacts look like one person.
// FlaggedOnImport: the upsert engine saw one input match both contacts by different identifiers.
enum class DuplicateReason : std::uint8_t { SameEmail, SamePhone, SameLinkedin, SimilarNameAtCompany, FlaggedOnImport };

struct DuplicatePair
{
    qint64 first = 0; // the older contact (lower id): the one a merge keeps by default
    qint64 second = 0;
    DuplicateReason reason = DuplicateReason::SameEmail;
    QString key; // the shared value: the email, the phone, the URL, or "smith j" at the company; for a
                 // hint, the engine's detail (the identifier itself was not applied, so none is shared)
    QString field; // FlaggedOnImport: the identifier that also matched ("email", "linkedin_url", ...)
};

// Scans live contacts for possible duplicates: an email that is one contact's primary and another's extra
// (or both extras), a shared E.164 phone, a shared LinkedIn URL, and at one company the same last name
// with the same first initial. Also lists the pairs the upsert engine flagged while writing
// (duplicate_hints) whose two contacts are still live. A pair found for several reasons is listed once,
// for the first of them.
class DuplicateFinder final
{
public:
    explicit DuplicateFinder(Database& db);

    // At most `limit` pairs, strongest reasons first.
    Result<QVector<DuplicatePair>> scan(int limit = 2000);

    static QString reasonName(DuplicateReason reason);

private:
    Result<void> collect(const char* sql, DuplicateReason reason, int limit, QVector<DuplicatePair>& pairs,
                         QSet<QPair<qint64, qint64>>& seen);

    Database& m_db;
};

} // namespace roster
