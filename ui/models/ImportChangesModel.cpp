#include "ImportChangesModel.h"

#include "FieldLabels.h"
#include "contact/Field.h"

namespace roster {

ImportChangesModel::ImportChangesModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ImportChangesModel::setOutcomes(const QVector<ImportRowOutcome>& outcomes)
{
    beginResetModel();
    m_changes.clear();
    m_names.clear();
    m_rowsChanged = 0;
    for (const ImportRowOutcome& outcome : outcomes) {
        if (outcome.result.status != UpsertResult::Status::Updated || outcome.result.changes.isEmpty())
            continue;
        ++m_rowsChanged;
        for (const FieldChange& change : outcome.result.changes)
            m_changes.append(Change {outcome.line, outcome.result.contactId, change});
    }
    m_shown = static_cast<int>(std::min<qsizetype>(kPageSize, m_changes.size()));
    endResetModel();
}

void ImportChangesModel::clear()
{
    setOutcomes({});
}

int ImportChangesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_shown;
}

int ImportChangesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ImportChangesModel::fieldLabel(const QString& name)
{
    if (const auto field = FieldRegistry::fromName(name))
        return FieldLabels::label(*field);
    return name;
}

QString ImportChangesModel::contactName(qint64 id) const
{
    auto found = m_names.constFind(id);
    if (found == m_names.constEnd()) {
        QString name = m_lookup ? m_lookup(id) : QString();
        found = m_names.insert(id, name.isEmpty() ? tr("Contact %1").arg(id) : name);
    }
    return *found;
}

QVariant ImportChangesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Change& c = m_changes.at(index.row());
    if (role == Qt::ToolTipRole && (index.column() == BeforeColumn || index.column() == AfterColumn))
        return index.column() == BeforeColumn ? c.change.before : c.change.after;
    if (role == Qt::ToolTipRole && index.column() == FieldColumn)
        return c.change.field;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case LineColumn:
        return c.line;
    case ContactColumn:
        return contactName(c.contactId);
    case FieldColumn:
        return fieldLabel(c.change.field);
    case BeforeColumn:
        return c.change.before.isEmpty() ? tr("(empty)") : c.change.before;
    case AfterColumn:
        return c.change.after.isEmpty() ? tr("(empty)") : c.change.after;
    default:
        return {};
    }
}

QVariant ImportChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LineColumn:
        return tr("Line");
    case ContactColumn:
        return tr("Contact");
    case FieldColumn:
        return tr("Field");
    case BeforeColumn:
        return tr("Now");
    case AfterColumn:
        return tr("After the import");
    default:
        return {};
    }
}

bool ImportChangesModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_shown < m_changes.size();
}

void ImportChangesModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    const int more = static_cast<int>(std::min<qsizetype>(kPageSize, m_changes.size() - m_shown));
    beginInsertRows({}, m_shown, m_shown + more - 1);
    m_shown += more;
    endInsertRows();
}

} // namespace roster
