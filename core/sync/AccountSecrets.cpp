#include "AccountSecrets.h"

#include "SecretStore.h"
#include "store/AccountStore.h"
#include "store/DatabaseIdentity.h"

namespace roster {

AccountSecrets::AccountSecrets(Database& db)
    : m_db(db)
{
}

Result<SecretSlot> AccountSecrets::slot(const AccountRecord& account)
{
    if (account.id == 0)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("account '%1' is not saved yet").arg(account.name));
    auto databaseId = DatabaseIdentity::id(m_db);
    if (!databaseId)
        return std::unexpected(databaseId.error());
    SecretSlot slot;
    slot.accountName = account.name;
    slot.keychainKey = QStringLiteral("database:%1/account:%2").arg(*databaseId).arg(account.id);
    slot.variable = QStringLiteral("ROSTER_SECRET_%1_%2").arg(*databaseId).arg(account.id);
    if (clashingName(account.name, account.id).isEmpty())
        slot.legacyVariable = SecretStore::environmentName(account.name);
    return slot;
}

QString AccountSecrets::clashingName(const QString& name, qint64 exceptId)
{
    auto accounts = AccountStore(m_db).list();
    if (!accounts)
        return {};
    const QString variable = SecretStore::environmentName(name);
    for (const AccountRecord& other : std::as_const(*accounts)) {
        if (other.id != exceptId && SecretStore::environmentName(other.name) == variable)
            return other.name;
    }
    return {};
}

Result<QString> AccountSecrets::read(const AccountRecord& account)
{
    auto s = slot(account);
    if (!s)
        return fail(ErrorCode::SecretUnavailable, s.error().detail);
    return SecretStore::read(*s);
}

Result<void> AccountSecrets::write(const AccountRecord& account, const QString& secret)
{
    auto s = slot(account);
    if (!s)
        return fail(ErrorCode::SecretUnavailable, s.error().detail);
    return SecretStore::write(*s, secret);
}

Result<void> AccountSecrets::remove(const AccountRecord& account)
{
    auto s = slot(account);
    if (!s)
        return fail(ErrorCode::SecretUnavailable, s.error().detail);
    return SecretStore::remove(*s);
}

Result<SecretSlot> AccountSecrets::keepForSession(const AccountRecord& account, const QString& secret)
{
    auto s = slot(account);
    if (!s)
        return fail(ErrorCode::SecretUnavailable, s.error().detail);
    SecretStore::keepForSession(*s, secret);
    return s;
}

} // namespace roster
