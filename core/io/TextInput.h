#pragma once

#include "contact/Error.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringDecoder>

#include <optional>

namespace roster {

// A QIODevice read as text, a chunk at a time, in the encoding EncodingDetector found on the first chunk
// (or one the caller forces). Shared by the CSV and vCard readers so both meet encodings the same way.
class TextInput final
{
public:
    explicit TextInput(QIODevice* device);
    Q_DISABLE_COPY_MOVE(TextInput)

    void setChunkSize(qsizetype bytes) { m_chunkSize = qMax<qsizetype>(bytes, 16); }
    // How much open() reads to detect the encoding: at least this, at least a chunk.
    void setSampleSize(qsizetype bytes) { m_sampleSize = qMax<qsizetype>(bytes, 16); }

    // Reads the first chunk and settles the encoding. A forced encoding skips detection (a BOM of the
    // same family is still skipped). Errors: FileUnreadable, EmptyFile (no bytes at all), NotATable,
    // InvalidArgument (an encoding name nothing here can decode). `asciiFallback`: a forced UTF-8 that an
    // import plan detected on a pure-ASCII start may still turn into Windows-1252 on the first byte that is not
    // UTF-8, as the detection it came from would have.
    Result<void> open(const QByteArray& forcedEncoding = {}, bool asciiFallback = false);
    // The start read so far was pure ASCII, so the encoding may still change (see open()).
    bool asciiSoFar() const { return m_asciiSoFar; }

    // Appends the text of at least one chunk, and of at least `minBytes` bytes, to `out`. Returns false
    // once the input is exhausted and nothing was appended.
    Result<bool> readMore(QString& out, qsizetype minBytes = 0);

    const QByteArray& encoding() const { return m_encoding; }
    qint64 bytesRead() const { return m_bytesRead; }
    qint64 charsDecoded() const { return m_charsDecoded; }
    bool atEnd() const { return m_atEnd && m_pendingPos >= m_pending.size() && m_carry.isEmpty(); }

private:
    Result<qint64> readRaw(qsizetype maxBytes);
    void decodeAppend(QByteArrayView bytes, QString& out);
    void useEncoding(const QByteArray& name);

    QIODevice* m_device;
    QByteArray m_encoding;
    QByteArray m_raw;
    QByteArray m_pending; // the sample read by open(), handed out a chunk at a time
    qsizetype m_pendingPos = 0;
    std::optional<QStringDecoder> m_decoder; // unset for the Windows-1252 table
    qsizetype m_chunkSize = 256 * 1024;
    qsizetype m_sampleSize = 64 * 1024;
    qint64 m_bytesRead = 0;
    qint64 m_charsDecoded = 0;
    bool m_atEnd = false;
    bool m_asciiSoFar = false; // guessed UTF-8 from pure ASCII: fall back to Windows-1252 on the first bad byte
    bool m_utf8 = false;
    // UTF-8 only: the bytes of a sequence the last chunk ended in the middle of. Qt 6.4's decoder, left
    // holding such a lead byte that turns out invalid, drops the next chunk's first byte (a delimiter: every
    // later cell of the row would shift), so no chunk is decoded that ends inside a sequence.
    QByteArray m_carry;
};

} // namespace roster
