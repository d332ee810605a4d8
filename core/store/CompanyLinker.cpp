#include "CompanyLinker.h"

#include "Database.h"
#include "contact/DomainNormalizer.h"

namespace roster {

CompanyLinker::CompanyLinker(Database& db)
    : m_db(db)
{
}

Result<void> CompanyLinker::prepare()
{
    m_exists = SqlStatement(m_db, "SELECT 1 FROM companies WHERE id = ?");
    m_findDomain = SqlStatement(m_db, "SELECT id FROM companies WHERE domain = ?");
    m_findLinkedin = SqlStatement(m_db, "SELECT id FROM companies WHERE linkedin_url = ?");
    m_insert = SqlStatement(m_db, "INSERT INTO companies (name, domain, linkedin_url, created_at) VALUES (?, ?, ?, ?)");
    m_name = SqlStatement(m_db, "SELECT name FROM companies WHERE id = ?");
    for (const SqlStatement* s : {&m_exists, &m_findDomain, &m_findLinkedin, &m_insert, &m_name}) {
        if (!s->isValid())
            return std::unexpected(s->lastError());
    }
    return {};
}

void CompanyLinker::resetCaches()
{
    m_domainIds.clear();
    m_linkedinIds.clear();
    m_names.clear();
}

QString CompanyLinker::companyName(qint64 id)
{
    if (const auto it = m_names.constFind(id); it != m_names.constEnd())
        return *it;
    m_name.reset();
    m_name.bind(1, id);
    const QString name = m_name.next() ? m_name.columnText(0) : QString();
    m_name.reset();
    m_names.insert(id, name);
    return name;
}

static qint64 lookup(SqlStatement& query, const QString& key)
{
    query.reset();
    query.bind(1, key);
    const qint64 id = query.next() ? query.columnInt(0) : 0;
    query.reset();
    return id;
}

Result<qint64> CompanyLinker::byDomain(const QString& domain, const QString& name, bool create, const QString& now)
{
    if (const auto it = m_domainIds.constFind(domain); it != m_domainIds.constEnd())
        return *it;
    qint64 id = lookup(m_findDomain, domain);
    if (id == 0 && create) {
        m_insert.bind(1, name.isEmpty() ? domain : name);
        m_insert.bind(2, domain);
        m_insert.bindNull(3);
        m_insert.bind(4, now);
        if (auto ok = m_insert.exec(); !ok)
            return std::unexpected(ok.error());
        id = m_db.lastInsertId();
    }
    if (id != 0)
        m_domainIds.insert(domain, id);
    return id;
}

Result<qint64> CompanyLinker::byLinkedin(const QString& url, const QString& name, bool create, const QString& now)
{
    if (const auto it = m_linkedinIds.constFind(url); it != m_linkedinIds.constEnd())
        return *it;
    qint64 id = lookup(m_findLinkedin, url);
    if (id == 0 && create) {
        m_insert.bind(1, name.isEmpty() ? url.section(QLatin1Char('/'), -1) : name);
        m_insert.bindNull(2);
        m_insert.bind(3, url);
        m_insert.bind(4, now);
        if (auto ok = m_insert.exec(); !ok)
            return std::unexpected(ok.error());
        id = m_db.lastInsertId();
    }
    if (id != 0)
        m_linkedinIds.insert(url, id);
    return id;
}

Result<qint64> CompanyLinker::resolve(PreparedPatch& patch, const UpsertPolicy& policy, qint64 currentCompanyId,
                                      const QString& currentCompanyName, const QString& now)
{
    if (policy.company == CompanyRule::TextOnly)
        return currentCompanyId;
    const bool create = policy.company == CompanyRule::CreateIfMissing;
    const QString name = patch.value(Field::CompanyName);
    auto notFound = [&](const QString& what) {
        patch.warnings.append({ErrorCode::CompanyNotFound, QStringLiteral("company"),
                               QStringLiteral("no company %1; contact not linked").arg(what), 0});
        return currentCompanyId;
    };
    if (patch.companyId) {
        m_exists.reset();
        m_exists.bind(1, *patch.companyId);
        const bool found = m_exists.next();
        m_exists.reset();
        if (found)
            return *patch.companyId;
        return notFound(QStringLiteral("with id %1").arg(*patch.companyId));
    }
    if (!patch.companyDomainKey.isEmpty()) {
        auto id = byDomain(patch.companyDomainKey, name, create, now);
        if (!id || *id != 0)
            return id;
        return notFound(QStringLiteral("with domain %1").arg(patch.companyDomainKey));
    }
    if (!patch.companyLinkedinKey.isEmpty()) {
        auto id = byLinkedin(patch.companyLinkedinKey, name, create, now);
        if (!id || *id != 0)
            return id;
        return notFound(QStringLiteral("with LinkedIn page %1").arg(patch.companyLinkedinKey));
    }
    if (policy.companyFromEmailDomain && currentCompanyId == 0 && !patch.emailKey.isEmpty()) {
        if (const auto domain = DomainNormalizer::fromEmail(patch.emailKey)) {
            // The company the contact names after this write: the row's, or the one it already has.
            const QString named = (patch.isSet(Field::CompanyName) ? name : currentCompanyName).trimmed();
            auto id = byDomain(*domain, named, create, now);
            if (!id)
                return id;
            // People of several companies share a mail domain (a group, a webmail): the email's domain is a
            // guess that must not overrule the company the contact names.
            const QString linked = *id != 0 ? companyName(*id) : QString();
            if (*id != 0 && (named.isEmpty() || linked.compare(named, Qt::CaseInsensitive) == 0))
                return *id;
            if (*id != 0)
                patch.warnings.append(
                    {ErrorCode::CompanyNotFound, QStringLiteral("company"),
                     QStringLiteral("the email's domain %1 is company '%2', not '%3'; contact not linked")
                         .arg(*domain, linked, named),
                     0});
        }
    }
    return currentCompanyId;
}

} // namespace roster
