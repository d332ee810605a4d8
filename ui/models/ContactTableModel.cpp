#include "ContactTableModel.h"

#include "FieldLabels.h"
#include "contact/PhoneNormalizer.h"
#include "store/Database.h"
#include "store/StoreWorker.h"

#include <algorithm>
#include <limits>

namespace roster {

ContactTableModel::ContactTableModel(ContactQuery& query, QObject* parent)
    : QAbstractTableModel(parent)
    , m_query(query)
    , m_pages(kCachedPages)
    , m_phoneDisplay(kCachedPages * kPageSize)
{
    // A letter typed is answered by a page in a few ms when it is common (ContactQuery::walkSegment).
    m_query.setWalkRowsPerRow(ContactQuery::kWalkRowsPerRow);
    recount(true);
}

ContactTableModel::~ContactTableModel() = default;

namespace {

int clampRows(qint64 rows)
{
    // A view cannot show more than INT_MAX rows; a Roster database stays far below.
    return static_cast<int>(std::clamp<qint64>(rows, 0, std::numeric_limits<int>::max()));
}

} // namespace

void ContactTableModel::recount(bool total)
{
    m_latest->count = ++m_countGeneration;
    m_shownPending = false;
    if (total) {
        m_latest->total = ++m_totalGeneration;
        m_totalPending = false;
    }
    if (!total && m_filter.isEmpty() && m_totalExact) {
        // Back to every contact, with no write since the last count: that count still holds.
        m_rowCount = clampRows(m_total);
        return;
    }
    // Counting costs 30 to 150 ms for a million contacts and 5 to 20 ms for a broad search: too slow for
    // the first paint and for a keystroke. The first page is read anyway, so read one row more: that
    // tells whether there are more rows than a page. If so, show the rows known so far (or, for every
    // contact, the highest id) and let a worker with its own connection count the rest; the rows are
    // then added or removed at the end.
    auto first = m_query.rowsAfter(m_filter, m_order, std::nullopt, kPageSize + 1);
    if (!first)
        emit queryFailed(first.error().detail);
    ContactPage page = first.value_or(ContactPage {});
    const bool more = page.contacts.size() > kPageSize;
    if (more) {
        page.contacts.removeLast();
        page.keys.removeLast();
    }
    const qint64 known = page.contacts.size() + (more ? 1 : 0);
    m_pages.insert(0, new ContactPage(std::move(page)));
    if (total) {
        m_totalExact = m_filter.isEmpty() && !more;
        m_total = m_totalExact ? known : qMax(m_query.estimatedTotal(), known);
    }
    m_rowCount = clampRows(more && m_filter.isEmpty() ? m_total : known);
    const bool countTotal = total && !m_totalExact;
    if (more || countTotal)
        countInBackground(countTotal, more);
}

void ContactTableModel::countInBackground(bool total, bool shown)
{
    const int countGeneration = m_countGeneration;
    const int totalGeneration = m_totalGeneration;
    const ContactFilter filter = m_filter;
    m_shownPending = m_shownPending || shown;
    m_totalPending = m_totalPending || total;
    if (!m_counter) {
        m_counter
            = std::make_unique<StoreWorker>(m_query.databasePath(), QStringLiteral("counts"), QThread::LowPriority);
        // One pass over an index at a time: no need to keep it.
        m_counter->post([](StoreSession& session) { session.database().setCacheSizeKiB(4 * 1024); });
    }
    m_counter->post(
        this,
        [latest = m_latest, filter, countGeneration, totalGeneration, total, shown](StoreSession& session) {
            // A count asked for an older filter or before a write is not waited for; typing asks again.
            const bool wantTotal = total && latest->total == totalGeneration;
            const bool wantShown = shown && latest->count == countGeneration;
            std::pair<qint64, qint64> counts {-1, -1};
            if (!wantTotal && !wantShown)
                return counts;
            if (auto query = ContactQuery::create(session.database())) {
                if (wantTotal || (wantShown && filter.isEmpty()))
                    counts.first = (*query)->total();
                if (wantShown)
                    counts.second = filter.isEmpty() ? counts.first : (*query)->count(filter).value_or(-1);
            }
            return counts;
        },
        // Always answered, -1 for what could not be counted (the provisional figure stays), so that no count
        // is left pending.
        [=, this](const Result<std::pair<qint64, qint64>>& counts) {
            const auto [all, matching] = counts.value_or(std::pair<qint64, qint64> {-1, -1});
            applyCounts({countGeneration, totalGeneration, total, shown, all, matching});
        });
}

void ContactTableModel::applyCounts(const Counted& counted)
{
    // An answer for an older filter, or a total from before a write, is dropped.
    if (counted.totalGeneration == m_totalGeneration) {
        if (counted.all >= 0) {
            m_total = counted.all;
            m_totalExact = true;
        }
        if (counted.total)
            m_totalPending = false;
    }
    if (counted.shown && counted.countGeneration == m_countGeneration) {
        m_shownPending = false;
        if (counted.matching >= 0)
            resizeTo(counted.matching);
    }
    emit countsChanged();
}

void ContactTableModel::resizeTo(qint64 rows)
{
    const int count = clampRows(rows);
    if (count == m_rowCount)
        return;
    if (count > m_rowCount) {
        beginInsertRows({}, m_rowCount, count - 1);
        m_rowCount = count;
        endInsertRows();
    } else {
        beginRemoveRows({}, count, m_rowCount - 1);
        m_rowCount = count;
        endRemoveRows();
    }
    // The cached pages stay: while the count was pending they were all read from the start.
}

int ContactTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int ContactTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kFieldCount;
}

Result<ContactPage> ContactTableModel::readPage(int number) const
{
    if (const ContactPage* before = m_pages.object(number - 1); before && before->keys.size() == kPageSize)
        return m_query.rowsAfter(m_filter, m_order, before->keys.constLast(), kPageSize);
    if (const ContactPage* after = m_pages.object(number + 1); after && !after->keys.isEmpty())
        return m_query.rowsBefore(m_filter, m_order, after->keys.constFirst(), kPageSize);
    const qint64 start = static_cast<qint64>(number) * kPageSize;
    // Nearer the end, skip from there, so that the last page costs what the first does; only once the
    // end is known, not while the count is provisional.
    if (start <= m_rowCount / 2 || !countIsExact())
        return m_query.rowsAfter(m_filter, m_order, std::nullopt, kPageSize, start);
    const int size = static_cast<int>(qMin<qint64>(kPageSize, m_rowCount - start));
    return m_query.rowsBefore(m_filter, m_order, std::nullopt, size, m_rowCount - start - size);
}

const ContactPage* ContactTableModel::page(int number) const
{
    if (auto* cached = m_pages.object(number))
        return cached;
    auto rows = readPage(number);
    if (!rows) {
        emit const_cast<ContactTableModel*>(this)->queryFailed(rows.error().detail);
        return nullptr;
    }
    auto* stored = new ContactPage(std::move(*rows));
    m_pages.insert(number, stored);
    return stored;
}

QVariant ContactTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != ContactIdRole)
        return {};
    const ContactPage* rows = page(index.row() / kPageSize);
    const int offset = index.row() % kPageSize;
    if (!rows || offset >= rows->contacts.size())
        return {};
    const Contact& contact = rows->contacts.at(offset);
    if (role == ContactIdRole)
        return contact.id;
    const Field field = fieldAt(index.column());
    if (field == Field::DoNotContact)
        return contact.value(field) == QLatin1String("true") ? tr("Yes") : QString();
    if (role == Qt::ToolTipRole && contact.value(field).size() < 40)
        return {};
    if (field == Field::Phone)
        return displayPhone(contact.value(field));
    return contact.value(field);
}

QString ContactTableModel::displayPhone(const QString& stored) const
{
    // Formatted when a cell is painted, for the visible rows only, and remembered: a repaint reads it again.
    if (const QString* known = m_phoneDisplay.object(stored))
        return *known;
    const QString shown = PhoneNormalizer::formatInternational(stored);
    m_phoneDisplay.insert(stored, new QString(shown));
    return shown;
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
    recount(false);
    endResetModel();
    emit countsChanged();
}

void ContactTableModel::reload()
{
    beginResetModel();
    m_pages.clear();
    recount(true);
    endResetModel();
    emit countsChanged();
}

qint64 ContactTableModel::contactId(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return 0;
    const ContactPage* rows = page(row / kPageSize);
    const int offset = row % kPageSize;
    return rows && offset < rows->contacts.size() ? rows->contacts.at(offset).id : 0;
}

int ContactTableModel::cachedRowOf(qint64 contactId) const
{
    const QList<int> numbers = m_pages.keys();
    for (int number : numbers) {
        const ContactPage* rows = m_pages.object(number);
        for (int i = 0; rows && i < rows->contacts.size(); ++i) {
            if (rows->contacts.at(i).id == contactId)
                return number * kPageSize + i;
        }
    }
    return -1;
}

} // namespace roster
