#include "ImportIssueTree.h"

#include "FieldValidator.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>

#include <algorithm>

namespace roster {

namespace {
constexpr int kGroupRole = Qt::UserRole + 1;
}

ImportIssueTree::ImportIssueTree(QWidget* parent)
    : QTreeWidget(parent)
{
    setColumnCount(3);
    setHeaderLabels({tr("Problem / line"), tr("Field"), tr("Details")});
    setUniformRowHeights(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    header()->setStretchLastSection(true);
    connect(this, &QTreeWidget::itemExpanded, this, &ImportIssueTree::fill);
}

void ImportIssueTree::setIssues(const QVector<ImportIssue>& errors, const QVector<ImportIssue>& warnings)
{
    clear();
    m_groups.clear();
    const auto add = [this](const QVector<ImportIssue>& issues, bool rejected) {
        const qsizetype first = m_groups.size();
        for (const ImportIssue& issue : issues) {
            auto group = std::find_if(m_groups.begin() + first, m_groups.end(),
                                      [&](const Group& g) { return g.code == issue.code; });
            if (group == m_groups.end()) {
                m_groups.append(Group {rejected, issue.code, {}});
                group = m_groups.end() - 1;
            }
            group->issues.append(issue);
        }
    };
    add(errors, true);
    add(warnings, false);
    // Rejections before anything else; then the merges; then the rarest warnings, which the common ones
    // would otherwise bury.
    const auto rank = [](const Group& g) { return g.rejected ? 0 : g.code == ErrorCode::DuplicateInFile ? 1 : 2; };
    std::stable_sort(m_groups.begin(), m_groups.end(), [&](const Group& a, const Group& b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        return a.rejected ? a.issues.size() > b.issues.size() : a.issues.size() < b.issues.size();
    });
    for (int index = 0; index < m_groups.size(); ++index) {
        auto* item = new QTreeWidgetItem(this, {title(m_groups.at(index))});
        item->setData(ProblemColumn, kGroupRole, index);
        item->setChildIndicatorPolicy(QTreeWidgetItem::ShowIndicator);
        item->setFirstColumnSpanned(true);
        QFont bold = item->font(ProblemColumn);
        bold.setBold(m_groups.at(index).rejected);
        item->setFont(ProblemColumn, bold);
        // Rejections are what the user must act on: open from the start.
        if (m_groups.at(index).rejected)
            item->setExpanded(true);
    }
    resizeColumnToContents(ProblemColumn);
}

QStringList ImportIssueTree::groupTitles() const
{
    QStringList titles;
    for (int row = 0; row < topLevelItemCount(); ++row)
        titles << topLevelItem(row)->text(ProblemColumn);
    return titles;
}

QString ImportIssueTree::selectedText() const
{
    QStringList lines;
    // In the tree's order, not the order of selection.
    for (QTreeWidgetItemIterator it(const_cast<ImportIssueTree*>(this), QTreeWidgetItemIterator::Selected); *it; ++it) {
        QStringList cells;
        for (int column = 0; column < columnCount(); ++column)
            cells << (*it)->text(column);
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
    QTreeWidget::keyPressEvent(event);
}

QString ImportIssueTree::title(const Group& group)
{
    const QString count = QLocale().toString(group.issues.size());
    QString problem = FieldValidator::errorText(group.code);
    if (problem.endsWith(QLatin1Char('.')))
        problem.chop(1);
    if (group.rejected)
        return tr("Rejected — %1 (%2)").arg(problem, count);
    if (group.code == ErrorCode::DuplicateInFile)
        return tr("Merged — %1 (%2)").arg(problem, count);
    return tr("Warning — %1 (%2)").arg(problem, count);
}

void ImportIssueTree::fill(QTreeWidgetItem* groupItem)
{
    const QVariant index = groupItem->data(ProblemColumn, kGroupRole);
    if (!index.isValid() || groupItem->childCount() > 0)
        return;
    QList<QTreeWidgetItem*> rows;
    const Group& group = m_groups.at(index.toInt());
    rows.reserve(group.issues.size());
    for (const ImportIssue& issue : group.issues)
        rows << new QTreeWidgetItem({tr("Line %1").arg(issue.line), issue.field, issue.message});
    groupItem->addChildren(rows);
    resizeColumnToContents(FieldColumn);
}

} // namespace roster
