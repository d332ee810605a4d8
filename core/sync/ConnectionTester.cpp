#include "ConnectionTester.h"

#include "HttpClient.h"
#include "HttpJob.h"
#include "Provider.h"
#include "SyncSetup.h"

#include <QTimer>

#include <memory>

namespace roster {

namespace {

// A test answers quickly or says why not: no long backoff, a short timeout.
constexpr int kAttempts = 2;
constexpr std::chrono::milliseconds kTimeout {10000};

} // namespace

ConnectionTester::ConnectionTester(QObject* parent)
    : QObject(parent)
    , m_client(new HttpClient(this))
{
}

ConnectionTester::~ConnectionTester()
{
    blockSignals(true);
    cancel();
}

void ConnectionTester::cancel()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
    m_job = nullptr;
    if (!m_accountName.isEmpty())
        m_client->removeAccount(m_accountName);
    m_running = false;
}

void ConnectionTester::failLater(const Error& error)
{
    QTimer::singleShot(0, this, [this, error] {
        m_running = false;
        emit failed(error);
    });
}

void ConnectionTester::start(const AccountRecord& account, const QString& secret, double timeScale)
{
    cancel();
    m_running = true;
    auto provider = SyncSetup::provider(account);
    if (!provider) {
        failLater(provider.error());
        return;
    }
    if (secret.isEmpty()) {
        failLater(Error {ErrorCode::SecretUnavailable, {}, QStringLiteral("no API key")});
        return;
    }
    HttpAccount http = SyncSetup::httpAccount(account, **provider, secret, timeScale);
    http.name = QStringLiteral("test:") + (account.name.isEmpty() ? account.provider : account.name);
    http.retry.maxAttempts = kAttempts;
    http.profile.timeout = std::min(http.profile.timeout, kTimeout);
    if (auto ok = m_client->addAccount(http); !ok) {
        failLater(ok.error());
        return;
    }
    m_accountName = http.name;
    ListQuery query;
    query.pageSize = 1;
    auto spec = (*provider)->listRequest(query);
    if (!spec) {
        failLater(spec.error());
        return;
    }
    m_job = m_client->send(m_accountName, *spec);
    std::shared_ptr<Provider> adapter(std::move(*provider));
    connect(m_job, &HttpJob::finished, this, [this, adapter, query](const Result<HttpResponse>& result) {
        m_job = nullptr;
        m_running = false;
        const Result<RemotePage> page
            = result ? adapter->parseListReply(query, *result) : std::unexpected(result.error());
        if (page)
            emit succeeded();
        else
            emit failed(page.error());
    });
}

} // namespace roster
