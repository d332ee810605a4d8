#include "RejectedRowsWriter.h"

#include "CsvReader.h"
#include "ImportPlanner.h"
#include "TextInput.h"

#include <QFile>

namespace roster {

namespace {

// RFC 4180 quoting and nothing else: the cells go back as the file had them.
QString quoted(const QString& cell, QChar delimiter)
{
    const bool quote = cell.contains(delimiter) || cell.contains(u'"') || cell.contains(u'\n') || cell.contains(u'\r')
        || cell.startsWith(u' ') || cell.endsWith(u' ');
    if (!quote)
        return cell;
    return u'"' + QString(cell).replace(u"\""_qs, u"\"\""_qs) + u'"';
}

bool writeText(QIODevice* out, const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    return out->write(bytes) == bytes.size();
}

Result<void> cannotWrite(QIODevice* out)
{
    return fail(ErrorCode::FileUnreadable,
                QStringLiteral("cannot write the rejected rows: %1").arg(out->errorString()));
}

// A vCard property value: backslash, comma, semicolon and line breaks escaped (RFC 6350 3.4).
QString vcardEscaped(QString text)
{
    text.replace(u"\\"_qs, u"\\\\"_qs).replace(u","_qs, u"\\,"_qs).replace(u";"_qs, u"\\;"_qs);
    text.replace(u"\r\n"_qs, u"\\n"_qs).replace(u'\n', u"\\n"_qs).replace(u'\r', u"\\n"_qs);
    return text;
}

bool isCardLine(const QString& line, QStringView what)
{
    return line.trimmed().compare(what, Qt::CaseInsensitive) == 0;
}

} // namespace

Result<qint64> RejectedRowsWriter::write(const ImportPlan& plan, const Rows& rows, QIODevice* out)
{
    return plan.isCsv() ? writeCsv(plan, rows, out) : writeVcard(plan, rows, out);
}

Result<qint64> RejectedRowsWriter::writeCsv(const ImportPlan& plan, const Rows& rows, QIODevice* out)
{
    QFile file(plan.path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::FileUnreadable, QStringLiteral("cannot read %1: %2").arg(plan.path, file.errorString()));
    CsvReader reader(&file);
    if (auto ok = ImportPlanner::open(plan, reader); !ok)
        return std::unexpected(ok.error());
    const QChar delimiter = plan.delimiter.isNull() ? u',' : plan.delimiter;
    const auto row = [&](const QStringList& cells) {
        QString line;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                line += delimiter;
            line += quoted(cells.at(i), delimiter);
        }
        return writeText(out, line + u"\r\n"_qs);
    };
    if (!row(plan.header + QStringList {errorHeader(), lineHeader()}))
        return std::unexpected(cannotWrite(out).error());
    qint64 written = 0;
    qsizetype next = 0; // the first of rows.lines not yet passed; the file is read in line order
    CsvRecord record;
    while (next < rows.lines.size()) {
        auto more = reader.readRecord(record);
        if (!more)
            return std::unexpected(more.error());
        if (!*more)
            break;
        while (next < rows.lines.size() && rows.lines.at(next) < record.line())
            ++next;
        if (next == rows.lines.size() || rows.lines.at(next) != record.line())
            continue;
        QStringList cells = record.toStringList();
        // A short (ragged) row gets its missing cells, so the reason lands in its own column.
        while (cells.size() < plan.header.size())
            cells << QString();
        if (!row(cells + QStringList {rows.reason(next), QString::number(record.line())}))
            return std::unexpected(cannotWrite(out).error());
        ++written;
        ++next;
    }
    return written;
}

Result<qint64> RejectedRowsWriter::writeVcard(const ImportPlan& plan, const Rows& rows, QIODevice* out)
{
    QFile file(plan.path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::FileUnreadable, QStringLiteral("cannot read %1: %2").arg(plan.path, file.errorString()));
    TextInput input(&file);
    if (auto ok = input.open(plan.encoding, plan.encodingMayChange); !ok)
        return std::unexpected(ok.error());
    QString buffer;
    qsizetype pos = 0;
    qint64 number = 0;
    // Physical lines as VcardReader numbers them: CRLF, LF and a lone CR each end one.
    const auto nextLine = [&](QString& line) -> Result<bool> {
        for (;;) {
            const qsizetype lf = buffer.indexOf(u'\n', pos);
            const qsizetype cr = buffer.indexOf(u'\r', pos);
            qsizetype end = lf < 0 ? cr : cr < 0 ? lf : qMin(lf, cr);
            const bool crAtEnd = end >= 0 && end == cr && end + 1 == buffer.size() && !input.atEnd();
            if (end >= 0 && !crAtEnd) {
                line = buffer.mid(pos, end - pos);
                pos = end + (buffer.at(end) == u'\r' && end + 1 < buffer.size() && buffer.at(end + 1) == u'\n' ? 2 : 1);
                ++number;
                return true;
            }
            if (input.atEnd()) {
                if (pos >= buffer.size())
                    return false;
                line = buffer.mid(pos);
                pos = buffer.size();
                ++number;
                return true;
            }
            buffer.remove(0, pos);
            pos = 0;
            if (auto more = input.readMore(buffer); !more)
                return std::unexpected(more.error());
        }
    };
    qint64 written = 0;
    qint64 copying = 0; // the line of the card being copied
    qsizetype copyingIndex = 0; // its place in rows.lines
    qsizetype next = 0; // the first of rows.lines not yet passed
    QString line;
    const auto endCard = [&](bool addEnd) {
        const QString note = u"X-ROSTER-ERROR:"_qs
            + vcardEscaped(QStringLiteral("%1 (line %2)").arg(rows.reason(copyingIndex)).arg(copying)) + u"\r\n"_qs;
        ++written;
        copying = 0;
        return writeText(out, note) && (!addEnd || writeText(out, u"END:VCARD\r\n"_qs));
    };
    for (;;) {
        auto got = nextLine(line);
        if (!got)
            return std::unexpected(got.error());
        if (!*got)
            break;
        if (copying > 0 && isCardLine(line, u"BEGIN:VCARD")) {
            if (!endCard(true)) // the card had no END:VCARD; the reader ended it here
                return std::unexpected(cannotWrite(out).error());
        }
        while (next < rows.lines.size() && rows.lines.at(next) < number)
            ++next;
        if (copying == 0 && next < rows.lines.size() && rows.lines.at(next) == number
            && isCardLine(line, u"BEGIN:VCARD")) {
            copying = number;
            copyingIndex = next;
        }
        if (copying == 0)
            continue;
        if (isCardLine(line, u"END:VCARD")) {
            if (!endCard(false))
                return std::unexpected(cannotWrite(out).error());
        }
        if (!writeText(out, line + u"\r\n"_qs))
            return std::unexpected(cannotWrite(out).error());
    }
    if (copying > 0 && !endCard(true))
        return std::unexpected(cannotWrite(out).error());
    return written;
}

} // namespace roster
