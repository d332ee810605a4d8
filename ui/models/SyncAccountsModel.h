#pragma once

#include "store/AccountRecord.h"
#include "store/SyncLease.h"
#include "store/SyncRunLog.h"
#include "sync/SyncCoordinator.h"

#include <QAbstractTableModel>

namespace roster {

// The CRM accounts of the sync panel, one row each: name, service, state, the running sync's progress
// (drawn as a bar by SyncProgressDelegate) and the last sync.
// Last sync is the last run that completed (a failed or cancelled one does not count): "Today 14:02" for
// today's, the short date and time otherwise. After a run, the progress column keeps what it did.
class SyncAccountsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncAccountsModel)

public:
    enum Column { NameColumn, ProviderColumn, StateColumn, LastSyncColumn, ProgressColumn, ColumnCount };
    enum Role {
        AccountIdRole = Qt::UserRole + 1,
        RunningRole, // bool
        DoneRole, // qint64
        TotalRole, // qint64, -1 unknown
    };

    explicit SyncAccountsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the rows; `lastRuns` by account id (missing: never synced), `lastCompleted` the newest run of
    // each that completed (missing: never in sync).
    void setAccounts(const QList<AccountRecord>& accounts, const QHash<qint64, SyncRunLog::Run>& lastRuns,
                     const QHash<qint64, SyncRunLog::Run>& lastCompleted = {});
    const AccountRecord& account(int row) const { return m_rows.at(row).account; }
    QList<AccountRecord> accounts() const;
    int rowOf(qint64 accountId) const;

    void setRunning(qint64 accountId);
    void setProgress(qint64 accountId, const SyncProgress& progress);
    // The run has ended: its report, and the run as the log now has it. A report of a run that did not
    // start because another process syncs the account only marks the account as running elsewhere.
    void setFinished(qint64 accountId, const SyncReport& report, const SyncRunLog::Run& run);
    // The accounts another process is syncing now (the others are not); returns those that were and are
    // no longer, whose last run the caller should read again.
    QList<qint64> setRunningElsewhere(const QHash<qint64, SyncLease::Holder>& holders);
    bool isRunningElsewhere(qint64 accountId) const;

    static QString providerName(const QString& provider);
    // Records held back by a guard (code NeedsConfirmation) in a report; 0 for a dry run.
    static int heldCount(const SyncReport& report);
    static QString durationText(qint64 ms);
    static QString lastSyncText(const QDateTime& when);
    // What a run did: "12 sent, 3 received, 1 conflict, 2 errors" (conflicts and errors only when there are
    // some), or why it did not complete.
    static QString resultText(const SyncReport& report);
    // "Running elsewhere (process 1234, since 14:02)".
    static QString runningElsewhereText(const SyncLease::Holder& holder);
    QString progressText(int row) const;

private:
    struct Row
    {
        AccountRecord account;
        SyncRunLog::Run lastRun;
        bool running = false;
        SyncProgress progress;
        int errors = 0; // of the last run
        int held = 0; // records the last run's guards held back until confirmed
        QString failure; // why the last run stopped, shown as the state's tooltip
        QString result; // what the run of this session did (resultText)
        QDateTime lastCompleted; // of the newest run that completed
        std::optional<SyncLease::Holder> elsewhere; // another process syncs the account
    };

    QString stateText(const Row& row) const;
    void changed(int row);

    QList<Row> m_rows;
};

} // namespace roster
