#pragma once

#include "RemoteRecord.h"
#include "contact/Error.h"

namespace roster {

// The records of a whole-account export (lemlist's CSV), one at a time, so a scan holds the reply and one
// page of records rather than every record of the account. Made by Provider::openExport() over a reply it
// has checked; the reply must outlive the reader.
class RemoteExportReader
{
public:
    RemoteExportReader() = default;
    virtual ~RemoteExportReader() = default;
    RemoteExportReader(const RemoteExportReader&) = delete;
    RemoteExportReader& operator=(const RemoteExportReader&) = delete;

    // The next record into `record`; false at the end. ParseError for a row that shows the export is
    // truncated or malformed (the scan then trusts none of it).
    virtual Result<bool> next(RemoteRecord& record) = 0;
};

} // namespace roster
