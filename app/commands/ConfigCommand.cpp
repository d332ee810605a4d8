#include "ConfigCommand.h"

#include "CommandSupport.h"
#include "store/DatabaseConfig.h"

#include <QJsonArray>
#include <QJsonObject>

namespace roster::cli {

namespace {

QString usage()
{
    return QStringLiteral("usage: roster config list|get KEY|set KEY VALUE --db PATH (settings: %1)")
        .arg(DatabaseConfig::keys().join(QStringLiteral(", ")));
}

QString unknownKey(const QString& key)
{
    return QStringLiteral("unknown setting '%1' (settings: %2)")
        .arg(key, DatabaseConfig::keys().join(QStringLiteral(", ")));
}

QString describe()
{
    return QStringLiteral("The settings of a database, kept in the file so that the window, the commands, imports "
                          "and syncs agree. phone_region: the country (ISO 3166 code, like FR) whose national "
                          "numbers a phone without a country code is read as, or none; by default the system "
                          "locale's country.");
}

int list(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print [{key, value, default}] as JSON.")});
    int exitCode = Ok;
    if (!parse(parser, args, describe(), &exitCode))
        return exitCode;
    if (!parser.positionalArguments().isEmpty())
        return printError(usage(), Usage);
    auto session = openSession(parser);
    if (!session)
        return printError(session.error());
    const QVector<ConfigValue> values = DatabaseConfig((*session)->database()).list();
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const ConfigValue& value : values)
            array.append(QJsonObject {{QStringLiteral("key"), value.key},
                                      {QStringLiteral("value"), value.value},
                                      {QStringLiteral("default"), value.isDefault}});
        printJson(QJsonDocument(array));
        return Ok;
    }
    // One key=value line per setting; a value the database does not set (its default) says so after it.
    for (const ConfigValue& value : values)
        printLine(value.key + QLatin1Char('=') + value.value
                  + (value.isDefault ? QStringLiteral(" # default") : QString()));
    return Ok;
}

// The positional arguments of get and set: `count` of them, the first a known key. Ok, or the exit code
// after saying what is wrong.
int checkKeyArguments(const QStringList& positional, qsizetype count)
{
    if (positional.size() != count)
        return printError(usage(), Usage);
    if (!DatabaseConfig::keys().contains(positional.first()))
        return printError(unknownKey(positional.first()), Usage);
    return Ok;
}

int get(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("key"), QStringLiteral("The setting to print."));
    int exitCode = Ok;
    if (!parse(parser, args, describe(), &exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (const int bad = checkKeyArguments(positional, 1); bad != Ok)
        return bad;
    auto session = openSession(parser);
    if (!session)
        return printError(session.error());
    auto value = DatabaseConfig((*session)->database()).get(positional.first());
    if (!value)
        return printError(value.error());
    printLine(value->value);
    return Ok;
}

int set(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("key"), QStringLiteral("The setting to change."));
    parser.addPositionalArgument(QStringLiteral("value"), QStringLiteral("Its new value."));
    int exitCode = Ok;
    if (!parse(parser, args, describe(), &exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    if (const int bad = checkKeyArguments(positional, 2); bad != Ok)
        return bad;
    auto session = openSession(parser);
    if (!session)
        return printError(session.error());
    auto stored = DatabaseConfig((*session)->database()).set(positional.at(0), positional.at(1));
    if (!stored)
        return printError(stored.error());
    printLine(positional.first() + QLatin1Char('=') + *stored);
    return Ok;
}

} // namespace

int runConfig(const QStringList& args)
{
    const QString action = args.value(1);
    // The sub-command's own arguments, named as one verb so its usage reads "roster config set".
    QStringList rest = args.mid(1);
    if (!rest.isEmpty())
        rest[0] = QStringLiteral("config ") + action;
    if (action == QLatin1String("list"))
        return list(rest);
    if (action == QLatin1String("get"))
        return get(rest);
    if (action == QLatin1String("set"))
        return set(rest);
    if (action == QLatin1String("--help") || action == QLatin1String("-h")) {
        printLine(describe() + QLatin1Char('\n') + usage());
        return Ok;
    }
    return printError(
        action.isEmpty() ? usage() : QStringLiteral("unknown config command '%1'; %2").arg(action, usage()), Usage);
}

} // namespace roster::cli
