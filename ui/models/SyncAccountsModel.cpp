#include "SyncAccountsModel.h"

#include "sync/ProviderCatalog.h"

#include <QLocale>

#include <algorithm>

namespace roster {

SyncAccountsModel::SyncAccountsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int SyncAccountsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SyncAccountsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SyncAccountsModel::providerName(const QString& provider)
{
    const ProviderDescriptor* d = ProviderCatalog::find(provider);
    return d ? d->displayName() : provider;
}

QString SyncAccountsModel::durationText(qint64 ms)
{
    if (ms < 0)
        return {};
    const qint64 seconds = (ms + 999) / 1000;
    // Short, to sit beside the bar. English has no .qm: singular and plural are two source strings.
    if (seconds < 60)
        return tr("%Ln s left", nullptr, static_cast<int>(std::max<qint64>(1, seconds)));
    const int minutes = static_cast<int>((seconds + 59) / 60);
    if (minutes < 120)
        return tr("%Ln min left", nullptr, minutes);
    return tr("%Ln h left", nullptr, (minutes + 59) / 60);
}

QString SyncAccountsModel::lastSyncText(const QDateTime& when)
{
    const QLocale locale;
    if (when.date() == QDate::currentDate())
        return tr("Today %1").arg(locale.toString(when.time(), QLocale::ShortFormat));
    return locale.toString(when, QLocale::ShortFormat);
}

QString SyncAccountsModel::runningElsewhereText(const SyncLease::Holder& holder)
{
    const QDateTime started = holder.startedAt.toLocalTime();
    const QLocale locale;
    const QString since = started.date() == QDate::currentDate() ? locale.toString(started.time(), QLocale::ShortFormat)
                                                                 : locale.toString(started, QLocale::ShortFormat);
    if (holder.onThisHost())
        return tr("Running elsewhere (process %1, since %2)").arg(holder.pid).arg(since);
    return tr("Running elsewhere (process %1 on %2, since %3)").arg(holder.pid).arg(holder.host, since);
}

QString SyncAccountsModel::resultText(const SyncReport& report)
{
    if (report.state == QLatin1String("cancelled"))
        return tr("Cancelled");
    if (report.fatal || report.state == QLatin1String("failed"))
        return tr("Failed: %1")
            .arg(report.fatal ? (report.fatal->detail.isEmpty() ? report.fatal->toString() : report.fatal->detail)
                              : tr("the sync stopped"));
    // English has no .qm: where the words differ, singular and plural are two source strings.
    const int sent = report.pushed.created + report.pushed.updated;
    const int received = report.pulled.created + report.pulled.updated;
    const int errors = static_cast<int>(report.errors.size());
    QStringList parts;
    parts << tr("%Ln sent", nullptr, sent) << tr("%Ln received", nullptr, received);
    if (report.conflicts == 1)
        parts << tr("%Ln conflict", nullptr, 1);
    else if (report.conflicts > 1)
        parts << tr("%Ln conflicts", nullptr, report.conflicts);
    if (errors == 1)
        parts << tr("%Ln error", nullptr, 1);
    else if (errors > 1)
        parts << tr("%Ln errors", nullptr, errors);
    return parts.join(tr(", "));
}

QString SyncAccountsModel::progressText(int row) const
{
    const Row& r = m_rows.at(row);
    if (!r.running)
        return r.result;
    const SyncProgress& p = r.progress;
    const QLocale locale;
    QString what;
    if (p.phase == QLatin1String("push"))
        what = p.total >= 0 ? tr("%1 of %2 sent").arg(locale.toString(p.done), locale.toString(p.total))
                            : tr("%1 sent").arg(locale.toString(p.done));
    else if (p.phase == QLatin1String("pull"))
        what = p.total >= 0 ? tr("%1 of %2 received").arg(locale.toString(p.done), locale.toString(p.total))
                            : tr("%1 received").arg(locale.toString(p.done));
    else if (p.phase == QLatin1String("delete"))
        what = p.total >= 0 ? tr("%1 of %2 deleted").arg(locale.toString(p.done), locale.toString(p.total))
                            : tr("%1 deleted").arg(locale.toString(p.done));
    else
        return tr("Connecting…");
    const QString left = durationText(p.etaMs);
    return left.isEmpty() ? what : tr("%1 · %2").arg(what, left);
}

int SyncAccountsModel::heldCount(const SyncReport& report)
{
    if (report.dryRun)
        return 0;
    return static_cast<int>(std::count_if(report.skipped.cbegin(), report.skipped.cend(), [](const auto& issue) {
        return issue.code == ErrorCode::NeedsConfirmation;
    }));
}

QString SyncAccountsModel::stateText(const Row& row) const
{
    if (row.running)
        return tr("Syncing…");
    if (row.elsewhere)
        return runningElsewhereText(*row.elsewhere);
    const QString& state = row.lastRun.state;
    if (row.lastRun.id == 0)
        return tr("Never synced");
    if (state == QLatin1String("running"))
        return tr("Interrupted");
    if (state == QLatin1String("cancelled"))
        return tr("Cancelled");
    if (state == QLatin1String("failed"))
        return tr("Failed");
    const int errors = std::max(row.errors, static_cast<int>(row.lastRun.totals.failed));
    if (errors == 1)
        return tr("%Ln error", nullptr, 1);
    if (errors > 1)
        return tr("%Ln errors", nullptr, errors);
    if (row.held > 0)
        return tr("Waiting for confirmation");
    return tr("Up to date");
}

QVariant SyncAccountsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    switch (role) {
    case AccountIdRole:
        return row.account.id;
    case RunningRole:
        return row.running;
    case DoneRole:
        return row.progress.done;
    case TotalRole:
        return row.progress.total;
    case Qt::ToolTipRole:
        if (index.column() == StateColumn && row.elsewhere && !row.running)
            return tr("Another Roster window or a roster sync command is syncing this account; Sync Now "
                      "leaves it alone until that run ends.");
        if (index.column() == StateColumn && !row.failure.isEmpty())
            return row.failure;
        if (index.column() == NameColumn)
            return tr("%1 (%2)").arg(row.account.name, row.account.baseUrl.toDisplayString(QUrl::RemoveUserInfo));
        if (index.column() == ProgressColumn)
            return progressText(index.row());
        break;
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return row.account.name;
        case ProviderColumn:
            return providerName(row.account.provider);
        case StateColumn:
            return stateText(row);
        case ProgressColumn:
            return progressText(index.row());
        case LastSyncColumn:
            if (!row.lastCompleted.isValid())
                return tr("Never");
            return lastSyncText(row.lastCompleted.toLocalTime());
        default:
            break;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant SyncAccountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Account");
    case ProviderColumn:
        return tr("Service");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case LastSyncColumn:
        return tr("Last sync");
    default:
        return {};
    }
}

void SyncAccountsModel::setAccounts(const QList<AccountRecord>& accounts,
                                    const QHash<qint64, SyncRunLog::Run>& lastRuns,
                                    const QHash<qint64, SyncRunLog::Run>& lastCompleted)
{
    // Keep what is known of running syncs across a reload (an account edited while another syncs).
    QHash<qint64, Row> previous;
    for (const Row& row : std::as_const(m_rows))
        previous.insert(row.account.id, row);
    beginResetModel();
    m_rows.clear();
    for (const AccountRecord& account : accounts) {
        Row row = previous.value(account.id);
        row.account = account;
        if (!row.running) {
            row.lastRun = lastRuns.value(account.id);
            const SyncRunLog::Run completed = lastCompleted.value(account.id);
            row.lastCompleted = completed.finishedAt.isValid() ? completed.finishedAt : completed.startedAt;
        }
        m_rows << row;
    }
    endResetModel();
}

QList<AccountRecord> SyncAccountsModel::accounts() const
{
    QList<AccountRecord> list;
    for (const Row& row : m_rows)
        list << row.account;
    return list;
}

int SyncAccountsModel::rowOf(qint64 accountId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).account.id == accountId)
            return i;
    }
    return -1;
}

void SyncAccountsModel::changed(int row)
{
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SyncAccountsModel::setRunning(qint64 accountId)
{
    const int row = rowOf(accountId);
    if (row < 0)
        return;
    m_rows[row].running = true;
    m_rows[row].progress = SyncProgress {QStringLiteral("connect"), 0, -1, -1};
    m_rows[row].failure.clear();
    changed(row);
}

void SyncAccountsModel::setProgress(qint64 accountId, const SyncProgress& progress)
{
    const int row = rowOf(accountId);
    if (row < 0)
        return;
    m_rows[row].running = true;
    m_rows[row].progress = progress;
    changed(row);
}

void SyncAccountsModel::setFinished(qint64 accountId, const SyncReport& report, const SyncRunLog::Run& run)
{
    const int row = rowOf(accountId);
    if (row < 0)
        return;
    Row& r = m_rows[row];
    r.running = false;
    r.progress = {};
    if (report.runningElsewhere) {
        // This run did nothing: what the account showed of its last run stays.
        r.elsewhere = report.runningElsewhere;
        changed(row);
        return;
    }
    r.elsewhere.reset();
    r.lastRun = run;
    r.result = resultText(report);
    // A run that failed or was cancelled leaves the account as in sync as it was.
    if (run.id > 0 && SyncRunLog::completed(run.state) && !report.fatal)
        r.lastCompleted = run.finishedAt.isValid() ? run.finishedAt : run.startedAt;
    r.errors = static_cast<int>(report.errors.size());
    r.held = heldCount(report);
    r.failure
        = report.fatal ? (report.fatal->detail.isEmpty() ? report.fatal->toString() : report.fatal->detail) : QString();
    changed(row);
}

QList<qint64> SyncAccountsModel::setRunningElsewhere(const QHash<qint64, SyncLease::Holder>& holders)
{
    QList<qint64> ended;
    for (int row = 0; row < m_rows.size(); ++row) {
        Row& r = m_rows[row];
        const auto holder = holders.constFind(r.account.id);
        if (holder != holders.constEnd()) {
            if (r.elsewhere && r.elsewhere->pid == holder->pid && r.elsewhere->startedAt == holder->startedAt)
                continue;
            r.elsewhere = *holder;
        } else if (r.elsewhere) {
            r.elsewhere.reset();
            ended << r.account.id;
        } else {
            continue;
        }
        changed(row);
    }
    return ended;
}

bool SyncAccountsModel::isRunningElsewhere(qint64 accountId) const
{
    const int row = rowOf(accountId);
    return row >= 0 && m_rows.at(row).elsewhere.has_value();
}

} // namespace roster
