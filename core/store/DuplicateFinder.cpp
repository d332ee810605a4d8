#include "DuplicateFinder.h"

#include "ContactTable.h"
#include "Database.h"
#include "DuplicateVerdicts.h"
#include "NameSimilarity.h"

#include <algorithm>

namespace roster {

namespace {

bool isIdentifier(DuplicateReason reason)
{
    return reason == DuplicateReason::SameEmail || reason == DuplicateReason::SamePhone
        || reason == DuplicateReason::SameLinkedin || reason == DuplicateReason::FlaggedOnImport;
}

std::optional<DuplicateReason> nameReason(NameMatch match)
{
    switch (match) {
    case NameMatch::Same:
        return DuplicateReason::SameName;
    case NameMatch::Spelling:
        return DuplicateReason::NameSpelling;
    case NameMatch::Nickname:
        return DuplicateReason::Nickname;
    case NameMatch::Typo:
        return DuplicateReason::NameTypo;
    case NameMatch::Initial:
        return DuplicateReason::Initial;
    case NameMatch::Different:
        break;
    }
    return std::nullopt;
}

void addReason(DuplicatePair& pair, DuplicateReason reason)
{
    if (!pair.reasons.contains(reason))
        pair.reasons.append(reason);
}

// An identifier decides alone; more evidence adds a little. Names alone (at one company) stay below any
// identifier.
int score(const DuplicatePair& pair)
{
    int identifiers = 0;
    int best = 0;
    int names = 0;
    bool company = false;
    for (const DuplicateReason reason : pair.reasons) {
        if (isIdentifier(reason)) {
            ++identifiers;
            best = std::max(best, DuplicateFinder::weight(reason));
        } else if (reason == DuplicateReason::SameCompany) {
            company = true;
        } else {
            names = std::max(names, DuplicateFinder::weight(reason));
        }
    }
    // An initial alone, or first names further apart than a typo, never make a pair (Léa, Louis and Lucas
    // Martin at one company are three people).
    if (identifiers == 0)
        return company && names >= DuplicateFinder::weight(DuplicateReason::NameTypo) ? names : 0;
    const int nameBonus = names >= DuplicateFinder::weight(DuplicateReason::NameTypo) ? 10 : (names > 0 ? 5 : 0);
    return std::min(100, best + 5 * (identifiers - 1) + nameBonus + (company ? 5 : 0));
}

} // namespace

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
    case DuplicateReason::FlaggedOnImport:
        return QStringLiteral("flagged_on_import");
    case DuplicateReason::SameName:
        return QStringLiteral("same_name");
    case DuplicateReason::NameSpelling:
        return QStringLiteral("name_spelling");
    case DuplicateReason::Nickname:
        return QStringLiteral("nickname");
    case DuplicateReason::NameTypo:
        return QStringLiteral("name_typo");
    case DuplicateReason::Initial:
        return QStringLiteral("initial");
    case DuplicateReason::SameCompany:
        return QStringLiteral("same_company");
    }
    return {};
}

int DuplicateFinder::weight(DuplicateReason reason)
{
    switch (reason) {
    case DuplicateReason::SameEmail:
        return 90;
    case DuplicateReason::SameLinkedin:
        return 85;
    case DuplicateReason::SamePhone:
        return 75;
    case DuplicateReason::FlaggedOnImport:
        return 70;
    case DuplicateReason::SameName:
        return 60;
    case DuplicateReason::NameSpelling:
        return 58;
    case DuplicateReason::Nickname:
        return 50;
    case DuplicateReason::NameTypo:
        return 45;
    case DuplicateReason::SameCompany:
        return 10;
    case DuplicateReason::Initial:
        return 5;
    }
    return 0;
}

Result<void> DuplicateFinder::collect(const char* sql, DuplicateReason reason, int limit,
                                      QHash<PairKey, DuplicatePair>& pairs)
{
    SqlStatement query(m_db, sql);
    if (!query.isValid())
        return std::unexpected(query.lastError());
    query.bind(1, static_cast<qint64>(limit));
    while (query.next()) {
        const qint64 a = query.columnInt(0);
        const qint64 b = query.columnInt(1);
        if (a == b)
            continue;
        const PairKey key {qMin(a, b), qMax(a, b)};
        auto it = pairs.find(key);
        if (it == pairs.end()) {
            it = pairs.insert(key, DuplicatePair {key.first, key.second, reason, query.columnText(2), {}, 0, {}});
            if (reason == DuplicateReason::FlaggedOnImport)
                it->field = query.columnText(3);
        }
        addReason(*it, reason);
    }
    if (query.hasError())
        return std::unexpected(query.lastError());
    return {};
}

Result<void> DuplicateFinder::collectNames(QHash<PairKey, DuplicatePair>& pairs)
{
    // Blocks of one company and one folded last name; within a block every two first names are compared.
    struct Person
    {
        qint64 id;
        QString first, last;
    };
    SqlStatement query(m_db,
                       "SELECT id, first_name, last_name, company_id FROM contacts WHERE deleted_at IS NULL "
                       "AND company_id IS NOT NULL AND last_name <> '' AND first_name <> ''");
    if (!query.isValid())
        return std::unexpected(query.lastError());
    QHash<QPair<qint64, QString>, QVector<Person>> blocks;
    while (query.next()) {
        Person person {query.columnInt(0), query.columnText(1), query.columnText(2)};
        blocks[{query.columnInt(3), NameSimilarity::fold(person.last)}].append(std::move(person));
    }
    if (query.hasError())
        return std::unexpected(query.lastError());
    const auto add = [&pairs](const Person& x, const Person& y, DuplicateReason reason) {
        const PairKey key {qMin(x.id, y.id), qMax(x.id, y.id)};
        auto it = pairs.find(key);
        if (it == pairs.end())
            it = pairs.insert(key,
                              DuplicatePair {key.first, key.second, reason, (x.id < y.id ? x : y).last, {}, 0, {}});
        addReason(*it, reason);
        addReason(*it, DuplicateReason::SameCompany);
    };
    for (const auto& block : std::as_const(blocks)) {
        // A large company has many people of one last name but few distinct first names: compare each two
        // spellings once, not each two people.
        QHash<QString, QVector<const Person*>> byFirst;
        for (const Person& person : block)
            byFirst[NameSimilarity::fold(person.first)].append(&person);
        for (auto a = byFirst.cbegin(); a != byFirst.cend(); ++a) {
            const QVector<const Person*>& same = a.value();
            for (qsizetype i = 0; i < same.size(); ++i) {
                for (qsizetype j = i + 1; j < same.size(); ++j) {
                    const bool identical
                        = same[i]->first.trimmed().compare(same[j]->first.trimmed(), Qt::CaseInsensitive) == 0;
                    add(*same[i], *same[j], identical ? DuplicateReason::SameName : DuplicateReason::NameSpelling);
                }
            }
            for (auto b = std::next(a); b != byFirst.cend(); ++b) {
                const auto reason = nameReason(
                    NameSimilarity::compareFolded(same.first()->first, a.key(), b.value().first()->first, b.key()));
                if (!reason)
                    continue;
                for (const Person* x : same) {
                    for (const Person* y : b.value())
                        add(*x, *y, *reason);
                }
            }
        }
    }
    return {};
}

Result<void> DuplicateFinder::addNameEvidence(QHash<PairKey, DuplicatePair>& pairs)
{
    SqlStatement query(m_db,
                       "SELECT a.first_name, a.last_name, b.first_name, b.last_name, "
                       "a.company_id IS NOT NULL AND a.company_id = b.company_id "
                       "FROM contacts a, contacts b WHERE a.id = ? AND b.id = ?");
    if (!query.isValid())
        return std::unexpected(query.lastError());
    for (DuplicatePair& pair : pairs) {
        if (pair.reasons.contains(DuplicateReason::SameCompany))
            continue; // found by name already
        query.reset();
        query.bind(1, pair.first);
        query.bind(2, pair.second);
        if (!query.next())
            continue;
        if (query.columnInt(4))
            addReason(pair, DuplicateReason::SameCompany);
        if (NameSimilarity::sameLastName(query.columnText(1), query.columnText(3))) {
            if (const auto reason
                = nameReason(NameSimilarity::compareFirstNames(query.columnText(0), query.columnText(2))))
                addReason(pair, *reason);
        }
    }
    query.reset();
    if (query.hasError())
        return std::unexpected(query.lastError());
    return {};
}

Result<QVector<DuplicatePair>> DuplicateFinder::scan(int limit)
{
    QHash<PairKey, DuplicatePair> found;
    // One contact's primary email is another's extra email.
    using Key = ContactTable::IdentityKey;
    const auto key = [](Key k, const char* alias) { return ContactTable::keySql(k, alias); };
    const auto hasKey = [](Key k, const char* alias) { return ContactTable::hasKeySql(k, alias); };
    const QByteArray primaryVsExtra = "SELECT c.id, e.contact_id, c.email FROM contact_emails e "
                                      "JOIN contacts c ON "
        + key(Key::Email, "c") + " = e.email_norm AND " + hasKey(Key::Email, "c")
        + " AND c.deleted_at IS NULL "
          "JOIN contacts o ON o.id = e.contact_id AND o.deleted_at IS NULL "
          "WHERE c.id <> e.contact_id ORDER BY c.id LIMIT ?";
    // Two contacts share an extra email.
    const QByteArray extraVsExtra
        = "SELECT a.contact_id, b.contact_id, a.email FROM contact_emails a "
          "JOIN contact_emails b ON b.email_norm = a.email_norm AND b.contact_id > a.contact_id "
          "JOIN contacts ca ON ca.id = a.contact_id AND ca.deleted_at IS NULL "
          "JOIN contacts cb ON cb.id = b.contact_id AND cb.deleted_at IS NULL "
          "ORDER BY a.contact_id LIMIT ?";
    // Two live contacts with one key in the same column.
    const auto sameKey = [&](Key k) -> QByteArray {
        return "SELECT a.id, b.id, " + key(k, "a") + " FROM contacts a JOIN contacts b ON " + key(k, "b") + " = "
            + key(k, "a") + " AND " + hasKey(k, "b") + " AND b.id > a.id AND b.deleted_at IS NULL "
            + "WHERE a.deleted_at IS NULL AND " + hasKey(k, "a") + " ORDER BY a.id LIMIT ?";
    };
    const QByteArray phone = sameKey(Key::Phone);
    // One contact's main phone is another's other phone.
    const QByteArray otherPhone = "SELECT c.id, p.contact_id, " + key(Key::Phone, "c")
        + " FROM contact_phones p JOIN contacts c ON " + key(Key::Phone, "c") + " = p.phone_e164 AND "
        + hasKey(Key::Phone, "c")
        + " AND c.deleted_at IS NULL "
          "JOIN contacts o ON o.id = p.contact_id AND o.deleted_at IS NULL "
          "WHERE p.phone_e164 IS NOT NULL AND c.id <> p.contact_id ORDER BY c.id LIMIT ?";
    // Live LinkedIn keys are unique; a profile URL kept as another contact's Sales Navigator or company
    // field is not. Same key in either of the two profile columns.
    const QByteArray linkedin = sameKey(Key::Linkedin);
    // What the engine flagged while writing. A merge or a delete leaves the hint in place; the joins drop
    // it while either contact is deleted, and an undo brings it back.
    const char* hints = "SELECT h.contact_id, h.other_contact_id, h.detail, h.field FROM duplicate_hints h "
                        "JOIN contacts a ON a.id = h.contact_id AND a.deleted_at IS NULL "
                        "JOIN contacts b ON b.id = h.other_contact_id AND b.deleted_at IS NULL "
                        "ORDER BY min(h.contact_id, h.other_contact_id), h.created_at LIMIT ?";
    // Strongest first: the pair keeps the first pass's shared value.
    const std::pair<const char*, DuplicateReason> passes[] = {
        {primaryVsExtra.constData(), DuplicateReason::SameEmail},
        {extraVsExtra.constData(), DuplicateReason::SameEmail},
        {linkedin.constData(), DuplicateReason::SameLinkedin},
        {phone.constData(), DuplicateReason::SamePhone},
        {otherPhone.constData(), DuplicateReason::SamePhone},
        {hints, DuplicateReason::FlaggedOnImport},
    };
    for (const auto& [sql, reason] : passes) {
        if (auto ok = collect(sql, reason, limit, found); !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = addNameEvidence(found); !ok)
        return std::unexpected(ok.error());
    if (auto ok = collectNames(found); !ok)
        return std::unexpected(ok.error());

    // Ask the store only (no clock is needed to read).
    SystemClock clock;
    auto rejected = DuplicateVerdicts(m_db, clock).all();
    if (!rejected)
        return std::unexpected(rejected.error());
    QVector<DuplicatePair> pairs;
    pairs.reserve(found.size());
    for (DuplicatePair& pair : found) {
        if (rejected->contains({pair.first, pair.second}))
            continue;
        pair.score = score(pair);
        if (pair.score == 0)
            continue;
        std::stable_sort(pair.reasons.begin(), pair.reasons.end(),
                         [](DuplicateReason a, DuplicateReason b) { return weight(a) > weight(b); });
        // The passes run strongest first, so the shared value kept belongs to this reason.
        pair.reason = pair.reasons.first();
        pairs.append(std::move(pair));
    }
    std::sort(pairs.begin(), pairs.end(), [](const DuplicatePair& a, const DuplicatePair& b) {
        if (a.score != b.score)
            return a.score > b.score;
        return std::pair(a.first, a.second) < std::pair(b.first, b.second);
    });
    if (pairs.size() > limit)
        pairs.resize(limit);
    return pairs;
}

} // namespace roster
