#pragma once

#include <QMainWindow>
#include <QVector>

#include <memory>

class QDockWidget;
class QLabel;
class QMimeData;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;

namespace roster {

class ContactEditorDialog;
class ContactQuery;
class ContactTableModel;
class DuplicatesDialog;
class ExternalWritesStatus;
class ImportDialog;
class ImportStatus;
class NoMatchHint;
class SelectionActions;
class PreferencesDialog;
class SidebarWidget;
class StoreSession;
class SyncPanel;

// The main window: the contact table with its sidebar, search box, menus and toolbar. It owns the open
// database (File > Open and File > New replace it) and refreshes the table after every write.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    static constexpr int kWindowCacheKiB = 16 * 1024;

    explicit MainWindow(std::unique_ptr<StoreSession> session, QWidget* parent = nullptr);
    ~MainWindow() override;

    StoreSession& session() { return *m_session; }
    ContactTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }

    // The dialogs open window-modal and delete themselves on close; returned for tests and screenshots.
    ContactEditorDialog* editContact(qint64 contactId);
    DuplicatesDialog* showDuplicates();
    ImportDialog* importFile(const QString& path);
    // Edit > Preferences: the open database's settings (the phone region).
    PreferencesDialog* showPreferences();
    bool openDatabase(const QString& path);
    // The sync panel, docked at the bottom; shown (and raised) by showSyncPanel().
    SyncPanel* syncPanel() const { return m_syncPanel; }
    SyncPanel* showSyncPanel();
    // After any write: counts, sidebar, table and the Edit menu's undo texts.
    void refresh();
    // The list again after another program's commits (ExternalWritesStatus), keeping the user's place.
    void showExternalWrites();
    qint64 currentContactId() const;
    QVector<qint64> selectedContactIds() const;
    SelectionActions* selectionActions() const { return m_selection; }
    QLineEdit* searchBox() const { return m_search; }
    NoMatchHint* noMatchHint() const { return m_noMatch; }
    void selectContact(qint64 contactId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createCentralArea();
    void createSyncPanel();
    void attachSession(std::unique_ptr<StoreSession> session);
    void applySearch();
    void updateStatus();
    void fitColumns();
    void updateUndoActions();
    void undoLast(bool redo);
    void deleteSelected();
    void exportContacts();
    void chooseDatabase(bool create);
    void showColumnMenu(const QPoint& position);
    void restoreSettings();
    void saveSettings() const;
    void showError(const QString& text);
    bool isReadOnly() const;
    void showReadOnly();
    static QString importablePath(const QMimeData* mime);

    std::unique_ptr<StoreSession> m_session;
    std::unique_ptr<ContactQuery> m_query;
    ContactTableModel* m_model = nullptr;
    bool m_undoPending = false; // the undo label waits for the first paint of the table
    QTableView* m_table = nullptr;
    QLabel* m_emptyHint = nullptr; // over the table while the database has no contacts
    NoMatchHint* m_noMatch = nullptr; // over the table while the search or the sidebar matches nothing
    SelectionActions* m_selection = nullptr;
    bool m_fitColumns = false; // no widths of the user's yet: fit the columns to the first rows shown
    SidebarWidget* m_sidebar = nullptr;
    QSplitter* m_splitter = nullptr;
    QLineEdit* m_search = nullptr;
    QTimer* m_searchTimer = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_readOnly = nullptr; // shown while the database file cannot be written
    ImportStatus* m_importStatus = nullptr; // an import running behind the window
    ExternalWritesStatus* m_externalWrites = nullptr; // another program writing to the file
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_edit = nullptr;
    QAction* m_delete = nullptr;
    QDockWidget* m_syncDock = nullptr;
    SyncPanel* m_syncPanel = nullptr; // one per open database
    QAction* m_syncNow = nullptr;
};

} // namespace roster
