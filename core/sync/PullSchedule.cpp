#include "PullSchedule.h"

#include "store/RemoteLinkStore.h"
#include "store/StoreSession.h"
#include "store/StoreSettings.h"

#include <algorithm>

namespace roster {

namespace {

QString fullScanKey(qint64 accountId)
{
    return QStringLiteral("sync/last_full_scan/%1").arg(accountId);
}

QString refusedKey(qint64 accountId)
{
    return QStringLiteral("sync/updated_filter_refused/%1").arg(accountId);
}

} // namespace

PullSchedule::PullSchedule(StoreSession& session, RemoteLinkStore& links, qint64 accountId)
    : m_session(session)
    , m_links(links)
    , m_accountId(accountId)
{
}

QDateTime PullSchedule::stamp(const QString& key)
{
    return QDateTime::fromString(StoreSettings(m_session.database()).value(key), Qt::ISODateWithMs);
}

Result<void> PullSchedule::setStamp(const QString& key)
{
    return StoreSettings(m_session.database())
        .setValue(key, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
}

Result<QDateTime> PullSchedule::updatedSince(bool crmFilters, bool forceFullScan)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime lastFull = stamp(fullScanKey(m_accountId));
    const QDateTime refused = stamp(refusedKey(m_accountId));
    const bool fullScanDue = !lastFull.isValid() || lastFull.secsTo(now) > kFullScanEverySecs;
    const bool refusedLately = refused.isValid() && refused.secsTo(now) < kRefusalMemorySecs;
    if (!crmFilters || forceFullScan || fullScanDue || refusedLately)
        return QDateTime();
    auto watermark = m_links.pullWatermark(m_accountId);
    if (!watermark)
        return std::unexpected(watermark.error());
    return watermark->isValid() ? watermark->addSecs(-kOverlapSecs) : QDateTime();
}

Result<void> PullSchedule::fullScanDone()
{
    return setStamp(fullScanKey(m_accountId));
}

Result<void> PullSchedule::filterRefused()
{
    return setStamp(refusedKey(m_accountId));
}

Result<void> PullSchedule::advanceWatermark(const QDateTime& latest, const QDateTime& notAfter, bool afterFullScan)
{
    auto old = m_links.pullWatermark(m_accountId);
    if (!old)
        return std::unexpected(old.error());
    // A watermark in the future (set before it was capped) hides every change from incremental pulls; a
    // full scan has read everything, so it may bring it back.
    if (afterFullScan && notAfter.isValid() && old->isValid() && *old > notAfter)
        return m_links.setPullWatermark(m_accountId, latest.isValid() ? std::min(latest, notAfter) : notAfter);
    const QDateTime next = latest.isValid() && notAfter.isValid() ? std::min(latest, notAfter) : latest;
    if (!next.isValid())
        return {};
    // Only forward: a record re-read in the overlap, or deleted since, must not pull it back.
    if (old->isValid() && next <= *old)
        return {};
    return m_links.setPullWatermark(m_accountId, next);
}

} // namespace roster
