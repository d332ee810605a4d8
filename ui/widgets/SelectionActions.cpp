#include "SelectionActions.h"

#include "MainWindow.h"
#include "SidebarWidget.h"
#include "dialogs/MergeDialog.h"
#include "models/ContactTableModel.h"
#include "models/FacetListModel.h"
#include "store/ContactTagger.h"
#include "store/StoreSession.h"
#include "widgets/FieldValidator.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QMenu>
#include <QStatusBar>
#include <QTableView>
#include <QUrl>

namespace roster {

SelectionActions::SelectionActions(MainWindow& window)
    : QObject(&window)
    , m_window(window)
    , m_addTag(new QAction(tr("Add &Tag…"), this))
    , m_removeTag(new QAction(tr("&Remove Tag…"), this))
    , m_merge(new QAction(tr("&Merge Selected…"), this))
    , m_copyEmail(new QAction(tr("&Copy Email"), this))
    , m_openLinkedin(new QAction(tr("Open &LinkedIn Profile"), this))
{
    m_addTag->setObjectName(QStringLiteral("addTagAction"));
    m_removeTag->setObjectName(QStringLiteral("removeTagAction"));
    m_merge->setObjectName(QStringLiteral("mergeSelectedAction"));
    m_copyEmail->setObjectName(QStringLiteral("copyEmailAction"));
    m_openLinkedin->setObjectName(QStringLiteral("openLinkedinAction"));
    m_addTag->setShortcut(Qt::CTRL | Qt::Key_T);
    connect(m_addTag, &QAction::triggered, this, [this] {
        const QString tag = askTag(tr("Add Tag"), tr("Tag to add to the selected contacts:"));
        if (!tag.isEmpty())
            addTag(tag);
    });
    connect(m_removeTag, &QAction::triggered, this, [this] {
        const QString tag = askTag(tr("Remove Tag"), tr("Tag to remove from the selected contacts:"));
        if (!tag.isEmpty())
            removeTag(tag);
    });
    connect(m_merge, &QAction::triggered, this, [this] { mergeSelected(); });
    connect(m_copyEmail, &QAction::triggered, this, [this] {
        QGuiApplication::clipboard()->setText(selectedValues(int(Field::Email)).join(QStringLiteral(", ")));
    });
    connect(m_openLinkedin, &QAction::triggered, this, [this] {
        const QStringList urls = selectedValues(int(Field::LinkedinUrl));
        if (!urls.isEmpty())
            QDesktopServices::openUrl(QUrl::fromUserInput(urls.first()));
    });
}

QVector<qint64> SelectionActions::selectedIds() const
{
    QVector<qint64> ids;
    const QItemSelectionModel* selection = m_window.table()->selectionModel();
    if (!selection)
        return ids;
    for (const QModelIndex& index : selection->selectedRows()) {
        if (const qint64 id = m_window.model()->contactId(index.row()))
            ids << id;
    }
    return ids;
}

// Selected rows are on screen, so their page is in the model's cache: no query.
QStringList SelectionActions::selectedValues(int column) const
{
    QStringList values;
    const QItemSelectionModel* selection = m_window.table()->selectionModel();
    if (!selection)
        return values;
    for (const QModelIndex& index : selection->selectedRows()) {
        const QString value = m_window.model()->index(index.row(), column).data().toString();
        if (!value.isEmpty())
            values << value;
    }
    return values;
}

void SelectionActions::update()
{
    // Called at each change of the selection, which may be every row of a million: count the ranges and
    // read the current row only, never each selected one.
    const QItemSelectionModel* selection = m_window.table()->selectionModel();
    qint64 selected = 0;
    if (selection) {
        for (const QItemSelectionRange& range : selection->selection())
            selected += range.height();
    }
    const int row = selection ? selection->currentIndex().row() : -1;
    const auto current = [this, row](Field field) {
        return row >= 0 && !m_window.model()->index(row, int(field)).data().toString().isEmpty();
    };
    const bool writable = !m_window.session().database().isReadOnly();
    m_addTag->setEnabled(selected > 0 && writable);
    m_removeTag->setEnabled(selected > 0 && writable);
    m_merge->setEnabled(selected >= 2 && writable);
    m_copyEmail->setEnabled(selected > 1 || (selected == 1 && current(Field::Email)));
    m_openLinkedin->setEnabled(selected == 1 && current(Field::LinkedinUrl));
}

QMenu* SelectionActions::buildMenu(QWidget* parent)
{
    update();
    auto* menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("contactMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (const char* name : {"editContactAction", "deleteAction"}) {
        if (auto* action = m_window.findChild<QAction*>(QLatin1String(name)))
            menu->addAction(action);
    }
    menu->addSeparator();
    menu->addActions({m_addTag, m_removeTag, m_merge});
    menu->addSeparator();
    menu->addActions({m_copyEmail, m_openLinkedin});
    return menu;
}

QString SelectionActions::askTag(const QString& title, const QString& label)
{
    bool ok = false;
    const QStringList tags = m_window.findChild<SidebarWidget*>()->tagModel()->names();
    const QString tag = QInputDialog::getItem(&m_window, title, label, tags, 0, true, &ok);
    return ok ? tag.trimmed() : QString();
}

int SelectionActions::addTag(const QString& tag)
{
    const QVector<qint64> ids = selectedIds();
    ContactTagger tagger(m_window.session().engine(), m_window.session().contacts());
    const QString label = tr("Tag %Ln contact(s) “%1”", nullptr, static_cast<int>(ids.size())).arg(tag);
    auto changed = tagger.addTag(ids, tag, {QStringLiteral("manual"), label});
    if (!changed) {
        m_window.statusBar()->showMessage(FieldValidator::errorText(changed.error().code), 8000);
        return 0;
    }
    m_window.refresh();
    m_window.statusBar()->showMessage(tr("Tagged %Ln contact(s) “%1”.", nullptr, *changed).arg(tag), 5000);
    return *changed;
}

int SelectionActions::removeTag(const QString& tag)
{
    const QVector<qint64> ids = selectedIds();
    ContactTagger tagger(m_window.session().engine(), m_window.session().contacts());
    const QString label = tr("Untag %Ln contact(s) “%1”", nullptr, static_cast<int>(ids.size())).arg(tag);
    auto changed = tagger.removeTag(ids, tag, {QStringLiteral("manual"), label});
    if (!changed) {
        m_window.statusBar()->showMessage(FieldValidator::errorText(changed.error().code), 8000);
        return 0;
    }
    m_window.refresh();
    m_window.statusBar()->showMessage(tr("Removed “%1” from %Ln contact(s).", nullptr, *changed).arg(tag), 5000);
    return *changed;
}

MergeDialog* SelectionActions::mergeSelected()
{
    return openMerge(selectedIds());
}

// The merge dialog compares two contacts: a third and more are merged into the kept one after, one by one.
MergeDialog* SelectionActions::openMerge(const QVector<qint64>& ids)
{
    if (ids.size() < 2)
        return nullptr;
    auto* dialog = new MergeDialog(m_window.session(), ids.at(0), ids.at(1), &m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QVector<qint64> rest = ids.mid(2);
    connect(dialog, &MergeDialog::merged, this, [this, rest](qint64 kept) {
        m_window.refresh();
        m_window.selectContact(kept);
        if (rest.isEmpty())
            return;
        const QVector<qint64> next = QVector<qint64> {kept} + rest;
        QMetaObject::invokeMethod(
            this, [this, next] { openMerge(next); }, Qt::QueuedConnection);
    });
    dialog->open();
    return dialog;
}

} // namespace roster
