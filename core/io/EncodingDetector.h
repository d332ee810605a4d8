#pragma once

#include "contact/Error.h"

#include <QByteArray>
#include <QByteArrayView>

namespace roster {

// What EncodingDetector found at the start of a file.
struct DetectedEncoding
{
    QByteArray name; // a name QStringDecoder (or TextInput's own Windows-1252 table) accepts
    qsizetype bomLength = 0; // bytes of byte-order mark to skip
    bool asciiSoFar = false; // the sample was pure ASCII: later bytes may still turn out not to be UTF-8
};

// Guesses the encoding of a text file from its first bytes, and refuses what is not text at all.
// Order matters: byte-order marks, then known binary signatures, then NUL patterns (uchardet calls
// BOM-less UTF-16 "WINDOWS-1252"), then plain UTF-8 validity, and only then uchardet, whose answer
// for short Western samples is second-guessed because it often names a sibling code page.
class EncodingDetector final
{
public:
    static Result<DetectedEncoding> detect(QByteArrayView sample);

    // True when the bytes are valid UTF-8, ignoring a sequence cut off by the end of the sample.
    static bool isValidUtf8(QByteArrayView bytes);
    // True when the bytes are UTF-8, perhaps with some damaged sequences (an exporter that cut a field
    // after so many bytes, in the middle of a letter): there are at least as many valid multi-byte sequences
    // as invalid bytes. Text in a legacy code page almost never forms a valid sequence (an accented capital
    // followed by a symbol), so it fails this test; a small file with three accents and one cut letter
    // passes it.
    static bool isMostlyUtf8(QByteArrayView bytes);

private:
    static bool hasBinarySignature(QByteArrayView sample);
    static bool hasTooManyControlBytes(QByteArrayView sample);
    static QByteArray detectUtf16ByNuls(QByteArrayView sample);
    static QByteArray chooseSingleByteEncoding(QByteArrayView sample);
};

} // namespace roster
