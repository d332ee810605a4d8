#pragma once

#include "ContactTable.h"

#include <functional>
#include <memory>

namespace roster {

class Database;

// Reads contacts for export, the command line and the window's models. Writes go through UpsertEngine.
class ContactStore final
{
public:
    static Result<std::unique_ptr<ContactStore>> create(Database& db);

    qint64 count();
    // A live contact with its extra emails, tags and custom values.
    std::optional<Contact> contact(qint64 id);
    // Every live contact in id order; return false from the callback to stop.
    Result<void> forEach(const std::function<bool(const Contact&)>& visit);
    QString companyName(qint64 companyId);
    // Live contacts in id order from row `offset`: scalar fields only, for a table's window of rows.
    QVector<Contact> page(qint64 offset, int limit);

private:
    explicit ContactStore(Database& db);
    Result<void> prepare();

    Database& m_db;
    ContactTable m_table;
    SqlStatement m_count, m_ids, m_company, m_page;
};

} // namespace roster
