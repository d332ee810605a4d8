#include "SyncPanel.h"

#include "ConflictInbox.h"
#include "Icons.h"
#include "SyncHistoryChart.h"
#include "SyncProgressDelegate.h"
#include "dialogs/AccountDialog.h"
#include "models/SyncAccountsModel.h"
#include "models/SyncErrorsModel.h"
#include "store/AccountStore.h"
#include "store/StoreSession.h"
#include "store/SyncRunLog.h"
#include "sync/AccountSecrets.h"
#include "sync/BackgroundSync.h"
#include "sync/SecretStore.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPalette>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <climits>

namespace roster {

namespace {

QTableView* makeTable(QWidget* parent, const QString& name)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

constexpr int kHistoryRuns = 12;
// Warnings live in the run's report (memory), not in sync_errors, so they cannot be read a page at a time:
// the panel keeps the first ones and says how many there were. Errors are paged from the database.
constexpr int kMaxWarningsShown = 500;
constexpr int kWarningsTab = 3; // after Errors, Conflicts and History; shown only when there are some
// How often the panel asks whether another process syncs an account: one small read.
constexpr int kElsewhereRefreshMs = 5000;

} // namespace

SyncPanel::SyncPanel(StoreSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_coordinator(new BackgroundSync(session, this))
    , m_accounts(new SyncAccountsModel(this))
    , m_errors(new SyncErrorsModel(session, this))
    , m_accountsView(makeTable(this, QStringLiteral("syncAccountsTable")))
    , m_errorsView(makeTable(this, QStringLiteral("syncErrorsTable")))
    , m_inbox(new ConflictInbox(session, this))
    , m_chart(new SyncHistoryChart(this))
    , m_tabs(new QTabWidget(this))
    , m_summary(new QLabel(this))
    , m_syncNow(new QPushButton(Icons::get(QStringLiteral("view-refresh")), tr("S&ync Now"), this))
    , m_cancel(new QPushButton(tr("Ca&ncel"), this))
    , m_add(new QPushButton(tr("&Add Account…"), this))
    , m_edit(new QPushButton(tr("Ed&it…"), this))
    , m_remove(new QPushButton(tr("Re&move"), this))
    , m_retry(new QPushButton(tr("&Retry"), this))
{
    setObjectName(QStringLiteral("syncPanel"));
    m_syncNow->setObjectName(QStringLiteral("syncNowButton"));
    m_syncNow->setToolTip(tr("Send local changes to every account and read their contacts (F5)"));
    m_cancel->setObjectName(QStringLiteral("cancelSyncButton"));
    m_add->setObjectName(QStringLiteral("addAccountButton"));
    m_edit->setObjectName(QStringLiteral("editAccountButton"));
    m_remove->setObjectName(QStringLiteral("removeAccountButton"));
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setToolTip(tr("Send the selected records again (an account-level error syncs its whole account); with "
                           "none selected, every record the last sync could not send, listed or not yet"));
    m_summary->setObjectName(QStringLiteral("syncSummary"));
    // Long results and translations wrap rather than lose their end.
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs->setObjectName(QStringLiteral("syncTabs"));

    m_accountsView->setModel(m_accounts);
    m_accountsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_accountsView->setItemDelegate(new SyncProgressDelegate(m_accountsView));
    QHeaderView* header = m_accountsView->horizontalHeader();
    // Columns as wide as their words in any language; the name gives way (elided, whole in its tooltip) and
    // the table scrolls rather than cut a state or a progress text.
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(SyncAccountsModel::NameColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(60);
    // While a sync runs its progress matters more than when the last one was.
    header->moveSection(SyncAccountsModel::ProgressColumn, SyncAccountsModel::LastSyncColumn);
    // The header sizes to contents on layout changes only; setting the mode again asks it to measure anew, so
    // a state or progress text that grows widens its column.
    connect(m_accounts, &QAbstractItemModel::dataChanged, header,
            [header] { header->setSectionResizeMode(SyncAccountsModel::StateColumn, QHeaderView::ResizeToContents); });
    m_accountsView->setMinimumWidth(300);

    auto* accountButtons = new QHBoxLayout;
    accountButtons->addWidget(m_add);
    accountButtons->addWidget(m_edit);
    accountButtons->addWidget(m_remove);
    accountButtons->addStretch(1);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_accountsView, 1);
    leftLayout->addLayout(accountButtons);

    m_tabs->addTab(createErrorsPage(), QString());
    m_tabs->addTab(m_inbox, QString());
    m_tabs->addTab(m_chart, tr("History"));
    m_tabs->addTab(createWarningsPage(), QString());

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("syncSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    // The accounts' columns (state, progress, last sync) need more room than the tabs: in French and German
    // at 1024 px they are 700 px wide, and a table scrolled sideways hides the last sync.
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({730, 370});

    auto* top = new QHBoxLayout;
    top->addWidget(m_syncNow);
    top->addWidget(m_cancel);
    top->addWidget(m_summary, 1);
    // A guard held records back: say how many and why, and offer to send them.
    m_heldBanner = new QFrame(this);
    m_heldBanner->setObjectName(QStringLiteral("heldBanner"));
    static_cast<QFrame*>(m_heldBanner)->setFrameShape(QFrame::StyledPanel);
    m_heldText = new QLabel(m_heldBanner);
    m_heldText->setObjectName(QStringLiteral("heldText"));
    m_heldText->setWordWrap(true);
    m_sendHeld = new QPushButton(tr("&Send Anyway"), m_heldBanner);
    m_sendHeld->setObjectName(QStringLiteral("sendHeldButton"));
    m_sendHeld->setToolTip(tr("Sync this account again and send the records held back"));
    auto* heldLayout = new QHBoxLayout(m_heldBanner);
    heldLayout->addWidget(m_heldText, 1);
    heldLayout->addWidget(m_sendHeld);
    m_heldBanner->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_heldBanner);
    layout->addWidget(splitter, 1);
    connect(m_sendHeld, &QPushButton::clicked, this, &SyncPanel::sendHeld);

    connect(m_syncNow, &QPushButton::clicked, this, &SyncPanel::syncNow);
    connect(m_cancel, &QPushButton::clicked, this, &SyncPanel::cancel);
    connect(m_add, &QPushButton::clicked, this, &SyncPanel::addAccount);
    connect(m_edit, &QPushButton::clicked, this, &SyncPanel::editAccount);
    connect(m_remove, &QPushButton::clicked, this, &SyncPanel::removeAccount);
    connect(m_retry, &QPushButton::clicked, this, &SyncPanel::retry);
    connect(m_inbox, &ConflictInbox::contactsChanged, this, &SyncPanel::contactsChanged);
    connect(m_inbox, &ConflictInbox::openContactRequested, this, &SyncPanel::openContactRequested);
    connect(m_inbox, &ConflictInbox::settled, this, [this](const QString& message) {
        m_summary->setText(message);
        updateTabTitles();
    });
    connect(m_accountsView, &QTableView::doubleClicked, this, &SyncPanel::editAccount);
    connect(m_errorsView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const qint64 id = index.data(SyncErrorsModel::ContactIdRole).toLongLong(); id > 0)
            emit openContactRequested(id);
    });
    connect(m_accountsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        updateHeldBanner();
        reloadHistory();
    });
    connect(m_errorsView->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SyncPanel::updateButtons);

    connect(m_coordinator, &BackgroundSync::accountStarted, this, [this](qint64 id) {
        m_accounts->setRunning(id);
        updateButtons();
    });
    connect(m_coordinator, &BackgroundSync::accountProgress, m_accounts, &SyncAccountsModel::setProgress);
    connect(m_coordinator, &BackgroundSync::accountFinished, this, &SyncPanel::onFinished);
    connect(m_coordinator, &BackgroundSync::allFinished, this, [this] {
        // What each account did, so a failure never reads as "finished" and a success says how much moved.
        QStringList results; // in the list's order, whichever account ended first
        for (int row = 0; row < m_accounts->rowCount(); ++row) {
            if (const auto found = m_results.constFind(m_accounts->account(row).id); found != m_results.constEnd())
                results << *found;
        }
        QString text
            = results.isEmpty() && m_elsewhereAccounts == 0 ? tr("Sync finished.") : results.join(QStringLiteral("; "));
        if (!text.isEmpty() && !text.endsWith(QLatin1Char('.')))
            text += QLatin1Char('.');
        if (m_elsewhereAccounts == 1)
            text += QLatin1Char(' ') + tr("%Ln account was left alone: another program is syncing it.", nullptr, 1);
        else if (m_elsewhereAccounts > 1)
            text += QLatin1Char(' ')
                + tr("%Ln accounts were left alone: another program is syncing them.", nullptr, m_elsewhereAccounts);
        text = text.trimmed();
        m_summary->setText(text);
        updateButtons();
        emit syncingChanged(false);
        emit contactsChanged();
    });
    m_elsewhereTimer = new QTimer(this);
    m_elsewhereTimer->setInterval(kElsewhereRefreshMs);
    connect(m_elsewhereTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refreshRunningElsewhere();
    });
    m_elsewhereTimer->start();
    reload();
}

SyncPanel::~SyncPanel()
{
    // Before the window's session goes: the runs end as cancelled in the history, give their leases back, and
    // the worker thread is joined.
    delete m_coordinator;
}

QWidget* SyncPanel::createErrorsPage()
{
    auto* page = new QWidget(this);
    m_errorsView->setModel(m_errors);
    m_errorsView->horizontalHeader()->resizeSection(SyncErrorsModel::AccountColumn, 90);
    m_errorsView->horizontalHeader()->resizeSection(SyncErrorsModel::ContactColumn, 130);
    m_errorsView->horizontalHeader()->resizeSection(SyncErrorsModel::ProblemColumn, 170);
    m_errorsHint = new QLabel(page);
    m_errorsHint->setObjectName(QStringLiteral("syncErrorsHint"));
    m_errorsHint->setWordWrap(true);
    // The table reads more as it scrolls to its end; the button says there is more and reads it at once.
    m_showMoreErrors = new QPushButton(tr("Show &More"), page);
    m_showMoreErrors->setObjectName(QStringLiteral("showMoreErrorsButton"));
    m_showMoreErrors->setToolTip(tr("List the next errors of the last sync"));
    m_showMoreErrors->hide();
    connect(m_showMoreErrors, &QPushButton::clicked, m_errors, [this] { m_errors->fetchMore(); });
    connect(m_errors, &QAbstractItemModel::rowsInserted, this, &SyncPanel::updateTabTitles);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_errorsHint, 1);
    buttons->addWidget(m_showMoreErrors);
    buttons->addWidget(m_retry);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_errorsView, 1);
    layout->addLayout(buttons);
    return page;
}

QWidget* SyncPanel::createWarningsPage()
{
    auto* page = new QWidget(this);
    m_warnings = new SyncErrorsModel(m_session, this);
    m_warningsView = makeTable(this, QStringLiteral("syncWarningsTable"));
    m_warningsView->setModel(m_warnings);
    m_warningsView->setAccessibleName(tr("Sync warnings"));
    // Lighter than the errors: nothing failed.
    QPalette palette = m_warningsView->palette();
    palette.setColor(QPalette::Text, palette.color(QPalette::PlaceholderText));
    m_warningsView->setPalette(palette);
    m_warningsView->horizontalHeader()->resizeSection(SyncErrorsModel::AccountColumn, 90);
    m_warningsView->horizontalHeader()->resizeSection(SyncErrorsModel::ContactColumn, 130);
    m_warningsView->horizontalHeader()->resizeSection(SyncErrorsModel::ProblemColumn, 170);
    m_warningsHint = new QLabel(page);
    m_warningsHint->setObjectName(QStringLiteral("syncWarningsHint"));
    m_warningsHint->setWordWrap(true);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_warningsView, 1);
    layout->addWidget(m_warningsHint);
    connect(m_warningsView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const qint64 id = index.data(SyncErrorsModel::ContactIdRole).toLongLong(); id > 0)
            emit openContactRequested(id);
    });
    return page;
}

SyncConflictsModel* SyncPanel::conflictsModel() const
{
    return m_inbox->model();
}

QTableView* SyncPanel::conflictsView() const
{
    return m_inbox->view();
}

QString SyncPanel::noAccountText()
{
    return tr("No CRM account yet: add one to sync your contacts.");
}

QString SyncPanel::readyText(int accounts)
{
    return accounts == 1
        ? tr("%Ln account, ready: Sync Now sends your changes and reads the service's contacts.", nullptr, 1)
        : tr("%Ln accounts, ready: Sync Now sends your changes and reads the services' contacts.", nullptr, accounts);
}

QString SyncPanel::summaryText() const
{
    return m_summary->text();
}

bool SyncPanel::isSyncing() const
{
    return m_coordinator->isRunning();
}

void SyncPanel::reload()
{
    const qint64 selected = selectedAccountId();
    auto accounts = AccountStore(m_session.database()).list();
    SyncRunLog log(m_session.database());
    QHash<qint64, SyncRunLog::Run> lastRuns;
    QHash<qint64, SyncRunLog::Run> lastCompleted;
    m_errors->clear();
    for (const AccountRecord& account : accounts.value_or(QList<AccountRecord> {})) {
        const SyncRunLog::Run run = log.lastRun(account.id).value_or(SyncRunLog::Run {});
        lastRuns.insert(account.id, run);
        lastCompleted.insert(account.id, log.lastCompletedRun(account.id).value_or(SyncRunLog::Run {}));
        if (run.id > 0 && !m_coordinator->isRunning(account.id))
            reloadErrors(account.id, account.name, run.id);
    }
    m_accounts->setAccounts(accounts.value_or(QList<AccountRecord> {}), lastRuns, lastCompleted);
    m_accounts->setRunningElsewhere(m_coordinator->runningElsewhere());
    // Warnings and held records live only in memory: forget those of removed accounts.
    for (const qint64 id : m_warnings->accountIds()) {
        if (!lastRuns.contains(id))
            m_warnings->removeAccount(id);
    }
    for (const qint64 id : m_held.keys()) {
        if (!lastRuns.contains(id))
            m_held.remove(id);
    }
    if (m_heldBanner)
        updateHeldBanner();
    if (!accounts)
        m_summary->setText(tr("Cannot read the accounts: %1").arg(accounts.error().detail));
    else if (accounts->isEmpty())
        m_summary->setText(noAccountText());
    else if (!isSyncing() && (m_summary->text().isEmpty() || m_summary->text() == noAccountText()))
        m_summary->setText(readyText(static_cast<int>(accounts->size())));
    const int row = m_accounts->rowOf(selected);
    if (row >= 0)
        m_accountsView->selectRow(row);
    reloadConflicts();
    reloadHistory();
    updateButtons();
}

void SyncPanel::refreshRunningElsewhere()
{
    // A run that ended elsewhere wrote its history and errors: read them.
    if (!m_accounts->setRunningElsewhere(m_coordinator->runningElsewhere()).isEmpty())
        reload();
    updateButtons();
}

void SyncPanel::reloadErrors(qint64 accountId, const QString& name, qint64 runId)
{
    // The count and a first page; the rest as the table scrolls. A cancelled run's own error is not listed:
    // it says so in its state, it is not a record to fix.
    m_errors->showRun(accountId, name, runId);
    if (m_errors->rowCount() > 0) {
        for (const int column :
             {SyncErrorsModel::AccountColumn, SyncErrorsModel::ContactColumn, SyncErrorsModel::ProblemColumn})
            m_errorsView->resizeColumnToContents(column);
    }
    updateTabTitles();
}

void SyncPanel::reloadConflicts()
{
    QHash<qint64, QString> names;
    for (const AccountRecord& account : m_accounts->accounts())
        names.insert(account.id, account.name);
    m_inbox->reload(names);
    updateTabTitles();
}

void SyncPanel::reloadHistory()
{
    const qint64 id = selectedAccountId();
    auto runs = SyncRunLog(m_session.database()).runs(id, kHistoryRuns);
    QList<SyncRunLog::Run> finished;
    for (const SyncRunLog::Run& run : runs.value_or(QList<SyncRunLog::Run> {})) {
        if (run.state != QLatin1String("running"))
            finished << run;
    }
    const int row = m_accounts->rowOf(id);
    m_chart->setRuns(finished,
                     row >= 0 ? tr("Records per run: %1").arg(m_accounts->account(row).name)
                              : tr("Records per run: all accounts"));
}

void SyncPanel::updateTabTitles()
{
    const qint64 errors = m_errors->totalCount();
    const int conflicts = m_inbox->count();
    const QLocale locale;
    // %Ln: the plural follows the total, written with the locale's digit grouping ("200 of 123,456").
    m_errorsHint->setText(errors > m_errors->rowCount()
                              ? tr("Showing %1 of %Ln records the last sync could not send or read. Fix the cause, "
                                   "then retry.",
                                   nullptr, static_cast<int>(std::min<qint64>(errors, INT_MAX)))
                                    .arg(locale.toString(m_errors->rowCount()))
                              : tr("Records the last sync could not send or read. Fix the cause, then retry."));
    m_tabs->setTabText(0, errors > 0 ? tr("Errors (%1)").arg(locale.toString(errors)) : tr("Errors"));
    m_tabs->setTabText(1, conflicts > 0 ? tr("Conflicts (%1)").arg(conflicts) : tr("Conflicts"));
    const qint64 warnings = m_warnings->totalCount();
    m_warningsHint->setText(
        warnings > m_warnings->rowCount()
            ? tr("Showing the first %1 of %Ln records sent without part of them. Fix the contact or the service, "
                 "then sync.",
                 nullptr, static_cast<int>(std::min<qint64>(warnings, INT_MAX)))
                  .arg(locale.toString(m_warnings->rowCount()))
            : tr("Records sent without part of them. Fix the contact or the service, then sync."));
    m_tabs->setTabText(kWarningsTab, tr("Warnings (%1)").arg(locale.toString(warnings)));
    m_tabs->setTabVisible(kWarningsTab, warnings > 0);
    m_showMoreErrors->setVisible(m_errors->canFetchMore());
}

qint64 SyncPanel::selectedAccountId() const
{
    const QModelIndexList rows = m_accountsView->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(SyncAccountsModel::AccountIdRole).toLongLong();
}

void SyncPanel::updateButtons()
{
    const bool syncing = m_coordinator->isRunning();
    const qint64 selected = selectedAccountId();
    m_syncNow->setEnabled(!syncing && m_accounts->rowCount() > 0);
    m_cancel->setEnabled(syncing);
    const bool busy = m_coordinator->isRunning(selected) || m_accounts->isRunningElsewhere(selected);
    m_edit->setEnabled(selected != 0 && !busy);
    m_remove->setEnabled(selected != 0 && !busy);
    m_retry->setEnabled(!syncing && m_errors->rowCount() > 0);
    if (m_sendHeld)
        m_sendHeld->setEnabled(!syncing && m_heldAccount != 0);
}

void SyncPanel::updateHeldBanner()
{
    // The selected account when it waits, else the first one that does.
    m_heldAccount = 0;
    if (const qint64 selected = selectedAccountId(); m_held.contains(selected))
        m_heldAccount = selected;
    for (int row = 0; m_heldAccount == 0 && row < m_accounts->rowCount(); ++row) {
        if (const qint64 id = m_accounts->account(row).id; m_held.contains(id))
            m_heldAccount = id;
    }
    const int row = m_accounts->rowOf(m_heldAccount);
    if (m_heldAccount == 0 || row < 0) {
        m_heldAccount = 0;
        m_heldBanner->hide();
        updateButtons();
        return;
    }
    const AccountRecord account = m_accounts->account(row);
    const QString service = SyncAccountsModel::providerName(account.provider);
    const Held held = m_held.value(m_heldAccount);
    QStringList why;
    if (held.overwrites == 1)
        why << tr("%Ln changed record would overwrite a contact already on %1.", nullptr, 1).arg(service);
    else if (held.overwrites > 1)
        why << tr("%Ln changed records would overwrite contacts already on %1, more than a safe share of them.",
                  nullptr, held.overwrites)
                   .arg(service);
    if (held.deletions == 1)
        why << tr("%Ln record deleted here would be deleted on %1.", nullptr, 1).arg(service);
    else if (held.deletions > 1)
        why << tr("%Ln records deleted here would be deleted on %1.", nullptr, held.deletions).arg(service);
    QString text = tr("<b>%1</b> is waiting for your confirmation.").arg(account.name.toHtmlEscaped());
    for (const QString& line : std::as_const(why))
        text += QLatin1Char(' ') + line.toHtmlEscaped();
    if (m_held.size() > 1)
        text += QLatin1Char(' ') + tr("(%Ln accounts are waiting.)", nullptr, static_cast<int>(m_held.size()));
    m_heldText->setText(text);
    m_sendHeld->setAccessibleDescription(m_heldText->text());
    m_heldBanner->show();
    updateButtons();
}

bool SyncPanel::sendHeld()
{
    const int row = m_accounts->rowOf(m_heldAccount);
    if (m_heldAccount == 0 || row < 0 || m_coordinator->isRunning())
        return false;
    SyncJob::Options options = m_coordinator->options();
    options.confirmed = true;
    m_failedAccounts = 0;
    m_elsewhereAccounts = 0;
    m_results.clear();
    m_summary->setText(tr("Sending the records held back for %1…").arg(m_accounts->account(row).name));
    emit syncingChanged(true);
    const bool started = m_coordinator->start({m_accounts->account(row)}, options);
    updateButtons();
    return started;
}

bool SyncPanel::syncNow()
{
    if (m_coordinator->isRunning() || m_accounts->rowCount() == 0)
        return false;
    m_failedAccounts = 0;
    m_elsewhereAccounts = 0;
    m_results.clear();
    m_summary->setText((m_accounts->rowCount() == 1 ? tr("Syncing %Ln account…", nullptr, 1)
                                                    : tr("Syncing %Ln accounts…", nullptr, m_accounts->rowCount())));
    emit syncingChanged(true);
    const bool started = m_coordinator->start(m_accounts->accounts());
    updateButtons();
    return started;
}

void SyncPanel::cancel()
{
    m_coordinator->cancel();
}

bool SyncPanel::retry()
{
    if (m_coordinator->isRunning())
        return false;
    // Per account, the contacts of the selected errors; an account-level error (contact 0) retries the
    // whole account. With nothing selected, every error of the last run of each account, those the table
    // has not read yet included (the model asks the database for their contacts).
    QList<std::pair<AccountRecord, SyncJob::Options>> runs;
    for (const SyncErrorsModel::RetryTarget& target :
         m_errors->retryTargets(m_errorsView->selectionModel()->selectedRows())) {
        const int row = m_accounts->rowOf(target.accountId);
        if (row < 0)
            continue;
        SyncJob::Options options = m_coordinator->options();
        if (!target.wholeAccount)
            options.onlyContacts = target.contactIds;
        runs.append({m_accounts->account(row), options});
    }
    if (runs.isEmpty())
        return false;
    m_failedAccounts = 0;
    m_elsewhereAccounts = 0;
    m_results.clear();
    m_summary->setText((runs.size() == 1 ? tr("Retrying %Ln account…", nullptr, 1)
                                         : tr("Retrying %Ln accounts…", nullptr, static_cast<int>(runs.size()))));
    emit syncingChanged(true);
    const bool started = m_coordinator->start(runs);
    updateButtons();
    return started;
}

void SyncPanel::onFinished(qint64 accountId, const SyncReport& report)
{
    const SyncRunLog::Run run = SyncRunLog(m_session.database()).lastRun(accountId).value_or(SyncRunLog::Run {});
    m_accounts->setFinished(accountId, report, run);
    if (report.ranElsewhere()) {
        // Nothing ran here: the account's errors, warnings and held records are still those of its last run.
        ++m_elsewhereAccounts;
        updateButtons();
        return;
    }
    if (!report.dryRun && report.state != QLatin1String("cancelled")) {
        QList<SyncRunLog::RunError> warnings;
        for (const SyncReport::Issue& issue : report.warnings) {
            warnings << SyncRunLog::RunError {issue.contactId, issue.remoteId, issue.code, issue.message};
            if (warnings.size() == kMaxWarningsShown)
                break;
        }
        const int at = m_accounts->rowOf(accountId);
        m_warnings->setErrors(accountId, at >= 0 ? m_accounts->account(at).name : report.account, warnings,
                              report.warnings.size());
    }
    if (!report.dryRun) {
        Held held;
        for (const SyncReport::Issue& issue : report.skipped) {
            if (issue.code != ErrorCode::NeedsConfirmation)
                continue;
            // PushPlanner's two guards: a remote delete says so; the rest are overwrites.
            if (issue.heldDeletion)
                ++held.deletions;
            else
                ++held.overwrites;
        }
        if (held.overwrites + held.deletions > 0)
            m_held.insert(accountId, held);
        else
            m_held.remove(accountId);
        updateHeldBanner();
    }
    if (!report.ok())
        ++m_failedAccounts;
    const int row = m_accounts->rowOf(accountId);
    m_results[accountId] = tr("%1: %2").arg(row >= 0 ? m_accounts->account(row).name : report.account,
                                            SyncAccountsModel::resultText(report));
    reloadErrors(accountId, row >= 0 ? m_accounts->account(row).name : report.account, report.runId);
    reloadConflicts();
    reloadHistory();
    updateButtons();
}

bool SyncPanel::resolveSelected(const QString& keep)
{
    return m_inbox->resolveSelected(keep);
}

AccountDialog* SyncPanel::addAccount()
{
    auto* dialog = new AccountDialog(m_session.database(), AccountRecord {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountDialog::saved, this, [this](qint64 id) {
        reload();
        if (const int row = m_accounts->rowOf(id); row >= 0)
            m_accountsView->selectRow(row);
    });
    connect(dialog, &AccountDialog::keptForSession, this, &SyncPanel::showSessionKeyNote);
    dialog->open();
    return dialog;
}

void SyncPanel::showSessionKeyNote(qint64 accountId, const QString& variable)
{
    const int row = m_accounts->rowOf(accountId);
    const QString name = row >= 0 ? m_accounts->account(row).name : QString();
    m_summary->setText(tr("The API key of “%1” is kept in memory until Roster quits. To keep it for good, set %2 "
                          "before starting Roster.")
                           .arg(name, variable));
}

AccountDialog* SyncPanel::editAccount()
{
    const int row = m_accounts->rowOf(selectedAccountId());
    if (row < 0 || m_coordinator->isRunning(selectedAccountId()) || m_accounts->isRunningElsewhere(selectedAccountId()))
        return nullptr;
    auto* dialog = new AccountDialog(m_session.database(), m_accounts->account(row), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountDialog::saved, this, &SyncPanel::reload);
    connect(dialog, &AccountDialog::keptForSession, this, &SyncPanel::showSessionKeyNote);
    dialog->open();
    return dialog;
}

void SyncPanel::removeAccount()
{
    const qint64 id = selectedAccountId();
    const int row = m_accounts->rowOf(id);
    if (row < 0 || m_coordinator->isRunning(id) || m_accounts->isRunningElsewhere(id))
        return;
    const QString name = m_accounts->account(row).name;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Remove account"),
                                tr("Remove the account “%1”? Its links to the service’s records, its history and "
                                   "its key are forgotten. Contacts stay.")
                                    .arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeAccountBox"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, account = m_accounts->account(row)] {
        // The slot is built while the account exists; the key goes only once the account has.
        auto slot = AccountSecrets(m_session.database()).slot(account);
        if (auto ok = AccountStore(m_session.database()).remove(account.name); !ok) {
            m_summary->setText(tr("Cannot remove the account: %1").arg(ok.error().detail));
            return;
        }
        if (slot)
            SecretStore::remove(*slot);
        reload();
    });
    box->open();
}

} // namespace roster
