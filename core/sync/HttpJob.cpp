#include "HttpJob.h"

#include "AuthHeader.h"
#include "HttpClient.h"
#include "RemoteError.h"
#include "RetryPolicy.h"

#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace roster {

Q_LOGGING_CATEGORY(lcHttp, "roster.sync.http", QtWarningMsg)

HttpJob::HttpJob(HttpClient* client, QString account, HttpRequestSpec spec, QUrl url, HttpHeader auth,
                 QList<QByteArray> secretForms, std::chrono::milliseconds timeout, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_account(std::move(account))
    , m_spec(std::move(spec))
    , m_url(std::move(url))
    , m_auth(std::move(auth))
    , m_secretForms(std::move(secretForms))
    , m_timeout(timeout)
{
    m_timeoutTimer.setSingleShot(true);
    m_backoffTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &HttpJob::onTimeout);
    connect(&m_backoffTimer, &QTimer::timeout, this, [this] {
        if (m_client && !m_finished)
            m_client->enqueue(this, true);
        else if (!m_finished)
            finish(std::unexpected(Error {ErrorCode::Cancelled, {}, QStringLiteral("transport gone")}));
    });
}

HttpJob::~HttpJob()
{
    releaseToken();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpJob::abort()
{
    if (m_finished)
        return;
    m_timeoutTimer.stop();
    m_backoffTimer.stop();
    if (m_reply) {
        QNetworkReply* reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        releaseToken();
    }
    finish(std::unexpected(Error {ErrorCode::Cancelled, {}, QStringLiteral("request cancelled")}));
}

void HttpJob::send()
{
    // The client granted a token just before this call.
    m_holdsToken = true;
    if (m_finished || !m_client) {
        releaseToken();
        return;
    }
    ++m_attempts;
    m_timedOut = false;
    QNetworkRequest request(m_url);
    for (const HttpHeader& h : std::as_const(m_spec.headers))
        request.setRawHeader(h.first, h.second);
    request.setRawHeader(m_auth.first, m_auth.second);
    // JSON unless the request asks for another type (lemlist's export is CSV).
    if (!request.hasRawHeader(QByteArrayLiteral("Accept")))
        request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    // A redirect could carry the Authorization header to another host; the CRMs do not redirect API calls.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    m_client->noteSent(m_account);
    qCDebug(lcHttp).noquote() << m_account << m_spec.methodName() << m_spec.path << "attempt" << m_attempts;
    QNetworkReply* reply
        = m_client->networkAccessManager()->sendCustomRequest(request, m_spec.methodName(), m_spec.body);
    m_reply = reply;
    m_tooLarge = false;
    connect(reply, &QNetworkReply::finished, this, &HttpJob::onReplyFinished);
    if (m_maxReplyBytes > 0) {
        connect(reply, &QNetworkReply::metaDataChanged, this, &HttpJob::checkReplySize);
        connect(reply, &QNetworkReply::readyRead, this, &HttpJob::checkReplySize);
    }
    m_timeoutTimer.start(m_timeout);
}

void HttpJob::onTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort(); // finished() follows, synchronously
}

void HttpJob::checkReplySize()
{
    if (!m_reply || m_tooLarge)
        return;
    const qint64 announced = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    if (announced <= m_maxReplyBytes && m_reply->bytesAvailable() <= m_maxReplyBytes)
        return;
    // Read whole, a reply of gigabytes would hold gigabytes of memory (twice, once parsed): refuse it unread.
    m_tooLarge = true;
    m_reply->abort(); // finished() follows, synchronously
}

void HttpJob::onReplyFinished()
{
    QNetworkReply* reply = m_reply;
    m_reply = nullptr;
    m_timeoutTimer.stop();
    if (!reply)
        return;
    // Before the headers are applied: the server's Remaining counts this request too.
    releaseToken();
    reply->deleteLater();
    if (m_finished)
        return;
    if (m_timedOut) {
        retryOrFinish(Failure::Timeout, {}, {});
        return;
    }
    if (m_tooLarge) {
        // Not retried: the same request would bring the same reply.
        finish(std::unexpected(Error {ErrorCode::ReplyTooLarge,
                                      {},
                                      QStringLiteral("%1 %2: the reply is larger than %3 MiB; not read")
                                          .arg(QString::fromLatin1(m_spec.methodName()), m_spec.path)
                                          .arg(m_maxReplyBytes / (1024 * 1024))}));
        return;
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid() || status.toInt() <= 0) {
        retryOrFinish(Failure::Network, {}, AuthHeader::redact(reply->errorString(), m_secretForms));
        return;
    }
    HttpResponse response;
    response.status = status.toInt();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        response.headers.append({name, AuthHeader::redact(value, m_secretForms)});
    response.body = AuthHeader::redact(reply->readAll(), m_secretForms);
    qCDebug(lcHttp).noquote() << m_account << m_spec.methodName() << m_spec.path << "->" << response.status;
    if (m_client)
        m_client->noteStatus(m_account, response,
                             QString::fromLatin1(m_spec.methodName()) + QLatin1Char(' ') + m_spec.path);

    if (RetryPolicy::isRetryableStatus(response.status)) {
        retryOrFinish(Failure::Status, response, {});
        return;
    }
    if (m_client)
        m_client->noteReply(m_account, response);
    if (response.isSuccess() && m_spec.retryOnEmptyBody && response.body.trimmed().isEmpty()) {
        retryOrFinish(Failure::EmptyBody, response, {});
        return;
    }
    finish(response);
}

void HttpJob::releaseToken()
{
    if (!m_holdsToken)
        return;
    m_holdsToken = false;
    if (m_client)
        m_client->noteAttemptEnded(m_account);
}

void HttpJob::retryOrFinish(Failure failure, const HttpResponse& response, const QString& networkError)
{
    bool serverWaits = false;
    if (failure == Failure::Status && m_client)
        serverWaits = m_client->noteReply(m_account, response);
    // 429 and 503 say the server did nothing, so even a request that is not idempotent may go again.
    const bool untouched = failure == Failure::Status && (response.status == 429 || response.status == 503);
    const bool retryable = untouched || m_spec.idempotent;
    if (const auto halted = m_client ? m_client->halted(m_account) : std::nullopt) {
        finish(std::unexpected(*halted));
        return;
    }
    const int maxAttempts = m_client ? m_client->maxAttempts(m_account) : 1;
    if (retryable && m_attempts < maxAttempts && m_client) {
        m_client->noteRetry(m_account);
        // When the server said how long to wait, the limiter holds the account that long already.
        const bool afterDrop = failure == Failure::Network || failure == Failure::Timeout;
        const auto delay
            = serverWaits ? std::chrono::milliseconds(0) : m_client->backoff(m_account, m_attempts, afterDrop);
        m_backoffTimer.start(delay);
        return;
    }
    const QString what = QString::fromLatin1(m_spec.methodName()) + QLatin1Char(' ') + m_spec.path;
    const QString tries = QStringLiteral(" (%1 attempts)").arg(m_attempts);
    switch (failure) {
    case Failure::Timeout:
        finish(std::unexpected(Error {
            ErrorCode::Timeout, {}, what + QStringLiteral(": no reply within %1 ms").arg(m_timeout.count()) + tries}));
        return;
    case Failure::Network:
        finish(
            std::unexpected(Error {ErrorCode::NetworkError, {}, what + QStringLiteral(": ") + networkError + tries}));
        return;
    case Failure::Status: {
        const ErrorCode code = response.status == 429 ? ErrorCode::RateLimited : ErrorCode::HttpError;
        finish(std::unexpected(
            Error {code, {}, what + QStringLiteral(": ") + RemoteError::parse(response).summary() + tries}));
        return;
    }
    case Failure::EmptyBody:
    case Failure::None:
        break;
    }
    finish(response);
}

void HttpJob::finish(const Result<HttpResponse>& result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeoutTimer.stop();
    m_backoffTimer.stop();
    if (result)
        emit finished(result);
    else
        emit finished(std::unexpected(redacted(result.error())));
    deleteLater();
}

void HttpJob::failLater(const Error& error)
{
    QTimer::singleShot(0, this, [this, error] { finish(std::unexpected(error)); });
}

Error HttpJob::redacted(Error error) const
{
    error.detail = AuthHeader::redact(error.detail, m_secretForms);
    return error;
}

} // namespace roster
