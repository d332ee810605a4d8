#include "MainWindow.h"

#include "models/ContactTableModel.h"
#include "store/StoreSession.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>

namespace roster {

MainWindow::MainWindow(StoreSession& session, QWidget* parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_model(new ContactTableModel(session.contacts(), this))
    , m_table(new QTableView(this))
    , m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Roster — %1").arg(session.database().path()));
    m_table->setObjectName(QStringLiteral("contactTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(160);
    setCentralWidget(m_table);
    m_count->setObjectName(QStringLiteral("contactCount"));
    statusBar()->addPermanentWidget(m_count);
    createActions();
    updateStatus();
    resize(1100, 700);
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = edit->addAction(tr("&Undo"), this, [this] { undoLast(false); });
    undo->setObjectName(QStringLiteral("undoAction"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = edit->addAction(tr("&Redo"), this, [this] { undoLast(true); });
    redo->setObjectName(QStringLiteral("redoAction"));
    redo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
}

void MainWindow::undoLast(bool redo)
{
    auto step = redo ? m_session.undo().redo() : m_session.undo().undo();
    if (!step) {
        statusBar()->showMessage(step.error().detail, 5000);
        return;
    }
    m_model->reload();
    updateStatus();
    statusBar()->showMessage((redo ? tr("Redone: %1") : tr("Undone: %1")).arg(step->label), 5000);
}

void MainWindow::updateStatus()
{
    m_count->setText(tr("%n contact(s)", nullptr, m_model->rowCount()));
}

} // namespace roster
