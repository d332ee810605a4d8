#pragma once

#include "ImportPlan.h"
#include "contact/Error.h"

#include <QList>

#include <functional>

class QIODevice;

namespace roster {

// The rows an import rejected, as they were in the file, with why: what a user fixes and imports again (HubSpot's
// import error file does the same).
//
// A CSV gives a CSV: the file's header and each rejected row's cells unchanged (no spreadsheet guard added, the
// same delimiter), plus two columns, `Roster error` (the reason: error code, then sentence) and `Roster line` (the
// row's line in the file). A vCard gives a vCard: each rejected card's lines as they were, with an
// `X-ROSTER-ERROR` property holding the reason and the line before its END:VCARD (a card cut off without one gets
// it). Written as UTF-8 with CRLF line ends.
class RejectedRowsWriter final
{
public:
    static QString errorHeader() { return QStringLiteral("Roster error"); }
    static QString lineHeader() { return QStringLiteral("Roster line"); }

    // The rows to write: the line each starts on (ImportIssue::line), ascending and each once, and why it was
    // rejected, made as it is written: a file of a million rejected rows then holds no million sentences.
    struct Rows
    {
        QList<qint64> lines;
        std::function<QString(qsizetype index)> reason; // of the row starting on lines.at(index)
    };

    // Reads the plan's file again, the way the import did. Returns the number of rows written. Errors: those of
    // reading the file, FileUnreadable when `out` cannot be written.
    static Result<qint64> write(const ImportPlan& plan, const Rows& rows, QIODevice* out);

private:
    static Result<qint64> writeCsv(const ImportPlan& plan, const Rows& rows, QIODevice* out);
    static Result<qint64> writeVcard(const ImportPlan& plan, const Rows& rows, QIODevice* out);
};

} // namespace roster
