#pragma once

#include "contact/Contact.h"

#include <QIODevice>
#include <QString>

namespace roster {

// Writes contacts as vCard 3.0 (the default: what Google, Outlook and Apple import best) or 4.0, UTF-8,
// CRLF, lines folded at 75 octets. Every field survives a round trip through VcardReader: fields with a
// standard property use it (N, FN, EMAIL, TEL, ORG, TITLE, URL, ADR, BDAY, NOTE, CATEGORIES, PHOTO, TZ),
// LinkedIn goes in X-SOCIALPROFILE, the rest in X-ROSTER-<FIELD> and custom fields in
// X-ROSTER-CUSTOM;X-KEY=<key>.
class VcardWriter final
{
public:
    enum class Version { V30, V40 };

    explicit VcardWriter(QIODevice* device, Version version = Version::V30);

    void write(const Contact& contact);
    bool hasError() const { return m_error; }

    // Folds one content line (without its line end) into CRLF-terminated UTF-8 lines of at most 75
    // octets, never splitting a character.
    static QByteArray fold(const QString& line);

private:
    void writeLine(const QString& line);
    void writeProperty(const QString& name, const QString& value);

    QIODevice* m_device;
    Version m_version;
    bool m_error = false;
};

} // namespace roster
