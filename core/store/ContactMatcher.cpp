#include "ContactMatcher.h"

#include "ContactTable.h"

namespace roster {

bool ContactMatcher::containsKey(const QStringList& emails, const QString& key)
{
    for (const QString& email : emails) {
        if (email.compare(key, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

ContactMatcher::ContactMatcher(ContactTable& table)
    : m_table(table)
{
}

bool ContactMatcher::phoneAgrees(const PreparedPatch& p, qint64 candidate)
{
    const auto contact = m_table.load(candidate);
    if (!contact)
        return false;
    auto disagrees = [](const QString& mine, const QString& theirs) {
        return !mine.isEmpty() && !theirs.isEmpty() && mine.compare(theirs, Qt::CaseInsensitive) != 0;
    };
    if (disagrees(p.emailKey, contact->value(Field::Email)) && !containsKey(m_table.extraEmails(candidate), p.emailKey))
        return false;
    return !disagrees(p.linkedinKey, contact->value(Field::LinkedinUrl))
        && !disagrees(p.salesNavKey, contact->value(Field::SalesNavUrl));
}

qint64 ContactMatcher::findMatch(PreparedPatch& p, const UpsertPolicy& policy, Error* rejection)
{
    struct Candidate
    {
        MatchKey key;
        qint64 id;
    };
    QVector<Candidate> found;
    for (MatchKey key : policy.matchKeys) {
        qint64 id = 0;
        switch (key) {
        case MatchKey::ContactId:
            if (p.contactId) {
                if (!m_table.isLive(*p.contactId)) {
                    if (policy.contactIdUpdatesOnly) {
                        *rejection = Error {ErrorCode::ContactNotFound, QStringLiteral("contact_id"),
                                            QStringLiteral("no contact with id %1").arg(*p.contactId)};
                        return -1;
                    }
                } else {
                    id = *p.contactId;
                }
            }
            break;
        case MatchKey::Email:
            if (!p.emailKey.isEmpty())
                id = m_table.findByEmail(p.emailKey).contactId;
            break;
        case MatchKey::LinkedinUrl:
            if (!p.linkedinKey.isEmpty())
                id = m_table.findByLinkedin(p.linkedinKey);
            break;
        case MatchKey::SalesNavUrl:
            if (!p.salesNavKey.isEmpty())
                id = m_table.findBySalesNav(p.salesNavKey);
            break;
        case MatchKey::Phone:
            if (!p.phoneKey.isEmpty()) {
                for (qint64 candidate : m_table.findByPhone(p.phoneKey)) {
                    const bool alreadyMatched = !found.isEmpty() && found.first().id == candidate;
                    if (alreadyMatched || !policy.phoneMatchNeedsAgreement || phoneAgrees(p, candidate)) {
                        id = candidate;
                        break;
                    }
                }
            }
            break;
        }
        if (id > 0)
            found.append({key, id});
    }
    if (found.isEmpty())
        return 0;
    const qint64 winner = found.first().id;
    for (const Candidate& other : found) {
        if (other.id == winner)
            continue;
        if (policy.keyConflict == KeyConflict::Reject) {
            *rejection = Error {ErrorCode::IdentifierTaken, matchKeyName(other.key),
                                QStringLiteral("%1 belongs to contact %2 while %3 matched contact %4")
                                    .arg(matchKeyName(other.key))
                                    .arg(other.id)
                                    .arg(matchKeyName(found.first().key))
                                    .arg(winner)};
            return -1;
        }
        // The higher-priority key wins; the other contact is reported, and its identifier is not copied
        // onto the winner (that would break the one-owner rule of identifiers).
        QString detail = QStringLiteral("%1 also matches contact %2").arg(matchKeyName(other.key)).arg(other.id);
        switch (other.key) {
        case MatchKey::Email:
            p.drop(Field::Email);
            p.emailKey.clear();
            detail += QStringLiteral("; email not applied");
            break;
        case MatchKey::LinkedinUrl:
            p.drop(Field::LinkedinUrl);
            p.linkedinKey.clear();
            detail += QStringLiteral("; linkedin_url not applied");
            break;
        case MatchKey::SalesNavUrl:
            p.drop(Field::SalesNavUrl);
            p.salesNavKey.clear();
            detail += QStringLiteral("; sales_nav_url not applied");
            break;
        case MatchKey::Phone:
            if (!policy.keepSharedPhone) {
                p.drop(Field::Phone);
                p.phoneKey.clear();
                detail += QStringLiteral("; phone not applied");
            }
            break;
        case MatchKey::ContactId:
            break;
        }
        p.warnings.append({ErrorCode::PossibleDuplicate, matchKeyName(other.key), detail, other.id});
    }
    return winner;
}

void ContactMatcher::dropIdentifiersOwnedElsewhere(PreparedPatch& p, const UpsertPolicy& policy, qint64 winner)
{
    // A policy that does not match on an identifier (GetSales ignores the email) may still carry one that
    // another contact owns. Identifiers have one owner here, so it is reported instead of written.
    auto check = [&](MatchKey key, Field field, QString& value, auto&& findOwner) {
        if (policy.matchKeys.contains(key) || value.isEmpty())
            return;
        const qint64 owner = findOwner(value);
        if (owner == 0 || owner == winner)
            return;
        p.warnings.append(
            {ErrorCode::PossibleDuplicate, FieldRegistry::name(field),
             QStringLiteral("%1 belongs to contact %2; not applied").arg(FieldRegistry::name(field)).arg(owner),
             owner});
        p.drop(field);
        value.clear();
    };
    check(MatchKey::Email, Field::Email, p.emailKey,
          [&](const QString& k) { return m_table.findByEmail(k).contactId; });
    check(MatchKey::LinkedinUrl, Field::LinkedinUrl, p.linkedinKey,
          [&](const QString& k) { return m_table.findByLinkedin(k); });
    check(MatchKey::SalesNavUrl, Field::SalesNavUrl, p.salesNavKey,
          [&](const QString& k) { return m_table.findBySalesNav(k); });
}

} // namespace roster
