#pragma once

#include "SecretSlot.h"
#include "contact/Error.h"
#include "store/AccountRecord.h"

namespace roster {

class Database;

// The API keys of one database's accounts: builds each account's SecretSlot from the database's id and the
// account's id (never from the name alone, which another database or a look-alike name may share), and
// reads, stores and forgets keys through SecretStore.
class AccountSecrets final
{
public:
    explicit AccountSecrets(Database& db);

    // InvalidArgument for an account not yet saved (id 0); DatabaseError when the database has no id and
    // cannot be given one (a read-only file never written by this version).
    Result<SecretSlot> slot(const AccountRecord& account);
    // Another account of this database, other than `exceptId`, whose name folds to the same
    // ROSTER_SECRET_<NAME> as `name`; empty when there is none.
    QString clashingName(const QString& name, qint64 exceptId = 0);

    Result<QString> read(const AccountRecord& account);
    Result<void> write(const AccountRecord& account, const QString& secret);
    Result<void> remove(const AccountRecord& account);
    // Holds `secret` in memory until the process ends (SecretStore::keepForSession). Returns the slot: its
    // variable is where the key can be kept for good.
    Result<SecretSlot> keepForSession(const AccountRecord& account, const QString& secret);

private:
    Database& m_db;
};

} // namespace roster
