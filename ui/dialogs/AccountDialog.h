#pragma once

#include "store/AccountRecord.h"
#include "sync/SecretSlot.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace roster {

class ConnectionTester;
class Database;

// Adds or edits a CRM account: service, name, server address (the service's own by default; plain http
// only for this computer), the options the service needs, how to settle conflicts, and the API key, which
// goes to the system keychain and nowhere else; without a keychain it can be kept in memory for this session
// (and the dialog says which variable keeps it for good). Test connection tries the settings with one request and
// says inline whether they work.
class AccountDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountDialog)

public:
    // account.id 0: a new account.
    AccountDialog(Database& db, AccountRecord account, QWidget* parent = nullptr);
    ~AccountDialog() override;

    // What the fields say now (id kept).
    AccountRecord account() const;
    // Empty when the settings are fine, else the first problem in words.
    QString validate() const;
    void testConnection();
    QLabel* resultLabel() const { return m_result; }
    // Shown only without a keychain: keep a typed key in memory until Roster quits.
    QCheckBox* sessionKeyBox() const { return m_sessionKey; }

    void accept() override;

signals:
    void saved(qint64 accountId);
    // The key was kept in memory only; `variable` would keep it for good.
    void keptForSession(qint64 accountId, const QString& variable);

private:
    void providerChanged();
    void showResult(const QString& text, bool ok);
    // The key typed, else the one stored for the account (keychain or environment) while the server stays
    // the one it was sent to.
    QString secret() const;
    // An existing account whose address now points at another server: its stored key must not follow.
    bool serverChanged() const;
    // The environment variable of the account's key: its own once saved, else the name's.
    SecretSlot slotForMessages() const;
    bool keyInEnvironment() const;
    bool keepsKeyForSession() const;

    Database& m_db;
    AccountRecord m_original;
    QComboBox* m_provider;
    QLineEdit* m_name;
    QLineEdit* m_url;
    // One row per account option any CRM has (ProviderCatalog), shown for the CRMs that take it.
    struct OptionRow
    {
        QString key;
        QLabel* label = nullptr;
        QLineEdit* edit = nullptr;
    };
    QList<OptionRow> m_options;
    QComboBox* m_policy;
    QLineEdit* m_key;
    QCheckBox* m_sessionKey;
    QLabel* m_sessionNote;
    QPushButton* m_test;
    QLabel* m_result;
    QDialogButtonBox* m_buttons;
    ConnectionTester* m_tester;
    QString m_defaultUrl; // the current service's, replaced with it while the user has not typed another
};

} // namespace roster
