#include "FaultPlan.h"
#include "SyncMergeHelpers.h"
#include "store/RemoteLinkStore.h"

#include <QElapsedTimer>

using namespace roster;
using namespace roster::test;

using Kind = roster::emulator::FaultPlan::Kind;

// Issue 13 against the emulators: what a server can no longer do to a run. A rate-limit wait, a reply and
// a run of server errors are bounded; a date in the future does not pin the watermark; field definitions
// the key may not read only leave the custom fields out.
class TestSyncBounds final : public QObject
{
    Q_OBJECT

private slots:
    void longRateLimitWaitEndsRun_data();
    void longRateLimitWaitEndsRun();
    void hugeReplyRefusedUnread();
    void serverErrorsInRowStopRun();
    void futureDateDoesNotPinWatermark_data();
    void futureDateDoesNotPinWatermark();
    void definitionsUnavailableIsWarning_data();
    void definitionsUnavailableIsWarning();
};

void TestSyncBounds::longRateLimitWaitEndsRun_data()
{
    // lemlist says Retry-After: 3000; Monaco says X-RateLimit-Reset fifty minutes ahead.
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("displayName");
    QTest::newRow("lemlist Retry-After") << "lemlist"
                                         << "lemlist";
    QTest::newRow("monaco reset time") << "monaco"
                                       << "Monaco";
}

void TestSyncBounds::longRateLimitWaitEndsRun()
{
    QFETCH(QString, provider);
    QFETCH(QString, displayName);
    SyncFixture f(provider, scaleFor(provider));
    f.addContacts(0, 3);
    f.emulator().faults().failNext(Kind::LongRetryAfter, 1);
    QElapsedTimer clock;
    clock.start();
    SyncReport report = f.sync(true, false);
    QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(report.fatal);
    QCOMPARE(report.fatal->code, ErrorCode::RateLimited);
    QCOMPARE(report.state, QStringLiteral("failed"));
    const QRegularExpression until(
        QStringLiteral("^rate-limited by %1 until (\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d$").arg(displayName));
    QVERIFY2(until.match(report.fatal->detail).hasMatch(), qPrintable(report.fatal->detail));
    // Said once for the account, not once per contact.
    QCOMPARE(report.errors.size(), 1);
}

void TestSyncBounds::hugeReplyRefusedUnread()
{
    SyncFixture f(QStringLiteral("lemlist"), scaleFor(QStringLiteral("lemlist")));
    f.addContacts(0, 3);
    f.emulator().faults().failNext(Kind::HugeReply, 1);
    SyncReport report = f.sync(true, false);
    QCOMPARE(report.pushed.failed, 1);
    QCOMPARE(report.errors.size(), 1);
    QCOMPARE(report.errors.first().code, ErrorCode::ReplyTooLarge);
    QVERIFY2(report.errors.first().message.contains(QLatin1String("larger than 8 MiB")),
             qPrintable(report.errors.first().message));
    // Not retried: the same request would bring the same reply.
    QCOMPARE(report.transport.retries, 0);
    QCOMPARE(report.pushed.created, 2);
}

void TestSyncBounds::serverErrorsInRowStopRun()
{
    // 30 contacts against a server answering 500 to everything: 5 attempts each would be 150 requests.
    SyncFixture f(QStringLiteral("lemlist"), scaleFor(QStringLiteral("lemlist")));
    f.addContacts(0, 30);
    f.emulator().faults().failNext(Kind::Status500, 100000);
    SyncReport report = f.sync(true, false);
    QVERIFY(report.fatal);
    QCOMPARE(report.fatal->code, ErrorCode::ServiceFailing);
    QVERIFY2(report.fatal->detail.contains(QLatin1String("10 requests in a row")), qPrintable(report.fatal->detail));
    // The breaker opens after 10; what the rate limiter had in flight then still comes back.
    QVERIFY2(f.emulator().totalRequests() <= 30, qPrintable(QString::number(f.emulator().totalRequests())));
    QCOMPARE(report.errors.size(), 1);
    // The next run tries again from scratch.
    f.emulator().faults().clear();
    QVERIFY(f.sync(true, false).ok());
    QCOMPARE(f.emulator().recordCount(), qsizetype(30));
}

void TestSyncBounds::futureDateDoesNotPinWatermark_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("timeField");
    QTest::newRow("getsales") << "getsales"
                              << "updated_at";
    QTest::newRow("highlevel") << "highlevel"
                               << "dateUpdated";
    QTest::newRow("monaco") << "monaco"
                            << "updated_at";
}

void TestSyncBounds::futureDateDoesNotPinWatermark()
{
    QFETCH(QString, provider);
    QFETCH(QString, timeField);
    SyncFixture f(provider, scaleFor(provider));
    f.addContacts(0, 3);
    QVERIFY(f.sync(true, true).ok());
    QVERIFY(f.sync(true, true).ok()); // dates the watermark
    QVERIFY(f.emulator().editRecord(remoteIdOf(f, 0), [&](QJsonObject& record) {
        record.insert(timeField, QStringLiteral("2099-01-01T00:00:00.000Z"));
    }));
    const QDateTime beforeRun = QDateTime::currentDateTimeUtc();
    SyncReport dated = f.sync(true, true);
    QVERIFY2(dated.ok(), qPrintable(dump(dated)));
    QVERIFY(dated.incremental);
    RemoteLinkStore links(f.session().database());
    QVERIFY(links.prepare());
    const QDateTime watermark = *links.pullWatermark(f.account().id);
    QVERIFY2(watermark <= QDateTime::currentDateTimeUtc() && watermark >= beforeRun.addSecs(-1),
             qPrintable(watermark.toString(Qt::ISODateWithMs)));
    // A change made after that run is still seen by the next incremental pull.
    editRemotely(f, 1, QStringLiteral("Later"));
    SyncReport next = f.sync(true, true);
    QVERIFY2(next.ok(), qPrintable(dump(next)));
    QVERIFY(next.incremental);
    QCOMPARE(localValue(f, 1, Field::FirstName), QStringLiteral("Later"));
}

void TestSyncBounds::definitionsUnavailableIsWarning_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("route");
    QTest::addColumn<int>("status");
    for (int status : {403, 404}) {
        const QByteArray suffix = ' ' + QByteArray::number(status);
        QTest::newRow(QByteArray("lemlist" + suffix).constData()) << "lemlist"
                                                                  << "fields" << status;
        QTest::newRow(QByteArray("getsales" + suffix).constData()) << "getsales"
                                                                   << "custom-fields" << status;
        QTest::newRow(QByteArray("highlevel" + suffix).constData()) << "highlevel"
                                                                    << "custom-fields" << status;
        QTest::newRow(QByteArray("monaco" + suffix).constData()) << "monaco"
                                                                 << "schema" << status;
    }
}

void TestSyncBounds::definitionsUnavailableIsWarning()
{
    QFETCH(QString, provider);
    QFETCH(QString, route);
    QFETCH(int, status);
    SyncFixture f(provider, scaleFor(provider));
    f.emulator().faults().setRouteStatus(route, status);
    f.addContacts(0, 2);
    editRemotely(f, 5, QStringLiteral("Remote"));
    SyncReport report = f.sync(true, true);
    QVERIFY2(report.ok(), qPrintable(dump(report)));
    QCOMPARE(report.state, QStringLiteral("done"));
    QCOMPARE(report.pushed.created, 2);
    QCOMPARE(report.pulled.created, 1);
    QCOMPARE(report.warnings.size(), 1);
    QCOMPARE(report.warnings.first().code, ErrorCode::FieldDefinitionsUnavailable);
    QVERIFY2(report.warnings.first().message.contains(QLatin1String("custom fields were not synced")),
             qPrintable(report.warnings.first().message));
    QCOMPARE(f.emulator().requestCount(route), 1);
}

QTEST_GUILESS_MAIN(TestSyncBounds)
#include "tst_syncbounds.moc"
