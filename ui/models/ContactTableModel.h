#pragma once

#include "contact/Contact.h"
#include "store/ContactQuery.h"

#include <QAbstractTableModel>
#include <QCache>

namespace roster {

// The contact table over the store. Rows are read a page at a time, in the chosen order and filter, and
// only a bounded number of pages is cached: a million contacts open at once and memory stays flat. The
// row count comes from count(*). One column per fixed field; the view hides the ones not chosen.
class ContactTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactTableModel)

public:
    static constexpr int kPageSize = 200;
    static constexpr int kCachedPages = 24;
    enum Role { ContactIdRole = Qt::UserRole + 1 };

    explicit ContactTableModel(ContactQuery& query, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const ContactFilter& filter);
    const ContactFilter& filter() const { return m_filter; }
    // Re-reads the counts and drops cached pages, after a write.
    void reload();

    qint64 contactId(int row) const;
    // The row showing this contact among the cached pages, or -1.
    int cachedRowOf(qint64 contactId) const;
    qint64 totalCount() const { return m_total; }
    int cachedPageCount() const { return m_pages.count(); }

    static Field fieldAt(int column) { return static_cast<Field>(column); }

signals:
    // The number of rows shown or of contacts in total changed.
    void countsChanged();
    void queryFailed(const QString& detail);

private:
    const QVector<Contact>* page(int number) const;
    void recount();

    ContactQuery& m_query;
    ContactFilter m_filter;
    ContactOrder m_order;
    int m_rowCount = 0;
    qint64 m_total = 0;
    mutable QCache<int, QVector<Contact>> m_pages;
};

} // namespace roster
