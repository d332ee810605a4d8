#include "FieldCommand.h"

#include "CommandSupport.h"

#include <QJsonArray>
#include <QJsonObject>

namespace roster::cli {

int runField(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("add or list"));
    parser.addOption({QStringLiteral("key"), QStringLiteral("The custom field's key."), QStringLiteral("key")});
    parser.addOption({QStringLiteral("label"), QStringLiteral("Its label."), QStringLiteral("text")});
    parser.addOption({QStringLiteral("type"), QStringLiteral("text, number, boolean or date (default text)."),
                      QStringLiteral("type"), QStringLiteral("text")});
    int exitCode = Ok;
    if (!parse(parser, args, QStringLiteral("Manage the custom field registry."), &exitCode))
        return exitCode;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (action != QLatin1String("add") && action != QLatin1String("list"))
        return printError(QStringLiteral("say 'field add' or 'field list'"), Usage);
    if (action == QLatin1String("add") && parser.value(QStringLiteral("key")).isEmpty())
        return printError(QStringLiteral("field add needs --key"), Usage);
    auto session = openSession(parser);
    if (!session)
        return printError(session.error());
    CustomFieldRegistry& registry = (*session)->engine().customFields();
    if (action == QLatin1String("add")) {
        if (auto ok = registry.add({parser.value(QStringLiteral("key")), parser.value(QStringLiteral("label")),
                                    parser.value(QStringLiteral("type"))});
            !ok)
            return printError(ok.error());
        return Ok;
    }
    QJsonArray list;
    for (const CustomFieldDefinition& def : registry.all())
        list.append(QJsonObject {{QStringLiteral("key"), def.key},
                                 {QStringLiteral("label"), def.label},
                                 {QStringLiteral("type"), def.type}});
    printJson(QJsonDocument(list));
    return Ok;
}

} // namespace roster::cli
