#include "ScriptedServer.h"
#include "SyncTestHelpers.h"
#include "sync/AccountPreflight.h"
#include "sync/HttpClient.h"
#include "sync/monaco/MonacoProvider.h"

#include <QJsonDocument>
#include <QTest>

#include <optional>

using namespace roster;
using namespace roster::test;

namespace {

// The id the push would send for `name`: Monaco's tags match whatever their case.
QString tagId(const QMap<QString, QString>& ids, const QString& name)
{
    for (auto it = ids.cbegin(); it != ids.cend(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return {};
}

} // namespace

// The preflight's creation of the tags a push sends and the account lacks, against scripted replies: the
// races and refusals an emulator does not stage.
class TestSyncPreflight final : public QObject
{
    Q_OBJECT

private slots:
    void createMissingTag_data();
    void createMissingTag();
};

void TestSyncPreflight::createMissingTag_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QList<int>>("statuses"); // the replies in order: GET /v1/tags/, POST, GET again
    QTest::addColumn<QByteArrayList>("bodies");
    QTest::addColumn<QString>("id"); // the tag's id for the push; empty: none
    QTest::addColumn<QString>("warning"); // in the one warning; empty: none
    QTest::addColumn<QByteArrayList>("sent"); // "METHOD target" of each request
    QTest::addColumn<bool>("stops"); // the run stops (refused key)

    const QByteArray none = R"({"data": [], "meta": {}})";
    const QByteArray listGet = "GET /api/v1/tags/?object=contacts";
    const QByteArray create = "POST /api/v1/tags/";
    QTest::newRow("created") << "Hot Lead" << QList<int> {200, 200}
                             << QByteArrayList {none, R"({"data": {"id": "t-new", "name": "Hot Lead", "color": null}})"}
                             << "t-new"
                             << "" << QByteArrayList {listGet, create} << false;
    // Someone created it since the list was read: the list again, once, has it.
    QTest::newRow("409, then listed")
        << "Hot Lead" << QList<int> {200, 409, 200}
        << QByteArrayList {none, R"({"error": {"code": "conflict", "message": "Tag already exists"}})",
                           R"({"data": [{"id": "t-race", "name": "hot lead", "color": "blue"}]})"}
        << "t-race"
        << "" << QByteArrayList {listGet, create, listGet} << false;
    QTest::newRow("422 already exists, still not listed")
        << "Hot Lead" << QList<int> {200, 422, 200}
        << QByteArrayList {none, R"({"error": {"code": "validation_error", "message": "Tag already exists"}})", none}
        << ""
        << "Tag already exists" << QByteArrayList {listGet, create, listGet} << false;
    QTest::newRow("422 refused") << "Hot Lead" << QList<int> {200, 422}
                                 << QByteArrayList {none, R"({"error": {"code": "validation_error",
                                                                  "message": "Tag limit reached"}})"}
                                 << ""
                                 << "Tag limit reached" << QByteArrayList {listGet, create} << false;
    QTest::newRow("bad name, no request") << "follow-up" << QList<int> {200} << QByteArrayList {none} << ""
                                          << "letters, numbers and spaces only" << QByteArrayList {listGet} << false;
    QTest::newRow("refused key") << "Hot Lead" << QList<int> {200, 401}
                                 << QByteArrayList {none, R"({"detail": "No key found"})"} << ""
                                 << "" << QByteArrayList {listGet, create} << true;
    QTest::newRow("already there, other case")
        << "hot lead" << QList<int> {200} << QByteArrayList {R"({"data": [{"id": "t-1", "name": "Hot Lead"}]})"}
        << "t-1"
        << "" << QByteArrayList {listGet} << false;
}

void TestSyncPreflight::createMissingTag()
{
    QFETCH(QString, tag);
    QFETCH(QList<int>, statuses);
    QFETCH(QByteArrayList, bodies);
    QFETCH(QString, id);
    QFETCH(QString, warning);
    QFETCH(QByteArrayList, sent);
    QFETCH(bool, stops);

    ScriptedServer server;
    QVERIFY(server.listen());
    for (qsizetype i = 0; i < statuses.size(); ++i)
        server.enqueue(ScriptedServer::json(statuses[i], bodies[i]));
    server.setDefaultReply(
        ScriptedServer::json(500, R"({"error": {"code": "unexpected", "message": "not scripted"}})"));

    MonacoProvider provider;
    HttpAccount account;
    account.name = QStringLiteral("acct");
    account.baseUrl = QUrl(server.baseUrl(QStringLiteral("/api")));
    account.secret = QStringLiteral("mks_test");
    account.profile = provider.profile();
    account.retry.maxAttempts = 1;
    HttpClient client;
    QVERIFY(client.addAccount(account));

    AccountPreflight preflight(client, account.name, provider);
    QList<Error> warnings;
    connect(&preflight, &AccountPreflight::warning, this, [&](const Error& e) { warnings << e; });
    std::optional<Result<void>> result;
    connect(&preflight, &AccountPreflight::finished, this, [&](const Result<void>& r) { result = r; });
    preflight.start(false, {tag}, false);
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);

    QCOMPARE(!*result, stops);
    if (stops)
        QCOMPARE(result->error().code, ErrorCode::AuthenticationFailed);
    QByteArrayList requests;
    for (const ScriptedServer::Request& r : server.requests())
        requests << r.method + ' ' + r.target;
    QCOMPARE(requests, sent);
    if (sent.contains("POST /api/v1/tags/")) {
        const ScriptedServer::Request& post = server.requests().at(1);
        QCOMPARE(QJsonDocument::fromJson(post.body).object(),
                 (QJsonObject {{QStringLiteral("object"), QStringLiteral("contacts")}, {QStringLiteral("name"), tag}}));
    }
    QCOMPARE(tagId(provider.options().tagIds, tag), id);
    if (warning.isEmpty()) {
        QVERIFY(warnings.isEmpty());
        return;
    }
    // One warning naming the tag and why; the contacts carrying it are not told again one by one.
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.first().code, ErrorCode::TagsIgnored);
    QVERIFY2(warnings.first().detail.contains(tag) && warnings.first().detail.contains(warning),
             qPrintable(warnings.first().detail));
    const auto spec = provider.upsertRequest(
        contactFrom({{QStringLiteral("email"), QStringLiteral("a@b.co")}, {QStringLiteral("tags"), tag}}));
    QVERIFY(spec && spec->warnings.isEmpty());
}

QTEST_GUILESS_MAIN(TestSyncPreflight)
#include "tst_syncpreflight.moc"
