#pragma once

#include <QtGlobal>

namespace roster {

// Per account, since the client was created: for `roster sync --json` and the benchmarks.
struct TransportCounters
{
    qint64 requests = 0; // every attempt put on the wire, retries included
    qint64 retries = 0; // attempts after the first
    qint64 rateLimited = 0; // 429 replies
};

} // namespace roster
