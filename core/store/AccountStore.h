#pragma once

#include "AccountRecord.h"
#include "contact/Error.h"

#include <QList>

namespace roster {

class Database;

// The CRM accounts of one database. Names are unique; removing an account also forgets its remote links
// and sync history.
class AccountStore final
{
public:
    explicit AccountStore(Database& db);

    // IdentifierTaken when the name is in use. Returns the new id.
    Result<qint64> add(const AccountRecord& account);
    Result<QList<AccountRecord>> list();
    // InvalidArgument when there is no account of that name.
    Result<AccountRecord> find(const QString& name);
    Result<void> remove(const QString& name);
    // Rewrites the account with that id (name, provider, base URL, options, conflict policy). IdentifierTaken
    // when the new name belongs to another account; InvalidArgument when there is no such id.
    Result<void> update(const AccountRecord& account);

private:
    Database& m_db;
};

} // namespace roster
