#include "ConflictsCommand.h"

#include "CommandSupport.h"
#include "store/AccountStore.h"
#include "store/SyncConflictStore.h"
#include "sync/ConflictResolver.h"
#include "sync/FieldValues.h"

#include <QJsonArray>
#include <QJsonObject>

namespace roster::cli {

namespace {

QString shown(const QJsonValue& value)
{
    return value.isNull() ? QStringLiteral("(empty)")
                          : QLatin1Char('"') + FieldValues::display(value) + QLatin1Char('"');
}

} // namespace

int runConflicts(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("account"), QStringLiteral("Only this account's conflicts."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the conflicts as JSON.")});
    int exitCode = Ok;
    if (!parse(parser, args, QStringLiteral("List the fields both sides changed since the last sync."), &exitCode))
        return exitCode;
    auto session = openSession(parser);
    if (!session)
        return printError(session.error());
    AccountStore accounts((*session)->database());
    auto all = accounts.list();
    if (!all)
        return printError(all.error());
    QHash<qint64, QString> accountNames;
    qint64 accountId = 0;
    for (const AccountRecord& a : std::as_const(*all)) {
        accountNames.insert(a.id, a.name);
        if (a.name == parser.value(QStringLiteral("account")))
            accountId = a.id;
    }
    if (parser.isSet(QStringLiteral("account")) && accountId == 0)
        return printError(QStringLiteral("no account named '%1'").arg(parser.value(QStringLiteral("account"))));
    auto open = SyncConflictStore((*session)->database()).open(accountId);
    if (!open)
        return printError(open.error());
    QJsonArray list;
    for (const SyncConflict& c : std::as_const(*open)) {
        const auto contact = (*session)->contacts().contact(c.contactId);
        const QString name = contact ? contact->displayName() : QString();
        if (parser.isSet(QStringLiteral("json"))) {
            list << QJsonObject {{QStringLiteral("id"), c.id},
                                 {QStringLiteral("contact_id"), c.contactId},
                                 {QStringLiteral("contact"), name},
                                 {QStringLiteral("account"), accountNames.value(c.accountId)},
                                 {QStringLiteral("field"), c.field},
                                 {QStringLiteral("base"), c.base},
                                 {QStringLiteral("local"), c.local},
                                 {QStringLiteral("remote"), c.remote},
                                 {QStringLiteral("found_at"), c.foundAt.toString(Qt::ISODateWithMs)}};
        } else {
            printLine(
                QStringLiteral("#%1 %2 (contact %3, %4) %5: was %6, here %7, there %8")
                    .arg(c.id)
                    .arg(name)
                    .arg(c.contactId)
                    .arg(accountNames.value(c.accountId), c.field, shown(c.base), shown(c.local), shown(c.remote)));
        }
    }
    auto deletions = SyncConflictStore((*session)->database()).pendingDeletions(accountId);
    if (!deletions)
        return printError(deletions.error());
    QJsonArray deletionList;
    for (const RemoteDeletion& d : std::as_const(*deletions)) {
        const auto contact = (*session)->contacts().contact(d.contactId);
        const QString name = contact ? contact->displayName() : QString();
        if (parser.isSet(QStringLiteral("json"))) {
            deletionList << QJsonObject {{QStringLiteral("id"), d.id},
                                         {QStringLiteral("contact_id"), d.contactId},
                                         {QStringLiteral("contact"), name},
                                         {QStringLiteral("account"), accountNames.value(d.accountId)},
                                         {QStringLiteral("remote_id"), d.remoteId},
                                         {QStringLiteral("found_at"), d.foundAt.toString(Qt::ISODateWithMs)}};
        } else {
            printLine(QStringLiteral("deletion #%1 %2 (contact %3, %4): deleted on the CRM (record %5)")
                          .arg(d.id)
                          .arg(name)
                          .arg(d.contactId)
                          .arg(accountNames.value(d.accountId), d.remoteId));
        }
    }
    if (parser.isSet(QStringLiteral("json")))
        printJson(QJsonDocument(
            QJsonObject {{QStringLiteral("conflicts"), list}, {QStringLiteral("deletions"), deletionList}}));
    else if (open->isEmpty() && deletions->isEmpty())
        printLine(QStringLiteral("No open conflicts."));
    return Ok;
}

int runResolve(const QStringList& args)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("conflict"), QStringLiteral("The conflict's id (see `roster conflicts`)."),
                      QStringLiteral("id")});
    parser.addOption({QStringLiteral("deletion"),
                      QStringLiteral("A pending remote deletion's id instead: --keep remote deletes the contact "
                                     "here too, --keep local sends it to the CRM again."),
                      QStringLiteral("id")});
    parser.addOption(
        {QStringLiteral("keep"), QStringLiteral("Which value to keep: local or remote."), QStringLiteral("side")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print the result as JSON.")});
    int exitCode = Ok;
    if (!parse(parser, args, QStringLiteral("Settle a conflict; the next sync carries the kept value across."),
               &exitCode))
        return exitCode;
    const bool deletion = parser.isSet(QStringLiteral("deletion"));
    if (deletion == parser.isSet(QStringLiteral("conflict")))
        return printError(QStringLiteral("give either --conflict or --deletion"), Usage);
    bool isNumber = false;
    const qint64 id
        = parser.value(deletion ? QStringLiteral("deletion") : QStringLiteral("conflict")).toLongLong(&isNumber);
    if (!isNumber || id <= 0)
        return printError(QStringLiteral("--conflict and --deletion take an id"), Usage);
    const QString keep = parser.value(QStringLiteral("keep"));
    if (keep != QLatin1String("local") && keep != QLatin1String("remote"))
        return printError(QStringLiteral("--keep takes local or remote"), Usage);
    auto session = openSession(parser);
    if (!session)
        return printError(session.error());
    ConflictResolver resolver(**session);
    if (auto ok = deletion ? resolver.settleDeletion(id, keep) : resolver.resolve(id, keep); !ok)
        return printError(ok.error());
    if (parser.isSet(QStringLiteral("json")))
        printJson(QJsonDocument(QJsonObject {{deletion ? QStringLiteral("deletion") : QStringLiteral("conflict"), id},
                                             {QStringLiteral("kept"), keep}}));
    else if (deletion)
        printLine(keep == QLatin1String("remote")
                      ? QStringLiteral("Deletion %1 accepted: the contact is deleted here too (undoable).").arg(id)
                      : QStringLiteral("Deletion %1 dismissed: the next sync sends the contact again.").arg(id));
    else
        printLine(QStringLiteral("Conflict %1 resolved: kept the %2 value; the next sync carries it across.")
                      .arg(id)
                      .arg(keep));
    return Ok;
}

} // namespace roster::cli
