#pragma once

#include <QByteArrayView>
#include <QString>

namespace roster {

// Windows-1252, the code page Excel uses for "CSV" on Western Windows machines. Decoded from a table
// rather than through ICU: it is the commonest legacy encoding we meet, a table is faster, and it does
// not depend on how Qt was built. The five unassigned bytes map to the C1 controls, as browsers do.
class Windows1252Codec final
{
public:
    static void decodeAppend(QByteArrayView bytes, QString& out);
    static QString decode(QByteArrayView bytes)
    {
        QString out;
        decodeAppend(bytes, out);
        return out;
    }
    static char16_t toUnicode(unsigned char byte);
};

} // namespace roster
