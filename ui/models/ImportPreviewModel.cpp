#include "ImportPreviewModel.h"

namespace roster {

ImportPreviewModel::ImportPreviewModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int ImportPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_header.size());
}

QVariant ImportPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    return m_rows.at(index.row()).value(index.column());
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_header.size()) {
        const QString target = m_targets.value(section);
        return QString(m_header.at(section) + QLatin1Char('\n') + (target.isEmpty() ? QStringLiteral("—") : target));
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

void ImportPreviewModel::setContents(QStringList header, QVector<QStringList> rows)
{
    beginResetModel();
    m_header = std::move(header);
    m_rows = std::move(rows);
    m_targets = QStringList(m_header.size(), QString());
    endResetModel();
}

void ImportPreviewModel::setTargetLabel(int column, const QString& label)
{
    if (column < 0 || column >= m_targets.size() || m_targets.at(column) == label)
        return;
    m_targets[column] = label;
    emit headerDataChanged(Qt::Horizontal, column, column);
}

} // namespace roster
