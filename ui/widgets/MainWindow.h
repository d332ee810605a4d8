#pragma once

#include <QMainWindow>

class QLabel;
class QTableView;

namespace roster {

class ContactTableModel;
class StoreSession;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(StoreSession& session, QWidget* parent = nullptr);

private:
    void createActions();
    void updateStatus();
    void undoLast(bool redo);

    StoreSession& m_session;
    ContactTableModel* m_model;
    QTableView* m_table;
    QLabel* m_count;
};

} // namespace roster
