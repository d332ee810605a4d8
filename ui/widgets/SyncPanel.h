#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;
class QTimer;

namespace roster {

class AccountDialog;
class BackgroundSync;
class ConflictInbox;
class StoreSession;
class SyncAccountsModel;
class SyncConflictsModel;
class SyncErrorsModel;
class SyncHistoryChart;
struct SyncReport;

// The sync panel: the CRM accounts with their state, progress (time left from each service's rate limit)
// and last sync; Sync Now for all accounts both ways, Cancel; the records that failed, with Retry; the
// conflict inbox; the history of runs as a chart; and adding, editing and removing accounts. All accounts
// sync at once on a worker thread (BackgroundSync), so the window stays live. An account another process
// syncs (a `roster sync` from cron, another window) shows "Running elsewhere" and is left alone.
class SyncPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncPanel)

public:
    explicit SyncPanel(StoreSession& session, QWidget* parent = nullptr);
    ~SyncPanel() override;

    // False when there is no account or a sync runs already.
    bool syncNow();
    void cancel();
    // Syncs again the accounts of the selected errors (all accounts with errors when none is selected).
    bool retry();
    // Runs again, confirmed, the account whose held-back records the banner shows (the guards against a
    // mass overwrite or a remote delete let them go). False when none waits.
    bool sendHeld();
    // The account the held-records banner is about (0 when none waits).
    qint64 heldAccountId() const { return m_heldAccount; }
    // "local" or "remote", for the selected conflicts. False when nothing was settled.
    bool resolveSelected(const QString& keep);
    // The dialogs open window-modal and delete themselves; returned for tests and screenshots.
    AccountDialog* addAccount();
    AccountDialog* editAccount();
    void removeAccount();
    // Reads accounts, last runs, errors, conflicts and history again.
    void reload();
    // Asks which accounts another process syncs now (every few seconds while the panel shows).
    void refreshRunningElsewhere();
    bool isSyncing() const;
    // The line above the accounts: the state, or what the last Sync Now did.
    QString summaryText() const;

    BackgroundSync* coordinator() const { return m_coordinator; }
    SyncAccountsModel* accountsModel() const { return m_accounts; }
    SyncErrorsModel* errorsModel() const { return m_errors; }
    SyncConflictsModel* conflictsModel() const;
    SyncHistoryChart* historyChart() const { return m_chart; }
    QTableView* accountsView() const { return m_accountsView; }
    QTableView* errorsView() const { return m_errorsView; }
    // Records sent without part of them in the last run of each account (not failures).
    SyncErrorsModel* warningsModel() const { return m_warnings; }
    QTableView* warningsView() const { return m_warningsView; }
    QTableView* conflictsView() const;
    QTabWidget* tabs() const { return m_tabs; }

signals:
    // A pull or a resolved conflict changed contacts: the window should read them again.
    void contactsChanged();
    void syncingChanged(bool syncing);
    // Double-click on an error or a conflict: the window opens that contact.
    void openContactRequested(qint64 contactId);

private:
    QWidget* createErrorsPage();
    QWidget* createWarningsPage();
    void onFinished(qint64 accountId, const SyncReport& report);
    void reloadErrors(qint64 accountId, const QString& name, qint64 runId);
    void reloadConflicts();
    void reloadHistory();
    void updateButtons();
    void updateTabTitles();
    void updateHeldBanner();
    qint64 selectedAccountId() const;
    void showSessionKeyNote(qint64 accountId, const QString& variable);
    static QString noAccountText();
    static QString readyText(int accounts);

    StoreSession& m_session;
    BackgroundSync* m_coordinator;
    SyncAccountsModel* m_accounts;
    SyncErrorsModel* m_errors;
    QTableView* m_accountsView;
    QTableView* m_errorsView;
    ConflictInbox* m_inbox;
    SyncHistoryChart* m_chart;
    QTabWidget* m_tabs;
    QLabel* m_summary;
    QPushButton* m_syncNow;
    QPushButton* m_cancel;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_remove;
    QPushButton* m_retry;
    QLabel* m_errorsHint = nullptr;
    QPushButton* m_showMoreErrors = nullptr;
    SyncErrorsModel* m_warnings = nullptr;
    QTableView* m_warningsView = nullptr;
    QLabel* m_warningsHint = nullptr;
    QWidget* m_heldBanner = nullptr;
    QLabel* m_heldText = nullptr;
    QPushButton* m_sendHeld = nullptr;
    struct Held
    {
        int overwrites = 0;
        int deletions = 0;
    };
    QHash<qint64, Held> m_held; // per account: what its last run's guards held back
    qint64 m_heldAccount = 0;
    int m_failedAccounts = 0; // in the current Sync Now
    int m_elsewhereAccounts = 0; // in the current Sync Now: not run, another process syncs them
    QHash<qint64, QString> m_results; // in the current Sync Now: "Sales: 12 sent, 3 received" per account that ran
    QTimer* m_elsewhereTimer = nullptr;
};

} // namespace roster
