#pragma once

#include <QString>

namespace roster {

// Where one account's API key may be found, built by AccountSecrets from the database's own id and the
// account's id, so that neither a same-named account in another database nor one whose name folds to the
// same variable can read it.
struct SecretSlot
{
    QString accountName; // for messages only
    QString keychainKey; // "database:<DBID>/account:<ID>"
    QString variable; // ROSTER_SECRET_<DBID>_<ID>
    // ROSTER_SECRET_<NAME>, read after `variable` for scripts written before it; empty when another account
    // of the database folds to the same name, since the variable could then be meant for either.
    QString legacyVariable;
};

} // namespace roster
