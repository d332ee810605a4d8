#pragma once

#include "EmulatorFactory.h"
#include "GetSalesEmulator.h"
#include "HighLevelEmulator.h"
#include "store/AccountStore.h"
#include "store/StoreSession.h"
#include "store/UpsertPolicies.h"
#include "sync/SecretStore.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

namespace roster::test {

// Each CRM's published limit shrunk so a test sends its requests in a moment; the client's clock is scaled
// the same way (ROSTER_SYNC_TIME_SCALE / SyncCoordinator::setTimeScale).
inline double scaleFor(const QString& provider)
{
    if (provider == QLatin1String("monaco"))
        return 0.002; // 1,000 per hour
    if (provider == QLatin1String("getsales"))
        return 0.02;
    return 0.05;
}

// An emulator on loopback and the account that points at it, its key in the environment (never in the
// keychain: ROSTER_NO_KEYCHAIN is set by the tests).
struct EmulatedAccount
{
    std::unique_ptr<emulator::EmulatorServer> server;
    AccountRecord account;
    QByteArray secretVariable;

    EmulatedAccount(Database& db, const QString& provider, const QString& name)
    {
        server = emulator::EmulatorFactory::create(provider);
        server->setApiKey("emu-key-" + name.toLatin1());
        server->setRateScale(scaleFor(provider));
        if (server->start() == 0)
            qFatal("cannot start the %s emulator", qPrintable(provider));
        account.name = name;
        account.provider = provider;
        account.baseUrl = server->baseUrl();
        if (provider == QLatin1String("getsales"))
            account.options.insert(QStringLiteral("list_uuid"), emulator::GetSalesEmulator::defaultListUuid());
        if (provider == QLatin1String("highlevel"))
            account.options.insert(QStringLiteral("location_id"), emulator::HighLevelEmulator::defaultLocationId());
        auto id = AccountStore(db).add(account);
        if (!id)
            qFatal("cannot add the account: %s", qPrintable(id.error().detail));
        account.id = *id;
        secretVariable = SecretStore::environmentName(name).toLatin1();
        qputenv(secretVariable.constData(), server->apiKey());
    }
    ~EmulatedAccount() { qunsetenv(secretVariable.constData()); }
};

// Local contacts u<i>@example.com with a LinkedIn profile, so every CRM can take them; `extra` as
// field=value pairs (custom.<key> registers the key locally).
inline void addContacts(StoreSession& session, int from, int count,
                        const QList<std::pair<QString, QString>>& extra = {})
{
    std::vector<ContactPatch> patches;
    for (int i = from; i < from + count; ++i) {
        ContactPatch p;
        p.set(Field::FirstName, QStringLiteral("First%1").arg(i));
        p.set(Field::LastName, QStringLiteral("Last%1").arg(i));
        p.set(Field::Email, QStringLiteral("u%1@example.com").arg(i));
        p.set(Field::LinkedinUrl, QStringLiteral("https://www.linkedin.com/in/user-%1").arg(i));
        for (const auto& [name, value] : extra)
            p.setByName(name, value);
        patches.push_back(p);
    }
    UpsertPolicy policy = UpsertPolicies::local();
    policy.customFields = CustomFieldRule::RegisterUnknown;
    auto op = session.engine().beginOperation({QStringLiteral("manual"), QStringLiteral("test")});
    auto results = session.engine().upsertBatch(patches, policy, *op);
    if (!results)
        qFatal("cannot add contacts");
}

} // namespace roster::test
