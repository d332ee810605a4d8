#include "MainWindow.h"

#include "ExternalWritesStatus.h"
#include "FileDialogs.h"
#include "Icons.h"
#include "ImportStatus.h"
#include "NoMatchHint.h"
#include "SelectionActions.h"
#include "SidebarWidget.h"
#include "SyncPanel.h"
#include "dialogs/ContactEditorDialog.h"
#include "dialogs/DuplicatesDialog.h"
#include "dialogs/ImportDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "dialogs/UndoRunner.h"
#include "models/ContactTableModel.h"
#include "models/FieldLabels.h"
#include "store/StoreSession.h"
#include "widgets/FieldValidator.h"
#include "widgets/TableExporter.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace roster {

MainWindow::MainWindow(std::unique_ptr<StoreSession> session, QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(Icons::application());
    setAcceptDrops(true);
    createCentralArea();
    createActions();
    attachSession(std::move(session));
    restoreSettings();
}

MainWindow::~MainWindow()
{
    // The panel's syncs write through the session: end them before it closes.
    delete m_syncPanel;
    // The model reads through the query, which reads through the session: drop them in that order.
    m_table->setModel(nullptr);
    delete m_model;
}

void MainWindow::createCentralArea()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("contactTable"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    // No sort on open: a million rows ordered by an unindexed column would delay the first paint.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->hide();
    // The empty state: what to do first, centred in the table until it has rows.
    m_emptyHint = new QLabel(tr("Drop a CSV or vCard file here, or press Ctrl+I to import."), m_table->viewport());
    m_emptyHint->setObjectName(QStringLiteral("emptyHint"));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    auto* hintLayout = new QVBoxLayout(m_table->viewport());
    hintLayout->addWidget(m_emptyHint, 0, Qt::AlignCenter);
    m_emptyHint->hide();
    m_noMatch = new NoMatchHint(m_table->viewport());
    hintLayout->addWidget(m_noMatch, 0, Qt::AlignCenter);
    m_noMatch->hide();
    connect(m_noMatch, &NoMatchHint::clearRequested, this, [this] {
        m_search->clear();
        m_sidebar->clearSelection();
        applySearch();
    });
    QHeaderView* header = m_table->horizontalHeader();
    header->setDefaultSectionSize(150);
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    header->setSortIndicatorShown(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &MainWindow::showColumnMenu);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint& position) {
        m_selection->buildMenu(this)->popup(m_table->viewport()->mapToGlobal(position));
    });
    connect(m_table, &QTableView::doubleClicked, this,
            [this](const QModelIndex& index) { editContact(m_model->contactId(index.row())); });

    m_sidebar = new SidebarWidget(this);
    connect(m_sidebar, &SidebarWidget::filterChanged, this, &MainWindow::applySearch);
    m_splitter = new QSplitter(this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    // The search has a row of its own above the table: in a toolbar it went into the overflow menu as
    // soon as the translated labels took its room.
    auto* listPane = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(4);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(listPane);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({220, 900});
    setCentralWidget(m_splitter);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(tr("Search names, emails, phones, job titles, companies, tags…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(200);
    auto* clearSearch = new QAction(m_search);
    clearSearch->setShortcut(Qt::Key_Escape);
    clearSearch->setShortcutContext(Qt::WidgetShortcut);
    connect(clearSearch, &QAction::triggered, m_search, &QLineEdit::clear);
    m_search->addAction(clearSearch);
    listLayout->addWidget(m_search);
    listLayout->addWidget(m_table, 1);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, &MainWindow::applySearch);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("contactCount"));
    statusBar()->addPermanentWidget(m_count);
    m_importStatus = new ImportStatus(this);
    statusBar()->addPermanentWidget(m_importStatus);
    m_readOnly = new QLabel(this);
    m_readOnly->setObjectName(QStringLiteral("readOnlyLabel"));
    m_readOnly->hide();
    statusBar()->addPermanentWidget(m_readOnly);

    m_syncDock = new QDockWidget(tr("Sync"), this);
    m_syncDock->setObjectName(QStringLiteral("syncDock"));
    m_syncDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_syncDock);
    m_syncDock->hide();
}

void MainWindow::createSyncPanel()
{
    m_syncPanel = new SyncPanel(*m_session, m_syncDock);
    m_syncDock->setWidget(m_syncPanel);
    connect(m_syncPanel, &SyncPanel::contactsChanged, this, &MainWindow::refresh);
    connect(m_syncPanel, &SyncPanel::openContactRequested, this, &MainWindow::editContact);
    connect(m_syncPanel, &SyncPanel::syncingChanged, this, [this](bool syncing) {
        m_syncNow->setEnabled(!syncing && !isReadOnly());
        if (!syncing)
            statusBar()->showMessage(m_syncPanel->summaryText(), 10000);
    });
    m_syncNow->setEnabled(!isReadOnly());
}

SyncPanel* MainWindow::showSyncPanel()
{
    m_syncDock->show();
    m_syncDock->raise();
    return m_syncPanel;
}

void MainWindow::createActions()
{
    m_selection = new SelectionActions(*this);
    auto action = [this](const QString& text, const QString& icon, const QString& name, auto slot) {
        auto* a = new QAction(icon.isEmpty() ? QIcon() : Icons::get(icon), text, this);
        a->setObjectName(name);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };
    QAction* newDb = action(tr("&New Database…"), QString(), QStringLiteral("newDatabaseAction"),
                            [this] { chooseDatabase(true); });
    QAction* openDb = action(tr("&Open Database…"), QStringLiteral("document-open"),
                             QStringLiteral("openDatabaseAction"), [this] { chooseDatabase(false); });
    openDb->setShortcut(QKeySequence::Open);
    QAction* import = action(tr("&Import…"), QStringLiteral("document-import"), QStringLiteral("importAction"), [this] {
        const QString path
            = FileDialogs::openFile(this, tr("Import contacts"), tr("Contacts (*.csv *.vcf *.vcard);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    import->setShortcut(Qt::CTRL | Qt::Key_I);
    QAction* exportAction = action(tr("&Export…"), QStringLiteral("document-export"), QStringLiteral("exportAction"),
                                   [this] { exportContacts(); });
    exportAction->setShortcut(Qt::CTRL | Qt::Key_E);
    QAction* quit
        = action(tr("&Quit"), QStringLiteral("application-exit"), QStringLiteral("quitAction"), [this] { close(); });
    quit->setShortcut(QKeySequence::Quit);

    QAction* newContact = action(tr("&New Contact…"), QStringLiteral("contact-new"), QStringLiteral("newContactAction"),
                                 [this] { editContact(0); });
    newContact->setShortcut(QKeySequence::New);
    m_edit = action(tr("&Edit Contact…"), QStringLiteral("document-edit"), QStringLiteral("editContactAction"),
                    [this] { editContact(currentContactId()); });
    m_edit->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_edit->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(m_edit);
    m_delete = action(tr("&Delete"), QStringLiteral("edit-delete"), QStringLiteral("deleteAction"),
                      [this] { deleteSelected(); });
    m_delete->setShortcut(QKeySequence::Delete);
    m_undo
        = action(tr("&Undo"), QStringLiteral("edit-undo"), QStringLiteral("undoAction"), [this] { undoLast(false); });
    m_undo->setShortcut(QKeySequence::Undo);
    m_redo = action(tr("&Redo"), QStringLiteral("edit-redo"), QStringLiteral("redoAction"), [this] { undoLast(true); });
    m_redo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    // The toolbar keeps short labels; the menu and the tooltips say what will be undone.
    m_undo->setIconText(tr("Undo"));
    m_redo->setIconText(tr("Redo"));
    QAction* find = action(tr("&Find"), QStringLiteral("edit-find"), QStringLiteral("findAction"), [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction* duplicates = action(tr("Find &Duplicates…"), QStringLiteral("edit-copy"),
                                 QStringLiteral("duplicatesAction"), [this] { showDuplicates(); });
    duplicates->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_D);
    QAction* columns = action(tr("&Columns…"), QString(), QStringLiteral("columnsAction"),
                              [this] { showColumnMenu(m_table->horizontalHeader()->rect().center()); });
    QAction* showAll = action(tr("Show &All Contacts"), QString(), QStringLiteral("showAllAction"), [this] {
        m_search->clear();
        m_sidebar->clearSelection();
    });
    m_syncNow = action(tr("&Sync Now"), QStringLiteral("view-refresh"), QStringLiteral("syncNowAction"), [this] {
        if (!showSyncPanel())
            return;
        if (!m_syncPanel->syncNow() && !m_syncPanel->isSyncing())
            m_syncPanel->addAccount();
    });
    m_syncNow->setShortcut(Qt::Key_F5);
    m_syncNow->setToolTip(tr("Sync every CRM account both ways (F5)"));
    QAction* syncPanel = m_syncDock->toggleViewAction();
    syncPanel->setText(tr("Sync &Panel"));
    syncPanel->setObjectName(QStringLiteral("syncPanelAction"));
    syncPanel->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_S);
    QAction* addAccount = action(tr("&Add CRM Account…"), QString(), QStringLiteral("addAccountAction"), [this] {
        if (showSyncPanel())
            m_syncPanel->addAccount();
    });
    QAction* about = action(tr("&About Roster"), QString(), QStringLiteral("aboutAction"), [this] {
        QMessageBox::about(this, tr("About Roster"),
                           tr("Roster %1\nA local-first contact manager.").arg(QApplication::applicationVersion()));
    });

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addActions({newDb, openDb});
    file->addSeparator();
    file->addActions({import, exportAction});
    file->addSeparator();
    file->addAction(quit);
    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addActions({m_undo, m_redo});
    edit->addSeparator();
    edit->addActions({newContact, m_edit, m_delete});
    edit->addSeparator();
    edit->addActions({m_selection->addTagAction(), m_selection->removeTagAction(), m_selection->mergeAction(),
                      m_selection->copyEmailAction()});
    edit->addSeparator();
    edit->addAction(find);
    QAction* preferences
        = action(tr("&Preferences…"), QString(), QStringLiteral("preferencesAction"), [this] { showPreferences(); });
    preferences->setShortcut(Qt::CTRL | Qt::Key_Comma);
    preferences->setMenuRole(QAction::PreferencesRole);
    edit->addSeparator();
    edit->addAction(preferences);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addActions({showAll, columns});
    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    tools->addAction(duplicates);
    QMenu* sync = menuBar()->addMenu(tr("&Sync"));
    sync->setObjectName(QStringLiteral("syncMenu"));
    sync->addActions({m_syncNow, syncPanel});
    sync->addSeparator();
    sync->addAction(addAccount);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(about);

    QToolBar* bar = addToolBar(tr("Main toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // Icons everyone reads (the bin, the arrows) go without their words, so that in French and German at
    // 1024 px Sync Now stays on the bar instead of behind its "»"; menus and tooltips still name them.
    for (QAction* known : {m_delete, m_undo, m_redo})
        known->setPriority(QAction::LowPriority);
    bar->addActions({newContact, m_delete});
    bar->addSeparator();
    bar->addActions({m_undo, m_redo});
    bar->addSeparator();
    bar->addActions({import, exportAction, duplicates});
    bar->addSeparator();
    bar->addAction(m_syncNow);
}

void MainWindow::attachSession(std::unique_ptr<StoreSession> session)
{
    // The sync panel works on the session being replaced: stop its syncs first.
    delete m_syncPanel;
    m_syncPanel = nullptr;
    delete m_externalWrites; // it polls the connection being replaced
    m_externalWrites = nullptr;
    // This connection reads pages for the table and writes one contact at a time; imports run on their
    // own connection. SQLite's default 256 MiB cache here would fill as the user scrolls and become
    // most of the window's memory; 16 MiB keeps the indexes' upper levels and the pages on screen.
    session->database().setCacheSizeKiB(kWindowCacheKiB);
    auto query = ContactQuery::create(session->database());
    if (!query) {
        showError(query.error().detail);
        if (m_session)
            createSyncPanel();
        return;
    }
    auto* model = new ContactTableModel(**query, this);
    connect(model, &ContactTableModel::countsChanged, this, &MainWindow::updateStatus);
    connect(model, &ContactTableModel::queryFailed, this, &MainWindow::showError);
    ContactTableModel* old = m_model;
    // A new model resets the header: the user's widths, order and hidden columns carry over.
    const QByteArray columns = old ? m_table->horizontalHeader()->saveState() : QByteArray();
    m_table->setModel(model);
    if (!columns.isEmpty())
        m_table->horizontalHeader()->restoreState(columns);
    m_model = model;
    delete old;
    m_query = std::move(*query);
    m_session = std::move(session);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const bool any = m_table->selectionModel()->hasSelection();
        m_edit->setEnabled(any);
        m_delete->setEnabled(any && !isReadOnly());
        m_selection->update();
    });
    m_edit->setEnabled(false);
    m_delete->setEnabled(false);
    m_selection->update();
    // The platform adds " — Roster" (the application's display name) after the file's name.
    const QString fileName = QFileInfo(m_session->database().path()).fileName();
    setWindowTitle(isReadOnly() ? tr("%1 (read-only)[*]").arg(fileName) : fileName + QStringLiteral("[*]"));
    showReadOnly();
    setWindowFilePath(m_session->database().path());
    m_search->clear();
    m_sidebar->clearSelection();
    applySearch();
    // The undo label counts the changes of the last operation: after an import of a million contacts
    // that is a count over a million change-log entries (35 to 55 ms). Name it once the first rows are
    // painted (a zero timer alone would often run before the first paint).
    m_undo->setEnabled(false);
    m_redo->setEnabled(false);
    m_undoPending = true;
    m_table->viewport()->installEventFilter(this);
    // The sidebar's counts scan the table: read them once the first rows are on screen.
    m_sidebar->refreshInBackground(m_session->database().path());
    createSyncPanel();
    m_externalWrites = new ExternalWritesStatus(
        m_session->database(),
        [this] { return m_importStatus->running() || (m_syncPanel && m_syncPanel->isSyncing()); },
        [this] { showExternalWrites(); }, this);
    statusBar()->addPermanentWidget(m_externalWrites);
}

void MainWindow::showExternalWrites()
{
    // The user reading the list keeps their place: the rows on screen and the selected contact stay where they
    // are unless the other program moved them.
    const int top = m_table->verticalScrollBar()->value();
    const int row = m_table->currentIndex().row();
    const qint64 current = currentContactId();
    m_model->reload();
    m_sidebar->refreshInBackground(m_session->database().path(), m_model->filter());
    updateUndoActions();
    m_table->verticalScrollBar()->setValue(top);
    if (current > 0 && row < m_model->rowCount() && m_model->contactId(row) == current)
        m_table->selectRow(row);
}

bool MainWindow::openDatabase(const QString& path)
{
    auto session = StoreSession::open(path);
    if (!session) {
        showError(tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), session.error().detail));
        return false;
    }
    attachSession(std::move(*session));
    QSettings().setValue(QStringLiteral("MainWindow/lastDatabase"), path);
    return true;
}

void MainWindow::chooseDatabase(bool create)
{
    const QString filter = tr("Roster databases (*.sqlite *.roster);;All files (*)");
    const QString path = create
        ? FileDialogs::saveFile(this, tr("New database"), QStringLiteral("contacts.sqlite"), filter)
        : FileDialogs::openFile(this, tr("Open database"), filter);
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::applySearch()
{
    ContactFilter filter;
    filter.search = m_search->text();
    filter.tagId = m_sidebar->tagId();
    filter.companyId = m_sidebar->companyId();
    m_model->setFilter(filter);
    updateStatus();
    m_sidebar->refreshInBackground(m_session->database().path(), filter);
}

void MainWindow::refresh()
{
    const qint64 current = currentContactId();
    m_model->reload();
    m_sidebar->refreshInBackground(m_session->database().path(), m_model->filter());
    updateUndoActions();
    if (current > 0)
        selectContact(current);
}

void MainWindow::updateStatus()
{
    const QLocale locale;
    const int shown = m_model->rowCount();
    const qint64 total = m_model->totalCount();
    m_count->setText(m_model->filter().isEmpty()
                         ? tr("%1 contacts").arg(locale.toString(total))
                         : tr("%1 of %2 contacts").arg(locale.toString(shown), locale.toString(total)));
    m_emptyHint->setVisible(total == 0 && shown == 0);
    const bool noMatch = shown == 0 && total > 0 && !m_model->filter().isEmpty() && m_model->countIsExact();
    m_noMatch->setSearch(m_model->filter().search);
    m_noMatch->setVisible(noMatch);
    // Column widths wider than the window would scroll a table that has nothing to show.
    m_table->setHorizontalScrollBarPolicy(shown == 0 ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    if (m_fitColumns && shown > 0 && m_table->isVisible()) {
        m_fitColumns = false;
        QTimer::singleShot(0, this, [this] { fitColumns(); });
    }
}

void MainWindow::fitColumns()
{
    // The rows on screen decide, as wide as they need but not so wide that one long value takes the
    // window; the last column stretches to the edge.
    QHeaderView* header = m_table->horizontalHeader();
    const int widest = qMax(160, m_table->viewport()->width() / 3);
    for (int column = 0; column < header->count(); ++column) {
        if (header->isSectionHidden(column))
            continue;
        m_table->resizeColumnToContents(column);
        if (header->sectionSize(column) > widest)
            header->resizeSection(column, widest);
    }
}

QVector<qint64> MainWindow::selectedContactIds() const
{
    QVector<qint64> ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows()) {
        if (const qint64 id = m_model->contactId(index.row()))
            ids << id;
    }
    return ids;
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (m_undoPending && watched == m_table->viewport() && event->type() == QEvent::Paint) {
        m_undoPending = false;
        m_table->viewport()->removeEventFilter(this);
        QTimer::singleShot(0, this, [this] { updateUndoActions(); });
        if (m_fitColumns && m_model->rowCount() > 0) {
            m_fitColumns = false;
            QTimer::singleShot(0, this, [this] { fitColumns(); });
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::updateUndoActions()
{
    const auto undo = m_session->undo().nextUndo();
    const auto redo = m_session->undo().nextRedo();
    m_undo->setEnabled(undo.has_value() && !isReadOnly());
    m_redo->setEnabled(redo.has_value() && !isReadOnly());
    m_undo->setText(undo ? tr("&Undo %1").arg(undo->label) : tr("&Undo"));
    m_redo->setText(redo ? tr("&Redo %1").arg(redo->label) : tr("&Redo"));
    m_undo->setToolTip(undo ? tr("Undo %1").arg(undo->label) : tr("Nothing to undo"));
    m_redo->setToolTip(redo ? tr("Redo %1").arg(redo->label) : tr("Nothing to redo"));
}

void MainWindow::undoLast(bool redo)
{
    auto step = UndoRunner::run(this, *m_session, redo);
    if (!step) {
        statusBar()->showMessage(FieldValidator::errorText(step.error().code), 5000);
        updateUndoActions();
        return;
    }
    refresh();
    QString message = (redo ? tr("Redone: %1") : tr("Undone: %1")).arg(step->label);
    if (!step->contactsGone.isEmpty())
        message += QLatin1Char(' ')
            + tr("(%Ln contact(s) skipped: removed from the file by another program)", nullptr,
                 static_cast<int>(step->contactsGone.size()));
    statusBar()->showMessage(message, step->contactsGone.isEmpty() ? 5000 : 15000);
}

qint64 MainWindow::currentContactId() const
{
    const QModelIndex index = m_table->currentIndex();
    return index.isValid() && m_table->selectionModel()->isRowSelected(index.row()) ? m_model->contactId(index.row())
                                                                                    : 0;
}

void MainWindow::selectContact(qint64 contactId)
{
    const int row = m_model->cachedRowOf(contactId);
    if (row < 0)
        return;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
}

void MainWindow::deleteSelected()
{
    const QVector<qint64> ids = selectedContactIds();
    if (ids.isEmpty())
        return;
    const QString label = tr("Delete %Ln contact(s)", nullptr, static_cast<int>(ids.size()));
    auto removed = m_session->engine().remove(ids, {QStringLiteral("manual"), label});
    if (!removed) {
        showError(FieldValidator::errorText(removed.error().code));
        return;
    }
    refresh();
    statusBar()->showMessage(tr("Deleted %Ln contact(s). Undo brings them back.", nullptr, *removed), 5000);
}

ContactEditorDialog* MainWindow::editContact(qint64 contactId)
{
    // The editor checks phones with the engine's region: the one `roster config set` may have just changed.
    m_session->engine().reloadPhoneRegion();
    auto* dialog = new ContactEditorDialog(*m_session, contactId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ContactEditorDialog::saved, this, [this](qint64 id) {
        refresh();
        selectContact(id);
    });
    connect(dialog, &ContactEditorDialog::openContactRequested, this,
            [this](qint64 id) { QTimer::singleShot(0, this, [this, id] { editContact(id); }); });
    dialog->open();
    return dialog;
}

DuplicatesDialog* MainWindow::showDuplicates()
{
    auto* dialog = new DuplicatesDialog(*m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DuplicatesDialog::merged, this, &MainWindow::refresh);
    connect(dialog, &DuplicatesDialog::verdictRecorded, this, &MainWindow::refresh);
    connect(dialog, &DuplicatesDialog::openContactRequested, this, &MainWindow::editContact);
    dialog->open();
    return dialog;
}

PreferencesDialog* MainWindow::showPreferences()
{
    auto* dialog = new PreferencesDialog(*m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PreferencesDialog::phoneRegionChanged, this, [this](const QString& region) {
        statusBar()->showMessage(
            tr("Phone region: %1. It applies to numbers typed or imported from now on.").arg(region), 8000);
    });
    dialog->open();
    return dialog;
}

bool MainWindow::isReadOnly() const
{
    return m_session && m_session->database().isReadOnly();
}

// A file the user cannot write opens for reading: every action that would write is off, and the status bar
// says why, rather than each of them failing when tried.
void MainWindow::showReadOnly()
{
    const bool readOnly = isReadOnly();
    for (const char* name : {"newContactAction", "importAction", "duplicatesAction", "addAccountAction"}) {
        if (auto* action = findChild<QAction*>(QLatin1String(name)))
            action->setEnabled(!readOnly);
    }
    m_syncNow->setEnabled(!readOnly);
    setAcceptDrops(!readOnly);
    m_readOnly->setVisible(readOnly);
    m_readOnly->setText(tr("Read-only"));
    m_readOnly->setToolTip(tr("You cannot write %1, so Roster only shows its contacts. Copy it to a folder of "
                              "yours, or ask its owner for write access, to change it.")
                               .arg(QDir::toNativeSeparators(m_session->database().path())));
}

ImportDialog* MainWindow::importFile(const QString& path)
{
    // Reading the database through the import would also drop this window's locks on it.
    if (Database::isDatabaseFile(m_session->database().path(), path)) {
        showError(FieldValidator::errorText(ErrorCode::OwnDatabaseFile));
        return nullptr;
    }
    if (isReadOnly()) {
        showError(FieldValidator::errorText(ErrorCode::ReadOnlyDatabase));
        return nullptr;
    }
    // One import at a time: a second file waits for the first, whose dialog comes back.
    if (ImportDialog* running = m_importStatus->running()) {
        running->open();
        statusBar()->showMessage(
            tr("An import is running: import %1 when it ends.").arg(QDir::toNativeSeparators(path)), 8000);
        return nullptr;
    }
    auto* dialog = new ImportDialog(*m_session, path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::imported, this, &MainWindow::refresh);
    m_importStatus->follow(dialog);
    dialog->open();
    return dialog;
}

void MainWindow::exportContacts()
{
    const QString path = FileDialogs::saveFile(this, tr("Export contacts"), QStringLiteral("contacts.csv"),
                                               tr("CSV files (*.csv);;vCard files (*.vcf)"));
    if (path.isEmpty())
        return;
    if (Database::isDatabaseFile(m_session->database().path(), path)) {
        showError(FieldValidator::errorText(ErrorCode::OwnDatabaseFile));
        return;
    }
    auto written = TableExporter::exportTo(*m_session, path);
    if (!written)
        showError(tr("Cannot export to %1: %2").arg(QDir::toNativeSeparators(path), written.error().detail));
    else
        statusBar()->showMessage(tr("Exported %Ln contact(s).", nullptr, static_cast<int>(*written)), 5000);
}

QString MainWindow::importablePath(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().first().isLocalFile())
        return {};
    const QString path = mime->urls().first().toLocalFile();
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("csv") || suffix == QLatin1String("vcf") || suffix == QLatin1String("vcard")
            || suffix == QLatin1String("txt")
        ? path
        : QString();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!importablePath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = importablePath(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    // Leave the drag-and-drop loop before opening a dialog.
    QTimer::singleShot(0, this, [this, path] { importFile(path); });
}

void MainWindow::showColumnMenu(const QPoint& position)
{
    QHeaderView* header = m_table->horizontalHeader();
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("columnMenu"));
    for (int column = 0; column < kFieldCount; ++column) {
        QAction* toggle = menu.addAction(FieldLabels::label(ContactTableModel::fieldAt(column)));
        toggle->setCheckable(true);
        toggle->setChecked(!header->isSectionHidden(column));
        connect(toggle, &QAction::toggled, this, [this, header, column](bool visible) {
            // Keep at least one column.
            if (!visible && header->count() - header->hiddenSectionCount() <= 1)
                return;
            header->setSectionHidden(column, !visible);
            saveSettings();
        });
    }
    menu.exec(header->mapToGlobal(position));
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        resize(1200, 760);
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    QHeaderView* header = m_table->horizontalHeader();
    if (!header->restoreState(settings.value(QStringLiteral("columns")).toByteArray())) {
        const QList<Field> shown {Field::FirstName,   Field::LastName, Field::Email, Field::Phone,
                                  Field::CompanyName, Field::JobTitle, Field::City};
        for (int column = 0; column < kFieldCount; ++column)
            header->setSectionHidden(column, !shown.contains(ContactTableModel::fieldAt(column)));
        header->resizeSection(int(Field::Email), 230);
        header->resizeSection(int(Field::JobTitle), 190);
        m_fitColumns = true;
    }
    // Opening on a million rows sorted by an unindexed column would be slow: start in the stored order.
    header->setSortIndicator(-1, Qt::AscendingOrder);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("columns"), m_table->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    event->accept();
}

void MainWindow::showError(const QString& text)
{
    statusBar()->showMessage(text, 8000);
    // Not exec(): a nested event loop here would re-enter the model that reported the error.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Roster"), text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace roster
