#include "ScreenshotTour.h"

#include "MainWindow.h"
#include "dialogs/ContactEditorDialog.h"
#include "dialogs/DuplicatesDialog.h"
#include "dialogs/ImportDialog.h"
#include "dialogs/MergeDialog.h"
#include "models/ContactTableModel.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QPixmap>
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

void ScreenshotTour::settle()
{
    // Let layouts, deferred loads (the sidebar) and paints finish.
    const QDeadlineTimer deadline(400);
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

void ScreenshotTour::start()
{
    QDir().mkpath(m_directory);
    m_window.table()->selectRow(2);
    grab(&m_window, QStringLiteral("main-window"));

    ContactEditorDialog* editor = m_window.editContact(m_window.currentContactId());
    grab(editor, QStringLiteral("editor"));
    editor->close();

    if (!m_importFile.isEmpty()) {
        ImportDialog* import = m_window.importFile(m_importFile);
        grab(import, QStringLiteral("import-dialog"));
        import->close();
    }

    DuplicatesDialog* duplicates = m_window.showDuplicates();
    grab(duplicates, QStringLiteral("duplicates"));
    if (MergeDialog* merge = duplicates->mergeRow(0)) {
        grab(merge, QStringLiteral("merge"));
        merge->close();
    }
    duplicates->close();
    QApplication::quit();
}

} // namespace roster
