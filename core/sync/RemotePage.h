#pragma once

#include "PageToken.h"
#include "RemoteRecord.h"

#include <QList>

#include <optional>

namespace roster {

struct RemotePage
{
    QList<RemoteRecord> records;
    std::optional<PageToken> next; // nothing at the end of the list
    qint64 total = -1; // as the CRM reports it; -1 when it does not
};

} // namespace roster
