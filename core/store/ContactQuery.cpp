#include "ContactQuery.h"

#include "Database.h"

#include <QRegularExpression>

namespace roster {

namespace {

QByteArray selectColumns()
{
    QByteArray list = "c.id, c.uid";
    for (const FieldInfo& info : FieldRegistry::all())
        list += QByteArray(", c.") + info.name;
    return list + ", c.company_id";
}

} // namespace

ContactQuery::ContactQuery(Database& db)
    : m_db(db)
{
}

ContactQuery::~ContactQuery() = default;

Result<std::unique_ptr<ContactQuery>> ContactQuery::create(Database& db)
{
    std::unique_ptr<ContactQuery> query(new ContactQuery(db));
    // Check once that the search index exists, so a later failure means something else.
    if (!query->statement("SELECT rowid FROM contacts_fts LIMIT 0"))
        return fail(ErrorCode::DatabaseError, QStringLiteral("the search index is missing"));
    return query;
}

SqlStatement* ContactQuery::statement(const QByteArray& sql)
{
    // A handful of shapes (filter parts x sort column x direction): prepared once each.
    if (auto it = m_statements.constFind(sql); it != m_statements.constEnd())
        return it->get();
    auto prepared = std::make_shared<SqlStatement>(m_db, sql.constData());
    if (!prepared->isValid())
        return nullptr;
    m_statements.insert(sql, prepared);
    return prepared.get();
}

QString ContactQuery::ftsQuery(const QString& search)
{
    static const QRegularExpression separators(QStringLiteral("[^\\w@.+-]+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    QStringList terms;
    for (QString word : search.split(separators, Qt::SkipEmptyParts)) {
        // The tokenizer splits on punctuation too: keep the word whole inside the quotes and let FTS5 do it.
        word.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        terms << QLatin1Char('"') + word + QStringLiteral("\"*");
    }
    return terms.join(QStringLiteral(" AND "));
}

QByteArray ContactQuery::whereClause(const ContactFilter& filter)
{
    // A search drives the query from the index (contacts_fts joined to contacts), rather than testing
    // a million ids against the matches.
    QByteArray where = ftsQuery(filter.search).isEmpty()
        ? QByteArray("contacts c WHERE c.deleted_at IS NULL")
        : QByteArray("contacts_fts f JOIN contacts c ON c.id = f.rowid WHERE contacts_fts MATCH ? "
                     "AND c.deleted_at IS NULL");
    if (filter.tagId > 0)
        where += " AND c.id IN (SELECT contact_id FROM contact_tags WHERE tag_id = ?)";
    if (filter.companyId > 0)
        where += " AND c.company_id = ?";
    return where;
}

int ContactQuery::bindFilter(SqlStatement& statement, const ContactFilter& filter, int first)
{
    int index = first;
    const QString fts = ftsQuery(filter.search);
    if (!fts.isEmpty())
        statement.bind(index++, fts);
    if (filter.tagId > 0)
        statement.bind(index++, filter.tagId);
    if (filter.companyId > 0)
        statement.bind(index++, filter.companyId);
    return index;
}

Result<QVector<Contact>> ContactQuery::rows(const ContactFilter& filter, const ContactOrder& order, qint64 offset,
                                            int limit)
{
    const QByteArray direction = order.descending ? " DESC" : " ASC";
    QByteArray orderBy = "c.id" + direction;
    if (order.field) {
        // Empty values last in either direction, then the text without regard to case, then the id so
        // that pages never overlap.
        const QByteArray column = QByteArray("c.") + FieldRegistry::info(*order.field).name;
        orderBy = column + " IS NULL, " + column + " COLLATE NOCASE" + direction + ", " + orderBy;
    }
    const QByteArray sql = "SELECT " + selectColumns() + " FROM " + whereClause(filter) + " ORDER BY "
        + orderBy + " LIMIT ? OFFSET ?";
    SqlStatement* query = statement(sql);
    if (!query)
        return fail(ErrorCode::DatabaseError, QStringLiteral("cannot prepare the contact list query"));
    query->reset();
    const int next = bindFilter(*query, filter, 1);
    query->bind(next, static_cast<qint64>(limit));
    query->bind(next + 1, offset);
    QVector<Contact> contacts;
    contacts.reserve(limit);
    while (query->next()) {
        Contact contact;
        contact.id = query->columnInt(0);
        contact.uid = query->columnText(1);
        for (int i = 0; i < kFieldCount; ++i)
            contact.values[static_cast<std::size_t>(i)] = query->columnText(2 + i);
        contact.companyId = query->columnInt(2 + kFieldCount);
        contacts.append(std::move(contact));
    }
    const bool failed = query->hasError();
    const Error error = query->lastError();
    query->reset();
    if (failed)
        return std::unexpected(error);
    return contacts;
}

Result<qint64> ContactQuery::count(const ContactFilter& filter)
{
    SqlStatement* query = statement("SELECT count(*) FROM " + whereClause(filter));
    if (!query)
        return fail(ErrorCode::DatabaseError, QStringLiteral("cannot prepare the count query"));
    query->reset();
    bindFilter(*query, filter, 1);
    const qint64 n = query->next() ? query->columnInt(0) : 0;
    const bool failed = query->hasError();
    const Error error = query->lastError();
    query->reset();
    if (failed)
        return std::unexpected(error);
    return n;
}

qint64 ContactQuery::total()
{
    return count(ContactFilter {}).value_or(0);
}

Result<QVector<FacetCount>> ContactQuery::tags()
{
    SqlStatement* query = statement("SELECT t.id, t.name, count(c.id) FROM tags t "
                                    "JOIN contact_tags ct ON ct.tag_id = t.id "
                                    "JOIN contacts c ON c.id = ct.contact_id AND c.deleted_at IS NULL "
                                    "GROUP BY t.id ORDER BY t.name COLLATE NOCASE");
    if (!query)
        return fail(ErrorCode::DatabaseError, QStringLiteral("cannot prepare the tag list query"));
    QVector<FacetCount> facets;
    query->reset();
    while (query->next())
        facets.append({query->columnInt(0), query->columnText(1), query->columnInt(2)});
    query->reset();
    return facets;
}

Result<QVector<FacetCount>> ContactQuery::companies(int limit)
{
    SqlStatement* query = statement("SELECT co.id, COALESCE(NULLIF(co.name, ''), co.domain, co.linkedin_url), n "
                                    "FROM (SELECT company_id, count(*) AS n FROM contacts "
                                    "WHERE deleted_at IS NULL AND company_id IS NOT NULL GROUP BY company_id "
                                    "ORDER BY n DESC LIMIT ?) AS top "
                                    "JOIN companies co ON co.id = top.company_id ORDER BY n DESC, 2 COLLATE NOCASE");
    if (!query)
        return fail(ErrorCode::DatabaseError, QStringLiteral("cannot prepare the company list query"));
    QVector<FacetCount> facets;
    query->reset();
    query->bind(1, static_cast<qint64>(limit));
    while (query->next())
        facets.append({query->columnInt(0), query->columnText(1), query->columnInt(2)});
    query->reset();
    return facets;
}

} // namespace roster
