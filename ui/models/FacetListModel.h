#pragma once

#include "store/ContactQuery.h"

#include <QAbstractListModel>

namespace roster {

// A sidebar list: tags or companies with their number of contacts. Row 0 is "All", which clears the filter.
class FacetListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FacetListModel)

public:
    enum Role { FacetIdRole = Qt::UserRole + 1, CountRole };

    explicit FacetListModel(QString allLabel, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    void setFacets(QVector<FacetCount> facets, qint64 total);
    qint64 facetId(int row) const;
    int rowOf(qint64 facetId) const;
    // The names listed, without "All".
    QStringList names() const;

private:
    QString m_allLabel;
    QVector<FacetCount> m_facets;
    qint64 m_total = 0;
};

} // namespace roster
