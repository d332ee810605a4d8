#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace roster::emulator {

// The body of lemlist's `GET /contacts/export?listId=all&entity=contact` (PROVIDERS.md §1: text/csv, custom
// fields as columns). lemlist does not publish its columns; this writes the read shape's names (or, with
// `humanHeaders`, spellings such as "First name") in a fixed order, then one column per custom field, with a
// UTF-8 BOM, CRLF line ends and RFC 4180 quoting. Every row has every column; a value the contact lacks is an
// empty cell.
class LemlistCsvExport final
{
public:
    // `contacts` in the read shape (top-level email, `fields{…}`, ownerId, unsubscribed...).
    static QByteArray render(const QList<QJsonObject>& contacts, const QStringList& customFields, bool humanHeaders);

private:
    static QByteArray cell(const QString& text);
};

} // namespace roster::emulator
