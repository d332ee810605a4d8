#pragma once

#include "contact/Error.h"

#include <QDateTime>

namespace roster {

class RemoteLinkStore;
class StoreSession;

// Decides how much of one account a pull reads, and remembers what it learned.
//
// Incremental (records changed since the watermark, minus an overlap re-read so paging drift and late
// writes lose nothing) where the CRM filters by update time; a full scan otherwise, when asked, when the
// last full scan is a day old (only a full scan sees remote deletions), or for a week after the CRM
// refused the filter (each refusal costs a request). The watermark only moves forward.
class PullSchedule final
{
public:
    // How far back an incremental pull re-reads before its watermark.
    static constexpr qint64 kOverlapSecs = 300;
    static constexpr qint64 kFullScanEverySecs = 24 * 3600;
    static constexpr qint64 kRefusalMemorySecs = 7 * 24 * 3600;

    PullSchedule(StoreSession& session, RemoteLinkStore& links, qint64 accountId);

    // The "updated since" of the next pull; invalid for a full scan.
    Result<QDateTime> updatedSince(bool crmFilters, bool forceFullScan);
    Result<void> fullScanDone();
    Result<void> filterRefused();
    // After a complete pull: the newest change the CRM reported, never past `notAfter` (the run's start).
    // After a full scan, a watermark already beyond `notAfter` comes back to it.
    Result<void> advanceWatermark(const QDateTime& latest, const QDateTime& notAfter = {}, bool afterFullScan = false);

private:
    QDateTime stamp(const QString& key);
    Result<void> setStamp(const QString& key);

    StoreSession& m_session;
    RemoteLinkStore& m_links;
    qint64 m_accountId;
};

} // namespace roster
