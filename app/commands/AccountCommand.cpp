#include "AccountCommand.h"

#include "CommandSupport.h"
#include "store/AccountStore.h"
#include "sync/Provider.h"
#include "sync/SecretStore.h"
#include "sync/SyncSetup.h"
#include "sync/UrlPolicy.h"
#include "sync/getsales/GetSalesProvider.h"
#include "sync/highlevel/HighLevelProvider.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>

namespace roster::cli {

namespace {

// Options an adapter cannot work without: refused at `account add` rather than at the first sync.
QString requiredOption(const QString& provider)
{
    if (provider == QLatin1String("getsales"))
        return GetSalesProvider::listUuidOption();
    if (provider == QLatin1String("highlevel"))
        return HighLevelProvider::locationIdOption();
    return {};
}

// The whole of standard input, without the line break a shell adds. Never echoed anywhere.
QString readSecretFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(in.readAll()).trimmed();
}

int add(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("provider"), QStringLiteral("lemlist, getsales, highlevel or monaco."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("name"), QStringLiteral("The account's name (unique)."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("base-url"),
                      QStringLiteral("The API's URL, path prefix included (default: the "
                                     "service's own)."),
                      QStringLiteral("url")});
    parser.addOption({QStringLiteral("option"),
                      QStringLiteral("A provider option (GetSales list_uuid, HighLevel location_id) or sync option "
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
    const QString required = requiredOption(account.provider);
    if (!required.isEmpty() && account.options.value(required).isEmpty())
        return printError(QStringLiteral("a %1 account needs --option %2=...").arg(account.provider, required), Usage);

    QString secret;
    if (parser.isSet(QStringLiteral("secret-env"))) {
        const QString variable = parser.value(QStringLiteral("secret-env"));
        secret = qEnvironmentVariable(variable.toLocal8Bit().constData());
        if (secret.isEmpty())
            return printError(QStringLiteral("the environment variable %1 is empty or not set").arg(variable), Usage);
    } else {
        secret = readSecretFromStdin();
    }

    auto session = openSession(parser);
    if (!session)
        return printError(session.error());
    AccountStore accounts((*session)->database());
    if (auto id = accounts.add(account); !id)
        return printError(id.error());
    const QString variable = SecretStore::environmentName(account.name);
    printLine(
        QStringLiteral("Added %1 account '%2' at %3.").arg(account.provider, account.name, account.baseUrl.toString()));
    if (secret.isEmpty()) {
        printLine(QStringLiteral("No API key given: sync reads it from %1.").arg(variable));
        return Ok;
    }
    if (auto stored = SecretStore::write(account.name, secret); !stored) {
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
        QJsonArray array;
        for (const AccountRecord& a : std::as_const(*accounts)) {
            QJsonObject options;
            for (auto it = a.options.cbegin(); it != a.options.cend(); ++it)
                options.insert(it.key(), it.value());
            const QString variable = SecretStore::environmentName(a.name);
            array << QJsonObject {
                {QStringLiteral("name"), a.name},
                {QStringLiteral("provider"), a.provider},
                {QStringLiteral("base_url"), a.baseUrl.toString()},
                {QStringLiteral("options"), options},
                {QStringLiteral("conflict_policy"), a.conflictPolicy},
                {QStringLiteral("created_at"), a.createdAt.toString(Qt::ISODateWithMs)},
                {QStringLiteral("secret_env"), variable},
                {QStringLiteral("secret_in_env"), !qEnvironmentVariableIsEmpty(variable.toLatin1().constData())}};
        }
        printJson(QJsonDocument(QJsonObject {{QStringLiteral("accounts"), array}}));
        return Ok;
    }
    for (const AccountRecord& a : std::as_const(*accounts))
        printLine(QStringLiteral("%1\t%2\t%3").arg(a.name, a.provider, a.baseUrl.toString()));
    return Ok;
}

int remove(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("name"), QStringLiteral("The account to remove."), QStringLiteral("name")});
    int exitCode = Ok;
    if (!parse(parser, args, QStringLiteral("Remove a CRM account, its links and its key."), &exitCode))
        return exitCode;
    const QString name = parser.value(QStringLiteral("name"));
    if (name.isEmpty())
        return printError(QStringLiteral("--name is required"), Usage);
    auto session = openSession(parser);
    if (!session)
        return printError(session.error());
    if (auto ok = AccountStore((*session)->database()).remove(name); !ok)
        return printError(ok.error());
    if (auto ok = SecretStore::remove(name); !ok)
        printError(QStringLiteral("warning: %1").arg(ok.error().detail), Ok);
    printLine(QStringLiteral("Removed account '%1'.").arg(name));
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
    return printError(QStringLiteral("usage: roster account add|list|remove --db PATH ... (roster account add --help)"),
                      Usage);
}

} // namespace roster::cli
