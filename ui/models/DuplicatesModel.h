#pragma once

#include "store/DuplicateFinder.h"

#include <QAbstractTableModel>

namespace roster {

class ContactStore;

// The pairs of possible duplicates, one row each, strongest first: both names, the score, every reason,
// and the shared value.
class DuplicatesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DuplicatesModel)

public:
    enum Column { FirstColumn, SecondColumn, ScoreColumn, ReasonColumn, KeyColumn, ColumnCount };

    explicit DuplicatesModel(ContactStore& store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setPairs(QVector<DuplicatePair> pairs);
    const DuplicatePair& pair(int row) const { return m_pairs.at(row); }
    // The two contacts as listed ("Jane Smith <jane@acme.com>").
    QString firstName(int row) const { return m_names.at(row * 2); }
    QString secondName(int row) const { return m_names.at(row * 2 + 1); }
    void removePair(int row);

    static QString reasonText(DuplicateReason reason);
    // The reason with its detail where it has one ("Flagged on import: LinkedIn also matches").
    static QString reasonText(const DuplicatePair& pair, DuplicateReason reason);
    // Every reason of the pair, strongest first, joined.
    static QString reasonsText(const DuplicatePair& pair);

private:
    QString describe(qint64 contactId) const;

    ContactStore& m_store;
    QVector<DuplicatePair> m_pairs;
    QVector<QString> m_names; // two per pair, read once when the pairs are set
};

} // namespace roster
