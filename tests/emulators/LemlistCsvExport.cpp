#include "LemlistCsvExport.h"

#include <QJsonArray>

namespace roster::emulator {

namespace {

enum class Where { Top, Fields, Emails };

struct ExportColumn
{
    const char* key;
    const char* human;
    Where where;
};

// Identity and bookkeeping first, then the lead's fields as the read shape keeps them.
constexpr ExportColumn kColumns[] = {
    {"_id", "Contact ID", Where::Top},
    {"email", "Email", Where::Top},
    {"additionalEmails", "Additional emails", Where::Emails},
    {"fullName", "Full name", Where::Top},
    {"firstName", "First name", Where::Fields},
    {"lastName", "Last name", Where::Fields},
    {"phone", "Phone", Where::Fields},
    {"linkedinUrl", "LinkedIn URL", Where::Top},
    {"linkedinUrlSalesNav", "Sales Navigator URL", Where::Top},
    {"jobTitle", "Job title", Where::Fields},
    {"jobDescription", "Job description", Where::Fields},
    {"tagline", "Tagline", Where::Fields},
    {"summary", "Summary", Where::Fields},
    {"location", "Location", Where::Fields},
    {"timezone", "Timezone", Where::Fields},
    {"industry", "Industry", Where::Fields},
    {"languages", "Languages", Where::Fields},
    {"skills", "Skills", Where::Fields},
    {"picture", "Picture", Where::Fields},
    {"ownerId", "Owner", Where::Top},
    {"source", "Source", Where::Top},
    {"companyId", "Company ID", Where::Top},
    {"unsubscribed", "Unsubscribed", Where::Top},
    {"createdAt", "Created at", Where::Top},
    {"leadStatus", "Lead status", Where::Fields},
};

QString textOf(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

} // namespace

QByteArray LemlistCsvExport::cell(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
        bytes.replace('"', "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

QByteArray LemlistCsvExport::render(const QList<QJsonObject>& contacts, const QStringList& customFields,
                                    bool humanHeaders)
{
    QByteArray out("\xEF\xBB\xBF");
    QList<QByteArray> header;
    for (const ExportColumn& column : kColumns)
        header << cell(QString::fromLatin1(humanHeaders ? column.human : column.key));
    for (const QString& name : customFields)
        header << cell(name);
    out += header.join(',') + "\r\n";
    for (const QJsonObject& contact : contacts) {
        const QJsonObject fields = contact.value(QLatin1String("fields")).toObject();
        QList<QByteArray> row;
        for (const ExportColumn& column : kColumns) {
            const QString key = QString::fromLatin1(column.key);
            switch (column.where) {
            case Where::Top:
                row << cell(textOf(contact.value(key)));
                break;
            case Where::Fields:
                row << cell(textOf(fields.value(key)));
                break;
            case Where::Emails: {
                QStringList emails;
                for (const QJsonValue& email : contact.value(key).toArray())
                    emails << email.toString();
                row << cell(emails.join(QStringLiteral(", ")));
                break;
            }
            }
        }
        for (const QString& name : customFields)
            row << cell(textOf(fields.value(name)));
        out += row.join(',') + "\r\n";
    }
    return out;
}

} // namespace roster::emulator
