#include "ContactCsvRow.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace roster {

// "vip, board"; a JSON list when a tag holds a comma or a semicolon (["Sales, EMEA", "vip"]), which
// ColumnMapper reads back whole.
QString ContactCsvRow::tagsCell(const QStringList& tags)
{
    const bool plain = std::none_of(tags.cbegin(), tags.cend(), [](const QString& tag) {
        return tag.contains(QLatin1Char(',')) || tag.contains(QLatin1Char(';'));
    });
    if (plain)
        return tags.join(QStringLiteral(", "));
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

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
        << contact.extraWebsites.join(QStringLiteral(", ")) << tagsCell(contact.tags);
    for (const QString& key : customKeys)
        row << contact.custom.value(key);
    return row;
}

} // namespace roster
