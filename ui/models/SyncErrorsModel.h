#pragma once

#include "store/SyncRunLog.h"

#include <QAbstractTableModel>
#include <QSet>

namespace roster {

class StoreSession;

// The records the last run of each account could not sync, one row each: account, contact, what went
// wrong (translated from the shared error code) and the service's own words. A run can fail a hundred
// thousand records: of a run in the database (showRun) the model reads one page of each account and the
// count, and reads on as the view scrolls (canFetchMore / fetchMore, as Qt's own lazy models), so its
// memory follows what the user has looked at, not the size of the run. Records held in memory (the
// warnings of a run, setErrors) are listed as given, with the count of all of them.
class SyncErrorsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncErrorsModel)

public:
    enum Column { AccountColumn, ContactColumn, ProblemColumn, DetailColumn, ColumnCount };
    enum Role { AccountIdRole = Qt::UserRole + 1, ContactIdRole };

    // What Retry sends again for one account.
    struct RetryTarget
    {
        qint64 accountId = 0;
        bool wholeAccount = false; // an error not about one local contact: the whole account syncs
        QSet<qint64> contactIds;
    };

    static constexpr int kDefaultPageSize = 200;

    explicit SyncErrorsModel(StoreSession& session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent = {}) const override;
    // Reads the next page of the first account that has more, below that account's rows.
    void fetchMore(const QModelIndex& parent = {}) override;

    // Replaces the errors of one account by those of its run `runId`: the count and the first page.
    void showRun(qint64 accountId, const QString& accountName, qint64 runId);
    // Replaces the errors of one account by `errors`, the first of `total` (at least errors.size()); an empty
    // list clears them.
    void setErrors(qint64 accountId, const QString& accountName, const QList<SyncRunLog::RunError>& errors,
                   qint64 total = 0);
    void removeAccount(qint64 accountId);
    void clear();
    QList<qint64> accountIds() const;
    // Of every account, loaded or not.
    qint64 totalCount() const;
    // Rows per page; a test sets a small one.
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }

    // Per account, in the order of the rows: the contacts of the selected `rows`, an account-level row
    // taking its whole account. With no row selected, every error of every account, those not read yet
    // included (asked of the database, not of the rows held).
    QList<RetryTarget> retryTargets(const QModelIndexList& rows) const;

    static QString problemText(ErrorCode code);

private:
    struct Row
    {
        SyncRunLog::RunError error;
        QString contactName; // read once, when the row is
    };
    // The rows of one account, contiguous in the model in the order the accounts came.
    struct Segment
    {
        qint64 accountId = 0;
        QString accountName;
        qint64 runId = 0; // 0: rows given in memory, nothing more to read
        qint64 total = 0;
        qint64 lastId = 0; // in sync_errors, of the last row read
        QList<Row> rows;
        bool hasMore() const { return runId > 0 && rows.size() < total; }
    };

    // The segment holding `row` and the row's place in it; -1 when out of range.
    std::pair<int, int> locate(int row) const;
    int firstRowOf(int segment) const;
    void replaceSegment(Segment segment);
    QList<Row> readPage(Segment& segment) const;
    Row makeRow(const SyncRunLog::RunError& error) const;

    StoreSession& m_session;
    QList<Segment> m_segments;
    int m_pageSize = kDefaultPageSize;
};

} // namespace roster
