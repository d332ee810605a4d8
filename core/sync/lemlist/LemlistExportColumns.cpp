#include "LemlistExportColumns.h"

#include <array>
#include <utility>

namespace roster {

namespace {

using Alias = std::pair<QLatin1String, QLatin1String>; // normalized header, read-shape key of `fields`

// The standard fields of a lemlist read that LemlistProvider::readRecord() takes, each under its JSON name
// and the human spellings an export plausibly uses. Both sides of the pair are compared normalized.
constexpr std::array kFieldAliases {
    Alias {QLatin1String("firstname"), QLatin1String("firstName")},
    Alias {QLatin1String("lastname"), QLatin1String("lastName")},
    Alias {QLatin1String("phone"), QLatin1String("phone")},
    Alias {QLatin1String("phonenumber"), QLatin1String("phone")},
    Alias {QLatin1String("linkedinurl"), QLatin1String("linkedinUrl")},
    Alias {QLatin1String("linkedin"), QLatin1String("linkedinUrl")},
    Alias {QLatin1String("linkedinprofile"), QLatin1String("linkedinUrl")},
    Alias {QLatin1String("linkedinprofileurl"), QLatin1String("linkedinUrl")},
    Alias {QLatin1String("linkedinurlsalesnav"), QLatin1String("linkedinUrlSalesNav")},
    Alias {QLatin1String("salesnavurl"), QLatin1String("linkedinUrlSalesNav")},
    Alias {QLatin1String("salesnavigatorurl"), QLatin1String("linkedinUrlSalesNav")},
    Alias {QLatin1String("linkedinsalesnavurl"), QLatin1String("linkedinUrlSalesNav")},
    Alias {QLatin1String("jobtitle"), QLatin1String("jobTitle")},
    Alias {QLatin1String("jobdescription"), QLatin1String("jobDescription")},
    Alias {QLatin1String("tagline"), QLatin1String("tagline")},
    Alias {QLatin1String("headline"), QLatin1String("tagline")},
    Alias {QLatin1String("summary"), QLatin1String("summary")},
    Alias {QLatin1String("companydomain"), QLatin1String("companyDomain")},
    Alias {QLatin1String("companylinkedinurl"), QLatin1String("companyLinkedinUrl")},
    Alias {QLatin1String("location"), QLatin1String("location")},
    Alias {QLatin1String("timezone"), QLatin1String("timezone")},
    Alias {QLatin1String("industry"), QLatin1String("industry")},
    Alias {QLatin1String("languages"), QLatin1String("languages")},
    Alias {QLatin1String("skills"), QLatin1String("skills")},
    Alias {QLatin1String("picture"), QLatin1String("picture")},
    Alias {QLatin1String("pictureurl"), QLatin1String("picture")},
    Alias {QLatin1String("source"), QLatin1String("source")},
};

LemlistExportColumns::Role roleOf(const QString& name)
{
    using Role = LemlistExportColumns::Role;
    static const QStringList id {QStringLiteral("id"), QStringLiteral("contactid")};
    static const QStringList email {QStringLiteral("email"), QStringLiteral("emailaddress"),
                                    QStringLiteral("primaryemail")};
    static const QStringList extra {QStringLiteral("additionalemails"), QStringLiteral("otheremails")};
    static const QStringList owner {QStringLiteral("contactowner"), QStringLiteral("owner"), QStringLiteral("ownerid")};
    if (id.contains(name))
        return Role::Id;
    if (email.contains(name))
        return Role::Email;
    if (extra.contains(name))
        return Role::ExtraEmails;
    if (owner.contains(name))
        return Role::Owner;
    if (name == QLatin1String("unsubscribed"))
        return Role::Unsubscribed;
    return Role::Ignored;
}

} // namespace

LemlistExportColumns::LemlistExportColumns(const QStringList& header, const QList<RemoteFieldDefinition>& customFields)
{
    for (const QString& cell : header) {
        const QString name = normalized(cell);
        Column column;
        column.role = roleOf(name);
        if (column.role == Role::Ignored) {
            for (const Alias& alias : kFieldAliases) {
                if (name == alias.first) {
                    column.role = Role::Field;
                    column.key = alias.second;
                    break;
                }
            }
        }
        if (column.role == Role::Ignored && !name.isEmpty()) {
            // A custom field's column, by the name an upsert uses or the label the lemlist window shows.
            for (const RemoteFieldDefinition& d : customFields) {
                const QString remoteKey = d.remoteKey.isEmpty() ? d.key : d.remoteKey;
                if (name == normalized(remoteKey) || name == normalized(d.key)
                    || (!d.label.isEmpty() && name == normalized(d.label))) {
                    column.role = Role::Field;
                    column.key = remoteKey;
                    break;
                }
            }
        }
        if (column.role == Role::Ignored)
            m_ignored << cell;
        m_columns << column;
    }
}

bool LemlistExportColumns::hasId() const
{
    for (const Column& column : m_columns) {
        if (column.role == Role::Id)
            return true;
    }
    return false;
}

QString LemlistExportColumns::normalized(const QString& header)
{
    QString out;
    out.reserve(header.size());
    for (const QChar c : header) {
        if (c.isLetterOrNumber())
            out += c.toLower();
    }
    return out;
}

} // namespace roster
