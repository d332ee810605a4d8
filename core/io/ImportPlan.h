#pragma once

#include "ColumnMapping.h"

#include <QByteArray>
#include <QString>

namespace roster {

// How one file is read, decided once (ImportPlanner) from its content: the format, the encoding, and for a CSV
// the delimiter, the header and where each column goes. The import dialog shows it and edits its mapping, the
// command line builds the same one from its flags, and the import job reads the file exactly as it says.
struct ImportPlan
{
    enum class Format : std::uint8_t { Csv, Vcard };

    QString path;
    Format format = Format::Csv;
    QByteArray encoding;
    // The start of the file was pure ASCII, read as UTF-8: the first byte that is not UTF-8 turns the rest
    // into Windows-1252, as the detection would have.
    bool encodingMayChange = false;
    // CSV only.
    QChar delimiter;
    QStringList header;
    qint64 headerLine = 0; // 1-based; lines before it (LinkedIn's notes) are not part of the table
    ColumnMapping mapping;
    // The mapping holds a choice made by hand (`--map`, the dialog): remembered for files with this header.
    bool rememberMapping = false;

    bool isCsv() const { return format == Format::Csv; }
    // "csv" or "vcard", as the import summary and `--json` name it.
    QString formatName() const { return isCsv() ? QStringLiteral("csv") : QStringLiteral("vcard"); }
};

} // namespace roster
