#include "ContactTableModel.h"

#include "FieldLabels.h"

#include <limits>

namespace roster {

ContactTableModel::ContactTableModel(ContactQuery& query, QObject* parent)
    : QAbstractTableModel(parent)
    , m_query(query)
    , m_pages(kCachedPages)
{
    recount();
}

void ContactTableModel::recount()
{
    m_total = m_query.total();
    const auto shown = m_filter.isEmpty() ? Result<qint64>(m_total) : m_query.count(m_filter);
    if (!shown)
        emit queryFailed(shown.error().detail);
    // A view cannot show more than INT_MAX rows; a Roster database stays far below.
    m_rowCount = static_cast<int>(qMin<qint64>(shown.value_or(0), std::numeric_limits<int>::max()));
}

int ContactTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int ContactTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kFieldCount;
}

const QVector<Contact>* ContactTableModel::page(int number) const
{
    if (auto* cached = m_pages.object(number))
        return cached;
    auto rows = m_query.rows(m_filter, m_order, static_cast<qint64>(number) * kPageSize, kPageSize);
    if (!rows) {
        emit const_cast<ContactTableModel*>(this)->queryFailed(rows.error().detail);
        return nullptr;
    }
    auto* stored = new QVector<Contact>(std::move(*rows));
    m_pages.insert(number, stored);
    return stored;
}

QVariant ContactTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != ContactIdRole)
        return {};
    const QVector<Contact>* rows = page(index.row() / kPageSize);
    const int offset = index.row() % kPageSize;
    if (!rows || offset >= rows->size())
        return {};
    const Contact& contact = rows->at(offset);
    if (role == ContactIdRole)
        return contact.id;
    const Field field = fieldAt(index.column());
    if (field == Field::DoNotContact)
        return contact.value(field) == QLatin1String("true") ? tr("Yes") : QString();
    if (role == Qt::ToolTipRole && contact.value(field).size() < 40)
        return {};
    return contact.value(field);
}

QVariant ContactTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= kFieldCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    return FieldLabels::label(fieldAt(section));
}

void ContactTableModel::sort(int column, Qt::SortOrder order)
{
    ContactOrder next;
    if (column >= 0 && column < kFieldCount)
        next.field = fieldAt(column);
    next.descending = order == Qt::DescendingOrder;
    if (next == m_order)
        return;
    // A new order is a new list: rows are fetched again on demand from the first page.
    beginResetModel();
    m_order = next;
    m_pages.clear();
    endResetModel();
}

void ContactTableModel::setFilter(const ContactFilter& filter)
{
    if (filter == m_filter)
        return;
    beginResetModel();
    m_filter = filter;
    m_pages.clear();
    recount();
    endResetModel();
    emit countsChanged();
}

void ContactTableModel::reload()
{
    beginResetModel();
    m_pages.clear();
    recount();
    endResetModel();
    emit countsChanged();
}

qint64 ContactTableModel::contactId(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return 0;
    const QVector<Contact>* rows = page(row / kPageSize);
    const int offset = row % kPageSize;
    return rows && offset < rows->size() ? rows->at(offset).id : 0;
}

int ContactTableModel::cachedRowOf(qint64 contactId) const
{
    const QList<int> numbers = m_pages.keys();
    for (int number : numbers) {
        const QVector<Contact>* rows = m_pages.object(number);
        for (int i = 0; rows && i < rows->size(); ++i) {
            if (rows->at(i).id == contactId)
                return number * kPageSize + i;
        }
    }
    return -1;
}

} // namespace roster
