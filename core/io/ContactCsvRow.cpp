#include "ContactCsvRow.h"

namespace roster {

QStringList ContactCsvRow::header(const QStringList& customKeys)
{
    QStringList header = FieldRegistry::names();
    for (const QString& key : customKeys)
        header << FieldRegistry::customPrefix() + key;
    return header;
}

QStringList ContactCsvRow::row(const Contact& contact, const QStringList& customKeys)
{
    QStringList row;
    row.reserve(kFieldCount + 4 + customKeys.size());
    for (const QString& value : contact.values)
        row << value;
    row << contact.extraEmails.join(QStringLiteral(", ")) << PhoneTypes::toText(contact.extraPhones)
        << contact.extraWebsites.join(QStringLiteral(", ")) << contact.tags.join(QStringLiteral(", "));
    for (const QString& key : customKeys)
        row << contact.custom.value(key);
    return row;
}

} // namespace roster
