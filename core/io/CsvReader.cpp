#include "CsvReader.h"

#include <QHash>

namespace roster {

namespace {

constexpr qsizetype kSampleChars = 64 * 1024;
constexpr qsizetype kSampleRecords = 200;

} // namespace

CsvReader::CsvReader(QIODevice* device)
    : m_input(device)
{
}

CsvReader::Parse CsvReader::parse(QChar delimiter, qsizetype& pos, qint64& line, CsvRecord& record) const
{
    const bool final = m_input.atEnd();
    const QChar* const begin = m_buffer.constData();
    const QChar* const end = begin + m_buffer.size();
    const QChar* p = begin + pos;
    if (p == end)
        return final ? Parse::End : Parse::NeedMore;

    record.reset(line);
    qint64 breaks = 0;
    const char16_t delim = delimiter.unicode();
    const auto finish = [&] {
        pos = p - begin;
        line += breaks;
        return Parse::Record;
    };
    for (;;) {
        if (p < end && *p == u'"') {
            const qint64 quoteLine = line + breaks;
            ++p;
            for (;;) {
                const QChar* start = p;
                while (p < end && *p != u'"') {
                    // Line breaks inside quotes still advance the physical line number.
                    if (*p == u'\n' || (*p == u'\r' && (p + 1 == end || p[1] != u'\n')))
                        ++breaks;
                    ++p;
                }
                record.append(start, p - start);
                if (p == end) {
                    if (!final)
                        return Parse::NeedMore;
                    // Read leniently, one quote would swallow every later row into this cell.
                    line = quoteLine;
                    return Parse::Unterminated;
                }
                ++p;
                if (p < end && *p == u'"') {
                    record.append(QChar(u'"'));
                    ++p;
                    continue;
                }
                if (p == end && !final)
                    return Parse::NeedMore; // the next chunk may start with the second quote of a pair
                break;
            }
        }
        const QChar* start = p;
        while (p < end) {
            const char16_t c = p->unicode();
            if (c == delim || c == u'\n' || c == u'\r')
                break;
            ++p;
        }
        record.append(start, p - start);
        if (p == end) {
            if (!final)
                return Parse::NeedMore;
            record.endCell();
            return finish();
        }
        record.endCell();
        if (p->unicode() == delim) {
            ++p;
            continue;
        }
        if (*p == u'\r') {
            ++p;
            if (p == end && !final)
                return Parse::NeedMore; // a CRLF split across chunks
            if (p < end && *p == u'\n')
                ++p;
        } else {
            ++p;
        }
        ++breaks;
        return finish();
    }
}

Result<void> CsvReader::refill()
{
    const qsizetype unparsed = m_buffer.size() - m_pos;
    if (unparsed > m_maxRecordLength) {
        m_errorLine = m_line;
        return fail(ErrorCode::ParseError,
                    QStringLiteral("the record starting on line %1 is longer than %2 characters (unbalanced quote?)")
                        .arg(m_line)
                        .arg(m_maxRecordLength));
    }
    m_buffer.remove(0, m_pos);
    m_pos = 0;
    // Asking for at least as much again as is pending keeps a long record linear, not quadratic.
    const auto more = m_input.readMore(m_buffer, unparsed * 2);
    if (!more)
        return std::unexpected(more.error());
    return {};
}

Result<bool> CsvReader::nextNonBlank(CsvRecord& record)
{
    for (;;) {
        qsizetype pos = m_pos;
        qint64 line = m_line;
        switch (parse(m_delimiter, pos, line, record)) {
        case Parse::Record:
            m_pos = pos;
            m_line = line;
            if (record.isBlank())
                continue;
            return true;
        case Parse::End:
            return false;
        case Parse::Unterminated:
            m_errorLine = line;
            return fail(ErrorCode::ParseError,
                        QStringLiteral("a quoted field starts on line %1 and is never closed").arg(line));
        case Parse::NeedMore:
            if (const auto ok = refill(); !ok)
                return std::unexpected(ok.error());
            break;
        }
    }
}

QList<qsizetype> CsvReader::sampleCellCounts(QChar delimiter) const
{
    QList<qsizetype> counts;
    CsvRecord record;
    qsizetype pos = 0;
    qint64 line = 1;
    while (counts.size() < kSampleRecords && parse(delimiter, pos, line, record) == Parse::Record) {
        if (!record.isBlank())
            counts << record.size();
    }
    return counts;
}

// The delimiter that splits most sampled records into the same number (at least two) of cells.
QChar CsvReader::sniffDelimiter() const
{
    QChar best = QLatin1Char(',');
    qsizetype bestScore = 0;
    qsizetype bestWidth = 0;
    for (const QChar candidate : candidateDelimiters()) {
        QHash<qsizetype, qsizetype> histogram;
        for (const qsizetype count : sampleCellCounts(candidate)) {
            if (count >= 2)
                ++histogram[count];
        }
        for (auto it = histogram.cbegin(); it != histogram.cend(); ++it) {
            if (it.value() > bestScore || (it.value() == bestScore && it.key() > bestWidth)) {
                best = candidate;
                bestScore = it.value();
                bestWidth = it.key();
            }
        }
    }
    return best;
}

// Lines before the header (export notes, a title) have far fewer cells than the table's usual width.
qsizetype CsvReader::headerIndex() const
{
    const QList<qsizetype> counts = sampleCellCounts(m_delimiter);
    QHash<qsizetype, qsizetype> histogram;
    qsizetype width = 0;
    for (const qsizetype count : counts) {
        if (count < 2)
            continue;
        const qsizetype n = ++histogram[count];
        if (n > histogram.value(width) || (n == histogram.value(width) && count > width))
            width = count;
    }
    if (width < 2)
        return 0;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        if (counts.at(i) >= 2 && counts.at(i) * 4 >= width * 3)
            return i;
    }
    return 0;
}

Result<void> CsvReader::open()
{
    if (m_open)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("already open"));
    m_open = true;
    if (const auto ok = m_input.open(m_forcedEncoding, m_asciiFallback); !ok)
        return ok;
    while (m_buffer.size() < kSampleChars && !m_input.atEnd()) {
        const auto more = m_input.readMore(m_buffer);
        if (!more)
            return std::unexpected(more.error());
        if (!*more)
            break;
    }
    if (m_delimiter.isNull())
        m_delimiter = sniffDelimiter();

    const qsizetype skip = m_forcedHeaderLine > 0 ? -1 : headerIndex();
    CsvRecord record;
    for (qsizetype i = 0; skip >= 0 ? i <= skip : record.line() < m_forcedHeaderLine; ++i) {
        const auto got = nextNonBlank(record);
        if (!got)
            return std::unexpected(got.error());
        if (!*got)
            return fail(ErrorCode::EmptyFile, QStringLiteral("the file holds no header"));
    }
    m_header = record.toStringList();
    m_headerLine = record.line();
    for (QString& name : m_header)
        name = name.trimmed();
    if (!m_header.isEmpty() && m_header.front().startsWith(QChar(0xFEFF)))
        m_header.front() = m_header.front().mid(1).trimmed();

    const auto got = nextNonBlank(m_lookahead);
    if (!got)
        return std::unexpected(got.error());
    if (!*got)
        return fail(ErrorCode::EmptyFile, QStringLiteral("the file holds a header and no record"));
    m_hasLookahead = true;
    return {};
}

Result<bool> CsvReader::readRecord(CsvRecord& record)
{
    if (m_hasLookahead) {
        std::swap(record, m_lookahead);
        m_hasLookahead = false;
        return true;
    }
    if (!m_open || m_header.isEmpty())
        return false;
    return nextNonBlank(record);
}

qint64 CsvReader::bytesConsumed() const
{
    const qint64 decoded = m_input.charsDecoded();
    if (decoded <= 0)
        return 0;
    const qint64 pending = m_buffer.size() - m_pos;
    return static_cast<qint64>(static_cast<double>(m_input.bytesRead()) * static_cast<double>(decoded - pending)
                               / static_cast<double>(decoded));
}

} // namespace roster
