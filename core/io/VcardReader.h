#pragma once

#include "TextInput.h"
#include "VcardContactBuilder.h"
#include "contact/ContactPatch.h"
#include "contact/Error.h"

#include <QIODevice>

namespace roster {

// A streaming vCard 2.1 / 3.0 / 4.0 reader (RFC 2426, RFC 6350): unfolds lines, decodes escapes and
// 2.1 quoted-printable, and yields one ContactPatch per card with the line the card starts on. Lines
// outside a card and nested cards (2.1 AGENT) are ignored; a card cut off by the end of the file still
// counts. Inline photos are skipped; a photo given as a URI becomes picture_url.
class VcardReader final
{
public:
    struct Card
    {
        ContactPatch patch;
        qint64 line = 0; // 1-based line of BEGIN:VCARD
        QString version;
        QString problem; // English, for the report: how the card was damaged (no END:VCARD), empty when whole
        QStringList notKept; // what the card holds that Roster does not keep (VcardContactBuilder::finish)
    };

    explicit VcardReader(QIODevice* device);
    Q_DISABLE_COPY_MOVE(VcardReader)

    void setEncoding(const QByteArray& encoding, bool asciiFallback = false)
    {
        m_forcedEncoding = encoding;
        m_asciiFallback = asciiFallback;
    }

    // Errors: FileUnreadable, EmptyFile, NotATable (binary), ParseError (no BEGIN:VCARD near the start).
    Result<void> open();
    // The next card, or false at the end. Errors: FileUnreadable, ParseError (a line beyond all reason).
    Result<bool> readCard(Card& card);

    QByteArray encoding() const { return m_input.encoding(); }
    bool encodingMayChange() const { return m_input.asciiSoFar(); }
    qint64 bytesConsumed() const { return m_input.bytesRead(); }

    // Whether the first bytes of a file are a vCard's: its first line that is not blank, after any byte-order
    // mark, is BEGIN:VCARD (UTF-8, 8-bit or UTF-16). A BEGIN:VCARD further down, in a CSV cell, does not count.
    static bool looksLikeVcard(QByteArrayView sample);

private:
    Result<bool> nextPhysicalLine(QString& line, qint64& number);
    Result<bool> nextLogicalLine(QString& line, qint64& number);

    TextInput m_input;
    QByteArray m_forcedEncoding;
    bool m_asciiFallback = false;
    QString m_buffer;
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    QString m_peek;
    qint64 m_peekLine = 0;
    bool m_hasPeek = false;
    bool m_open = false;
    qint64 m_pendingBegin = 0; // a BEGIN:VCARD read while closing an unterminated card: the next card's line
    VcardContactBuilder m_builder;
};

} // namespace roster
