#include "SyncReport.h"

#include <QJsonArray>

namespace roster {

QJsonObject SyncReport::Counts::toJson() const
{
    return {{QStringLiteral("created"), created},
            {QStringLiteral("updated"), updated},
            {QStringLiteral("unchanged"), unchanged},
            {QStringLiteral("failed"), failed}};
}

QJsonObject SyncReport::Issue::toJson() const
{
    return {{QStringLiteral("contact_id"), contactId > 0 ? QJsonValue(contactId) : QJsonValue()},
            {QStringLiteral("remote_id"), remoteId.isEmpty() ? QJsonValue() : QJsonValue(remoteId)},
            {QStringLiteral("code"), errorCodeName(code)},
            {QStringLiteral("message"), message}};
}

QJsonObject SyncReport::PlanEntry::toJson() const
{
    QJsonArray list;
    for (const PlannedChange& change : changes) {
        list << QJsonObject {{QStringLiteral("field"), change.field},
                             {QStringLiteral("before"), change.before},
                             {QStringLiteral("after"), change.after}};
    }
    return {{QStringLiteral("contact_id"), contactId > 0 ? QJsonValue(contactId) : QJsonValue()},
            {QStringLiteral("remote_id"), remoteId.isEmpty() ? QJsonValue() : QJsonValue(remoteId)},
            {QStringLiteral("direction"), direction},
            {QStringLiteral("action"), action},
            {QStringLiteral("changes"), list}};
}

void SyncReport::addError(qint64 contactId, const QString& remoteId, const Error& error)
{
    errors << Issue {contactId, remoteId, error.code, error.detail.isEmpty() ? error.toString() : error.detail};
}

void SyncReport::addWarning(qint64 contactId, const QString& remoteId, const Error& warning)
{
    // The field leads the message: Issue has no field of its own, and "tags: ..." says what was left out.
    const QString text = warning.detail.isEmpty() ? warning.toString() : warning.detail;
    warnings << Issue {contactId, remoteId, warning.code,
                       warning.field.isEmpty() ? text : warning.field + QStringLiteral(": ") + text};
}

void SyncReport::refuse(const Error& why, const SyncLease::Holder& holder)
{
    fatal = why;
    runningElsewhere = holder;
    state = runningElsewhereState();
    addError(0, {}, why);
}

QJsonObject SyncReport::toJson() const
{
    QJsonArray skippedArray;
    for (const Issue& issue : skipped)
        skippedArray << issue.toJson();
    QJsonArray errorArray;
    for (const Issue& issue : errors)
        errorArray << issue.toJson();
    QJsonArray warningArray;
    for (const Issue& issue : warnings)
        warningArray << issue.toJson();
    QJsonObject object {{QStringLiteral("account"), account},
                        {QStringLiteral("provider"), provider},
                        {QStringLiteral("run_id"), runId},
                        {QStringLiteral("state"), state},
                        {QStringLiteral("pushed"), pushed.toJson()},
                        {QStringLiteral("pulled"), pulled.toJson()},
                        {QStringLiteral("skipped"), skipped.size()},
                        {QStringLiteral("skipped_records"), skippedArray},
                        {QStringLiteral("errors"), errorArray},
                        {QStringLiteral("warnings"), warningArray},
                        {QStringLiteral("requests"), transport.requests},
                        {QStringLiteral("retries"), transport.retries},
                        {QStringLiteral("rate_limited"), transport.rateLimited},
                        {QStringLiteral("conflicts"), conflicts},
                        {QStringLiteral("remote_deletions"), remoteDeletions},
                        {QStringLiteral("deleted_remotely"), pushedDeletions},
                        {QStringLiteral("incremental"), incremental},
                        {QStringLiteral("dry_run"), dryRun},
                        {QStringLiteral("waited_ms"), waitedMs}};
    if (dryRun) {
        QJsonArray planArray;
        for (const PlanEntry& entry : plan)
            planArray << entry.toJson();
        object.insert(QStringLiteral("plan"), planArray);
    }
    if (fatal) {
        object.insert(
            QStringLiteral("error"),
            QJsonObject {{QStringLiteral("code"), errorCodeName(fatal->code)},
                         {QStringLiteral("message"), fatal->detail.isEmpty() ? fatal->toString() : fatal->detail}});
    }
    if (runningElsewhere) {
        object.insert(QStringLiteral("running_elsewhere"),
                      QJsonObject {{QStringLiteral("pid"), runningElsewhere->pid},
                                   {QStringLiteral("host"), runningElsewhere->host},
                                   {QStringLiteral("started_at"),
                                    runningElsewhere->startedAt.toUTC().toString(Qt::ISODateWithMs)}});
    }
    return object;
}

} // namespace roster
