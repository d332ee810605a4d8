#pragma once

#include "SqlStatement.h"

#include <QHash>
#include <QPair>
#include <QSet>
#include <QVector>

namespace roster {

class Database;

// Why two contacts look like one person. The identifiers come first: each alone makes a pair.
// FlaggedOnImport: the upsert engine saw one input match both contacts by different identifiers.
// The name reasons (same last name, and first names the same, spelled differently (Léa, Lea), a nickname
// (Bob, Robert), one typo apart (Jon, John), or an initial) make a pair alone only at one company and never
// for an initial; with an identifier they add to its score.
enum class DuplicateReason : std::uint8_t {
    SameEmail,
    SamePhone,
    SameLinkedin,
    FlaggedOnImport,
    SameName,
    NameSpelling,
    Nickname,
    NameTypo,
    Initial,
    SameCompany,
};

struct DuplicatePair
{
    qint64 first = 0; // the older contact (lower id): the one a merge keeps by default
    qint64 second = 0;
    DuplicateReason reason = DuplicateReason::SameEmail; // the strongest of `reasons`
    QString key; // the shared value: the email, the phone, the URL, or the last name; for a hint, the
                 // engine's detail (the identifier itself was not applied, so none is shared)
    QString field; // FlaggedOnImport: the identifier that also matched ("email", "linkedin_url", ...)
    int score = 0; // 0..100: how sure the scan is, strongest first
    QVector<DuplicateReason> reasons; // every reason found, strongest first
};

// Scans live contacts for possible duplicates and scores each pair: an email that is one contact's primary
// and another's extra (or both extras), a shared E.164 phone, a shared LinkedIn URL, the pairs the upsert
// engine flagged while writing (duplicate_hints), and at one company the same last name with a matching
// first name (NameSimilarity). Pairs the user marked "not a duplicate" (DuplicateVerdicts) are never listed.
class DuplicateFinder final
{
public:
    explicit DuplicateFinder(Database& db);

    // At most `limit` pairs, highest score first.
    Result<QVector<DuplicatePair>> scan(int limit = 2000);

    static QString reasonName(DuplicateReason reason);
    static int weight(DuplicateReason reason);

private:
    using PairKey = QPair<qint64, qint64>;
    Result<void> collect(const char* sql, DuplicateReason reason, int limit, QHash<PairKey, DuplicatePair>& pairs);
    Result<void> collectNames(QHash<PairKey, DuplicatePair>& pairs);
    Result<void> addNameEvidence(QHash<PairKey, DuplicatePair>& pairs);

    Database& m_db;
};

} // namespace roster
