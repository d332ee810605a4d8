#include "ScriptedServer.h"
#include "sync/AuthHeader.h"
#include "sync/HttpClient.h"
#include "sync/HttpJob.h"
#include "sync/RetryPolicy.h"
#include "sync/UrlPolicy.h"
#include "sync/highlevel/HighLevelProvider.h"
#include "sync/lemlist/LemlistProvider.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTest>

#include <optional>

using namespace roster;
using namespace roster::test;

namespace {

const QString kSecret = QStringLiteral("sk_live_TOPSECRET_0123456789");

// Every message logged while a test runs, to prove the secret never reaches one.
QStringList g_logged;
void capture(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_logged << message;
}

} // namespace

class TestHttpClient final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void urlPolicy_data();
    void urlPolicy();
    void insecureAccountRefused();
    void retryPolicy();
    void authAndPath();
    void validationErrorNotRetried();
    void serviceUnavailableRetried();
    void retryAfterHonoured();
    void droppedConnectionRetried();
    void timeout();
    void textPlainErrorBody();
    void rateLimitedAfterAllAttempts();
    void networkErrorAfterAllAttempts();
    void emptyBodyRetried();
    void secretNeverReported();
    void rateLimiterKeepsUnderLimit();
    void windowCountsFromReply();
    void abortCancels();
    void unknownAccount();
    void spentDailyBucketEndsRun();
    void replyOverLimitNotRead();

private:
    HttpAccount account(const ScriptedServer& server, const ProviderProfile& profile, int maxAttempts = 4);
    std::optional<Result<HttpResponse>> run(HttpClient& client, const QString& account, const HttpRequestSpec& spec,
                                            int timeoutMs = 10000);
    std::unique_ptr<ScriptedServer> m_server;
};

HttpAccount TestHttpClient::account(const ScriptedServer& server, const ProviderProfile& profile, int maxAttempts)
{
    HttpAccount a;
    a.name = QStringLiteral("acct");
    a.baseUrl = QUrl(server.baseUrl(QStringLiteral("/api")));
    a.secret = kSecret;
    a.profile = profile;
    a.retry.maxAttempts = maxAttempts;
    a.retry.baseDelay = std::chrono::milliseconds(20);
    a.retry.maxDelay = std::chrono::milliseconds(100);
    return a;
}

std::optional<Result<HttpResponse>> TestHttpClient::run(HttpClient& client, const QString& accountName,
                                                        const HttpRequestSpec& spec, int timeoutMs)
{
    std::optional<Result<HttpResponse>> result;
    HttpJob* job = client.send(accountName, spec);
    connect(job, &HttpJob::finished, this, [&result](const Result<HttpResponse>& r) { result = r; });
    // Empty when nothing came in time; callers QVERIFY it.
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs);
    return result;
}

void TestHttpClient::init()
{
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    g_logged.clear();
}

void TestHttpClient::urlPolicy_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::newRow("https") << QStringLiteral("https://api.lemlist.com/api") << true;
    QTest::newRow("http remote") << QStringLiteral("http://api.lemlist.com/api") << false;
    QTest::newRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:8080") << true;
    QTest::newRow("http 127.1.2.3") << QStringLiteral("http://127.1.2.3") << true;
    QTest::newRow("http ::1") << QStringLiteral("http://[::1]:9000/x") << true;
    QTest::newRow("http localhost") << QStringLiteral("http://LOCALHOST:1") << true;
    QTest::newRow("http 10.0.0.1") << QStringLiteral("http://10.0.0.1") << false;
    QTest::newRow("http localhost.evil.com") << QStringLiteral("http://localhost.evil.com") << false;
    QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1") << false;
}

void TestHttpClient::urlPolicy()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    const auto result = UrlPolicy::check(QUrl(url));
    QCOMPARE(result.has_value(), ok);
    if (!ok)
        QCOMPARE(result.error().code, ErrorCode::InsecureUrl);
}

void TestHttpClient::insecureAccountRefused()
{
    HttpClient client;
    HttpAccount a = account(*m_server, LemlistProvider().profile());
    a.baseUrl = QUrl(QStringLiteral("http://user:pw@api.lemlist.com/api"));
    const auto added = client.addAccount(a);
    QVERIFY(!added);
    QCOMPARE(added.error().code, ErrorCode::InsecureUrl);
    QVERIFY(!added.error().detail.contains(QLatin1String("pw")));
    QVERIFY(!client.hasAccount(a.name));
}

void TestHttpClient::retryPolicy()
{
    RetryPolicy policy;
    policy.baseDelay = std::chrono::milliseconds(100);
    policy.maxDelay = std::chrono::milliseconds(1000);
    QCOMPARE(policy.ceiling(1).count(), 100);
    QCOMPARE(policy.ceiling(2).count(), 200);
    QCOMPARE(policy.ceiling(4).count(), 800);
    QCOMPARE(policy.ceiling(5).count(), 1000);
    QCOMPARE(policy.backoff(3, 0.5).count(), 200);
    QCOMPARE(policy.backoff(3, 0.0).count(), 0);
    QVERIFY(RetryPolicy::isRetryableStatus(429));
    QVERIFY(RetryPolicy::isRetryableStatus(503));
    QVERIFY(!RetryPolicy::isRetryableStatus(400));
    QVERIFY(!RetryPolicy::isRetryableStatus(422));
    QVERIFY(!RetryPolicy::isRetryableStatus(501));
}

void TestHttpClient::authAndPath()
{
    HttpClient client;
    QVERIFY(client.addAccount(account(*m_server, LemlistProvider().profile())));
    m_server->enqueue(ScriptedServer::json(200, R"({"data": []})"));
    ListQuery query;
    query.token.offset = 100;
    const auto r = run(client, QStringLiteral("acct"), *LemlistProvider().listRequest(query));
    QVERIFY(r && *r);
    QCOMPARE((*r)->status, 200);
    QCOMPARE(m_server->requests().size(), 1);
    const ScriptedServer::Request& req = m_server->requests()[0];
    QCOMPARE(req.method, QByteArray("GET"));
    QCOMPARE(req.target, QByteArray("/api/contacts?limit=100&offset=100"));
    QCOMPARE(req.header("Authorization"), QByteArray("Basic ") + QByteArray(":" + kSecret.toUtf8()).toBase64());

    // Bearer, and the Version header from the adapter's spec.
    HttpClient bearer;
    HttpAccount hl = account(*m_server, HighLevelProvider().profile());
    QVERIFY(bearer.addAccount(hl));
    ProviderOptions options;
    options.values.insert(HighLevelProvider::locationIdOption(), QStringLiteral("loc1"));
    const auto spec = HighLevelProvider(options).upsertRequest(Contact {});
    QVERIFY(run(bearer, QStringLiteral("acct"), *spec));
    const ScriptedServer::Request& post = m_server->requests()[1];
    QCOMPARE(post.method, QByteArray("POST"));
    QCOMPARE(post.target, QByteArray("/api/contacts/upsert"));
    QCOMPARE(post.header("Authorization"), QByteArray("Bearer ") + kSecret.toUtf8());
    QCOMPARE(post.header("Version"), QByteArray("2021-07-28"));
    QCOMPARE(post.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(post.body, QByteArray(R"({"locationId":"loc1"})"));
    QCOMPARE(bearer.counters(QStringLiteral("acct")).requests, 1);
}

void TestHttpClient::validationErrorNotRetried()
{
    HttpClient client;
    QVERIFY(client.addAccount(account(*m_server, LemlistProvider().profile())));
    m_server->enqueue(
        ScriptedServer::json(400, R"({"success": false, "error": {"code": "INVALID_EMAIL", "message": "bad"}})"));
    const auto r = run(client, QStringLiteral("acct"), LemlistProvider().getRequest(QStringLiteral("x")));
    QVERIFY(r && *r);
    QCOMPARE((*r)->status, 400);
    QCOMPARE(LemlistProvider().parseGetReply(**r).error().code, ErrorCode::InvalidEmail);
    QCOMPARE(m_server->requests().size(), 1);
    const TransportCounters c = client.counters(QStringLiteral("acct"));
    QCOMPARE(c.requests, 1);
    QCOMPARE(c.retries, 0);
}

void TestHttpClient::serviceUnavailableRetried()
{
    HttpClient client;
    QVERIFY(client.addAccount(account(*m_server, LemlistProvider().profile())));
    m_server->enqueue(ScriptedServer::text(503, "Service Unavailable"));
    m_server->enqueue(ScriptedServer::json(502, R"({"message": "bad gateway"})"));
    m_server->enqueue(ScriptedServer::json(200, R"({"ok": true})"));
    const auto r = run(client, QStringLiteral("acct"), HttpRequestSpec {});
    QVERIFY(r && *r);
    QCOMPARE((*r)->status, 200);
    QCOMPARE(m_server->requests().size(), 3);
    QCOMPARE(client.counters(QStringLiteral("acct")).retries, 2);
}

void TestHttpClient::retryAfterHonoured()
{
    HttpClient client;
    HttpAccount a = account(*m_server, LemlistProvider().profile());
    a.hintScale = 0.25; // "Retry-After: 1" waits 250 ms here
    a.retry.baseDelay = std::chrono::milliseconds(1);
    QVERIFY(client.addAccount(a));
    m_server->enqueue(ScriptedServer::json(429, R"({"error": "slow down"})", {{"Retry-After", "1"}}));
    m_server->enqueue(ScriptedServer::json(200, "{}"));
    const auto r = run(client, QStringLiteral("acct"), HttpRequestSpec {});
    QVERIFY(r && *r);
    QCOMPARE(m_server->requests().size(), 2);
    const qint64 gap = m_server->requests()[1].atMs - m_server->requests()[0].atMs;
    QVERIFY2(gap >= 200, qPrintable(QString::number(gap))); // not before the server said
    const TransportCounters c = client.counters(QStringLiteral("acct"));
    QCOMPARE(c.requests, 2);
    QCOMPARE(c.retries, 1);
    QCOMPARE(c.rateLimited, 1);
}

void TestHttpClient::droppedConnectionRetried()
{
    HttpClient client;
    QVERIFY(client.addAccount(account(*m_server, LemlistProvider().profile())));
    m_server->enqueue(ScriptedServer::dropped());
    m_server->enqueue(ScriptedServer::json(201, R"({"success": true, "data": {"_id": "ctc_1", "created": true}})"));
    const auto spec = LemlistProvider().upsertRequest(Contact {});
    const auto r = run(client, QStringLiteral("acct"), *spec);
    QVERIFY(r && *r);
    QCOMPARE((*r)->status, 201);
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests()[0].body, m_server->requests()[1].body);
}

void TestHttpClient::timeout()
{
    HttpClient client;
    ProviderProfile profile = LemlistProvider().profile();
    profile.timeout = std::chrono::milliseconds(150);
    QVERIFY(client.addAccount(account(*m_server, profile, 2)));
    ScriptedServer::Reply slow = ScriptedServer::json(200, "{}");
    slow.delayMs = 3000;
    m_server->setDefaultReply(slow);
    const auto r = run(client, QStringLiteral("acct"), HttpRequestSpec {});
    QVERIFY(r && !*r);
    QCOMPARE(r->error().code, ErrorCode::Timeout);
    QVERIFY(r->error().detail.contains(QLatin1String("2 attempts")));
    QCOMPARE(m_server->requests().size(), 2);

    // A slow reply within the upsert timeout is fine: upserts get their own (Monaco's creates are slow).
    HttpClient patient;
    profile.upsertTimeout = std::chrono::milliseconds(5000);
    QVERIFY(patient.addAccount(account(*m_server, profile, 1)));
    slow.delayMs = 400;
    m_server->setDefaultReply(slow);
    HttpRequestSpec upsert;
    upsert.kind = RequestKind::Upsert;
    const auto ok = run(patient, QStringLiteral("acct"), upsert);
    QVERIFY(ok && *ok);
}

void TestHttpClient::textPlainErrorBody()
{
    HttpClient client;
    QVERIFY(client.addAccount(account(*m_server, LemlistProvider().profile(), 2)));
    m_server->setDefaultReply(ScriptedServer::text(500, "Internal oops, try later"));
    const auto r = run(client, QStringLiteral("acct"), HttpRequestSpec {});
    QVERIFY(r && !*r);
    QCOMPARE(r->error().code, ErrorCode::HttpError);
    QVERIFY2(r->error().detail.contains(QLatin1String("500: Internal oops, try later")), qPrintable(r->error().detail));

    // A text/plain 401 is a reply the adapter reads, not a transport failure.
    m_server->setDefaultReply(ScriptedServer::text(401, "The authentication you supplied is incorrect"));
    const auto denied = run(client, QStringLiteral("acct"), HttpRequestSpec {});
    QVERIFY(denied && *denied);
    const auto parsed = LemlistProvider().parseGetReply(**denied);
    QCOMPARE(parsed.error().code, ErrorCode::AuthenticationFailed);
    QVERIFY(parsed.error().detail.contains(QLatin1String("The authentication you supplied is incorrect")));
}

void TestHttpClient::rateLimitedAfterAllAttempts()
{
    HttpClient client;
    QVERIFY(client.addAccount(account(*m_server, LemlistProvider().profile(), 3)));
    m_server->setDefaultReply(ScriptedServer::json(429, R"({"message": "Too many requests"})"));
    const auto r = run(client, QStringLiteral("acct"), HttpRequestSpec {});
    QVERIFY(r && !*r);
    QCOMPARE(r->error().code, ErrorCode::RateLimited);
    QCOMPARE(client.counters(QStringLiteral("acct")).rateLimited, 3);
    QCOMPARE(m_server->requests().size(), 3);
}

void TestHttpClient::networkErrorAfterAllAttempts()
{
    HttpClient client;
    HttpAccount a = account(*m_server, LemlistProvider().profile(), 3);
    m_server.reset(); // nobody listens on that port any more
    QVERIFY(client.addAccount(a));
    const auto r = run(client, QStringLiteral("acct"), HttpRequestSpec {});
    QVERIFY(r && !*r);
    QCOMPARE(r->error().code, ErrorCode::NetworkError);
    QCOMPARE(client.counters(QStringLiteral("acct")).requests, 3);
}

void TestHttpClient::emptyBodyRetried()
{
    HttpClient client;
    QVERIFY(client.addAccount(account(*m_server, LemlistProvider().profile())));
    m_server->enqueue(ScriptedServer::json(200, ""));
    m_server->enqueue(ScriptedServer::json(200, R"({"data": []})"));
    HttpRequestSpec spec;
    spec.retryOnEmptyBody = true;
    const auto r = run(client, QStringLiteral("acct"), spec);
    QVERIFY(r && *r);
    QCOMPARE((*r)->body, QByteArray(R"({"data": []})"));
    QCOMPARE(m_server->requests().size(), 2);
}

void TestHttpClient::secretNeverReported()
{
    QLoggingCategory::setFilterRules(QStringLiteral("roster.sync.http.debug=true"));
    const QtMessageHandler previous = qInstallMessageHandler(capture);
    HttpClient client;
    QVERIFY(client.addAccount(account(*m_server, LemlistProvider().profile(), 2)));
    // A server that echoes the request's credentials into its error body and headers.
    const QByteArray basic = "Basic " + QByteArray(":" + kSecret.toUtf8()).toBase64();
    m_server->setDefaultReply(
        ScriptedServer::json(500, R"({"message": "denied for )" + basic + " and " + kSecret.toUtf8() + R"("})",
                             {{"X-Echo", kSecret.toUtf8()}}));
    const auto r = run(client, QStringLiteral("acct"), HttpRequestSpec {});
    m_server->setDefaultReply(ScriptedServer::json(400, kSecret.toUtf8(), {{"X-Echo", kSecret.toUtf8()}}));
    const auto reply = run(client, QStringLiteral("acct"), HttpRequestSpec {});
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(r && !*r);
    QVERIFY(!r->error().detail.contains(kSecret));
    QVERIFY(!r->error().detail.contains(QString::fromLatin1(QByteArray(":" + kSecret.toUtf8()).toBase64())));
    QVERIFY(r->error().detail.contains(QLatin1String("***")));
    QVERIFY(reply && *reply);
    QVERIFY(!(*reply)->body.contains(kSecret.toUtf8()));
    QVERIFY(!(*reply)->header("X-Echo").contains(kSecret.toUtf8()));
    QVERIFY(!g_logged.isEmpty()); // the debug log was on
    for (const QString& line : std::as_const(g_logged))
        QVERIFY2(!line.contains(kSecret), qPrintable(line));
}

void TestHttpClient::rateLimiterKeepsUnderLimit()
{
    // lemlist's 20 per 2 s, with time sped up 20 times: 20 per 100 ms.
    HttpClient client;
    HttpAccount a = account(*m_server, LemlistProvider().profile());
    a.timeScale = 0.05;
    QVERIFY(client.addAccount(a));
    constexpr int kRequests = 70;
    int done = 0;
    QList<int> finishedOrder;
    for (int i = 0; i < kRequests; ++i) {
        HttpRequestSpec spec;
        spec.query.addQueryItem(QStringLiteral("seq"), QString::number(i));
        HttpJob* job = client.send(QStringLiteral("acct"), spec);
        connect(job, &HttpJob::finished, this, [&done](const Result<HttpResponse>& r) { done += r ? 1 : 0; });
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, kRequests, 20000);
    const QList<ScriptedServer::Request>& seen = m_server->requests();
    QCOMPARE(seen.size(), kRequests);
    // Requests of one account leave in the order they were sent.
    for (int i = 0; i < kRequests; ++i)
        QCOMPARE(seen[i].target, QByteArray("/api?seq=") + QByteArray::number(i));
    // 70 requests at 20 per window need at least three full windows after the first burst.
    QVERIFY(seen.last().atMs - seen.first().atMs >= 3 * 100);
    // No window holds more than 20 (with slack for loopback latency jitter).
    for (int i = 0; i + 20 < kRequests; ++i)
        QVERIFY2(seen[i + 20].atMs - seen[i].atMs >= 90, qPrintable(QString::number(i)));
    const TransportCounters c = client.counters(QStringLiteral("acct"));
    QCOMPARE(c.requests, kRequests);
    QCOMPARE(c.retries, 0);
    QCOMPARE(c.rateLimited, 0);
}

void TestHttpClient::windowCountsFromReply()
{
    // One request per 200 ms, and the first reply takes 300 ms: the server may count that request as late
    // as its reply, so the next may not arrive before the reply plus a window. Counted from the send, it
    // would go at 200 ms, while the first is still in flight.
    ProviderProfile profile = LemlistProvider().profile();
    profile.rateLimits = {RateLimit {1, std::chrono::milliseconds(200)}};
    HttpAccount a = account(*m_server, profile);
    a.safetyMargin = 0.0;
    HttpClient client;
    QVERIFY(client.addAccount(a));
    ScriptedServer::Reply slow = ScriptedServer::json(200, "{}");
    slow.delayMs = 300;
    m_server->enqueue(slow);
    m_server->setDefaultReply(ScriptedServer::json(200, "{}"));
    int done = 0;
    for (int i = 0; i < 3; ++i) {
        HttpJob* job = client.send(QStringLiteral("acct"), HttpRequestSpec {});
        connect(job, &HttpJob::finished, this, [&done](const Result<HttpResponse>& r) { done += r ? 1 : 0; });
    }
    QTRY_COMPARE_WITH_TIMEOUT(done, 3, 5000);
    const QList<ScriptedServer::Request>& seen = m_server->requests();
    QCOMPARE(seen.size(), 3);
    QVERIFY2(seen[1].atMs - seen[0].atMs >= 300 + 200 - 10, qPrintable(QString::number(seen[1].atMs - seen[0].atMs)));
    QVERIFY2(seen[2].atMs - seen[1].atMs >= 200 - 10, qPrintable(QString::number(seen[2].atMs - seen[1].atMs)));

    // An aborted request hands its token back too, a window after the abort.
    m_server->setDefaultReply(slow);
    HttpJob* stuck = client.send(QStringLiteral("acct"), HttpRequestSpec {});
    QTRY_COMPARE(m_server->requests().size(), 4);
    stuck->abort();
    m_server->setDefaultReply(ScriptedServer::json(200, "{}"));
    QElapsedTimer sinceAbort;
    sinceAbort.start();
    const auto r = run(client, QStringLiteral("acct"), HttpRequestSpec {});
    QVERIFY(r && *r);
    QVERIFY2(sinceAbort.elapsed() >= 200 - 10, qPrintable(QString::number(sinceAbort.elapsed())));
}

void TestHttpClient::abortCancels()
{
    HttpClient client;
    QVERIFY(client.addAccount(account(*m_server, LemlistProvider().profile())));
    ScriptedServer::Reply slow = ScriptedServer::json(200, "{}");
    slow.delayMs = 5000;
    m_server->setDefaultReply(slow);
    std::optional<Result<HttpResponse>> result;
    HttpJob* job = client.send(QStringLiteral("acct"), HttpRequestSpec {});
    connect(job, &HttpJob::finished, this, [&result](const Result<HttpResponse>& r) { result = r; });
    QTRY_COMPARE(m_server->requests().size(), 1);
    job->abort();
    QVERIFY(result.has_value());
    QCOMPARE(result->error().code, ErrorCode::Cancelled);
}

void TestHttpClient::unknownAccount()
{
    HttpClient client;
    const auto r = run(client, QStringLiteral("nobody"), HttpRequestSpec {});
    QVERIFY(r && !*r);
    QCOMPARE(r->error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestHttpClient)
void TestHttpClient::spentDailyBucketEndsRun()
{
    // HighLevel says its daily bucket is spent: the next request would wait for a day. It fails at once,
    // saying until when, and so does every later one of the account; the server hears nothing more.
    HttpClient client;
    QVERIFY(client.addAccount(account(*m_server, HighLevelProvider().profile())));
    m_server->enqueue(ScriptedServer::json(200, "{}",
                                           {{"X-RateLimit-Max", "100"},
                                            {"X-RateLimit-Remaining", "99"},
                                            {"X-RateLimit-Interval-Milliseconds", "10000"},
                                            {"X-RateLimit-Limit-Daily", "200000"},
                                            {"X-RateLimit-Daily-Remaining", "0"}}));
    const auto first = run(client, QStringLiteral("acct"), HttpRequestSpec {});
    QVERIFY(first && *first);
    QVERIFY(!client.halted(QStringLiteral("acct")));
    for (int i = 0; i < 2; ++i) {
        const auto next = run(client, QStringLiteral("acct"), HttpRequestSpec {}, 3000);
        QVERIFY(next);
        QVERIFY(!*next);
        QCOMPARE(next->error().code, ErrorCode::RateLimited);
        QVERIFY2(next->error().detail.startsWith(QLatin1String("rate-limited by HighLevel until ")),
                 qPrintable(next->error().detail));
    }
    QCOMPARE(m_server->requests().size(), 1);
    QCOMPARE(client.halted(QStringLiteral("acct"))->code, ErrorCode::RateLimited);
}

void TestHttpClient::replyOverLimitNotRead()
{
    HttpClient client;
    HttpAccount a = account(*m_server, LemlistProvider().profile());
    a.maxReplyBytes = 4096;
    QVERIFY(client.addAccount(a));
    m_server->enqueue(ScriptedServer::json(200, '"' + QByteArray(5000, 'x') + '"'));
    m_server->enqueue(ScriptedServer::json(200, '"' + QByteArray(4000, 'x') + '"'));
    const auto big = run(client, QStringLiteral("acct"), HttpRequestSpec {});
    QVERIFY(big && !*big);
    QCOMPARE(big->error().code, ErrorCode::ReplyTooLarge);
    QCOMPARE(m_server->requests().size(), 1); // not retried
    const auto small = run(client, QStringLiteral("acct"), HttpRequestSpec {});
    QVERIFY(small && *small);
    QCOMPARE((*small)->body.size(), 4002);
}

#include "tst_httpclient.moc"
