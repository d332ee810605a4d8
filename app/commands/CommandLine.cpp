#include "CommandLine.h"

#include "AccountCommand.h"
#include "CommandSupport.h"
#include "ConfigCommand.h"
#include "ConflictsCommand.h"
#include "ExportCommand.h"
#include "FieldCommand.h"
#include "ImportCommand.h"
#include "SyncCommand.h"
#include "UndoCommand.h"
#include "UpsertCommand.h"

namespace roster::cli {

const QStringList& verbs()
{
    static const QStringList list {QStringLiteral("upsert"),  QStringLiteral("export"), QStringLiteral("undo"),
                                   QStringLiteral("redo"),    QStringLiteral("field"),  QStringLiteral("import"),
                                   QStringLiteral("account"), QStringLiteral("sync"),   QStringLiteral("conflicts"),
                                   QStringLiteral("resolve"), QStringLiteral("config")};
    return list;
}

bool isVerb(const QString& word)
{
    return verbs().contains(word);
}

int run(const QStringList& args)
{
    const QString verb = args.value(0);
    if (verb == QLatin1String("upsert"))
        return runUpsert(args);
    if (verb == QLatin1String("export"))
        return runExport(args);
    if (verb == QLatin1String("undo"))
        return runUndo(args, false);
    if (verb == QLatin1String("redo"))
        return runUndo(args, true);
    if (verb == QLatin1String("field"))
        return runField(args);
    if (verb == QLatin1String("import"))
        return runImport(args);
    if (verb == QLatin1String("account"))
        return runAccount(args);
    if (verb == QLatin1String("sync"))
        return runSync(args);
    if (verb == QLatin1String("conflicts"))
        return runConflicts(args);
    if (verb == QLatin1String("resolve"))
        return runResolve(args);
    if (verb == QLatin1String("config"))
        return runConfig(args);
    return printError(QStringLiteral("unknown command '%1' (commands: %2; roster alone opens the window)")
                          .arg(verb, verbs().join(QStringLiteral(", "))),
                      Usage);
}

} // namespace roster::cli
