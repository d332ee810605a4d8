#pragma once

#include "ImportPlan.h"
#include "contact/Error.h"

class QIODevice;

namespace roster {

class CsvReader;
class VcardReader;

// Makes the ImportPlan of a file from its content, and opens readers that follow a plan to the letter.
//
// The format is the content's: a vCard is a file whose first line that is not blank (after any byte-order mark)
// is BEGIN:VCARD, whatever its name; anything else is read as a table. The file name is not consulted: a CSV
// holding a pasted card in a cell stays a CSV, a vCard saved as .txt is a vCard.
class ImportPlanner final
{
public:
    // The encoding, delimiter, header and suggested mapping (ColumnMapper::suggest) of the file at `path`.
    // `forcedEncoding` skips the encoding's detection. Errors: FileNotFound, FileUnreadable, EmptyFile,
    // NotATable, InvalidArgument (an unknown encoding), ParseError.
    static Result<ImportPlan> plan(const QString& path, const QByteArray& forcedEncoding = {});

    // Open `reader` (on a device of the plan's file) with the plan's encoding, delimiter and header line.
    // Errors: those of the readers' open(), and ParseError when the header is no longer the plan's (the file
    // changed since it was planned).
    static Result<void> open(const ImportPlan& plan, CsvReader& reader);
    static Result<void> open(const ImportPlan& plan, VcardReader& reader);
};

} // namespace roster
