#include "AccountCommand.h"

#include "CommandSupport.h"
#include "store/AccountStore.h"
#include "sync/AccountSecrets.h"
#include "sync/Provider.h"
#include "sync/ProviderCatalog.h"
#include "sync/SecretStore.h"
#include "sync/SyncSetup.h"
#include "sync/UrlPolicy.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#include <optional>
#include <termios.h>
#include <unistd.h>
#include <variant>

namespace roster::cli {

namespace {

// The whole of standard input, without the line break a shell adds. Never echoed anywhere: at a terminal
// the line is read with echo off after a prompt on standard error, so the key stays off the screen and out
// of scroll-back.
QString readSecretFromStdin(const QString& accountName)
{
    const int fd = fileno(stdin);
    if (isatty(fd) != 0) {
        // Echo goes off before the prompt: what is typed once asked must never reach the screen.
        termios saved {};
        const bool quiet = tcgetattr(fd, &saved) == 0;
        if (quiet) {
            termios silent = saved;
            silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            silent.c_lflag |= ECHONL;
            tcsetattr(fd, TCSAFLUSH, &silent);
        }
        std::fprintf(stderr, "API key for '%s' (not shown): ", accountName.toLocal8Bit().constData());
        std::fflush(stderr);
        QByteArray line;
        for (int c = std::fgetc(stdin); c != EOF && c != '\n'; c = std::fgetc(stdin))
            line.append(static_cast<char>(c));
        if (quiet)
            tcsetattr(fd, TCSANOW, &saved);
        return QString::fromUtf8(line).trimmed();
    }
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(in.readAll()).trimmed();
}

int add(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("provider"),
                      ProviderCatalog::names().join(QStringLiteral(", ")) + QLatin1Char('.'), QStringLiteral("name")});
    parser.addOption({QStringLiteral("name"), QStringLiteral("The account's name (unique)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("base-url"),
                      QStringLiteral("The API's URL, path prefix included (default: the "
                                     "service's own)."),
                      QStringLiteral("url")});
    parser.addOption(
        {QStringLiteral("option"),
         QStringLiteral(
             "A provider option (GetSales/Grinfi list_uuid and team_id, HighLevel location_id) or sync option "
             "(delete_remote=true, guard_share=0.2, guard_min=5); repeatable."),
         QStringLiteral("key=value")});
    parser.addOption({QStringLiteral("conflict-policy"),
                      QStringLiteral("When both sides changed a field: ask (default: the conflict inbox), local or "
                                     "remote (that side wins, and the sync report says so)."),
                      QStringLiteral("policy")});
    parser.addOption({QStringLiteral("secret-env"),
                      QStringLiteral("Read the API key from this environment variable instead of standard input."),
                      QStringLiteral("var")});
    int exitCode = Ok;
    if (!parse(parser, args,
               QStringLiteral("Add a CRM account. The API key is read from standard input (or "
                              "--secret-env) and stored in the system keychain, never in the database."),
               &exitCode))
        return exitCode;
    AccountRecord account;
    account.provider = parser.value(QStringLiteral("provider")).toLower();
    account.name = parser.value(QStringLiteral("name")).trimmed();
    if (!Provider::names().contains(account.provider))
        return printError(
            QStringLiteral("--provider must be one of: %1").arg(Provider::names().join(QStringLiteral(", "))), Usage);
    if (account.name.isEmpty())
        return printError(QStringLiteral("--name is required"), Usage);
    const QString baseUrl = parser.value(QStringLiteral("base-url"));
    account.baseUrl = baseUrl.isEmpty() ? SyncSetup::defaultBaseUrl(account.provider) : QUrl(baseUrl);
    if (auto ok = UrlPolicy::check(account.baseUrl); !ok)
        return printError(ok.error());
    for (const QString& option : parser.values(QStringLiteral("option"))) {
        const qsizetype eq = option.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return printError(QStringLiteral("--option takes key=value, not '%1'").arg(option), Usage);
        account.options.insert(option.left(eq).trimmed(), option.mid(eq + 1).trimmed());
    }
    if (parser.isSet(QStringLiteral("conflict-policy"))) {
        account.conflictPolicy = parser.value(QStringLiteral("conflict-policy"));
        if (!QStringList {QStringLiteral("ask"), QStringLiteral("local"), QStringLiteral("remote")}.contains(
                account.conflictPolicy))
            return printError(QStringLiteral("--conflict-policy takes ask, local or remote"), Usage);
    }
    // Options an adapter cannot work without: refused here rather than at the first sync.
    for (const QString& required : ProviderCatalog::find(account.provider)->requiredOptions()) {
        if (account.options.value(required).isEmpty())
            return printError(QStringLiteral("a %1 account needs --option %2=...").arg(account.provider, required),
                              Usage);
    }

    QString secret;
    if (parser.isSet(QStringLiteral("secret-env"))) {
        const QString variable = parser.value(QStringLiteral("secret-env"));
        secret = qEnvironmentVariable(variable.toLocal8Bit().constData());
        if (secret.isEmpty())
            return printError(QStringLiteral("the environment variable %1 is empty or not set").arg(variable), Usage);
    } else {
        secret = readSecretFromStdin(account.name);
    }

    auto session = openSession(parser);
    if (!session)
        return printError(session.error());
    AccountSecrets secrets((*session)->database());
    // Two names folding to one ROSTER_SECRET_<NAME> would let a key meant for one reach the other's server.
    if (const QString other = secrets.clashingName(account.name); !other.isEmpty())
        return printError(Error {ErrorCode::IdentifierTaken, QStringLiteral("name"),
                                 QStringLiteral("the name '%1' reads the same variable %2 as the account '%3'; "
                                                "choose a name that differs in letters or digits")
                                     .arg(account.name, SecretStore::environmentName(account.name), other)});
    AccountStore accounts((*session)->database());
    auto id = accounts.add(account);
    if (!id)
        return printError(id.error());
    account.id = *id;
    auto slot = secrets.slot(account);
    if (!slot)
        return printError(slot.error());
    // An id freed by a removed account may come back: whatever was filed under it is not this account's.
    if (auto ok = SecretStore::remove(*slot); !ok)
        printError(QStringLiteral("warning: %1").arg(ok.error().detail), Ok);
    const QString variable = slot->legacyVariable.isEmpty()
        ? slot->variable
        : QStringLiteral("%1 (or %2)").arg(slot->variable, slot->legacyVariable);
    printLine(
        QStringLiteral("Added %1 account '%2' at %3.").arg(account.provider, account.name, account.baseUrl.toString()));
    if (secret.isEmpty()) {
        printLine(QStringLiteral("No API key given: sync reads it from %1.").arg(variable));
        return Ok;
    }
    if (auto stored = SecretStore::write(*slot, secret); !stored) {
        // The account stays usable on a machine without a keychain: the key then comes from the environment.
        printError(QStringLiteral("warning: the API key was not stored (%1); sync reads it from %2")
                       .arg(stored.error().detail, variable),
                   Ok);
        return Ok;
    }
    printLine(QStringLiteral("The API key is in the system keychain."));
    return Ok;
}

int list(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the accounts as JSON.")});
    int exitCode = Ok;
    if (!parse(parser, args, QStringLiteral("List the CRM accounts."), &exitCode))
        return exitCode;
    auto session = openSession(parser);
    if (!session)
        return printError(session.error());
    auto accounts = AccountStore((*session)->database()).list();
    if (!accounts)
        return printError(accounts.error());
    if (parser.isSet(QStringLiteral("json"))) {
        AccountSecrets secrets((*session)->database());
        QJsonArray array;
        for (const AccountRecord& a : std::as_const(*accounts)) {
            QJsonObject options;
            for (auto it = a.options.cbegin(); it != a.options.cend(); ++it)
                options.insert(it.key(), it.value());
            const SecretSlot slot = secrets.slot(a).value_or(SecretSlot {});
            const bool inEnv
                = (!slot.variable.isEmpty() && !qEnvironmentVariableIsEmpty(slot.variable.toLatin1().constData()))
                || (!slot.legacyVariable.isEmpty()
                    && !qEnvironmentVariableIsEmpty(slot.legacyVariable.toLatin1().constData()));
            array << QJsonObject {{QStringLiteral("name"), a.name},
                                  {QStringLiteral("provider"), a.provider},
                                  {QStringLiteral("base_url"), a.baseUrl.toString(QUrl::RemoveUserInfo)},
                                  {QStringLiteral("options"), options},
                                  {QStringLiteral("conflict_policy"), a.conflictPolicy},
                                  {QStringLiteral("created_at"), a.createdAt.toString(Qt::ISODateWithMs)},
                                  {QStringLiteral("secret_env"), slot.variable},
                                  // Empty when another account's name folds to the same variable: it is not read then.
                                  {QStringLiteral("secret_env_by_name"), slot.legacyVariable},
                                  {QStringLiteral("secret_in_env"), inEnv}};
        }
        printJson(QJsonDocument(QJsonObject {{QStringLiteral("accounts"), array}}));
        return Ok;
    }
    for (const AccountRecord& a : std::as_const(*accounts))
        printLine(QStringLiteral("%1\t%2\t%3").arg(a.name, a.provider, a.baseUrl.toString(QUrl::RemoveUserInfo)));
    return Ok;
}

// The account --name names, with the session of --db's database; or the exit code to return when there is none.
struct NamedAccount
{
    std::unique_ptr<StoreSession> session;
    std::optional<AccountRecord> account;
};

std::variant<NamedAccount, int> namedAccount(const QCommandLineParser& parser)
{
    const QString name = parser.value(QStringLiteral("name"));
    if (name.isEmpty())
        return printError(QStringLiteral("--name is required"), Usage);
    auto session = openSession(parser);
    if (!session)
        return printError(session.error());
    auto account = AccountStore((*session)->database()).find(name);
    if (!account)
        return printError(account.error());
    return NamedAccount {std::move(*session), std::move(*account)};
}

int remove(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("name"), QStringLiteral("The account to remove."), QStringLiteral("name")});
    int exitCode = Ok;
    if (!parse(parser, args, QStringLiteral("Remove a CRM account, its links and its key."), &exitCode))
        return exitCode;
    auto found = namedAccount(parser);
    if (const int* exit = std::get_if<int>(&found))
        return *exit;
    auto& [session, account] = std::get<NamedAccount>(found);
    const QString name = account->name;
    AccountStore accounts(session->database());
    // The slot is built while the account still exists; the key goes only once the account has.
    auto slot = AccountSecrets(session->database()).slot(*account);
    if (auto ok = accounts.remove(name); !ok)
        return printError(ok.error());
    if (slot) {
        if (auto ok = SecretStore::remove(*slot); !ok)
            printError(QStringLiteral("warning: %1").arg(ok.error().detail), Ok);
    }
    printLine(QStringLiteral("Removed account '%1'.").arg(name));
    return Ok;
}

int update(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("name"), QStringLiteral("The account to change."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("base-url"), QStringLiteral("The API's new URL."), QStringLiteral("url")});
    parser.addOption({QStringLiteral("secret-env"),
                      QStringLiteral("Read the new API key from this environment variable instead of standard input."),
                      QStringLiteral("var")});
    int exitCode = Ok;
    if (!parse(parser, args,
               QStringLiteral("Change a CRM account's server. A new server gets a new API key, read from standard "
                              "input (or --secret-env): the stored one is never sent to another host."),
               &exitCode))
        return exitCode;
    auto found = namedAccount(parser);
    if (const int* exit = std::get_if<int>(&found))
        return *exit;
    auto& [session, account] = std::get<NamedAccount>(found);
    const QString name = account->name;
    AccountStore accounts(session->database());
    AccountRecord changed = *account;
    if (parser.isSet(QStringLiteral("base-url")))
        changed.baseUrl = QUrl(parser.value(QStringLiteral("base-url")));
    if (auto ok = UrlPolicy::check(changed.baseUrl); !ok)
        return printError(ok.error());
    const bool newHost = !UrlPolicy::sameOrigin(account->baseUrl, changed.baseUrl);
    QString secret;
    if (parser.isSet(QStringLiteral("secret-env")))
        secret = qEnvironmentVariable(parser.value(QStringLiteral("secret-env")).toLocal8Bit().constData());
    else if (newHost)
        secret = readSecretFromStdin(name);
    if (newHost && secret.isEmpty())
        return printError(QStringLiteral("the server changes from %1 to %2: give the API key for the new server on "
                                         "standard input or with --secret-env")
                              .arg(account->baseUrl.host(), changed.baseUrl.host()),
                          Usage);
    auto slot = AccountSecrets(session->database()).slot(changed);
    if (!slot)
        return printError(slot.error());
    if (!secret.isEmpty() && !SecretStore::keychainAvailable()) {
        // Nothing stored here could follow the account to its new host: its key comes from the environment.
        printError(
            QStringLiteral("warning: no keychain to keep the API key; sync reads it from %1").arg(slot->variable), Ok);
    } else if (!secret.isEmpty()) {
        // A key that cannot replace the stored one would leave that one to be sent to the new host.
        if (auto stored = SecretStore::write(*slot, secret); !stored)
            return printError(
                QStringLiteral("the API key cannot be stored (%1); nothing changed").arg(stored.error().detail));
    }
    if (auto ok = accounts.update(changed); !ok)
        return printError(ok.error());
    printLine(QStringLiteral("Account '%1' now at %2.").arg(name, changed.baseUrl.toString()));
    return Ok;
}

} // namespace

int runAccount(const QStringList& args)
{
    const QString action = args.value(1);
    // The sub-command's own arguments, named as one verb so its usage reads "roster account add".
    QStringList rest = args.mid(1);
    if (!rest.isEmpty())
        rest[0] = QStringLiteral("account ") + action;
    if (action == QLatin1String("add"))
        return add(rest);
    if (action == QLatin1String("list"))
        return list(rest);
    if (action == QLatin1String("remove"))
        return remove(rest);
    if (action == QLatin1String("update"))
        return update(rest);
    return printError(
        QStringLiteral("usage: roster account add|list|update|remove --db PATH ... (roster account add --help)"),
        Usage);
}

} // namespace roster::cli
