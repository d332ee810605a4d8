#pragma once

#include "PageToken.h"

#include <QDateTime>

namespace roster {

// One list-page request: the page size (each adapter caps it at its CRM's maximum), an optional
// "updated since" watermark (ignored where the CRM has no such filter: lemlist) and where to start.
struct ListQuery
{
    int pageSize = 100;
    QDateTime updatedSince;
    PageToken token;
};

} // namespace roster
