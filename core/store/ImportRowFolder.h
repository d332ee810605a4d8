#pragma once

#include "UpsertPolicy.h"
#include "UpsertResult.h"
#include "contact/ContactPatch.h"

#include <QVector>

namespace roster {

// Folds the rows of one file that are one person into one patch before the engine sees them, so that a file
// listing someone twice does not flip the contact between its rows on every import.
//
// Rows are one person when they share an identity key the policy matches on: an email (the primary or an extra
// one, any letter case), a LinkedIn profile or a Sales Navigator URL (each however spelled), directly or through
// other rows (A and B share an email, B and C a LinkedIn URL). Phones do not join rows: households and
// switchboards share them.
//
// The first row, in file order, is kept and the later ones add to it: a field it lacks takes the later row's
// value; a value that differs from its own is never taken (a later email becomes an extra email, anything else
// is named in the report); lists add up. Each folded row gets a DuplicateInFile warning naming the row and key it
// joined, and a PossibleDuplicate warning with both names when its name differs from the kept one.
class ImportRowFolder final
{
public:
    struct Key
    {
        Field field; // Email (for extra emails too), LinkedinUrl or SalesNavUrl
        QString key; // the normalised value, as the engine matches on it
        bool operator==(const Key&) const = default;
    };
    // What folding made of one row.
    struct Outcome
    {
        qsizetype head = -1; // the row this one was folded into; -1 for a row that stays (a head)
        QVector<UpsertWarning> warnings;
    };

    explicit ImportRowFolder(const UpsertPolicy& policy);

    // The identity keys of a row. A row whose email is not an email has none: the engine rejects it as it is,
    // and no other row takes its values.
    QVector<Key> keys(const ContactPatch& patch) const;
    // Folds the rows of a batch in place: a head's patch ends up holding its whole group. `lines` are the rows'
    // lines in the file; the rows of one group must come in file order (other rows may sit between them). One
    // outcome per row.
    QVector<Outcome> fold(QVector<ContactPatch>& patches, const QVector<qint64>& lines) const;

private:
    void foldInto(ContactPatch& first, qint64 firstLine, const ContactPatch& next, Outcome& outcome) const;

    bool m_byEmail = false;
    bool m_byLinkedin = false;
    bool m_bySalesNav = false;
};

} // namespace roster
