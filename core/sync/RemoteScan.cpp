#include "RemoteScan.h"

#include "HttpClient.h"
#include "HttpJob.h"
#include "Provider.h"

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
    ++m_pages;
    if (const QString reason = endlessReason(*page); !reason.isEmpty()) {
        incomplete(reason);
        return;
    }
    if (auto ok = m_sink(*page); !ok) {
        finish(ok);
        return;
    }
    m_records += page->records.size();
    m_largestPage = std::max(m_largestPage, page->records.size());
    for (const RemoteRecord& record : page->records) {
        if (record.remoteId.isEmpty())
            ++m_withoutId;
        else
            m_seenIds.insert(record.remoteId);
    }
    emit progress(m_records, page->total);
    const qint64 distinct = m_seenIds.size() + m_withoutId;
    if (!page->next) {
        if (page->total >= 0 && distinct < page->total) {
            incomplete(
                QStringLiteral("the list ended after %1 of the %2 records it reported").arg(distinct).arg(page->total));
            return;
        }
        finish({});
        return;
    }
    if (page->total >= 0 && m_largestPage > 0) {
        // One page more than the total needs, for an empty last page.
        const qint64 allowed = (page->total + m_largestPage - 1) / m_largestPage + 1;
        if (m_pages >= allowed) {
            incomplete(QStringLiteral("the list still said there was more after %1 pages of %2 records for %3 in all")
                           .arg(m_pages)
                           .arg(m_largestPage)
                           .arg(page->total));
            return;
        }
    }
    if (m_pages >= m_maxPages) {
        incomplete(QStringLiteral("the list still said there was more after %1 pages").arg(m_pages));
        return;
    }
    m_token = *page->next;
    requestPage();
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
