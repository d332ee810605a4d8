#include "UpsertPolicies.h"

namespace roster {

QString matchKeyName(MatchKey key)
{
    switch (key) {
    case MatchKey::ContactId:
        return QStringLiteral("contact_id");
    case MatchKey::Email:
        return QStringLiteral("email");
    case MatchKey::LinkedinUrl:
        return QStringLiteral("linkedin_url");
    case MatchKey::SalesNavUrl:
        return QStringLiteral("sales_nav_url");
    case MatchKey::Phone:
        return QStringLiteral("phone");
    }
    return {};
}

UpsertPolicy UpsertPolicies::local()
{
    UpsertPolicy p;
    p.name = QStringLiteral("local");
    p.matchKeys = {MatchKey::ContactId, MatchKey::Email, MatchKey::LinkedinUrl, MatchKey::SalesNavUrl, MatchKey::Phone};
    p.requiredAnyOf
        = {MatchKey::ContactId, MatchKey::Email, MatchKey::LinkedinUrl, MatchKey::SalesNavUrl, MatchKey::Phone};
    p.companyFromEmailDomain = true;
    return p;
}

UpsertPolicy UpsertPolicies::lemlist()
{
    UpsertPolicy p;
    p.name = QStringLiteral("lemlist");
    p.matchKeys = {MatchKey::ContactId, MatchKey::Email, MatchKey::LinkedinUrl, MatchKey::SalesNavUrl};
    p.requiredAnyOf = {MatchKey::ContactId, MatchKey::Email, MatchKey::LinkedinUrl, MatchKey::SalesNavUrl};
    p.tags = TagRule::Unsupported;
    p.customFields = CustomFieldRule::RejectUnknown; // INVALID_FIELD
    p.company = CompanyRule::ExistingOnly;
    p.sourceOnCreateOnly = true;
    p.defaultSource = QStringLiteral("api");
    p.keepReplacedEmail = false;
    p.phoneMatchNeedsAgreement = false;
    return p;
}

UpsertPolicy UpsertPolicies::getsales()
{
    UpsertPolicy p;
    p.name = QStringLiteral("getsales");
    p.matchKeys = {MatchKey::LinkedinUrl};
    p.requiredAnyOf = {MatchKey::LinkedinUrl};
    p.tags = TagRule::Unsupported;
    p.customFields = CustomFieldRule::RegisterUnknown;
    p.company = CompanyRule::TextOnly;
    p.sourceOnCreateOnly = false;
    p.keepReplacedEmail = false;
    p.phoneMatchNeedsAgreement = false;
    return p;
}

UpsertPolicy UpsertPolicies::highlevel(bool phoneFirst)
{
    UpsertPolicy p;
    p.name = QStringLiteral("highlevel");
    p.keepSharedPhone = false;
    p.matchKeys = phoneFirst ? QVector<MatchKey> {MatchKey::Phone, MatchKey::Email}
                             : QVector<MatchKey> {MatchKey::Email, MatchKey::Phone};
    p.requiredAnyOf = {MatchKey::Email, MatchKey::Phone};
    p.tags = TagRule::Replace;
    p.customFields = CustomFieldRule::RejectUnknown;
    p.company = CompanyRule::TextOnly;
    p.sourceOnCreateOnly = false;
    p.keepReplacedEmail = false;
    p.phoneMatchNeedsAgreement = false;
    return p;
}

UpsertPolicy UpsertPolicies::monaco()
{
    UpsertPolicy p;
    p.name = QStringLiteral("monaco");
    p.matchKeys = {MatchKey::Email, MatchKey::LinkedinUrl};
    p.requiredAnyOf = {MatchKey::Email, MatchKey::LinkedinUrl};
    p.linkedinOnlyNeedsCompany = true;
    p.tags = TagRule::Append;
    p.customFields = CustomFieldRule::RejectUnknown;
    p.company = CompanyRule::CreateIfMissing;
    p.companyFromEmailDomain = true;
    p.sourceOnCreateOnly = false;
    p.keepReplacedEmail = false;
    p.phoneMatchNeedsAgreement = false;
    return p;
}

std::optional<UpsertPolicy> UpsertPolicies::byName(const QString& name)
{
    if (name == QLatin1String("local"))
        return local();
    if (name == QLatin1String("lemlist"))
        return lemlist();
    if (name == QLatin1String("getsales") || name == QLatin1String("grinfi"))
        return getsales();
    if (name == QLatin1String("highlevel"))
        return highlevel();
    if (name == QLatin1String("monaco"))
        return monaco();
    return std::nullopt;
}

QStringList UpsertPolicies::names()
{
    return {QStringLiteral("local"), QStringLiteral("lemlist"), QStringLiteral("getsales"), QStringLiteral("highlevel"),
            QStringLiteral("monaco")};
}

} // namespace roster
