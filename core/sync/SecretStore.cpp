#include "SecretStore.h"

#include <QEventLoop>
#include <QHash>
#include <QMutex>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <optional>

namespace roster {

namespace {

// A keychain that does not answer (a locked collection waiting on a prompt nobody sees) must not hang a
// sync: give up after this long.
constexpr int kKeychainTimeoutMs = 15000;

// Runs a qtkeychain job to completion on a local event loop. False on timeout.
bool runJob(QKeychain::Job& job)
{
    job.setAutoDelete(false);
    QEventLoop loop;
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!done)
        loop.exec();
    return done;
}

Error keychainError(const QKeychain::Job& job, const QString& what)
{
    // The keychain's own message names the service and key, never the secret.
    return Error {ErrorCode::SecretUnavailable, {}, what + QStringLiteral(": ") + job.errorString()};
}

struct SessionKeys
{
    QMutex mutex;
    QHash<QString, QString> byKeychainKey;
};

SessionKeys& sessionKeys()
{
    static SessionKeys keys;
    return keys;
}

std::optional<QString> sessionKey(const SecretSlot& slot)
{
    SessionKeys& keys = sessionKeys();
    QMutexLocker lock(&keys.mutex);
    const auto found = keys.byKeychainKey.constFind(slot.keychainKey);
    if (found == keys.byKeychainKey.constEnd())
        return std::nullopt;
    return *found;
}

} // namespace

void SecretStore::keepForSession(const SecretSlot& slot, const QString& secret)
{
    SessionKeys& keys = sessionKeys();
    QMutexLocker lock(&keys.mutex);
    keys.byKeychainKey.insert(slot.keychainKey, secret);
}

bool SecretStore::hasSessionKey(const SecretSlot& slot)
{
    return sessionKey(slot).has_value();
}

void SecretStore::forgetSessionKeys()
{
    SessionKeys& keys = sessionKeys();
    QMutexLocker lock(&keys.mutex);
    keys.byKeychainKey.clear();
}

QString SecretStore::environmentName(const QString& accountName)
{
    QString name = QStringLiteral("ROSTER_SECRET_");
    for (const QChar c : accountName.toUpper()) {
        const bool plain
            = (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'));
        name += plain ? c : QLatin1Char('_');
    }
    return name;
}

bool SecretStore::keychainAvailable()
{
    if (qEnvironmentVariableIntValue("ROSTER_NO_KEYCHAIN") != 0)
        return false;
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    // Without a session bus the Secret Service cannot be reached, and trying can block on autolaunch.
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
#else
    return true;
#endif
}

Result<QString> SecretStore::read(const SecretSlot& slot)
{
    for (const QString& variable : {slot.variable, slot.legacyVariable}) {
        if (variable.isEmpty())
            continue;
        const QString fromEnv = qEnvironmentVariable(variable.toLatin1().constData());
        if (!fromEnv.isEmpty())
            return fromEnv;
    }
    if (auto kept = sessionKey(slot))
        return *kept;
    const QString variables = slot.legacyVariable.isEmpty()
        ? slot.variable
        : QStringLiteral("%1 (or %2)").arg(slot.variable, slot.legacyVariable);
    const QString missing = QStringLiteral("no API key for account '%1': set %2 or store one with `roster account add`")
                                .arg(slot.accountName, variables);
    if (!keychainAvailable())
        return fail(ErrorCode::SecretUnavailable, missing + QStringLiteral(" (no keychain available)"));
    QKeychain::ReadPasswordJob job(service());
    job.setKey(slot.keychainKey);
    if (!runJob(job))
        return fail(ErrorCode::SecretUnavailable, missing + QStringLiteral(" (the keychain did not answer)"));
    if (job.error() == QKeychain::EntryNotFound)
        return fail(ErrorCode::SecretUnavailable, missing);
    if (job.error() != QKeychain::NoError)
        return std::unexpected(keychainError(job, missing));
    return job.textData();
}

Result<void> SecretStore::write(const SecretSlot& slot, const QString& secret)
{
    if (!keychainAvailable())
        return fail(ErrorCode::SecretUnavailable, QStringLiteral("no keychain available"));
    QKeychain::WritePasswordJob job(service());
    job.setKey(slot.keychainKey);
    job.setTextData(secret);
    if (!runJob(job))
        return fail(ErrorCode::SecretUnavailable, QStringLiteral("the keychain did not answer"));
    if (job.error() != QKeychain::NoError)
        return std::unexpected(keychainError(job, QStringLiteral("cannot store the API key")));
    return {};
}

Result<void> SecretStore::remove(const SecretSlot& slot)
{
    {
        SessionKeys& keys = sessionKeys();
        QMutexLocker lock(&keys.mutex);
        keys.byKeychainKey.remove(slot.keychainKey);
    }
    if (!keychainAvailable())
        return {};
    QKeychain::DeletePasswordJob job(service());
    job.setKey(slot.keychainKey);
    if (!runJob(job))
        return fail(ErrorCode::SecretUnavailable, QStringLiteral("the keychain did not answer"));
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return std::unexpected(keychainError(job, QStringLiteral("cannot remove the API key")));
    return {};
}

} // namespace roster
