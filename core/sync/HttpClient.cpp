#include "HttpClient.h"

#include "AuthHeader.h"
#include "HttpJob.h"
#include "RateLimitHeaders.h"
#include "RemoteError.h"
#include "UrlPolicy.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>

#include <deque>

namespace roster {

struct HttpClient::AccountState
{
    explicit AccountState(const HttpAccount& account)
        : config(account)
        , limiter(RateLimiter::Config {account.profile.rateLimits, account.timeScale, account.hintScale,
                                       account.safetyMargin})
    {
        timer.setSingleShot(true);
        // A coarse timer may fire 5% of the wait late, which would leave that much of the allowance unused.
        timer.setTimerType(Qt::PreciseTimer);
    }

    HttpAccount config;
    RateLimiter limiter;
    TransportCounters counters;
    std::deque<QPointer<HttpJob>> queue;
    QTimer timer;
    std::optional<Error> halted;
    int serverErrorsInRow = 0;
};

HttpClient::HttpClient(QObject* parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_random(QRandomGenerator::global()->generate())
{
    m_clock.start();
}

HttpClient::~HttpClient() = default;

Result<void> HttpClient::addAccount(const HttpAccount& account)
{
    if (auto ok = UrlPolicy::check(account.baseUrl); !ok)
        return ok;
    if (account.name.isEmpty())
        return fail(ErrorCode::InvalidArgument, QStringLiteral("an account needs a name"));
    removeAccount(account.name);
    auto state = std::make_unique<AccountState>(account);
    const QString name = account.name;
    connect(&state->timer, &QTimer::timeout, this, [this, name] { dispatch(name); });
    m_accounts.emplace(name, std::move(state));
    return {};
}

void HttpClient::removeAccount(const QString& name)
{
    auto it = m_accounts.find(name);
    if (it == m_accounts.end())
        return;
    std::deque<QPointer<HttpJob>> pending = std::move(it->second->queue);
    m_accounts.erase(it);
    for (const QPointer<HttpJob>& job : pending) {
        if (job)
            job->abort();
    }
}

bool HttpClient::hasAccount(const QString& name) const
{
    return m_accounts.contains(name);
}

HttpClient::AccountState* HttpClient::state(const QString& name) const
{
    const auto it = m_accounts.find(name);
    return it == m_accounts.end() ? nullptr : it->second.get();
}

HttpJob* HttpClient::send(const QString& account, const HttpRequestSpec& spec)
{
    AccountState* s = state(account);
    if (!s) {
        auto* job = new HttpJob(this, account, spec, {}, {}, {}, std::chrono::milliseconds(0), this);
        job->failLater(Error {ErrorCode::InvalidArgument, {}, QStringLiteral("no account named '%1'").arg(account)});
        return job;
    }
    QUrl url = s->config.baseUrl;
    QString basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + spec.path, QUrl::TolerantMode);
    url.setQuery(spec.query);
    const AuthScheme scheme = s->config.profile.auth;
    auto* job = new HttpJob(this, account, spec, url, AuthHeader::make(scheme, s->config.secret),
                            AuthHeader::secretForms(scheme, s->config.secret),
                            spec.timeout.count() > 0 ? spec.timeout : s->config.profile.timeoutFor(spec.kind), this);
    // Adapters build paths from ids; one that climbs out of the base or changes host is refused.
    if ((!spec.path.isEmpty() && !spec.path.startsWith(QLatin1Char('/'))) || spec.path.contains(QLatin1String("/../"))
        || url.host() != s->config.baseUrl.host()) {
        job->failLater(Error {ErrorCode::InvalidArgument, {}, QStringLiteral("bad request path '%1'").arg(spec.path)});
        return job;
    }
    if (auto ok = UrlPolicy::check(url); !ok) {
        job->failLater(ok.error());
        return job;
    }
    job->m_maxReplyBytes = spec.maxReplyBytes > 0 ? spec.maxReplyBytes : s->config.maxReplyBytes;
    enqueue(job);
    return job;
}

void HttpClient::enqueue(HttpJob* job, bool retry)
{
    AccountState* s = state(job->account());
    if (!s) {
        job->failLater(Error {ErrorCode::Cancelled, {}, QStringLiteral("account removed")});
        return;
    }
    if (s->halted) {
        job->failLater(*s->halted);
        return;
    }
    if (retry)
        s->queue.push_front(job);
    else
        s->queue.push_back(job);
    if (!s->timer.isActive())
        dispatch(job->account());
}

void HttpClient::dispatch(const QString& account)
{
    AccountState* s = state(account);
    if (!s)
        return;
    while (!s->queue.empty()) {
        const QPointer<HttpJob> job = s->queue.front();
        if (!job || job->isFinished()) {
            s->queue.pop_front();
            continue;
        }
        const qint64 wait = s->limiter.tryAcquire(nowMs());
        if (wait > s->config.maxRateLimitWait.count()) {
            // Waiting that long would leave the run silent for hours (HighLevel's daily bucket spent): better
            // end it and say until when.
            haltRateLimited(account, wait);
            return;
        }
        if (wait > 0) {
            s->timer.start(static_cast<int>(std::min<qint64>(wait, std::numeric_limits<int>::max())));
            return;
        }
        s->queue.pop_front();
        job->send();
        // send() may have finished the job synchronously and removed the account with it.
        s = state(account);
        if (!s)
            return;
    }
}

void HttpClient::noteSent(const QString& account)
{
    if (AccountState* s = state(account))
        ++s->counters.requests;
}

void HttpClient::noteAttemptEnded(const QString& account)
{
    AccountState* s = state(account);
    if (!s)
        return;
    const qint64 now = nowMs();
    s->limiter.release(now);
    if (s->queue.empty())
        return;
    // The queue may be waiting on a timer set while every token was in flight; the token just released
    // may come back sooner. Dispatching from the event loop, not here inside the job's reply handler.
    const qint64 wait = std::min<qint64>(s->limiter.waitTime(now), std::numeric_limits<int>::max());
    if (!s->timer.isActive() || s->timer.remainingTime() > wait)
        s->timer.start(static_cast<int>(wait));
}

void HttpClient::noteRetry(const QString& account)
{
    if (AccountState* s = state(account))
        ++s->counters.retries;
}

bool HttpClient::noteReply(const QString& account, const HttpResponse& response)
{
    AccountState* s = state(account);
    if (!s)
        return false;
    const bool limited = response.status == 429;
    if (limited)
        ++s->counters.rateLimited;
    const QDateTime wallNow = QDateTime::currentDateTimeUtc();
    const RateLimitHeaders headers = RateLimitHeaders::parse(response, wallNow);
    const qint64 now = nowMs();
    // What the server asks for, before the limiter caps it at its longest window: a Retry-After of an hour
    // on a 2-second limit means the server will refuse for an hour, so retrying sooner only earns 429s.
    std::optional<qint64> asked;
    if (headers.retryAfter)
        asked = headers.retryAfter->count();
    else if (headers.reset && ((headers.remaining && *headers.remaining == 0) || limited))
        asked = wallNow.msecsTo(*headers.reset);
    if (asked && static_cast<double>(*asked) * s->config.hintScale > s->config.maxRateLimitWait.count()) {
        haltRateLimited(account, static_cast<qint64>(static_cast<double>(*asked) * s->config.hintScale));
        return true;
    }
    const qint64 blockedBefore = s->limiter.blockedUntil();
    s->limiter.apply(headers, limited, now, wallNow);
    return s->limiter.blockedUntil() > std::max(blockedBefore, now);
}

void HttpClient::haltRateLimited(const QString& account, qint64 waitMs)
{
    const AccountState* s = state(account);
    if (!s)
        return;
    const QDateTime until = QDateTime::currentDateTime().addMSecs(waitMs);
    const QString format
        = until.date() == QDate::currentDate() ? QStringLiteral("HH:mm") : QStringLiteral("yyyy-MM-dd HH:mm");
    halt(account,
         Error {
             ErrorCode::RateLimited,
             {},
             QStringLiteral("rate-limited by %1 until %2").arg(s->config.profile.displayName, until.toString(format))});
}

void HttpClient::noteStatus(const QString& account, const HttpResponse& response, const QString& what)
{
    AccountState* s = state(account);
    if (!s)
        return;
    if (response.status < 500) {
        s->serverErrorsInRow = 0;
        return;
    }
    if (++s->serverErrorsInRow < std::max(1, s->config.maxServerErrorsInRow) || s->halted)
        return;
    // The service is down, not this record: retrying every record would only multiply the requests.
    halt(account,
         Error {ErrorCode::ServiceFailing,
                {},
                QStringLiteral("%1 answered %2 requests in a row with a server error (last: %3: %4); "
                               "stopped until the next run")
                    .arg(s->config.profile.displayName)
                    .arg(s->serverErrorsInRow)
                    .arg(what, RemoteError::parse(response).summary())});
}

void HttpClient::halt(const QString& account, const Error& error)
{
    AccountState* s = state(account);
    if (!s || s->halted)
        return;
    s->halted = error;
    s->timer.stop();
    std::deque<QPointer<HttpJob>> waiting = std::move(s->queue);
    s->queue.clear();
    for (const QPointer<HttpJob>& job : waiting) {
        if (job && !job->isFinished())
            job->failLater(error);
    }
}

std::optional<Error> HttpClient::halted(const QString& account) const
{
    const AccountState* s = state(account);
    return s ? s->halted : std::nullopt;
}

std::chrono::milliseconds HttpClient::backoff(const QString& account, int failedAttempts, bool afterDrop)
{
    const AccountState* s = state(account);
    if (!s)
        return std::chrono::milliseconds(0);
    const auto delay = s->config.retry.backoff(failedAttempts, m_random.generateDouble());
    const auto scaled
        = std::chrono::milliseconds(static_cast<qint64>(static_cast<double>(delay.count()) * s->config.timeScale));
    return afterDrop ? std::max(scaled, s->config.retry.reconnectDelay) : scaled;
}

int HttpClient::maxAttempts(const QString& account) const
{
    const AccountState* s = state(account);
    return s ? std::max(1, s->config.retry.maxAttempts) : 1;
}

RateLimiter* HttpClient::rateLimiter(const QString& account)
{
    AccountState* s = state(account);
    return s ? &s->limiter : nullptr;
}

TransportCounters HttpClient::counters(const QString& account) const
{
    const AccountState* s = state(account);
    return s ? s->counters : TransportCounters {};
}

} // namespace roster
