#pragma once

#include "HttpAccount.h"
#include "HttpRequestSpec.h"
#include "RateLimiter.h"
#include "TransportCounters.h"
#include "contact/Error.h"

#include <QElapsedTimer>
#include <QObject>
#include <QRandomGenerator>

#include <map>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace roster {

class HttpJob;

// The transport for every CRM account: one QNetworkAccessManager, and per account a rate limiter, the
// retry policy, the timeouts and the counters. send() returns a job that emits finished() once (see
// HttpJob). Requests of one account leave in the order they were sent while they wait for tokens.
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    explicit HttpClient(QObject* parent = nullptr);
    ~HttpClient() override;

    // InsecureUrl for plain http to anything but loopback; InvalidUrl for a URL without a host.
    Result<void> addAccount(const HttpAccount& account);
    // Pending requests of that account finish with Cancelled.
    void removeAccount(const QString& name);
    bool hasAccount(const QString& name) const;

    // Never null. An unknown account or a path that leaves the base URL fails through finished().
    HttpJob* send(const QString& account, const HttpRequestSpec& spec);

    // Set once the account's requests have been stopped for the rest of its registration: a rate-limit wait
    // beyond HttpAccount::maxRateLimitWait (RateLimited), or a run of 5xx replies (ServiceFailing). Every
    // request of the account then fails at once with this error.
    std::optional<Error> halted(const QString& account) const;

    TransportCounters counters(const QString& account) const;
    // The account's limiter, for the sync panel and benchmarks; nullptr for an unknown account.
    RateLimiter* rateLimiter(const QString& account);
    // Makes the backoff jitter repeatable (tests).
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }
    QNetworkAccessManager* networkAccessManager() const { return m_nam; }

private:
    friend class HttpJob;
    struct AccountState;

    AccountState* state(const QString& name) const;
    // A retry goes to the front: it was sent before everything still waiting.
    void enqueue(HttpJob* job, bool retry = false);
    void dispatch(const QString& account);
    void noteSent(const QString& account);
    // An attempt sent with a token has ended: the token comes back a window from now, and requests
    // waiting for it are rescheduled.
    void noteAttemptEnded(const QString& account);
    void noteRetry(const QString& account);
    // Feeds the reply's rate-limit headers to the limiter; true when they set a wait (Retry-After, reset).
    bool noteReply(const QString& account, const HttpResponse& response);
    // Counts 5xx replies in a row and halts the account when there are too many.
    void noteStatus(const QString& account, const HttpResponse& response, const QString& what);
    // Fails every waiting request of the account with `error`, and every later one.
    void halt(const QString& account, const Error& error);
    // Halts with RateLimited, "rate-limited by lemlist until 14:52".
    void haltRateLimited(const QString& account, qint64 waitMs);
    std::chrono::milliseconds backoff(const QString& account, int failedAttempts, bool afterDrop);
    int maxAttempts(const QString& account) const;
    qint64 nowMs() const { return m_clock.elapsed(); }

    QNetworkAccessManager* m_nam;
    QElapsedTimer m_clock;
    QRandomGenerator m_random;
    std::map<QString, std::unique_ptr<AccountState>> m_accounts;
};

} // namespace roster
