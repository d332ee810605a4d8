#pragma once

#include "HttpResponse.h"
#include "contact/Error.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <type_traits>

class QNetworkReply;

// std::expected declares operator== whether or not its parts have one, and Error has none: tell the
// meta-type system not to instantiate it for the signal's argument.
template <>
struct QTypeTraits::has_operator_equal<roster::Result<roster::HttpResponse>> : std::false_type
{
};

namespace roster {

class HttpClient;

// One request, from the first attempt to the last: waits for a rate-limit token, sends, times out, retries
// with backoff, and emits finished() exactly once, then deletes itself (connect before returning to the
// event loop). A reply with any status that is not worth retrying is a success here, 4xx included: the
// adapter reads the CRM's error from it. Errors are transport failures only: NetworkError, Timeout,
// RateLimited or HttpError once the attempts are spent, Cancelled after abort(), InsecureUrl, ReplyTooLarge,
// and the account's halt error (HttpClient::halted()) once it is halted.
class HttpJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpJob)

public:
    ~HttpJob() override;

    const HttpRequestSpec& spec() const { return m_spec; }
    QString account() const { return m_account; }
    int attempts() const { return m_attempts; }
    bool isFinished() const { return m_finished; }

    // Stops at once; finished() reports Cancelled.
    void abort();

signals:
    void finished(const roster::Result<roster::HttpResponse>& result);

private:
    friend class HttpClient;
    HttpJob(HttpClient* client, QString account, HttpRequestSpec spec, QUrl url, HttpHeader auth,
            QList<QByteArray> secretForms, std::chrono::milliseconds timeout, QObject* parent);

    enum class Failure { None, Network, Timeout, Status, EmptyBody };

    void send(); // called by the client when a token is granted
    void onReplyFinished();
    // Hands the attempt's rate-limit token back to the client, once per attempt.
    void releaseToken();
    void onTimeout();
    // Aborts the reply once it announces or delivers more than m_maxReplyBytes.
    void checkReplySize();
    void retryOrFinish(Failure failure, const HttpResponse& response, const QString& networkError);
    void finish(const Result<HttpResponse>& result);
    void failLater(const Error& error);
    Error redacted(Error error) const;

    QPointer<HttpClient> m_client;
    QString m_account;
    HttpRequestSpec m_spec;
    QUrl m_url;
    HttpHeader m_auth;
    QList<QByteArray> m_secretForms;
    std::chrono::milliseconds m_timeout;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeoutTimer;
    QTimer m_backoffTimer;
    int m_attempts = 0;
    qint64 m_maxReplyBytes = 0; // 0: unbounded (set by the client from the account)
    bool m_timedOut = false;
    bool m_tooLarge = false;
    bool m_finished = false;
    bool m_holdsToken = false;
};

} // namespace roster
