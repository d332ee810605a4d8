#include "sync/RateLimitHeaders.h"
#include "sync/RateLimiter.h"

#include <QRandomGenerator>
#include <QTest>

#include <set>

using namespace roster;

class TestRateLimiter final : public QObject
{
    Q_OBJECT

private slots:
    void burstThenWait();
    void heldWhileInFlight();
    void neverOverAnyWindow_data();
    void neverOverAnyWindow();
    void retryAfterBlocks();
    void remainingNarrows();
    void resetBlocks_data();
    void resetBlocks();
    void highLevelHeadersReplaceWindow();
    void bare429FillsWindow();
    void bare429LeavesDailyBucket();
    void dailyLimit();
    void parseHeaders_data();
    void parseHeaders();
};

namespace {

RateLimiter::Config config(int requests, int windowMs, double scale = 1.0)
{
    RateLimiter::Config c;
    c.limits = {RateLimit {requests, std::chrono::milliseconds(windowMs)}};
    c.timeScale = scale;
    c.safetyMargin = 0.0;
    return c;
}

HttpResponse withHeaders(int status, QList<HttpHeader> headers)
{
    return HttpResponse {status, std::move(headers), {}};
}

} // namespace

void TestRateLimiter::burstThenWait()
{
    RateLimiter limiter(config(20, 2000));
    for (int i = 0; i < 20; ++i)
        QCOMPARE(limiter.tryAcquire(1000 + i), 0);
    for (int i = 0; i < 20; ++i)
        limiter.release(1000 + i); // replies without delay
    QCOMPARE(limiter.tryAcquire(1500), 1500); // the first token comes back at 3000
    QCOMPARE(limiter.spent(1500), QList<int> {20});
    QCOMPARE(limiter.tryAcquire(3000), 0);
    QCOMPARE(limiter.tryAcquire(3000), 1); // the second comes back at 3001
}

void TestRateLimiter::heldWhileInFlight()
{
    RateLimiter limiter(config(2, 1000));
    QCOMPARE(limiter.tryAcquire(0), 0);
    QCOMPARE(limiter.tryAcquire(0), 0);
    // Both in flight: none comes back before a window after its reply, so the wait is at least a window.
    QCOMPARE(limiter.tryAcquire(1500), 1000);
    QCOMPARE(limiter.spent(1500), QList<int> {2});
    // A reply at 1800: that token comes back at 2800, a window after the reply, not after the send.
    limiter.release(1800);
    QCOMPARE(limiter.tryAcquire(2000), 800);
    QCOMPARE(limiter.tryAcquire(2800), 0);
    QCOMPARE(limiter.tryAcquire(2800), 1000); // the other is still in flight
    limiter.release(3000);
    limiter.release(3100);
    QCOMPARE(limiter.spent(3100), QList<int> {2});
    QCOMPARE(limiter.tryAcquire(4000), 0);
    QCOMPARE(limiter.tryAcquire(4000), 100);
    // The last token in flight comes back; a release with none in flight changes nothing.
    limiter.release(4000);
    limiter.release(4000);
    QCOMPARE(limiter.spent(4000), QList<int> {2});
}

void TestRateLimiter::neverOverAnyWindow_data()
{
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("windowMs");
    QTest::addColumn<double>("scale");
    QTest::newRow("lemlist 20/2s") << 20 << 2000 << 1.0;
    QTest::newRow("getsales 300/min scaled") << 300 << 60000 << 0.01;
    QTest::newRow("highlevel 100/10s") << 100 << 10000 << 0.1;
    QTest::newRow("monaco 1000/h scaled") << 1000 << 3600000 << 0.001;
}

void TestRateLimiter::neverOverAnyWindow()
{
    QFETCH(int, requests);
    QFETCH(int, windowMs);
    QFETCH(double, scale);
    RateLimiter limiter(config(requests, windowMs, scale));
    const qint64 window = static_cast<qint64>(windowMs * scale);
    // Greedy callers that ask every millisecond for ten windows: every grant is logged, and each reply
    // comes 0 to 2 ms after its grant.
    QList<qint64> grants;
    std::multiset<qint64> replies;
    QRandomGenerator random(42);
    for (qint64 now = 0; now < 10 * window; ++now) {
        while (!replies.empty() && *replies.begin() <= now) {
            replies.erase(replies.begin());
            limiter.release(now);
        }
        const int asks = static_cast<int>(random.bounded(4));
        for (int i = 0; i < asks; ++i) {
            if (limiter.tryAcquire(now) == 0) {
                grants << now;
                replies.insert(now + random.bounded(3));
            }
        }
    }
    for (qsizetype i = 0; i + requests < grants.size(); ++i)
        QVERIFY(grants[i + requests] - grants[i] >= window);
    // And it does not leave the allowance unused: at least 95% of the allowed rate.
    QVERIFY2(grants.size() >= 0.95 * 10 * requests, qPrintable(QString::number(grants.size())));
}

void TestRateLimiter::retryAfterBlocks()
{
    RateLimiter::Config c = config(20, 2000);
    c.hintScale = 0.5;
    RateLimiter limiter(c);
    const RateLimitHeaders h
        = RateLimitHeaders::parse(withHeaders(429, {{"Retry-After", "2"}}), QDateTime::currentDateTimeUtc());
    limiter.apply(h, true, 100, QDateTime::currentDateTimeUtc());
    QCOMPARE(limiter.blockedUntil(), 1100); // 2 s at half scale
    QCOMPARE(limiter.tryAcquire(500), 600);
    QCOMPARE(limiter.tryAcquire(1100), 0);

    // A Retry-After far beyond the longest window is held to it.
    RateLimiter capped(config(20, 2000));
    capped.apply(RateLimitHeaders::parse(withHeaders(429, {{"Retry-After", "86400"}}), QDateTime::currentDateTimeUtc()),
                 true, 0, QDateTime::currentDateTimeUtc());
    QCOMPARE(capped.blockedUntil(), 2000);
}

void TestRateLimiter::remainingNarrows()
{
    RateLimiter limiter(config(20, 2000));
    QCOMPARE(limiter.tryAcquire(0), 0);
    // Another client of the same key has used most of it: the server says 3 left.
    limiter.apply(
        RateLimitHeaders::parse(withHeaders(200, {{"X-RateLimit-Remaining", "3"}, {"X-RateLimit-Limit", "20"}}),
                                QDateTime::currentDateTimeUtc()),
        false, 10, QDateTime::currentDateTimeUtc());
    QCOMPARE(limiter.spent(10), QList<int> {17});
    for (int i = 0; i < 3; ++i)
        QCOMPARE(limiter.tryAcquire(20), 0);
    QVERIFY(limiter.tryAcquire(20) > 0);
    // A remaining above the local count changes nothing (our own requests still in flight).
    RateLimiter other(config(20, 2000));
    other.apply(
        RateLimitHeaders::parse(withHeaders(200, {{"X-RateLimit-Remaining", "20"}}), QDateTime::currentDateTimeUtc()),
        false, 0, QDateTime::currentDateTimeUtc());
    QCOMPARE(other.spent(0), QList<int> {0});
    // A stricter limit is taken; a looser one is not.
    other.apply(
        RateLimitHeaders::parse(withHeaders(200, {{"X-RateLimit-Limit", "10"}}), QDateTime::currentDateTimeUtc()),
        false, 0, QDateTime::currentDateTimeUtc());
    QCOMPARE(other.effectiveLimits()[0].requests, 10);
    other.apply(
        RateLimitHeaders::parse(withHeaders(200, {{"X-RateLimit-Limit", "50"}}), QDateTime::currentDateTimeUtc()),
        false, 0, QDateTime::currentDateTimeUtc());
    QCOMPARE(other.effectiveLimits()[0].requests, 10);
}

void TestRateLimiter::resetBlocks_data()
{
    QTest::addColumn<QByteArray>("reset");
    QTest::addColumn<qint64>("blockedUntil");
    const QDateTime now(QDate(2021, 2, 16), QTime(8, 2, 40), Qt::UTC);
    // lemlist: a JavaScript date string, two seconds after `now`.
    QTest::newRow("lemlist date string") << QByteArray(
        "Tue Feb 16 2021 09:02:42 GMT+0100 (Central European Standard Time)")
                                         << qint64(1000 + 2000);
    // Monaco: Unix seconds, 30 s later; held to the longest window (60 s here).
    QTest::newRow("monaco unix seconds") << QByteArray::number(now.toSecsSinceEpoch() + 30) << qint64(1000 + 30000);
    QTest::newRow("far future held to window")
        << QByteArray::number(now.toSecsSinceEpoch() + 3600) << qint64(1000 + 60000);
    QTest::newRow("in the past") << QByteArray("Tue Feb 16 2021 09:00:00 GMT+0100") << qint64(0);
    QTest::newRow("garbage") << QByteArray("soon") << qint64(0);
}

void TestRateLimiter::resetBlocks()
{
    QFETCH(QByteArray, reset);
    QFETCH(qint64, blockedUntil);
    const QDateTime now(QDate(2021, 2, 16), QTime(8, 2, 40), Qt::UTC);
    RateLimiter limiter(config(1000, 60000));
    limiter.apply(
        RateLimitHeaders::parse(withHeaders(200, {{"X-RateLimit-Remaining", "0"}, {"X-RateLimit-Reset", reset}}), now),
        false, 1000, now);
    if (blockedUntil > 0)
        QCOMPARE(limiter.blockedUntil(), blockedUntil);
    else
        QVERIFY(limiter.blockedUntil() <= 1000);
}

void TestRateLimiter::highLevelHeadersReplaceWindow()
{
    RateLimiter::Config c = config(100, 10000);
    c.limits << RateLimit {200000, std::chrono::hours(24)};
    RateLimiter limiter(c);
    limiter.apply(RateLimitHeaders::parse(withHeaders(200,
                                                      {{"X-RateLimit-Max", "50"},
                                                       {"X-RateLimit-Interval-Milliseconds", "5000"},
                                                       {"X-RateLimit-Remaining", "49"},
                                                       {"X-RateLimit-Limit-Daily", "200000"},
                                                       {"X-RateLimit-Daily-Remaining", "10"}}),
                                          QDateTime::currentDateTimeUtc()),
                  false, 0, QDateTime::currentDateTimeUtc());
    const QList<RateLimit> limits = limiter.effectiveLimits();
    QCOMPARE(limits[0].requests, 50);
    QCOMPARE(limits[0].window.count(), 5000);
    QCOMPARE(limiter.spent(0), (QList<int> {1, 199990}));
    for (int i = 0; i < 10; ++i)
        QCOMPARE(limiter.tryAcquire(i * 1000), 0);
    QVERIFY(limiter.tryAcquire(20000) > 0); // the day is spent
}

void TestRateLimiter::bare429FillsWindow()
{
    RateLimiter limiter(config(20, 2000));
    QCOMPARE(limiter.tryAcquire(0), 0);
    limiter.release(10);
    limiter.apply(RateLimitHeaders {}, true, 500, QDateTime::currentDateTimeUtc());
    QCOMPARE(limiter.spent(500), QList<int> {20});
    QCOMPARE(limiter.waitTime(500), 1510); // the local token answered at 10 comes back first
}

void TestRateLimiter::bare429LeavesDailyBucket()
{
    RateLimiter::Config c = config(100, 10000);
    c.limits << RateLimit {200000, std::chrono::hours(24)};
    RateLimiter limiter(c);
    QCOMPARE(limiter.tryAcquire(0), 0);
    limiter.apply(RateLimitHeaders {}, true, 100, QDateTime::currentDateTimeUtc());
    // The short window waits; the day does not.
    QVERIFY(limiter.waitTime(100) <= 10000 * 1.02);
}

void TestRateLimiter::dailyLimit()
{
    RateLimiter::Config c = config(100, 10);
    c.limits << RateLimit {250, std::chrono::milliseconds(100000)};
    RateLimiter limiter(c);
    int granted = 0;
    for (qint64 now = 0; now < 1000; ++now) {
        while (limiter.tryAcquire(now) == 0) {
            limiter.release(now);
            ++granted;
        }
    }
    QCOMPARE(granted, 250);
}

void TestRateLimiter::parseHeaders_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<qint64>("ms");
    QTest::newRow("seconds") << QByteArray("2") << qint64(2000);
    QTest::newRow("fraction") << QByteArray("0.5") << qint64(500);
    QTest::newRow("http date") << QByteArray("Tue, 16 Feb 2021 08:02:50 GMT") << qint64(10000);
    QTest::newRow("garbage") << QByteArray("later") << qint64(-1);
    QTest::newRow("negative") << QByteArray("-3") << qint64(-1);
}

void TestRateLimiter::parseHeaders()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(qint64, ms);
    const QDateTime now(QDate(2021, 2, 16), QTime(8, 2, 40), Qt::UTC);
    const RateLimitHeaders h = RateLimitHeaders::parse(withHeaders(429, {{"retry-after", retryAfter}}), now);
    QCOMPARE(h.retryAfter.has_value(), ms >= 0);
    if (h.retryAfter)
        QCOMPARE(h.retryAfter->count(), ms);
    QCOMPARE(RateLimitHeaders::parseReset("Tue Feb 16 2021 09:02:42 GMT+0100 (Central European Standard Time)"),
             QDateTime(QDate(2021, 2, 16), QTime(8, 2, 42), Qt::UTC));
    QCOMPARE(RateLimitHeaders::parseReset("1613462562"), QDateTime(QDate(2021, 2, 16), QTime(8, 2, 42), Qt::UTC));
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
