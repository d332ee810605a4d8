#pragma once

#include "SearchMatcher.h"
#include "SearchTokenizer.h"
#include "SqlStatement.h"
#include "contact/Contact.h"

#include <QHash>
#include <QVector>

#include <memory>
#include <optional>

namespace roster {

class Database;

// What the window shows: live contacts, optionally narrowed to one tag, one company and a search.
struct ContactFilter
{
    QString search; // words typed in the search box; each becomes an FTS5 prefix term
    qint64 tagId = 0; // 0: any tag
    qint64 companyId = 0; // 0: any company

    bool isEmpty() const { return search.trimmed().isEmpty() && tagId == 0 && companyId == 0; }
    bool operator==(const ContactFilter&) const = default;
};

struct ContactOrder
{
    std::optional<Field> field; // none: creation order (the primary key)
    bool descending = false;

    bool operator==(const ContactOrder&) const = default;
};

// Where a row sits in an order: its sort value and id. A page remembers the keys of its first and last
// rows, and the next (or previous) page continues from there with a range scan over the sort index,
// however far down the list it is ("keyset" paging).
struct RowKey
{
    QString value; // the sort column's text; unused in creation order and for the name columns
    QByteArray key; // a name column's collation key, and its tie-breaker's (see 009_collation_keys...)
    QByteArray tieKey;
    bool isNull = true; // the sort column is empty: such rows come after all others
    qint64 id = 0;

    bool operator==(const RowKey&) const = default;
};

// A window of rows with the keys of its ends.
struct ContactPage
{
    QVector<Contact> contacts;
    QVector<RowKey> keys; // one per contact
};

// One entry of the sidebar: a tag or a company with its number of live contacts.
struct FacetCount
{
    qint64 id = 0;
    QString name;
    qint64 count = 0;
};

// The read side of the window: windows of rows in a chosen order and filter, their count, and the
// tag and company lists with counts. Only ever a page of rows is read, so memory does not grow with the
// number of contacts. Searching uses the contacts_fts index (prefix terms), never LIKE.
class ContactQuery final
{
public:
    static Result<std::unique_ptr<ContactQuery>> create(Database& db);
    ~ContactQuery();
    ContactQuery(const ContactQuery&) = delete;
    ContactQuery& operator=(const ContactQuery&) = delete;

    // Live contacts matching the filter, in the order, from row `offset`: scalar fields and company link.
    // Skipping rows walks a covering index; prefer rowsAfter() when the previous row is known.
    Result<QVector<Contact>> rows(const ContactFilter& filter, const ContactOrder& order, qint64 offset, int limit);
    // The rows after `after` (from the first row when none), after skipping `skip` more.
    Result<ContactPage> rowsAfter(const ContactFilter& filter, const ContactOrder& order,
                                  const std::optional<RowKey>& after, int limit, qint64 skip = 0);
    // The rows before `before` (the last rows when none, after skipping `skip` from the end), in list order.
    Result<ContactPage> rowsBefore(const ContactFilter& filter, const ContactOrder& order,
                                   const std::optional<RowKey>& before, int limit, qint64 skip = 0);
    // A search alone is counted in the search index only (it holds live contacts only).
    Result<qint64> count(const ContactFilter& filter);
    // At least the number of live contacts, and close to it: the highest id, read from the primary key.
    qint64 estimatedTotal();
    const QString& databasePath() const;
    // Every live contact (no filter); the status bar's "of N".
    qint64 total();

    // Tags in name order, with their live contacts. With a filter, every tag is listed, counting only the
    // contacts the filter's search and company (not its tag) match, so the choice in the sidebar stays.
    Result<QVector<FacetCount>> tags(const ContactFilter& filter = {});
    // The companies with the most live contacts first, at most `limit` of them; with a filter, the most
    // contacts its search and tag (not its company) match.
    Result<QVector<FacetCount>> companies(int limit = 500, const ContactFilter& filter = {});

    // What a search finds and how the index is asked for it (SearchMatcher), with this connection's tokenizer.
    SearchMatcher matcher(const QString& search) const;

    // How many contacts a page of a one-letter search may check one by one for each row it asks for before the
    // search index is asked instead (see walkSegment); 0, the default, never walks. For a reader that shows the
    // first page as the user types (the window: kWalkRowsPerRow); a reader of every page (an export) is faster
    // asking the index, and the tests set others.
    static constexpr int kWalkRowsPerRow = 10;
    void setWalkRowsPerRow(int rows) { m_walkRowsPerRow = rows; }
    // Rows found by walks so far (the tests check that walks happen).
    qint64 walkedRows() const { return m_walkedRows; }

private:
    explicit ContactQuery(Database& db);
    SqlStatement* statement(const QByteArray& sql);
    struct Segment;
    QByteArray whereClause(const ContactFilter& filter) const;
    int bindFilter(SqlStatement& statement, const ContactFilter& filter, int first) const;
    Result<ContactPage> fetch(const ContactFilter& filter, const ContactOrder& order, bool backwards,
                              const std::optional<RowKey>& from, int limit, qint64 skip);
    Result<int> fetchSegment(const ContactFilter& filter, const Segment& segment, const std::optional<RowKey>& from,
                             int limit, qint64 skip, ContactPage& page);
    Result<qint64> countSegment(const ContactFilter& filter, const Segment& segment);
    static QByteArray pageSql(const QByteArray& select, const QByteArray& where, const Segment& segment, bool fts,
                              bool hasFrom);
    static int bindFrom(SqlStatement& statement, const Segment& segment, const std::optional<RowKey>& from, int index);
    static constexpr int kNotWalked = -1;
    Result<int> walkSegment(const ContactFilter& filter, const Segment& segment, const std::optional<RowKey>& from,
                            int limit, ContactPage& page);
    bool walksInOrder(const QByteArray& sql);
    void readRow(const SqlStatement& query, const Segment& segment, ContactPage& page) const;

    Database& m_db;
    std::unique_ptr<SearchTokenizer> m_tokenizer;
    struct Plan
    {
        QString search;
        QList<bool> checked; // SearchMatcher::leavePrefixesToCheck's answers, in order
    };
    mutable Plan m_planned;
    QHash<QByteArray, std::shared_ptr<SqlStatement>> m_statements;
    QHash<QByteArray, bool> m_inOrder; // walksInOrder's answers
    int m_walkRowsPerRow = 0;
    qint64 m_walkedRows = 0;
};

} // namespace roster
