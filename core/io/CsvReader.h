#pragma once

#include "CsvRecord.h"
#include "TextInput.h"
#include "contact/Error.h"

#include <QIODevice>
#include <QStringList>

namespace roster {

// A streaming RFC 4180 reader. open() detects the encoding and the delimiter, skips lines before the
// header (LinkedIn's "Notes:" paragraph) and reads the header; readRecord() then yields the data records
// one at a time, skipping blank ones. Only one chunk of the file and one record are held in memory.
//
// Lenient where files in the wild are sloppy: CRLF, LF and CR line ends mixed, a quote inside an unquoted
// cell is text, text after a closing quote joins the cell, an unterminated quote runs to the end of the
// file, rows may be shorter or longer than the header.
class CsvReader final
{
public:
    explicit CsvReader(QIODevice* device);
    Q_DISABLE_COPY_MOVE(CsvReader)

    // Settings, before open(). Empty / null means "detect".
    void setEncoding(const QByteArray& encoding, bool asciiFallback = false)
    {
        m_forcedEncoding = encoding;
        m_asciiFallback = asciiFallback;
    }
    void setDelimiter(QChar delimiter) { m_delimiter = delimiter; }
    // The line the header is on, as headerLine() found it before (an import plan): no guessing again.
    void setHeaderLine(qint64 line) { m_forcedHeaderLine = line; }
    void setChunkSize(qsizetype bytes) { m_input.setChunkSize(bytes); }
    void setSampleSize(qsizetype bytes) { m_input.setSampleSize(bytes); }
    // A record longer than this (an unbalanced quote swallowing the file) is a ParseError, not a memory hog.
    void setMaxRecordLength(qsizetype chars) { m_maxRecordLength = chars; }

    // Errors: FileUnreadable, EmptyFile (nothing, or a header and no record), NotATable (binary),
    // InvalidArgument (unknown forced encoding), ParseError.
    Result<void> open();

    // The next data record, or false at the end of the file. Errors: FileUnreadable, ParseError (a quoted field
    // never closed, a record too long), after which errorLine() says where.
    Result<bool> readRecord(CsvRecord& record);
    qint64 errorLine() const { return m_errorLine; }

    const QStringList& header() const { return m_header; }
    qint64 headerLine() const { return m_headerLine; }
    // May change once, from UTF-8 to windows-1252, when a file that began as pure ASCII turns out not to be UTF-8.
    QByteArray encoding() const { return m_input.encoding(); }
    bool encodingMayChange() const { return m_input.asciiSoFar(); }
    QChar delimiter() const { return m_delimiter; }
    // Bytes of the file behind the records handed out so far (for progress bars).
    qint64 bytesConsumed() const;

    // The delimiters open() chooses among.
    static QString candidateDelimiters() { return QStringLiteral(",;\t|"); }

private:
    // Unterminated: a quoted field runs to the end of the file; `line` is then where its quote opened.
    enum class Parse { Record, NeedMore, End, Unterminated };

    Parse parse(QChar delimiter, qsizetype& pos, qint64& line, CsvRecord& record) const;
    Result<bool> nextNonBlank(CsvRecord& record);
    Result<void> refill();
    QList<qsizetype> sampleCellCounts(QChar delimiter) const;
    QChar sniffDelimiter() const;
    qsizetype headerIndex() const;

    TextInput m_input;
    QByteArray m_forcedEncoding;
    bool m_asciiFallback = false;
    qint64 m_forcedHeaderLine = 0;
    QChar m_delimiter;
    QString m_buffer;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    qint64 m_errorLine = 0;
    qsizetype m_maxRecordLength = 16 * 1024 * 1024;
    QStringList m_header;
    qint64 m_headerLine = 0;
    CsvRecord m_lookahead;
    bool m_hasLookahead = false;
    bool m_open = false;
};

} // namespace roster
