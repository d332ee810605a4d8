#pragma once

#include "contact/Contact.h"
#include "store/ContactQuery.h"

#include <QAbstractTableModel>
#include <QCache>

#include <atomic>
#include <memory>

namespace roster {

class StoreWorker;

// The contact table over the store. Rows are read a page at a time, in the chosen order and filter, and
// only a bounded number of pages is cached: a million contacts open at once and memory stays flat. A page
// next to a cached one continues from that page's first or last key (a range scan of a sort index, as
// cheap at the end of the list as at its start); a jump far away skips rows over a covering index, from
// whichever end of the list is nearer. The row count is exact at once up to a page of rows; beyond, a
// worker counts while the rows known so far are shown. One column per fixed field; the view hides the ones not chosen.
class ContactTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactTableModel)

public:
    static constexpr int kPageSize = 200;
    static constexpr int kCachedPages = 24;
    enum Role { ContactIdRole = Qt::UserRole + 1 };

    explicit ContactTableModel(ContactQuery& query, QObject* parent = nullptr);
    ~ContactTableModel() override;

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
    // False while a worker is still counting: rowCount() and totalCount() are provisional until then.
    bool countIsExact() const { return !m_shownPending && !m_totalPending; }

    static Field fieldAt(int column) { return static_cast<Field>(column); }

signals:
    // The number of rows shown or of contacts in total changed.
    void countsChanged();
    void queryFailed(const QString& detail);

private:
    const ContactPage* page(int number) const;
    Result<ContactPage> readPage(int number) const;
    void recount(bool total);
    void countInBackground(bool total, bool shown);
    // A worker's answer: what it was asked for, for which generations, and the counts (-1: not counted).
    struct Counted
    {
        int countGeneration;
        int totalGeneration;
        bool total;
        bool shown;
        qint64 all;
        qint64 matching;
    };
    void applyCounts(const Counted& counted);
    void resizeTo(qint64 rows);
    // A stored E.164 phone in international format ("+33 6 12 34 56 78"); the stored value is unchanged.
    QString displayPhone(const QString& stored) const;

    ContactQuery& m_query;
    ContactFilter m_filter;
    ContactOrder m_order;
    int m_rowCount = 0;
    qint64 m_total = 0;
    bool m_totalExact = false;
    // Answers from workers for an older filter, or a total from before a reload, are dropped.
    int m_countGeneration = 0;
    int m_totalGeneration = 0;
    // The newest generations, for the worker: a count asked for before them is skipped.
    struct Latest
    {
        std::atomic_int count {0};
        std::atomic_int total {0};
    };
    std::shared_ptr<Latest> m_latest = std::make_shared<Latest>();
    // Counts on a connection of its own, made at the first count; one count at a time.
    std::unique_ptr<StoreWorker> m_counter;
    bool m_shownPending = false;
    bool m_totalPending = false;
    mutable QCache<int, ContactPage> m_pages;
    mutable QCache<QString, QString> m_phoneDisplay;
};

} // namespace roster
