#pragma once

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
    Result<QVector<Contact>> rows(const ContactFilter& filter, const ContactOrder& order, qint64 offset, int limit);
    Result<qint64> count(const ContactFilter& filter);
    // Every live contact (no filter); the status bar's "of N".
    qint64 total();

    // Tags in name order, with their live contacts.
    Result<QVector<FacetCount>> tags();
    // The companies with the most live contacts first, at most `limit` of them.
    Result<QVector<FacetCount>> companies(int limit = 500);

    // "jan smi" -> "\"jan\"* AND \"smi\"*": quoted, so FTS5 syntax typed by the user is only text.
    static QString ftsQuery(const QString& search);

private:
    explicit ContactQuery(Database& db);
    SqlStatement* statement(const QByteArray& sql);
    static QByteArray whereClause(const ContactFilter& filter);
    static int bindFilter(SqlStatement& statement, const ContactFilter& filter, int first);

    Database& m_db;
    QHash<QByteArray, std::shared_ptr<SqlStatement>> m_statements;
};

} // namespace roster
