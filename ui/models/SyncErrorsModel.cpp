#include "SyncErrorsModel.h"

#include "store/ContactStore.h"
#include "store/StoreSession.h"
#include "store/SyncErrorPages.h"
#include "widgets/FieldValidator.h"

#include <algorithm>

namespace roster {

SyncErrorsModel::SyncErrorsModel(StoreSession& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{
}

int SyncErrorsModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    qsizetype rows = 0;
    for (const Segment& segment : m_segments)
        rows += segment.rows.size();
    return static_cast<int>(rows);
}

int SyncErrorsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SyncErrorsModel::problemText(ErrorCode code)
{
    switch (code) {
    case ErrorCode::AuthenticationFailed:
        return tr("API key refused");
    case ErrorCode::NetworkError:
        return tr("Service unreachable");
    case ErrorCode::Timeout:
        return tr("No answer in time");
    case ErrorCode::RateLimited:
        return tr("Too many requests");
    case ErrorCode::RemoteValidation:
        return tr("Refused by the service");
    case ErrorCode::SecretUnavailable:
        return tr("No API key stored");
    case ErrorCode::InsecureUrl:
        return tr("Address is not https");
    case ErrorCode::Cancelled:
        return tr("Cancelled");
    case ErrorCode::HttpError:
        return tr("Service error");
    case ErrorCode::UnknownCustomField:
        return tr("Unknown custom field");
    case ErrorCode::NeedsConfirmation:
        return tr("Waiting for confirmation");
    case ErrorCode::ConflictSettledByPolicy:
        return tr("Settled by the conflict policy");
    case ErrorCode::RemoteDeletionPending:
        return tr("Deleted on the service");
    default:
        return FieldValidator::errorText(code);
    }
}

std::pair<int, int> SyncErrorsModel::locate(int row) const
{
    // A handful of accounts: a walk over them is cheaper than keeping offsets right.
    for (int segment = 0; segment < m_segments.size(); ++segment) {
        const int size = static_cast<int>(m_segments.at(segment).rows.size());
        if (row < size)
            return {segment, row};
        row -= size;
    }
    return {-1, -1};
}

int SyncErrorsModel::firstRowOf(int segment) const
{
    qsizetype row = 0;
    for (int i = 0; i < segment; ++i)
        row += m_segments.at(i).rows.size();
    return static_cast<int>(row);
}

QVariant SyncErrorsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto [at, offset] = locate(index.row());
    if (at < 0)
        return {};
    const Segment& segment = m_segments.at(at);
    const Row& row = segment.rows.at(offset);
    if (role == AccountIdRole)
        return segment.accountId;
    if (role == ContactIdRole)
        return row.error.contactId;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case AccountColumn:
        return segment.accountName;
    case ContactColumn:
        return row.contactName;
    case ProblemColumn:
        return problemText(row.error.code);
    case DetailColumn:
        return row.error.message;
    default:
        return {};
    }
}

QVariant SyncErrorsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AccountColumn:
        return tr("Account");
    case ContactColumn:
        return tr("Contact");
    case ProblemColumn:
        return tr("Problem");
    case DetailColumn:
        return tr("Details");
    default:
        return {};
    }
}

bool SyncErrorsModel::canFetchMore(const QModelIndex& parent) const
{
    if (parent.isValid())
        return false;
    return std::any_of(m_segments.cbegin(), m_segments.cend(), [](const Segment& s) { return s.hasMore(); });
}

void SyncErrorsModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid())
        return;
    for (int at = 0; at < m_segments.size(); ++at) {
        Segment& segment = m_segments[at];
        if (!segment.hasMore())
            continue;
        const QList<Row> rows = readPage(segment);
        if (rows.isEmpty())
            return;
        const int first = firstRowOf(at) + static_cast<int>(segment.rows.size());
        beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
        segment.rows << rows;
        endInsertRows();
        return;
    }
}

QList<SyncErrorsModel::Row> SyncErrorsModel::readPage(Segment& segment) const
{
    const qint64 wanted = std::min<qint64>(m_pageSize, segment.total - segment.rows.size());
    if (wanted <= 0)
        return {};
    auto page = SyncErrorPages(m_session.database()).page(segment.runId, segment.lastId, static_cast<int>(wanted));
    QList<Row> rows;
    if (page) {
        rows.reserve(page->size());
        for (const SyncErrorPages::Row& stored : std::as_const(*page)) {
            rows << makeRow(stored.error);
            segment.lastId = stored.id;
        }
    }
    // Fewer than counted (the run was removed meanwhile, or the read failed): what is listed is all there is.
    if (rows.size() < wanted)
        segment.total = segment.rows.size() + rows.size();
    return rows;
}

SyncErrorsModel::Row SyncErrorsModel::makeRow(const SyncRunLog::RunError& error) const
{
    QString name;
    if (error.contactId <= 0) {
        name = tr("(whole account)");
    } else if (const auto contact = m_session.contacts().contact(error.contactId)) {
        name = contact->displayName();
        if (name.isEmpty())
            name = contact->value(Field::Email);
    }
    if (name.isEmpty())
        name = tr("Contact %1").arg(error.contactId);
    return Row {error, name};
}

void SyncErrorsModel::replaceSegment(Segment segment)
{
    beginResetModel();
    const auto same = std::find_if(m_segments.begin(), m_segments.end(),
                                   [&](const Segment& s) { return s.accountId == segment.accountId; });
    if (segment.rows.isEmpty()) {
        if (same != m_segments.end())
            m_segments.erase(same);
    } else if (same != m_segments.end()) {
        *same = std::move(segment);
    } else {
        m_segments << std::move(segment);
    }
    endResetModel();
}

void SyncErrorsModel::showRun(qint64 accountId, const QString& accountName, qint64 runId)
{
    Segment segment;
    segment.accountId = accountId;
    segment.accountName = accountName;
    segment.runId = runId;
    segment.total = runId > 0 ? SyncErrorPages(m_session.database()).count(runId).value_or(0) : 0;
    segment.rows = readPage(segment);
    replaceSegment(std::move(segment));
}

void SyncErrorsModel::setErrors(qint64 accountId, const QString& accountName, const QList<SyncRunLog::RunError>& errors,
                                qint64 total)
{
    Segment segment;
    segment.accountId = accountId;
    segment.accountName = accountName;
    segment.total = std::max<qint64>(total, errors.size());
    segment.rows.reserve(errors.size());
    for (const SyncRunLog::RunError& error : errors)
        segment.rows << makeRow(error);
    replaceSegment(std::move(segment));
}

void SyncErrorsModel::removeAccount(qint64 accountId)
{
    setErrors(accountId, {}, {});
}

void SyncErrorsModel::clear()
{
    beginResetModel();
    m_segments.clear();
    endResetModel();
}

QList<qint64> SyncErrorsModel::accountIds() const
{
    QList<qint64> ids;
    for (const Segment& segment : m_segments)
        ids << segment.accountId;
    return ids;
}

qint64 SyncErrorsModel::totalCount() const
{
    qint64 total = 0;
    for (const Segment& segment : m_segments)
        total += segment.total;
    return total;
}

void SyncErrorsModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

QList<SyncErrorsModel::RetryTarget> SyncErrorsModel::retryTargets(const QModelIndexList& rows) const
{
    QList<RetryTarget> targets;
    const auto targetOf = [&targets](qint64 accountId) -> RetryTarget& {
        for (RetryTarget& target : targets) {
            if (target.accountId == accountId)
                return target;
        }
        targets << RetryTarget {accountId, false, {}};
        return targets.last();
    };
    if (!rows.isEmpty()) {
        QList<int> ordered;
        for (const QModelIndex& index : rows)
            ordered << index.row();
        std::sort(ordered.begin(), ordered.end());
        for (const int row : std::as_const(ordered)) {
            const auto [at, offset] = locate(row);
            if (at < 0)
                continue;
            RetryTarget& target = targetOf(m_segments.at(at).accountId);
            if (const qint64 contact = m_segments.at(at).rows.at(offset).error.contactId; contact > 0)
                target.contactIds.insert(contact);
            else
                target.wholeAccount = true;
        }
        return targets;
    }
    for (const Segment& segment : m_segments) {
        RetryTarget& target = targetOf(segment.accountId);
        if (segment.runId <= 0) {
            target.wholeAccount = true;
            continue;
        }
        // A failed read syncs the whole account: more than needed, nothing left out.
        const auto stored = SyncErrorPages(m_session.database()).retryTargets(segment.runId);
        target.wholeAccount = !stored || stored->wholeAccount;
        if (stored && !target.wholeAccount)
            target.contactIds = stored->contactIds;
    }
    return targets;
}

} // namespace roster
