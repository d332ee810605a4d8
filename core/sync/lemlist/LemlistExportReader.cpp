#include "LemlistExportReader.h"

#include "LemlistProvider.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace roster {

namespace {

std::optional<bool> booleanCell(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("yes") || t == QLatin1String("1"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("no") || t == QLatin1String("0"))
        return false;
    return std::nullopt;
}

} // namespace

LemlistExportReader::LemlistExportReader(const LemlistProvider& provider, const QByteArray& body)
    : m_provider(provider)
    , m_reader(&m_buffer)
    , m_columns({}, {})
{
    m_buffer.setData(body); // shares the reply's bytes, no copy
}

Result<std::unique_ptr<LemlistExportReader>> LemlistExportReader::open(const LemlistProvider& provider,
                                                                       const QByteArray& body)
{
    std::unique_ptr<LemlistExportReader> reader(new LemlistExportReader(provider, body));
    if (!reader->m_buffer.open(QIODevice::ReadOnly))
        return fail(ErrorCode::ParseError, QStringLiteral("lemlist export: the reply cannot be read"));
    // lemlist writes UTF-8 (a BOM, when there is one, is skipped) with its header on the first line.
    reader->m_reader.setEncoding(QByteArrayLiteral("UTF-8"));
    reader->m_reader.setHeaderLine(1);
    if (auto ok = reader->m_reader.open(); !ok) {
        if (ok.error().code != ErrorCode::EmptyFile || reader->m_reader.header().isEmpty())
            return fail(ErrorCode::ParseError,
                        QStringLiteral("lemlist export is not a CSV table: %1").arg(ok.error().detail));
        reader->m_empty = true;
    }
    reader->m_columns = LemlistExportColumns(reader->m_reader.header(), provider.options().customFields);
    if (!reader->m_columns.hasId())
        return fail(ErrorCode::ParseError,
                    QStringLiteral("lemlist export has no contact id column (columns: %1)")
                        .arg(reader->m_reader.header().join(QStringLiteral(", "))));
    return reader;
}

Result<bool> LemlistExportReader::next(RemoteRecord& record)
{
    if (m_empty)
        return false;
    const auto got = m_reader.readRecord(m_row);
    if (!got)
        return fail(ErrorCode::ParseError, QStringLiteral("lemlist export: %1").arg(got.error().detail));
    if (!*got)
        return false;
    const QList<LemlistExportColumns::Column>& columns = m_columns.columns();
    if (m_row.size() != columns.size())
        return fail(ErrorCode::ParseError,
                    QStringLiteral("lemlist export: the row on line %1 has %2 cells where the header has %3 "
                                   "(a truncated or malformed export)")
                        .arg(m_row.line())
                        .arg(m_row.size())
                        .arg(columns.size()));
    QJsonObject object;
    QJsonObject fields;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        const LemlistExportColumns::Column& column = columns.at(i);
        const QString cell = m_row.at(i).trimmed().toString();
        // Empty is unknown, not cleared: see the class comment. The first of two columns naming one key wins.
        if (cell.isEmpty())
            continue;
        using Role = LemlistExportColumns::Role;
        switch (column.role) {
        case Role::Ignored:
            break;
        case Role::Id:
            if (!object.contains(QLatin1String("_id")))
                object.insert(QStringLiteral("_id"), cell);
            break;
        case Role::Email:
            if (!object.contains(QLatin1String("email")))
                object.insert(QStringLiteral("email"), cell);
            break;
        case Role::ExtraEmails: {
            static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
            const QStringList emails = cell.split(separators, Qt::SkipEmptyParts);
            if (!emails.isEmpty() && !object.contains(QLatin1String("additionalEmails")))
                object.insert(QStringLiteral("additionalEmails"), QJsonArray::fromStringList(emails));
            break;
        }
        case Role::Unsubscribed:
            if (const auto value = booleanCell(cell))
                object.insert(QStringLiteral("unsubscribed"), *value);
            break;
        case Role::Owner:
            if (!object.contains(QLatin1String("contactOwner")))
                object.insert(QStringLiteral("contactOwner"), cell);
            break;
        case Role::Field:
            if (!fields.contains(column.key))
                fields.insert(column.key, cell);
            break;
        }
    }
    object.insert(QStringLiteral("fields"), fields);
    record = m_provider.readRecord(object);
    return true;
}

} // namespace roster
