#include "ImportIssuesModel.h"

#include "widgets/FieldValidator.h"

#include <QFont>
#include <QLocale>

#include <algorithm>

namespace roster {

namespace {
// An index's internal id: 0 for a group, else its group's row + 1.
constexpr quintptr kGroupId = 0;
} // namespace

ImportIssuesModel::ImportIssuesModel(QObject* parent)
    : QAbstractItemModel(parent)
{
}

void ImportIssuesModel::setIssues(const ImportIssues& errors, const ImportIssues& warnings)
{
    beginResetModel();
    m_groups.clear();
    m_errors = errors;
    m_warnings = warnings;
    const auto add = [this](const ImportIssues& issues, bool rejected) {
        const qsizetype first = m_groups.size();
        for (qsizetype i = 0; i < issues.size(); ++i) {
            const ErrorCode code = issues.code(i);
            auto group = std::find_if(m_groups.begin() + first, m_groups.end(),
                                      [&](const Group& g) { return g.code == code; });
            if (group == m_groups.end()) {
                m_groups.append(Group {rejected, code, {}});
                group = m_groups.end() - 1;
            }
            group->issues.append(i);
        }
    };
    add(m_errors, true);
    add(m_warnings, false);
    // Rejections before anything else; then the merges; then the rarest warnings, which the common ones
    // would otherwise bury.
    const auto rank = [](const Group& g) { return g.rejected ? 0 : g.code == ErrorCode::DuplicateInFile ? 1 : 2; };
    std::stable_sort(m_groups.begin(), m_groups.end(), [&](const Group& a, const Group& b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        return a.rejected ? a.issues.size() > b.issues.size() : a.issues.size() < b.issues.size();
    });
    endResetModel();
}

QModelIndex ImportIssuesModel::index(int row, int column, const QModelIndex& parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupId);
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex ImportIssuesModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupId);
}

int ImportIssuesModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.internalId() != kGroupId || parent.column() != 0)
        return 0;
    return static_cast<int>(m_groups.at(parent.row()).issues.size());
}

int ImportIssuesModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant ImportIssuesModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const bool isGroup = index.internalId() == kGroupId;
    const Group& group = m_groups.at(isGroup ? index.row() : static_cast<qsizetype>(index.internalId() - 1));
    if (role == RejectedRole)
        return group.rejected;
    if (isGroup) {
        if (role == Qt::DisplayRole && index.column() == ProblemColumn)
            return title(group);
        if (role == Qt::FontRole && group.rejected) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    return issueData(group, index.row(), index.column());
}

QVariant ImportIssuesModel::issueData(const Group& group, int row, int column) const
{
    const ImportIssues& issues = group.rejected ? m_errors : m_warnings;
    const qsizetype i = group.issues.at(row);
    if (column == ProblemColumn)
        return tr("Line %1").arg(issues.line(i));
    const ImportIssue issue = issues.at(i);
    return column == FieldColumn ? issue.field : issue.message;
}

QVariant ImportIssuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ProblemColumn:
        return tr("Problem / line");
    case FieldColumn:
        return tr("Field");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

QString ImportIssuesModel::title(const Group& group)
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

} // namespace roster
