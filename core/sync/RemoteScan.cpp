#include "RemoteScan.h"

#include "HttpClient.h"
#include "HttpJob.h"
#include "Provider.h"

#include <QTimer>

#include <utility>

namespace roster {

namespace {

// A refusal of the update-time filter, as opposed to a failure worth stopping for.
bool mayBeFilterRefusal(const Error& error)
{
    switch (error.code) {
    case ErrorCode::AuthenticationFailed:
    case ErrorCode::NetworkError:
    case ErrorCode::Timeout:
    case ErrorCode::RateLimited:
    case ErrorCode::Cancelled:
        return false;
    default:
        return true;
    }
}

// A failure of the export that paging would meet as well: the scan stops instead of paging into it.
bool stopsExport(const Error& error)
{
    switch (error.code) {
    case ErrorCode::AuthenticationFailed:
    case ErrorCode::RateLimited:
    case ErrorCode::ServiceFailing:
    case ErrorCode::Cancelled:
        return true;
    default:
        return false;
    }
}

} // namespace

RemoteScan::RemoteScan(HttpClient& client, QString accountName, const Provider& provider, int pageSize,
                       QDateTime updatedSince, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_accountName(std::move(accountName))
    , m_provider(provider)
    , m_pageSize(pageSize)
    , m_updatedSince(std::move(updatedSince))
{
}

RemoteScan::~RemoteScan()
{
    abort();
}

void RemoteScan::start(PageSink sink)
{
    m_sink = std::move(sink);
    requestPage();
}

void RemoteScan::abort()
{
    m_done = true;
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
    m_job = nullptr;
}

void RemoteScan::requestPage()
{
    ListQuery query;
    query.pageSize = m_pageSize;
    query.token = m_token;
    query.updatedSince = m_updatedSince;
    const auto spec = m_provider.listRequest(query);
    if (!spec) {
        finish(std::unexpected(spec.error()));
        return;
    }
    m_job = m_client.send(m_accountName, *spec);
    connect(m_job, &HttpJob::finished, this, [this, query](const Result<HttpResponse>& result) {
        m_job = nullptr;
        if (m_done)
            return;
        onPage(result ? m_provider.parseListReply(query, *result) : std::unexpected(result.error()));
    });
}

void RemoteScan::onPage(const Result<RemotePage>& page)
{
    if (!page) {
        if (m_updatedSince.isValid() && m_records == 0 && m_token == PageToken {} && mayBeFilterRefusal(page.error())) {
            m_updatedSince = {};
            emit fellBack(page.error());
            requestPage();
            return;
        }
        finish(std::unexpected(page.error()));
        return;
    }
    if (shouldExport(*page)) {
        m_firstPage = *page;
        requestExport();
        return;
    }
    acceptPage(*page);
}

void RemoteScan::acceptPage(const RemotePage& page)
{
    ++m_pages;
    if (const QString reason = endlessReason(page); !reason.isEmpty()) {
        incomplete(reason);
        return;
    }
    if (auto ok = m_sink(page); !ok) {
        finish(ok);
        return;
    }
    m_records += page.records.size();
    m_largestPage = std::max(m_largestPage, page.records.size());
    for (const RemoteRecord& record : page.records) {
        if (record.remoteId.isEmpty())
            ++m_withoutId;
        else
            m_seenIds.insert(record.remoteId);
    }
    emit progress(m_records, page.total);
    const qint64 distinct = m_seenIds.size() + m_withoutId;
    if (!page.next) {
        if (page.total >= 0 && distinct < page.total) {
            incomplete(
                QStringLiteral("the list ended after %1 of the %2 records it reported").arg(distinct).arg(page.total));
            return;
        }
        finish({});
        return;
    }
    if (page.total >= 0 && m_largestPage > 0) {
        // One page more than the total needs, for an empty last page.
        const qint64 allowed = (page.total + m_largestPage - 1) / m_largestPage + 1;
        if (m_pages >= allowed) {
            incomplete(QStringLiteral("the list still said there was more after %1 pages of %2 records for %3 in all")
                           .arg(m_pages)
                           .arg(m_largestPage)
                           .arg(page.total));
            return;
        }
    }
    if (m_pages >= m_maxPages) {
        incomplete(QStringLiteral("the list still said there was more after %1 pages").arg(m_pages));
        return;
    }
    m_token = *page.next;
    requestPage();
}

bool RemoteScan::shouldExport(const RemotePage& firstPage) const
{
    if (m_exportTried || isIncremental() || m_pages > 0 || !(m_token == PageToken {}) || !firstPage.next)
        return false;
    const qint64 threshold = m_provider.exportThreshold();
    if (threshold < 0)
        return false;
    return firstPage.total >= 0 ? firstPage.total > threshold : threshold == 0;
}

void RemoteScan::requestExport()
{
    m_exportTried = true;
    const auto spec = m_provider.exportRequest();
    if (!spec) {
        refuseExport(spec.error());
        return;
    }
    m_job = m_client.send(m_accountName, *spec);
    connect(m_job, &HttpJob::finished, this, [this](const Result<HttpResponse>& result) {
        m_job = nullptr;
        if (!m_done)
            onExport(result);
    });
}

void RemoteScan::onExport(const Result<HttpResponse>& reply)
{
    if (!reply) {
        if (stopsExport(reply.error()))
            finish(std::unexpected(reply.error()));
        else
            refuseExport(reply.error()); // a dropped or cut reply, a timeout, one too large to read
        return;
    }
    auto reader = m_provider.openExport(*reply);
    if (!reader) {
        refuseExport(reader.error());
        return;
    }
    m_exportBody = *reply;
    m_export = std::move(*reader);
    readExport(false);
}

void RemoteScan::readExport(bool deliver)
{
    if (m_done)
        return;
    RemotePage page;
    RemoteRecord record;
    bool atEnd = false;
    for (int read = 0; read < kExportPageSize; ++read) {
        const auto got = m_export->next(record);
        if (!got) {
            if (!deliver) {
                refuseExport(got.error());
                return;
            }
            // Read whole once already; a second reading that fails proves nothing either way.
            incomplete(got.error().detail);
            return;
        }
        if (!*got) {
            atEnd = true;
            break;
        }
        if (deliver)
            page.records << std::exchange(record, {});
        else if (record.remoteId.isEmpty())
            ++m_withoutId;
        else
            m_seenIds.insert(record.remoteId);
    }
    if (!deliver) {
        if (!atEnd) {
            QTimer::singleShot(0, this, [this] { readExport(false); });
            return;
        }
        const qint64 distinct = m_seenIds.size() + m_withoutId;
        if (m_firstPage.total >= 0 && distinct < m_firstPage.total) {
            refuseExport(Error {ErrorCode::IncompleteScan,
                                {},
                                QStringLiteral("the export held %1 contacts where the list reported %2 (truncated?)")
                                    .arg(distinct)
                                    .arg(m_firstPage.total)});
            return;
        }
        auto again = m_provider.openExport(*m_exportBody);
        if (!again) {
            refuseExport(again.error());
            return;
        }
        m_export = std::move(*again);
        QTimer::singleShot(0, this, [this] { readExport(true); });
        return;
    }
    const qint64 total = m_seenIds.size() + m_withoutId;
    if (!page.records.isEmpty()) {
        if (auto ok = m_sink(page); !ok) {
            finish(ok);
            return;
        }
        m_records += page.records.size();
        ++m_pages;
        emit progress(m_records, total);
    }
    if (!atEnd) {
        QTimer::singleShot(0, this, [this] { readExport(true); });
        return;
    }
    m_export.reset();
    m_exportBody->body.clear(); // the records are stored; the reply's memory goes back now
    finish({});
}

void RemoteScan::refuseExport(const Error& reason)
{
    m_export.reset();
    m_exportBody.reset();
    m_seenIds.clear();
    m_withoutId = 0;
    emit exportRefused(reason);
    if (m_done)
        return;
    const RemotePage first = std::exchange(m_firstPage, {});
    acceptPage(first);
}

QString RemoteScan::endlessReason(const RemotePage& page) const
{
    if (page.next && *page.next == m_token)
        return QStringLiteral("the list did not advance past %1").arg(m_token.toString());
    if (page.records.isEmpty())
        return page.next ? QStringLiteral("an empty page said there was more") : QString();
    for (const RemoteRecord& record : page.records) {
        if (record.remoteId.isEmpty() || !m_seenIds.contains(record.remoteId))
            return {};
    }
    return QStringLiteral("page %1 brought no record that earlier pages had not (the CRM ignores paging)").arg(m_pages);
}

void RemoteScan::incomplete(const QString& reason)
{
    finish(std::unexpected(Error {ErrorCode::IncompleteScan, {}, reason}));
}

void RemoteScan::finish(const Result<void>& result)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(result);
}

} // namespace roster
