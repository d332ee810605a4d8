#include "ScreenshotTour.h"

#include "MainWindow.h"
#include "SelectionActions.h"
#include "SyncPanel.h"
#include "dialogs/AccountDialog.h"
#include "dialogs/ContactEditorDialog.h"
#include "dialogs/DuplicatesDialog.h"
#include "dialogs/ImportDialog.h"
#include "dialogs/MergeDialog.h"
#include "models/ContactTableModel.h"
#include "models/SyncAccountsModel.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTextStream>
#include <QThread>

namespace roster {

ScreenshotTour::ScreenshotTour(MainWindow& window, QString directory, QString importFile, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(std::move(directory))
    , m_importFile(std::move(importFile))
{
}

void ScreenshotTour::settle(int ms)
{
    // Let layouts, deferred loads (the sidebar) and paints finish.
    const QDeadlineTimer deadline(ms);
    while (!deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
}

void ScreenshotTour::grab(QWidget* widget, const QString& name)
{
    settle();
    const QString path = QDir(m_directory).filePath(name + QStringLiteral(".png"));
    const bool ok = widget->grab().save(path);
    QTextStream(stdout) << (ok ? "wrote " : "could not write ") << path << Qt::endl;
}

void ScreenshotTour::grabContextMenu()
{
    // The table's right-click menu over the selected row: a popup is a window of its own, so the picture is
    // the main window's with the menu's drawn where it opened.
    QTableView* table = m_window.table();
    QMenu* menu = m_window.selectionActions()->buildMenu(&m_window);
    const QRect row = table->visualRect(table->model()->index(2, 1));
    menu->popup(table->viewport()->mapToGlobal(row.center()));
    settle();
    QPixmap shot = m_window.grab();
    {
        QPainter painter(&shot);
        painter.drawPixmap(m_window.mapFromGlobal(menu->pos()), menu->grab());
    }
    const QString path = QDir(m_directory).filePath(QStringLiteral("context-menu.png"));
    QTextStream(stdout) << (shot.save(path) ? "wrote " : "could not write ") << path << Qt::endl;
    menu->close();
    menu->deleteLater();
}

void ScreenshotTour::start()
{
    QDir().mkpath(m_directory);
    // The contacts alone first, whatever the last session left open (quitting closes the window, which
    // saves its state).
    if (auto* dock = m_window.findChild<QDockWidget*>(QStringLiteral("syncDock")))
        dock->hide();
    // ROSTER_SCREENSHOT_WIDTH: the views at a narrower window (1024 px: what must not cut text off).
    if (const int width = qEnvironmentVariableIntValue("ROSTER_SCREENSHOT_WIDTH"); width > 0)
        m_window.resize(width, m_window.height());
    m_window.table()->selectRow(2);
    grab(&m_window, QStringLiteral("main-window"));
    grabContextMenu();

    // A search as typed: a domain is one phrase ("bell example*") that the index answers term by term and
    // SearchMatcher checks, so only the contacts at that domain are listed.
    m_window.searchBox()->setText(QStringLiteral("bell.ex"));
    grab(&m_window, QStringLiteral("search"));
    m_window.searchBox()->clear();
    settle();

    ContactEditorDialog* editor = m_window.editContact(m_window.currentContactId());
    grab(editor, QStringLiteral("editor"));
    editor->close();

    // New Contact typed with someone else's email: the prompt that offers to open or add to that contact.
    ContactEditorDialog* created = m_window.editContact(0);
    const auto type = [created](const char* name, const QString& text) {
        if (auto* edit = created->findChild<QLineEdit*>(QLatin1String(name)))
            edit->setText(text);
    };
    type("field_first_name", QStringLiteral("Zoe"));
    type("field_last_name", QStringLiteral("A."));
    type("field_email", QStringLiteral("Zoe@Globex.com"));
    type("field_job_title", QStringLiteral("Sales"));
    if (auto* save = created->findChild<QPushButton*>(QStringLiteral("saveButton")))
        save->click();
    grab(created, QStringLiteral("new-contact-collision"));
    created->close();

    if (!m_importFile.isEmpty()) {
        ImportDialog* import = m_window.importFile(m_importFile);
        grab(import, QStringLiteral("import-dialog"));
        // Check First: what the import would change in the contacts that exist, field by field.
        if (auto* check = import->findChild<QPushButton*>(QStringLiteral("dryRunButton"))) {
            check->click();
            auto* said = import->findChild<QLabel*>(QStringLiteral("dryRunSummary"));
            const QDeadlineTimer deadline(15000);
            while (!deadline.hasExpired() && !(said && !said->text().isEmpty()))
                settle(50);
            grab(import, QStringLiteral("import-check-first"));
        }
        // The report after the import: the summary and each row's error or warning.
        if (auto* start = import->findChild<QPushButton*>(QStringLiteral("startImportButton"))) {
            start->click();
            auto* issues = import->findChild<QWidget*>(QStringLiteral("importIssues"));
            const QDeadlineTimer deadline(15000);
            while (!deadline.hasExpired() && !(issues && issues->isVisible()))
                settle(50);
            grab(import, QStringLiteral("import-report"));
        }
        import->close();
    }

    DuplicatesDialog* duplicates = m_window.showDuplicates();
    grab(duplicates, QStringLiteral("duplicates"));
    if (MergeDialog* merge = duplicates->mergeRow(0)) {
        grab(merge, QStringLiteral("merge"));
        merge->close();
    }
    duplicates->close();
    syncViews();
    QApplication::quit();
}

void ScreenshotTour::syncViews()
{
    SyncPanel* panel = m_window.showSyncPanel();
    if (!panel || panel->accountsModel()->rowCount() == 0)
        return;
    auto* dock = m_window.findChild<QDockWidget*>(QStringLiteral("syncDock"));
    m_window.resizeDocks({dock}, {400}, Qt::Vertical);
    // A Sync Now half way: each account's bar and time left, the errors of the last run of each.
    const int sales = panel->accountsModel()->rowCount() - 1;
    panel->accountsView()->selectRow(sales);
    // The conflict inbox first: the script's sample conflict is settled by the sync's own merge once the
    // pull reads the service's real value.
    panel->tabs()->setCurrentIndex(1);
    panel->conflictsView()->selectRow(0);
    grab(dock, QStringLiteral("sync-conflicts"));
    panel->tabs()->setCurrentIndex(0);
    if (panel->syncNow()) {
        const QModelIndex progress = panel->accountsModel()->index(sales, SyncAccountsModel::ProgressColumn);
        const QDeadlineTimer deadline(8000);
        while (!deadline.hasExpired() && progress.data(SyncAccountsModel::DoneRole).toLongLong() < 10)
            settle(50);
    }
    grab(&m_window, QStringLiteral("sync-panel"));
    const QDeadlineTimer finished(30000);
    while (!finished.hasExpired() && panel->isSyncing())
        settle(100);
    // The history of the selected account.
    panel->tabs()->setCurrentIndex(2);
    grab(dock, QStringLiteral("sync-history"));

    // The dialog of an account with an option, after Test connection.
    panel->accountsView()->selectRow(0);
    if (AccountDialog* dialog = panel->editAccount()) {
        settle();
        dialog->testConnection();
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && dialog->resultLabel()->text().endsWith(QStringLiteral("…")))
            settle(100);
        grab(dialog, QStringLiteral("account-dialog"));
        dialog->close();
    }
    dock->hide();
}

} // namespace roster
