#include "EncodingDetector.h"

#include "Windows1252Codec.h"

#include <QList>
#include <QStringDecoder>

#include <array>
#include <memory>
#include <uchardet.h>

namespace roster {

namespace {

constexpr auto kWindows1252 = "windows-1252";

bool startsWith(QByteArrayView data, QByteArrayView prefix)
{
    return data.size() >= prefix.size() && data.first(prefix.size()) == prefix;
}

// Code pages of Latin-script languages: uchardet confuses them on short samples, so they compete on
// how plausible their decoding of the sample's high bytes is.
bool isLatinFamily(const QByteArray& upper)
{
    static const std::array kLatin {"ISO-8859-1",        "ISO-8859-2",   "ISO-8859-3",   "ISO-8859-4",   "ISO-8859-9",
                                    "ISO-8859-10",       "ISO-8859-13",  "ISO-8859-14",  "ISO-8859-15",  "ISO-8859-16",
                                    "WINDOWS-1250",      "WINDOWS-1252", "WINDOWS-1254", "WINDOWS-1257", "WINDOWS-1258",
                                    "MAC-CENTRALEUROPE", "IBM852",       "IBM850",       "MAC-ROMAN"};
    for (const char* name : kLatin) {
        if (upper == name)
            return true;
    }
    return upper.isEmpty();
}

QString decodeWith(const QByteArray& name, QByteArrayView bytes)
{
    if (name == kWindows1252)
        return Windows1252Codec::decode(bytes);
    QStringDecoder decoder(name.constData());
    if (!decoder.isValid())
        return {};
    return decoder.decode(bytes);
}

// Letters (and the euro sign) count for a decoding, control characters and replacement characters
// against it; symbols such as ¤ or ½ that legacy code pages put where others have letters count nothing.
int plausibility(const QString& decoded)
{
    int score = 0;
    for (const QChar c : decoded) {
        if (c.unicode() < 0x80)
            continue;
        if (c.isLetter() || c.unicode() == 0x20AC)
            ++score;
        else if (c.unicode() < 0xA0 || c.unicode() == 0xFFFD)
            --score;
    }
    return score;
}

} // namespace

namespace {

struct Utf8Census
{
    qsizetype valid = 0; // multi-byte sequences
    qsizetype invalid = 0; // bytes that start no valid sequence
};

// Walks the bytes as UTF-8; stops at the first invalid byte when asked to (a plain validity test).
Utf8Census censusOfUtf8(QByteArrayView bytes, bool stopAtFirstError)
{
    Utf8Census census;
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto* end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int length = 0;
        char32_t min = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            min = 0x10000;
        }
        bool ok = length > 0;
        char32_t code = c & (0x7F >> length);
        for (int i = 1; ok && i < length; ++i) {
            if (p + i >= end)
                return census; // cut off by the sample's end
            ok = (p[i] & 0xC0) == 0x80;
            code = (code << 6) | (p[i] & 0x3F);
        }
        ok = ok && code >= min && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF);
        if (!ok) {
            ++census.invalid;
            if (stopAtFirstError)
                return census;
            ++p;
            continue;
        }
        ++census.valid;
        p += length;
    }
    return census;
}

} // namespace

bool EncodingDetector::isValidUtf8(QByteArrayView bytes)
{
    return censusOfUtf8(bytes, true).invalid == 0;
}

bool EncodingDetector::isMostlyUtf8(QByteArrayView bytes)
{
    const Utf8Census census = censusOfUtf8(bytes, false);
    return census.invalid == 0 || census.valid >= census.invalid;
}

bool EncodingDetector::hasBinarySignature(QByteArrayView sample)
{
    static const std::array<QByteArrayView, 10> kMagic {
        QByteArrayView("PK\x03\x04", 4), // zip, so also .xlsx / .ods / .docx
        QByteArrayView("%PDF"),
        QByteArrayView("\x89PNG", 4),
        QByteArrayView("GIF8"),
        QByteArrayView("\xFF\xD8\xFF", 3),
        QByteArrayView("SQLite format 3"),
        QByteArrayView("\x7F"
                       "ELF",
                       4),
        QByteArrayView("\xD0\xCF\x11\xE0", 4), // OLE compound file: .xls
        QByteArrayView("\x1F\x8B", 2), // gzip
        QByteArrayView("7z\xBC\xAF", 4),
    };
    for (const QByteArrayView magic : kMagic) {
        if (startsWith(sample, magic))
            return true;
    }
    return false;
}

bool EncodingDetector::hasTooManyControlBytes(QByteArrayView sample)
{
    qsizetype controls = 0;
    for (const char ch : sample) {
        const auto c = static_cast<unsigned char>(ch);
        // A stray NUL counts as one control byte among many: a text export with a few of them is still a table
        // (its NULs are reported per field); binary data has them everywhere.
        // Tab, LF, VT, FF, CR are text; so is DOS's end-of-file Ctrl-Z.
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1A) || c == 0x7F)
            ++controls;
    }
    // Three at least: one stray byte in a short file is not what makes it binary.
    return controls > 2 && controls * 50 > sample.size();
}

QByteArray EncodingDetector::detectUtf16ByNuls(QByteArrayView sample)
{
    const qsizetype pairs = sample.size() / 2;
    if (pairs < 1)
        return {};
    qsizetype evenNuls = 0;
    qsizetype oddNuls = 0;
    for (qsizetype i = 0; i + 1 < sample.size(); i += 2) {
        evenNuls += sample[i] == 0;
        oddNuls += sample[i + 1] == 0;
    }
    // ASCII-heavy text (delimiters, digits, line ends) puts a NUL in every other byte.
    if (oddNuls * 4 >= pairs && evenNuls * 10 <= oddNuls)
        return QByteArrayLiteral("UTF-16LE");
    if (evenNuls * 4 >= pairs && oddNuls * 10 <= evenNuls)
        return QByteArrayLiteral("UTF-16BE");
    return {};
}

QByteArray EncodingDetector::chooseSingleByteEncoding(QByteArrayView sample)
{
    const std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> detector(uchardet_new(),
                                                                                            uchardet_delete);
    QByteArray detected;
    if (detector && uchardet_handle_data(detector.get(), sample.data(), static_cast<size_t>(sample.size())) == 0) {
        uchardet_data_end(detector.get());
        detected = QByteArray(uchardet_get_charset(detector.get())).toUpper();
    }
    if (detected == "UTF-8" || detected == "ASCII")
        detected.clear(); // not possible here: the sample is not valid UTF-8
    if (!isLatinFamily(detected)) {
        if (QStringDecoder(detected.constData()).isValid())
            return detected;
        detected.clear();
    }

    // Only the high bytes tell the candidates apart.
    QByteArray high;
    for (const char c : sample) {
        if (static_cast<unsigned char>(c) >= 0x80)
            high.append(c);
    }
    QByteArray best = kWindows1252;
    int bestScore = plausibility(Windows1252Codec::decode(high));
    QList<QByteArray> others {QByteArrayLiteral("ISO-8859-15")};
    if (!detected.isEmpty() && detected != "WINDOWS-1252" && detected != "ISO-8859-1" && detected != "ISO-8859-15")
        others << detected;
    for (const QByteArray& name : others) {
        const QString decoded = decodeWith(name, high);
        if (decoded.isEmpty())
            continue;
        const int score = plausibility(decoded);
        if (score > bestScore) {
            best = name;
            bestScore = score;
        }
    }
    return best;
}

Result<DetectedEncoding> EncodingDetector::detect(QByteArrayView sample)
{
    struct Bom
    {
        QByteArrayView bytes;
        const char* name;
    };
    // UTF-32 LE before UTF-16 LE: its mark starts with the same two bytes.
    static const std::array<Bom, 5> kBoms {{
        {QByteArrayView("\xEF\xBB\xBF", 3), "UTF-8"},
        {QByteArrayView("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
        {QByteArrayView("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
        {QByteArrayView("\xFF\xFE", 2), "UTF-16LE"},
        {QByteArrayView("\xFE\xFF", 2), "UTF-16BE"},
    }};

    DetectedEncoding result;
    for (const Bom& bom : kBoms) {
        if (startsWith(sample, bom.bytes)) {
            result.name = bom.name;
            result.bomLength = bom.bytes.size();
            break;
        }
    }
    if (result.name.isEmpty() && hasBinarySignature(sample))
        return fail(ErrorCode::NotATable, QStringLiteral("binary file (archive, spreadsheet, image or database)"));
    if (result.name.isEmpty())
        result.name = detectUtf16ByNuls(sample);

    if (!result.name.isEmpty() && result.name != "UTF-8") {
        // Wide encodings: judge the decoded text instead of the bytes.
        QStringDecoder decoder(result.name.constData());
        const QString text = decoder.decode(sample.sliced(result.bomLength));
        qsizetype controls = 0;
        for (const QChar c : text) {
            const char16_t u = c.unicode();
            if (u == 0 || (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r' && u != u'\f' && u != u'\v') || u == 0x7F)
                ++controls;
        }
        if (controls > 2 && controls * 50 > text.size())
            return fail(ErrorCode::NotATable, QStringLiteral("binary data"));
        return result;
    }

    const QByteArrayView body = sample.sliced(result.bomLength);
    if (hasTooManyControlBytes(body))
        return fail(ErrorCode::NotATable, QStringLiteral("binary data"));
    if (result.bomLength > 0)
        return result;

    bool ascii = true;
    for (const char c : body) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii || isMostlyUtf8(body)) {
        result.name = "UTF-8";
        result.asciiSoFar = ascii;
        return result;
    }
    result.name = chooseSingleByteEncoding(body);
    return result;
}

} // namespace roster
