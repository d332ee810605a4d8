#include "AccountDialog.h"

#include "models/FieldLabels.h"
#include "models/SyncAccountsModel.h"
#include "models/SyncErrorsModel.h"
#include "store/AccountStore.h"
#include "sync/AccountSecrets.h"
#include "sync/ConnectionTester.h"
#include "sync/ProviderCatalog.h"
#include "sync/SecretStore.h"
#include "sync/SyncSetup.h"
#include "sync/UrlPolicy.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace roster {

AccountDialog::AccountDialog(Database& db, AccountRecord account, QWidget* parent)
    : QDialog(parent)
    , m_db(db)
    , m_original(std::move(account))
    , m_provider(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_policy(new QComboBox(this))
    , m_key(new QLineEdit(this))
    , m_sessionKey(new QCheckBox(tr("Keep the key in memory until Roster &quits"), this))
    , m_sessionNote(new QLabel(this))
    , m_test(new QPushButton(tr("&Test Connection"), this))
    , m_result(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
    , m_tester(new ConnectionTester(this))
{
    const bool adding = m_original.id == 0;
    setObjectName(QStringLiteral("accountDialog"));
    setWindowTitle(adding ? tr("Add CRM account") : tr("Edit CRM account"));
    m_provider->setObjectName(QStringLiteral("providerCombo"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_url->setObjectName(QStringLiteral("urlEdit"));
    for (const ProviderDescriptor& d : ProviderCatalog::all()) {
        for (const ProviderOption& option : d.options) {
            if (std::any_of(m_options.cbegin(), m_options.cend(),
                            [&](const OptionRow& row) { return row.key == option.key; }))
                continue;
            OptionRow row {
                option.key,
                new QLabel(FieldLabels::formLabel(QCoreApplication::translate("roster::ProviderCatalog", option.label)),
                           this),
                new QLineEdit(this)};
            // "list_uuid" -> "listUuidEdit": names tests and accessibility tools find it by.
            QString name;
            for (const QString& part : option.key.split(QLatin1Char('_')))
                name += name.isEmpty() ? part : part.left(1).toUpper() + part.mid(1);
            row.edit->setObjectName(name + QStringLiteral("Edit"));
            row.edit->setPlaceholderText(QCoreApplication::translate("roster::ProviderCatalog", option.hint));
            row.label->setBuddy(row.edit);
            m_options << row;
        }
    }
    m_policy->setObjectName(QStringLiteral("policyCombo"));
    m_key->setObjectName(QStringLiteral("keyEdit"));
    m_sessionKey->setObjectName(QStringLiteral("sessionKeyCheck"));
    m_sessionNote->setObjectName(QStringLiteral("sessionKeyNote"));
    m_test->setObjectName(QStringLiteral("testButton"));
    m_result->setObjectName(QStringLiteral("testResult"));

    for (const ProviderDescriptor& d : ProviderCatalog::all())
        m_provider->addItem(d.displayName(), d.name);
    m_policy->addItem(tr("Ask me"), QStringLiteral("ask"));
    m_policy->addItem(tr("Keep the value here"), QStringLiteral("local"));
    m_policy->addItem(tr("Keep the service's value"), QStringLiteral("remote"));
    m_policy->setToolTip(tr("When a field was changed both here and in the service since the last sync"));
    m_name->setPlaceholderText(tr("e.g. Sales team"));
    m_url->setToolTip(tr("The service's API address. Plain http is allowed only for this computer."));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(adding ? tr("Paste the key from the service's settings")
                                  : SecretStore::keychainAvailable()
                                  ? tr("Stored in the keychain; type a new one to replace it")
                                  : tr("Type a new key to replace the one in use"));
    // The placeholder is cut short in a narrow field: whole in the tooltip.
    m_key->setToolTip(m_key->placeholderText());
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Service:"), m_provider);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("Server &address:"), m_url);
    for (const OptionRow& row : std::as_const(m_options))
        form->addRow(row.label, row.edit);
    form->addRow(tr("On &conflict:"), m_policy);
    form->addRow(tr("API &key:"), m_key);
    // No keychain: offer memory for this run rather than a dead end, and say how to keep the key for good.
    const bool noKeychain = !SecretStore::keychainAvailable();
    m_sessionKey->setChecked(noKeychain);
    m_sessionKey->setVisible(noKeychain);
    m_sessionNote->setVisible(noKeychain);
    m_sessionNote->setWordWrap(true);
    m_sessionNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // One row for both: a wrapped label alone in a form row is given room for more lines than it has.
    auto* sessionBox = new QWidget(this);
    auto* sessionLayout = new QVBoxLayout(sessionBox);
    sessionLayout->setContentsMargins(0, 0, 0, 0);
    sessionLayout->addWidget(m_sessionKey);
    sessionLayout->addWidget(m_sessionNote);
    sessionBox->setVisible(noKeychain);
    form->addRow(QString(), sessionBox);
    auto* testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_result, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    if (!adding) {
        m_provider->setCurrentIndex(std::max(0, m_provider->findData(m_original.provider)));
        m_name->setText(m_original.name);
        for (const OptionRow& row : std::as_const(m_options))
            row.edit->setText(m_original.options.value(row.key));
        m_policy->setCurrentIndex(std::max(0, m_policy->findData(m_original.conflictPolicy)));
    }
    m_defaultUrl = SyncSetup::defaultBaseUrl(m_provider->currentData().toString()).toString();
    m_url->setText(adding || m_original.baseUrl.isEmpty() ? m_defaultUrl : m_original.baseUrl.toString());
    providerChanged();
    const auto updateNote = [this] {
        const QString variable = slotForMessages().variable;
        m_sessionNote->setText(
            tr("No system keychain is available, so the key cannot be stored. Roster can keep it in memory "
               "until it quits; it is never written to disk. To keep it for good, set the environment variable "
               "%1 to the key before starting Roster (roster account list --json shows it as secret_env).")
                .arg(variable));
    };
    updateNote();
    connect(m_name, &QLineEdit::textChanged, this, updateNote);

    connect(m_provider, &QComboBox::currentIndexChanged, this, &AccountDialog::providerChanged);
    connect(m_test, &QPushButton::clicked, this, &AccountDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AccountDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tester, &ConnectionTester::succeeded, this, [this] {
        m_test->setEnabled(true);
        showResult(tr("Connected: the service accepted the key."), true);
    });
    connect(m_tester, &ConnectionTester::failed, this, [this](const Error& error) {
        m_test->setEnabled(true);
        // The detail names the service's own code and message; the key is never in it.
        showResult(tr("%1.\n%2").arg(SyncErrorsModel::problemText(error.code), error.detail), false);
    });
    setMinimumWidth(520);
}

AccountDialog::~AccountDialog() = default;

void AccountDialog::providerChanged()
{
    const QString provider = m_provider->currentData().toString();
    const ProviderDescriptor* d = ProviderCatalog::find(provider);
    for (const OptionRow& row : std::as_const(m_options)) {
        const bool shown = d && std::any_of(d->options.cbegin(), d->options.cend(), [&](const ProviderOption& o) {
                               return o.key == row.key;
                           });
        row.label->setVisible(shown);
        row.edit->setVisible(shown);
    }
    // Follow the service while the address is the previous service's default (or empty).
    const QString newDefault = SyncSetup::defaultBaseUrl(provider).toString();
    if (m_url->text().trimmed().isEmpty() || m_url->text().trimmed() == m_defaultUrl)
        m_url->setText(newDefault);
    m_defaultUrl = newDefault;
    m_result->clear();
}

AccountRecord AccountDialog::account() const
{
    AccountRecord a = m_original;
    a.provider = m_provider->currentData().toString();
    a.name = m_name->text().trimmed();
    // A bare host name means https, never the plain http QUrl::fromUserInput() would assume.
    const QString typed = m_url->text().trimmed();
    a.baseUrl = QUrl(typed.contains(QLatin1String("://")) ? typed : QStringLiteral("https://") + typed);
    // The service's own options as typed; another service's are dropped, sync options (guard_share...) kept.
    const ProviderDescriptor* d = ProviderCatalog::find(a.provider);
    for (const OptionRow& row : std::as_const(m_options)) {
        a.options.remove(row.key);
        const QString value = row.edit->text().trimmed();
        const bool taken = d && std::any_of(d->options.cbegin(), d->options.cend(), [&](const ProviderOption& o) {
                               return o.key == row.key;
                           });
        if (taken && !value.isEmpty())
            a.options.insert(row.key, value);
    }
    a.conflictPolicy = m_policy->currentData().toString();
    return a;
}

QString AccountDialog::validate() const
{
    const AccountRecord a = account();
    if (a.name.isEmpty())
        return tr("Give the account a name.");
    if (auto existing = AccountStore(m_db).find(a.name); existing && existing->id != a.id)
        return tr("An account named “%1” exists already.").arg(a.name);
    if (m_url->text().trimmed().isEmpty())
        return tr("Enter the server address.");
    if (auto ok = UrlPolicy::check(a.baseUrl); !ok) {
        return ok.error().code == ErrorCode::InsecureUrl
            ? tr("The server address must start with https:// (plain http only for this computer).")
            : tr("“%1” is not a valid server address.").arg(m_url->text().trimmed());
    }
    if (const ProviderDescriptor* d = ProviderCatalog::find(a.provider)) {
        for (const ProviderOption& option : d->options) {
            if (option.required && a.options.value(option.key).isEmpty())
                return tr("Enter the %1 %2.")
                    .arg(d->displayName(), QCoreApplication::translate("roster::ProviderCatalog", option.label));
        }
    }
    if (const QString other = AccountSecrets(m_db).clashingName(a.name, a.id); !other.isEmpty())
        return tr("The name “%1” reads the same key variable as the account “%2”; choose a name that differs in "
                  "letters or digits.")
            .arg(a.name, other);
    if (secret().isEmpty()) {
        return serverChanged() ? tr("The server address changed: enter the API key for the new server.")
                               : tr("Enter the API key.");
    }
    if (!m_key->text().isEmpty() && !SecretStore::keychainAvailable() && !keyInEnvironment()
        && !m_sessionKey->isChecked())
        return tr("No keychain is available to keep the key: tick “%1”, or set the environment variable %2 "
                  "and restart Roster.")
            .arg(m_sessionKey->text().remove(QLatin1Char('&')), slotForMessages().variable);
    return {};
}

SecretSlot AccountDialog::slotForMessages() const
{
    const QString name = m_name->text().trimmed();
    // A saved account reads its own variable; a new one has no id yet, so only the name's is known.
    return AccountSecrets(m_db)
        .slot(m_original)
        .value_or(SecretSlot {name, {}, SecretStore::environmentName(name), SecretStore::environmentName(name)});
}

bool AccountDialog::keyInEnvironment() const
{
    const SecretSlot slot = slotForMessages();
    return !qEnvironmentVariableIsEmpty(slot.variable.toLatin1().constData())
        || (!slot.legacyVariable.isEmpty() && !qEnvironmentVariableIsEmpty(slot.legacyVariable.toLatin1().constData()));
}

bool AccountDialog::keepsKeyForSession() const
{
    return !m_key->text().isEmpty() && !SecretStore::keychainAvailable() && m_sessionKey->isChecked();
}

bool AccountDialog::serverChanged() const
{
    return m_original.id != 0 && !UrlPolicy::sameOrigin(m_original.baseUrl, account().baseUrl);
}

QString AccountDialog::secret() const
{
    if (!m_key->text().isEmpty())
        return m_key->text();
    if (m_original.id != 0)
        return serverChanged() ? QString() : AccountSecrets(m_db).read(m_original).value_or(QString());
    // A new account has no slot yet: only a variable named after it can hold its key.
    const QString name = m_name->text().trimmed();
    if (name.isEmpty() || !AccountSecrets(m_db).clashingName(name).isEmpty())
        return {};
    return qEnvironmentVariable(SecretStore::environmentName(name).toLatin1().constData());
}

void AccountDialog::showResult(const QString& text, bool ok)
{
    m_result->setText(text);
    m_result->setStyleSheet(ok ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
}

void AccountDialog::testConnection()
{
    const QString key = secret();
    if (key.isEmpty()) {
        showResult(tr("Enter the API key first."), false);
        m_key->setFocus();
        return;
    }
    AccountRecord a = account();
    if (a.name.isEmpty())
        a.name = a.provider;
    m_test->setEnabled(false);
    showResult(tr("Connecting…"), true);
    m_result->setStyleSheet({});
    m_tester->start(a, key, SyncSetup::timeScaleFromEnvironment());
}

void AccountDialog::accept()
{
    if (const QString problem = validate(); !problem.isEmpty()) {
        showResult(problem, false);
        return;
    }
    AccountRecord a = account();
    AccountStore store(m_db);
    AccountSecrets secrets(m_db);
    // Keys are filed by account id, so a rename keeps its key and only a typed one is stored.
    const QString key = m_key->text();
    const bool forSession = keepsKeyForSession();
    if (m_original.id != 0) {
        if (forSession) {
            if (auto ok = secrets.keepForSession(a, key); !ok) {
                showResult(tr("Cannot keep the key: %1").arg(ok.error().detail), false);
                return;
            }
        } else if (!key.isEmpty() && SecretStore::keychainAvailable()) {
            if (auto ok = secrets.write(a, key); !ok) {
                showResult(tr("Cannot store the key in the keychain: %1").arg(ok.error().detail), false);
                return;
            }
        }
        if (auto ok = store.update(a); !ok) {
            showResult(tr("Cannot save the account: %1").arg(ok.error().detail), false);
            return;
        }
    } else {
        auto id = store.add(a);
        if (!id) {
            showResult(tr("Cannot save the account: %1").arg(id.error().detail), false);
            return;
        }
        a.id = *id;
        // An id freed by a removed account may come back: whatever was filed under it is not this account's.
        auto ok = key.isEmpty() || !SecretStore::keychainAvailable() ? secrets.remove(a) : secrets.write(a, key);
        if (ok && forSession) {
            if (auto kept = secrets.keepForSession(a, key); !kept)
                ok = std::unexpected(kept.error());
        }
        if (!ok) {
            // An account that cannot reach its key is no use: it is not kept.
            [[maybe_unused]] const auto dropped = store.remove(a.name);
            showResult(tr("Cannot store the key in the keychain: %1").arg(ok.error().detail), false);
            return;
        }
    }
    emit saved(a.id);
    if (forSession)
        emit keptForSession(a.id, secrets.slot(a).value_or(SecretSlot {}).variable);
    QDialog::accept();
}

} // namespace roster
