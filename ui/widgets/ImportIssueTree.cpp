#include "ImportIssueTree.h"

#include "models/ImportIssuesModel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>

#include <algorithm>

namespace roster {

ImportIssueTree::ImportIssueTree(QWidget* parent)
    : QTreeView(parent)
    , m_model(new ImportIssuesModel(this))
{
    setModel(m_model);
    setUniformRowHeights(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    header()->setStretchLastSection(true);
    connect(this, &QTreeView::expanded, this, [this] { resizeColumnToContents(ImportIssuesModel::FieldColumn); });
}

void ImportIssueTree::setIssues(const ImportIssues& errors, const ImportIssues& warnings)
{
    m_model->setIssues(errors, warnings);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        setFirstColumnSpanned(row, {}, true);
        // Rejections are what the user must act on: open from the start.
        if (m_model->index(row, 0).data(ImportIssuesModel::RejectedRole).toBool())
            expand(m_model->index(row, 0));
    }
    resizeColumnToContents(ImportIssuesModel::ProblemColumn);
}

QStringList ImportIssueTree::groupTitles() const
{
    QStringList titles;
    for (int row = 0; row < m_model->rowCount(); ++row)
        titles << m_model->index(row, 0).data().toString();
    return titles;
}

QString ImportIssueTree::selectedText() const
{
    QModelIndexList rows = selectionModel()->selectedRows();
    // In the tree's order, not the order of selection: a group, then its rows.
    const auto position = [](const QModelIndex& index) {
        return index.parent().isValid() ? std::pair {index.parent().row(), index.row()} : std::pair {index.row(), -1};
    };
    std::sort(rows.begin(), rows.end(),
              [&](const QModelIndex& a, const QModelIndex& b) { return position(a) < position(b); });
    QStringList lines;
    for (const QModelIndex& row : std::as_const(rows)) {
        QStringList cells;
        for (int column = 0; column < m_model->columnCount(); ++column)
            cells << row.siblingAtColumn(column).data().toString();
        while (!cells.isEmpty() && cells.last().isEmpty())
            cells.removeLast();
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

void ImportIssueTree::keyPressEvent(QKeyEvent* event)
{
    if (event == QKeySequence::Copy) {
        QGuiApplication::clipboard()->setText(selectedText());
        event->accept();
        return;
    }
    QTreeView::keyPressEvent(event);
}

} // namespace roster
