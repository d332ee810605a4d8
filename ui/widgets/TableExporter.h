#pragma once

#include "contact/Error.h"

namespace roster {

class StoreSession;

// Writes every live contact to a file chosen in File > Export: CSV (design.md's field names as the
// header) or vCard by the file's suffix. Written whole or not at all.
class TableExporter final
{
public:
    static Result<qint64> exportTo(StoreSession& session, const QString& path);
};

} // namespace roster
