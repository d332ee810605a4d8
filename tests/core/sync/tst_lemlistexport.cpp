#include "sync/lemlist/LemlistExportColumns.h"
#include "sync/lemlist/LemlistProvider.h"

#include <QTest>

using namespace roster;

// lemlist's CSV export read into the same records a page of GET /contacts gives (PROVIDERS.md §1 and §7):
// JSON and human headers, RFC 4180 quoting, custom fields as columns, unknown columns ignored, empty cells
// unknown rather than cleared, and an export that is cut or is no CSV refused before any record is taken.
class TestLemlistExport : public QObject
{
    Q_OBJECT

private slots:
    void mapsCells_data();
    void mapsCells();
    void emptyCellNeverClears();
    void refusesReplies_data();
    void refusesReplies();
    void refusesBrokenRows_data();
    void refusesBrokenRows();
    void headerAloneIsAnEmptyExport();
    void thresholdFromOption_data();
    void thresholdFromOption();
    void requestAsksForCsv();
};

namespace {

LemlistProvider providerWithScore()
{
    RemoteFieldDefinition score;
    score.key = QStringLiteral("score");
    score.remoteKey = QStringLiteral("score");
    score.label = QStringLiteral("Score");
    RemoteFieldDefinition tier;
    tier.key = QStringLiteral("account_tier");
    tier.remoteKey = QStringLiteral("accountTier");
    tier.label = QStringLiteral("Account tier");
    ProviderOptions options;
    options.customFields = {score, tier};
    return LemlistProvider(options);
}

HttpResponse csvReply(const QByteArray& body)
{
    HttpResponse response;
    response.status = 200;
    response.headers << HttpHeader {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/csv; charset=utf-8")};
    response.body = body;
    return response;
}

// Every record of the export; fails the test on an error.
QList<RemoteRecord> readAll(const LemlistProvider& provider, const HttpResponse& response)
{
    QList<RemoteRecord> records;
    auto reader = provider.openExport(response);
    if (!reader) {
        qWarning("openExport: %s", qPrintable(reader.error().detail));
        return records;
    }
    RemoteRecord record;
    for (;;) {
        const auto got = (*reader)->next(record);
        if (!got) {
            qWarning("next: %s", qPrintable(got.error().detail));
            return {};
        }
        if (!*got)
            return records;
        records << record;
    }
}

// The value a record carries for a design.md name; "<absent>" when it carries none.
QString valueOf(const RemoteRecord& record, const QString& name)
{
    if (name == QLatin1String("remote_id"))
        return record.remoteId;
    if (name == QLatin1String("extra_emails"))
        return record.patch.hasExtraEmails() ? record.patch.extraEmails().join(QLatin1Char('|'))
                                             : QStringLiteral("<absent>");
    if (name.startsWith(QLatin1String("custom."))) {
        const auto it = record.patch.custom().constFind(name.mid(7));
        return it == record.patch.custom().cend() ? QStringLiteral("<absent>") : it.value();
    }
    const auto field = FieldRegistry::fromName(name);
    if (!field || !record.patch.has(*field))
        return QStringLiteral("<absent>");
    return record.patch.value(*field);
}

} // namespace

void TestLemlistExport::mapsCells_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");

    const QByteArray json = "_id,email,firstName,lastName,jobTitle,linkedinUrl\r\n"
                            "ctc_1,ann@example.com,Ann,Lee,CEO,https://www.linkedin.com/in/ann\r\n";
    QTest::newRow("json names: id") << json << "remote_id"
                                    << "ctc_1";
    QTest::newRow("json names: email") << json << "email"
                                       << "ann@example.com";
    QTest::newRow("json names: job title") << json << "job_title"
                                           << "CEO";
    QTest::newRow("json names: linkedin") << json << "linkedin_url"
                                          << "https://www.linkedin.com/in/ann";

    const QByteArray human = "Contact ID,E-mail,First Name,Job title,LinkedIn URL,Sales Navigator URL,Phone number\n"
                             "ctc_2,bo@example.com,Bo,CTO,https://www.linkedin.com/in/bo,,+33612345678\n";
    QTest::newRow("human headers: id") << human << "remote_id"
                                       << "ctc_2";
    QTest::newRow("human headers: email") << human << "email"
                                          << "bo@example.com";
    QTest::newRow("human headers: first name") << human << "first_name"
                                               << "Bo";
    QTest::newRow("human headers: phone") << human << "phone"
                                          << "+33612345678";
    QTest::newRow("case and punctuation: JOB_TITLE") << QByteArray("ID,JOB_TITLE\nctc_3,Chief\n") << "job_title"
                                                     << "Chief";

    QTest::newRow("quoted comma") << QByteArray("_id,lastName\nctc_4,\"Lee, Jr.\"\n") << "last_name"
                                  << "Lee, Jr.";
    QTest::newRow("escaped quotes") << QByteArray("_id,tagline\nctc_5,\"Says \"\"hi\"\"\"\n") << "headline"
                                    << "Says \"hi\"";
    QTest::newRow("embedded newline") << QByteArray("_id,summary,email\r\nctc_6,\"one\r\ntwo\",x@example.com\r\n")
                                      << "summary"
                                      << "one\r\ntwo";
    QTest::newRow("embedded newline: next cell")
        << QByteArray("_id,summary,email\nctc_6,\"one\ntwo\",x@example.com\n") << "email"
        << "x@example.com";
    QTest::newRow("BOM before the id header")
        << QByteArray("\xEF\xBB\xBF_id,email\nctc_7,bom@example.com\n") << "remote_id"
        << "ctc_7";
    QTest::newRow("utf-8 text") << QByteArray("_id,firstName\nctc_8,Zoë\n") << "first_name"
                                << "Zoë";

    const QByteArray custom = "_id,score,Account Tier,mystery,companyName,leadStatus,fullName\n"
                              "ctc_9,42,gold,boo,Acme,Interested,Ann Lee\n";
    QTest::newRow("custom column by name") << custom << "custom.score"
                                           << "42";
    QTest::newRow("custom column by label") << custom << "custom.account_tier"
                                            << "gold";
    QTest::newRow("unknown column ignored") << custom << "custom.mystery"
                                            << "<absent>";
    QTest::newRow("computed leadStatus ignored") << custom << "custom.leadStatus"
                                                 << "<absent>";
    QTest::newRow("companyName not read, as in pages") << custom << "company_name"
                                                       << "<absent>";

    const QByteArray flags = "_id,email,additionalEmails,unsubscribed,ownerId\n"
                             "ctc_10,a@example.com,\"b@example.com, c@example.com\",true,usr_1\n";
    QTest::newRow("additional emails in one cell") << flags << "extra_emails"
                                                   << "b@example.com|c@example.com";
    QTest::newRow("unsubscribed") << flags << "do_not_contact"
                                  << "true";
    QTest::newRow("owner") << flags << "owner"
                           << "usr_1";
    QTest::newRow("empty cell is absent")
        << QByteArray("_id,email,firstName,lastName\nctc_11,e@example.com,,Lee\n") << "first_name"
        << "<absent>";
    QTest::newRow("blank cell is absent")
        << QByteArray("_id,email,firstName\nctc_12,e@example.com,   \n") << "first_name"
        << "<absent>";
}

void TestLemlistExport::mapsCells()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    const LemlistProvider provider = providerWithScore();
    const QList<RemoteRecord> records = readAll(provider, csvReply(csv));
    QCOMPARE(records.size(), 1);
    QCOMPARE(valueOf(records.first(), field), expected);
    QVERIFY(records.first().full);
}

void TestLemlistExport::emptyCellNeverClears()
{
    // A paged row with "firstName": "" clears the field (the JSON says so); the same contact exported with
    // an empty cell must not: the CSV cannot tell "empty" from "not filled in".
    const LemlistProvider provider = providerWithScore();
    const RemoteRecord paged
        = provider.readRecord(QJsonObject {{"_id", "ctc_1"}, {"fields", QJsonObject {{"firstName", ""}}}});
    QVERIFY(paged.patch.isCleared(Field::FirstName));
    const QList<RemoteRecord> exported = readAll(provider, csvReply("_id,firstName,lastName,score\nctc_1,,Lee,\n"));
    QCOMPARE(exported.size(), 1);
    QVERIFY(!exported.first().patch.isCleared(Field::FirstName));
    QVERIFY(!exported.first().patch.has(Field::FirstName));
    QVERIFY(exported.first().patch.clearedCustom().isEmpty());
    QVERIFY(!exported.first().patch.custom().contains(QStringLiteral("score")));
}

void TestLemlistExport::refusesReplies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("403 plan without exports") << 403 << QByteArray("text/plain") << QByteArray("Forbidden");
    QTest::newRow("404 no such route") << 404 << QByteArray("text/plain") << QByteArray("Not Found");
    QTest::newRow("405") << 405 << QByteArray("text/plain") << QByteArray("Method Not Allowed");
    QTest::newRow("200 JSON") << 200 << QByteArray("application/json") << QByteArray("[{\"_id\":\"ctc_1\"}]");
    QTest::newRow("200 JSON error body, no type") << 200 << QByteArray() << QByteArray("{\"success\":false}");
    QTest::newRow("200 HTML") << 200 << QByteArray("text/html") << QByteArray("<html>login</html>");
    QTest::newRow("no id column") << 200 << QByteArray("text/csv") << QByteArray("email,firstName\na@b.co,Ann\n");
    QTest::newRow("empty body") << 200 << QByteArray("text/csv") << QByteArray();
}

void TestLemlistExport::refusesReplies()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    HttpResponse response;
    response.status = status;
    if (!contentType.isEmpty())
        response.headers << HttpHeader {QByteArrayLiteral("Content-Type"), contentType};
    response.body = body;
    const LemlistProvider provider = providerWithScore();
    const auto reader = provider.openExport(response);
    QVERIFY(!reader);
    // A refusal reads as lemlist's error for its status; a 200 that is no usable CSV is a ParseError.
    QCOMPARE(reader.error().code, status >= 300 ? provider.parseError(response).code : ErrorCode::ParseError);
    QVERIFY(!reader.error().detail.isEmpty());
}

void TestLemlistExport::refusesBrokenRows_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<int>("goodRecords");

    QTest::newRow("cut inside a quoted cell") << QByteArray("_id,summary\nctc_1,ok\nctc_2,\"never clo") << 1;
    QTest::newRow("cut inside a row") << QByteArray("_id,email,firstName\nctc_1,a@b.co,Ann\nctc_2,b@b.co") << 1;
    QTest::newRow("a row too long") << QByteArray("_id,email\nctc_1,a@b.co,extra\n") << 0;
}

void TestLemlistExport::refusesBrokenRows()
{
    QFETCH(QByteArray, csv);
    QFETCH(int, goodRecords);
    const LemlistProvider provider = providerWithScore();
    auto reader = provider.openExport(csvReply(csv));
    QVERIFY2(reader, qPrintable(reader ? QString() : reader.error().detail));
    RemoteRecord record;
    int good = 0;
    Result<bool> got;
    while ((got = (*reader)->next(record)) && *got)
        ++good;
    QVERIFY(!got);
    QCOMPARE(got.error().code, ErrorCode::ParseError);
    QCOMPARE(good, goodRecords);
}

void TestLemlistExport::headerAloneIsAnEmptyExport()
{
    const LemlistProvider provider = providerWithScore();
    auto reader = provider.openExport(csvReply("\xEF\xBB\xBF_id,email,firstName\r\n"));
    QVERIFY(reader);
    RemoteRecord record;
    const auto got = (*reader)->next(record);
    QVERIFY(got);
    QVERIFY(!*got);
}

void TestLemlistExport::thresholdFromOption_data()
{
    QTest::addColumn<QString>("option");
    QTest::addColumn<qint64>("threshold");

    QTest::newRow("default") << QString() << LemlistProvider::kExportThreshold;
    QTest::newRow("auto") << "auto" << LemlistProvider::kExportThreshold;
    QTest::newRow("always") << "always" << qint64(0);
    QTest::newRow("never") << "never" << qint64(-1);
    QTest::newRow("number") << "50000" << qint64(50000);
    QTest::newRow("nonsense") << "soon" << LemlistProvider::kExportThreshold;
}

void TestLemlistExport::thresholdFromOption()
{
    QFETCH(QString, option);
    QFETCH(qint64, threshold);
    ProviderOptions options;
    if (!option.isNull())
        options.values.insert(LemlistProvider::bulkExportOption(), option);
    QCOMPARE(LemlistProvider(options).exportThreshold(), threshold);
}

void TestLemlistExport::requestAsksForCsv()
{
    const auto spec = LemlistProvider().exportRequest();
    QVERIFY(spec);
    QCOMPARE(spec->path, QStringLiteral("/contacts/export"));
    QCOMPARE(spec->query.queryItemValue(QStringLiteral("listId")), QStringLiteral("all"));
    QCOMPARE(spec->query.queryItemValue(QStringLiteral("entity")), QStringLiteral("contact"));
    QVERIFY(spec->headers.contains(HttpHeader {QByteArrayLiteral("Accept"), QByteArrayLiteral("text/csv")}));
    QCOMPARE(spec->maxReplyBytes, LemlistProvider::kMaxExportBytes);
}

QTEST_GUILESS_MAIN(TestLemlistExport)
#include "tst_lemlistexport.moc"
