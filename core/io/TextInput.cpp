#include "TextInput.h"

#include "EncodingDetector.h"
#include "Windows1252Codec.h"

namespace roster {

namespace {

bool isWindows1252(const QByteArray& name)
{
    const QByteArray lower = name.toLower();
    return lower == "windows-1252" || lower == "cp1252" || lower == "x-cp1252";
}

// How many bytes at the end start a UTF-8 sequence that the bytes do not complete.
qsizetype incompleteUtf8Tail(QByteArrayView bytes)
{
    for (qsizetype k = 1; k <= qMin<qsizetype>(3, bytes.size()); ++k) {
        const auto b = static_cast<unsigned char>(bytes.at(bytes.size() - k));
        if ((b & 0xC0) == 0x80)
            continue;
        const qsizetype length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return k < length ? k : 0;
    }
    return 0;
}

bool isAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

} // namespace

TextInput::TextInput(QIODevice* device)
    : m_device(device)
{
}

Result<qint64> TextInput::readRaw(qsizetype maxBytes)
{
    if (m_atEnd)
        return 0;
    if (m_raw.size() < maxBytes)
        m_raw.resize(maxBytes);
    qint64 total = 0;
    while (total < maxBytes) {
        const qint64 n = m_device->read(m_raw.data() + total, maxBytes - total);
        if (n < 0)
            return fail(ErrorCode::FileUnreadable, m_device->errorString());
        if (n == 0) {
            // A pipe may simply have nothing yet; a file or buffer has ended.
            if (m_device->isSequential() && !m_device->atEnd() && m_device->waitForReadyRead(30000))
                continue;
            m_atEnd = true;
            break;
        }
        total += n;
    }
    m_bytesRead += total;
    return total;
}

void TextInput::useEncoding(const QByteArray& name)
{
    if (isWindows1252(name)) {
        m_encoding = QByteArrayLiteral("windows-1252");
        m_decoder.reset();
        m_utf8 = false;
        return;
    }
    m_encoding = name;
    m_decoder.emplace(name.constData());
    m_utf8 = m_decoder->isValid() && QByteArray(m_decoder->name()).compare("UTF-8", Qt::CaseInsensitive) == 0;
}

Result<void> TextInput::open(const QByteArray& forcedEncoding, bool asciiFallback)
{
    const auto n = readRaw(qMax(m_chunkSize, m_sampleSize));
    if (!n)
        return std::unexpected(n.error());
    m_pending = m_raw.first(*n);
    if (m_pending.isEmpty())
        return fail(ErrorCode::EmptyFile, QStringLiteral("the file is empty"));

    const auto detected = EncodingDetector::detect(m_pending);
    if (forcedEncoding.isEmpty()) {
        if (!detected)
            return std::unexpected(detected.error());
        useEncoding(detected->name);
        m_asciiSoFar = detected->asciiSoFar;
        m_pending.remove(0, detected->bomLength);
        return {};
    }
    if (!isWindows1252(forcedEncoding) && !QStringDecoder(forcedEncoding.constData()).isValid())
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("unknown encoding ") + QString::fromLatin1(forcedEncoding));
    useEncoding(forcedEncoding);
    m_asciiSoFar = asciiFallback && m_utf8 && detected && detected->asciiSoFar;
    if (detected && detected->bomLength > 0
        && QStringDecoder(detected->name.constData()).name() == QStringDecoder(forcedEncoding.constData()).name())
        m_pending.remove(0, detected->bomLength);
    return {};
}

void TextInput::decodeAppend(QByteArrayView bytes, QString& out)
{
    const qsizetype before = out.size();
    QByteArray joined;
    if (m_utf8) {
        if (!m_carry.isEmpty()) {
            joined = m_carry + bytes;
            bytes = joined;
        }
        const qsizetype tail = incompleteUtf8Tail(bytes);
        m_carry = bytes.last(tail).toByteArray();
        bytes = bytes.first(bytes.size() - tail);
    }
    if (!m_decoder) {
        Windows1252Codec::decodeAppend(bytes, out);
    } else if (m_asciiSoFar && !isAscii(bytes)) {
        // Every earlier chunk was pure ASCII, so the decoder holds no state from them: this chunk alone
        // decides between UTF-8 (damaged sequences become U+FFFD, which the import reports) and the legacy
        // code page.
        QString text = m_decoder->decode(bytes);
        if (m_decoder->hasError() && !EncodingDetector::isMostlyUtf8(bytes)) {
            useEncoding(QByteArrayLiteral("windows-1252"));
            Windows1252Codec::decodeAppend(bytes, out);
            Windows1252Codec::decodeAppend(m_carry, out);
            m_carry.clear();
        } else {
            out += text;
        }
        m_asciiSoFar = false;
    } else {
        out += m_decoder->decode(bytes);
    }
    // A NUL is never text (a damaged export pads with them): it becomes U+FFFD, as a byte the decoder could not
    // read does, so the import keeps the row and names the field. Left in, it cut the value short wherever SQLite
    // or a C string reads it.
    for (qsizetype at = out.indexOf(QChar(u'\0'), before); at >= 0; at = out.indexOf(QChar(u'\0'), at + 1))
        out[at] = QChar::ReplacementCharacter;
    m_charsDecoded += out.size() - before;
}

Result<bool> TextInput::readMore(QString& out, qsizetype minBytes)
{
    const qsizetype want = qMax(m_chunkSize, minBytes);
    qsizetype got = 0;
    if (m_pendingPos < m_pending.size()) {
        got = qMin(want, m_pending.size() - m_pendingPos);
        decodeAppend(QByteArrayView(m_pending).sliced(m_pendingPos, got), out);
        m_pendingPos += got;
        if (m_pendingPos == m_pending.size()) {
            m_pending.clear();
            m_pendingPos = 0;
        }
    }
    if (got < want && !m_atEnd) {
        const auto n = readRaw(want - got);
        if (!n)
            return std::unexpected(n.error());
        if (*n > 0)
            decodeAppend(QByteArrayView(m_raw.constData(), *n), out);
        got += *n;
    }
    if (got == 0 && m_atEnd && !m_carry.isEmpty()) {
        // The file ends inside a sequence: one unreadable character.
        out += QChar(QChar::ReplacementCharacter);
        m_charsDecoded += 1;
        m_carry.clear();
        return true;
    }
    return got > 0;
}

} // namespace roster
