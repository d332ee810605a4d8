#include "FacetListModel.h"

#include <QLocale>

namespace roster {

FacetListModel::FacetListModel(QString allLabel, QObject* parent)
    : QAbstractListModel(parent)
    , m_allLabel(std::move(allLabel))
{
}

int FacetListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_facets.size()) + 1;
}

QVariant FacetListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool all = index.row() == 0;
    const QString name = all ? m_allLabel : m_facets.at(index.row() - 1).name;
    const qint64 count = all ? m_total : m_facets.at(index.row() - 1).count;
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 (%2)").arg(name, QLocale().toString(count));
    case Qt::ToolTipRole:
        // The sidebar is narrow: a long tag or company name is cut there, so the tip says it whole.
        return tr("%1\n%Ln contact(s)", nullptr, static_cast<int>(count)).arg(name);
    case FacetIdRole:
        return all ? qint64(0) : m_facets.at(index.row() - 1).id;
    case CountRole:
        return count;
    default:
        return {};
    }
}

void FacetListModel::setFacets(QVector<FacetCount> facets, qint64 total)
{
    beginResetModel();
    m_facets = std::move(facets);
    m_total = total;
    endResetModel();
}

qint64 FacetListModel::facetId(int row) const
{
    return row <= 0 || row > m_facets.size() ? 0 : m_facets.at(row - 1).id;
}

QStringList FacetListModel::names() const
{
    QStringList list;
    list.reserve(m_facets.size());
    for (const FacetCount& facet : m_facets)
        list << facet.name;
    return list;
}

int FacetListModel::rowOf(qint64 facetId) const
{
    if (facetId == 0)
        return 0;
    for (qsizetype i = 0; i < m_facets.size(); ++i) {
        if (m_facets.at(i).id == facetId)
            return static_cast<int>(i) + 1;
    }
    return -1;
}

} // namespace roster
