#pragma once

#include "PreparedPatch.h"
#include "UpsertPolicy.h"

namespace roster {

class ContactTable;

// Finds the stored contact an input is about: the policy's keys in order, the first match wins and the
// others are reported as possible duplicates, and an identifier another contact owns is not copied over.
class ContactMatcher final
{
public:
    explicit ContactMatcher(ContactTable& table);

    // The matching contact's id, 0 for none, -1 when the input is rejected (`rejection` says why).
    qint64 findMatch(PreparedPatch& p, const UpsertPolicy& policy, Error* rejection);
    // Drops identifiers that the policy does not match on but another contact owns, with a warning.
    void dropIdentifiersOwnedElsewhere(PreparedPatch& p, const UpsertPolicy& policy, qint64 winner);
    // Whether `key` (a lower-cased email) is one of `emails`, in any letter case.
    static bool containsKey(const QStringList& emails, const QString& key);

private:
    bool phoneAgrees(const PreparedPatch& p, qint64 candidate);

    ContactTable& m_table;
};

} // namespace roster
