#include "UndoCommand.h"

#include "CommandSupport.h"

#include <QJsonArray>
#include <QJsonObject>

namespace roster::cli {

int runUndo(const QStringList& args, bool redo)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
    int exitCode = Ok;
    const QString description = redo ? QStringLiteral("Redo the last undone operation.")
                                     : QStringLiteral("Undo the last operation (an edit, or a whole import).");
    if (!parse(parser, args, description, &exitCode))
        return exitCode;
    auto session = openSession(parser);
    if (!session)
        return printError(session.error());
    auto step = redo ? (*session)->undo().redo() : (*session)->undo().undo();
    if (!step)
        return printError(step.error());
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject report {{QStringLiteral("operation"), step->operationId},
                            {QStringLiteral("label"), step->label},
                            {QStringLiteral("changes"), step->changes},
                            {QStringLiteral("action"), redo ? QStringLiteral("redo") : QStringLiteral("undo")}};
        if (!step->contactsGone.isEmpty()) {
            QJsonArray gone;
            for (qint64 id : step->contactsGone)
                gone.append(id);
            report.insert(QStringLiteral("contacts_gone"), gone);
        }
        printJson(QJsonDocument(report));
    } else {
        printLine((redo ? QStringLiteral("Redone: %1 (%2 changes)") : QStringLiteral("Undone: %1 (%2 changes)"))
                      .arg(step->label)
                      .arg(step->changes));
        for (qint64 id : step->contactsGone)
            printLine(
                QStringLiteral("Skipped: contact %1 is no longer in the file (removed by another program)").arg(id));
    }
    return Ok;
}

} // namespace roster::cli
