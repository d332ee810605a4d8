#pragma once

#include "PreparedPatch.h"
#include "SqlStatement.h"
#include "UpsertPolicy.h"

#include <QHash>

namespace roster {

class Database;

// Resolves the company a write refers to: local id > domain > LinkedIn company URL > (by policy) the
// email's domain, creating the company when the policy says so.
class CompanyLinker final
{
public:
    explicit CompanyLinker(Database& db);
    Result<void> prepare();
    void resetCaches();

    // The company id to link, 0 for none; currentCompanyId lets the email's domain only fill a gap, and
    // currentCompanyName (the stored contact's) is the company it names when the patch names none.
    Result<qint64> resolve(PreparedPatch& patch, const UpsertPolicy& policy, qint64 currentCompanyId,
                           const QString& currentCompanyName, const QString& now);

private:
    Result<qint64> byDomain(const QString& domain, const QString& name, bool create, const QString& now);
    Result<qint64> byLinkedin(const QString& url, const QString& name, bool create, const QString& now);
    QString companyName(qint64 id);

    Database& m_db;
    SqlStatement m_exists, m_findDomain, m_findLinkedin, m_insert, m_name;
    QHash<QString, qint64> m_domainIds;
    QHash<QString, qint64> m_linkedinIds;
    QHash<qint64, QString> m_names;
};

} // namespace roster
