#pragma once

#include "ImportIssues.h"
#include "contact/ContactPatch.h"
#include "contact/Error.h"
#include "io/ImportPlan.h"

#include <QList>

#include <memory>

class QIODevice;

namespace roster {

// Where an import's rows come from: a CSV file through the plan's column mapping, or a vCard file, read as the
// plan says (ImportPlanner::open), one row at a time.
class ImportSource
{
public:
    virtual ~ImportSource() = default;

    enum class Reading {
        Everything,
        IdentityOnly, // only what can match a person: emails, LinkedIn and Sales Navigator URLs (CSV only)
    };
    // A reader of `device` (the plan's file) following `plan`. Errors: those of ImportPlanner::open.
    static Result<std::unique_ptr<ImportSource>> open(const ImportPlan& plan, QIODevice* device,
                                                      Reading reading = Reading::Everything);

    virtual Result<bool> next(ContactPatch& patch, qint64& line) = 0;
    virtual qint64 bytes() const = 0;
    // Where the file could not be read on (after next() failed), 0 when unknown.
    virtual qint64 errorLine() const { return 0; }
    // What the last row read lost or how it was damaged, for the report.
    virtual QList<ImportIssue> takeIssues() { return {}; }
};

} // namespace roster
