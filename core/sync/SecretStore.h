#pragma once

#include "SecretSlot.h"
#include "contact/Error.h"

#include <QString>

namespace roster {

// Where the API key of each account lives: the system keychain (qtkeychain), or for servers and CI the
// environment variable of its slot (ROSTER_SECRET_<DBID>_<ID>, or the older ROSTER_SECRET_<NAME> where that
// is unambiguous). A variable wins when set, so a script can override a stored key. Keys are never written
// anywhere else (a key kept for the session stays in memory), and no error message carries one. Slots come from
// AccountSecrets.
//
// On Linux the keychain is used only inside a D-Bus session; ROSTER_NO_KEYCHAIN=1 switches it off (tests,
// headless machines where the Secret Service would prompt).
class SecretStore final
{
public:
    // The service name the keys are filed under in the keychain.
    static QString service() { return QStringLiteral("roster"); }
    // The account name upper-cased, other characters as '_': the older, name-based variable.
    static QString environmentName(const QString& accountName);
    static bool keychainAvailable();

    // SecretUnavailable when neither the environment nor the keychain has one.
    static Result<QString> read(const SecretSlot& slot);
    // Stores in the keychain; SecretUnavailable when there is none.
    static Result<void> write(const SecretSlot& slot, const QString& secret);
    // Forgets the keychain entry and any key kept for the session; a missing one is not an error.
    static Result<void> remove(const SecretSlot& slot);

    // Without a keychain the window can still sync: the key is held in this process's memory until it quits,
    // never written to disk, settings, logs or the database. read() finds it after the environment, before
    // the keychain. Thread-safe (syncs read keys from their own threads).
    static void keepForSession(const SecretSlot& slot, const QString& secret);
    static bool hasSessionKey(const SecretSlot& slot);
    static void forgetSessionKeys();
};

} // namespace roster
