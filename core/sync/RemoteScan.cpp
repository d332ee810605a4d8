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
    if (auto ok = m_sink(*page); !ok) {
        finish(ok);
        return;
    }
    m_records += page->records.size();
    emit progress(m_records, page->total);
    if (!page->next) {
        finish({});
        return;
    }
    if (*page->next == m_token) {
        finish(std::unexpected(Error {
            ErrorCode::ParseError, {}, QStringLiteral("the list did not advance past %1").arg(m_token.toString())}));
        return;
    }
    m_token = *page->next;
    requestPage();
}

void RemoteScan::finish(const Result<void>& result)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(result);
}

} // namespace roster
