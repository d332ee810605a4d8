#pragma once

#include "contact/Error.h"

#include <QString>

namespace roster {

// Where the API key of each account lives: the system keychain (qtkeychain), or for servers and CI the
// environment variable ROSTER_SECRET_<NAME> (the account name upper-cased, other characters as '_').
// The variable wins when set, so a script can override a stored key. Keys are never written anywhere
// else, and no error message carries one.
//
// On Linux the keychain is used only inside a D-Bus session; ROSTER_NO_KEYCHAIN=1 switches it off (tests,
// headless machines where the Secret Service would prompt).
class SecretStore final
{
public:
    // The service name the keys are filed under in the keychain.
    static QString service() { return QStringLiteral("roster"); }
    static QString environmentName(const QString& accountName);
    static bool keychainAvailable();

    // SecretUnavailable when neither the environment nor the keychain has one.
    static Result<QString> read(const QString& accountName);
    // Stores in the keychain; SecretUnavailable when there is none.
    static Result<void> write(const QString& accountName, const QString& secret);
    // Forgets the keychain entry; a missing one is not an error.
    static Result<void> remove(const QString& accountName);

private:
    static QString keychainKey(const QString& accountName);
};

} // namespace roster
