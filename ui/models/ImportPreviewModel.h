#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace roster {

// The first rows of a file to import, under its header, with each column's chosen target in the header.
class ImportPreviewModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportPreviewModel)

public:
    explicit ImportPreviewModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setContents(QStringList header, QVector<QStringList> rows);
    // The label of the target a column feeds, shown under its header; empty for a column left out.
    void setTargetLabel(int column, const QString& label);
    const QStringList& header() const { return m_header; }

private:
    QStringList m_header;
    QStringList m_targets;
    QVector<QStringList> m_rows;
};

} // namespace roster
