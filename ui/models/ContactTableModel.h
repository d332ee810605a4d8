#pragma once

#include "contact/Contact.h"

#include <QAbstractTableModel>
#include <QCache>

namespace roster {

class ContactStore;

// The contact table over the store. It keeps only a window of rows (pages fetched on demand), so a
// million contacts open at once and memory stays flat.
class ContactTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactTableModel)

public:
    explicit ContactTableModel(ContactStore& store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Re-reads the row count and drops cached pages, after a write.
    void reload();
    qint64 contactId(int row) const;

    static QList<Field> columns();

private:
    static constexpr int kPageSize = 256;
    const QVector<Contact>* page(int row) const;

    ContactStore& m_store;
    qint64 m_rowCount = 0;
    mutable QCache<int, QVector<Contact>> m_pages;
};

} // namespace roster
