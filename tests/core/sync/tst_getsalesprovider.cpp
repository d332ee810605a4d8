#include "SyncTestHelpers.h"
#include "sync/getsales/GetSalesProvider.h"

#include <QTest>

using namespace roster;
using namespace roster::test;

class TestGetSalesProvider final : public QObject
{
    Q_OBJECT

private slots:
    void upsertRequest();
    void needsListUuid();
    void upsertReply();
    void errors_data();
    void errors();
    void listRequest();
    void listReply_data();
    void listReply();
    void getDeleteFields();
    void validateForPush_data();
    void validateForPush();
    void personalEmail_data();
    void personalEmail();
    void teamIdHeader();
    void grinfiFlavour();
};

namespace {

ProviderOptions withList()
{
    ProviderOptions options;
    options.values.insert(GetSalesProvider::listUuidOption(), QStringLiteral("a1b2c3d4-e5f6-7890-abcd-ef1234567890"));
    return options;
}

// 001_*.txt, the request fields' examples.
const char* const kExpectedUpsert = R"({
  "lead": {"linkedin_id": "https://www.linkedin.com/in/john-doe-123456", "first_name": "John", "last_name": "Doe",
           "company_name": "Acme Inc", "email": "john@acme.com", "domain": "acme.com", "position": "VP of Sales",
           "headline": "VP of Sales at Acme Inc", "about": "About John", "raw_address": "San Francisco, CA, USA",
           "sn_id": "ACwAAB12"},
  "custom_fields": {"field_position": "CTO", "field_experience": "10 years"},
  "list_uuid": "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
  "update_if_exists": true
})";

// 001_*.txt, response 200 fields' examples.
const char* const kLead = R"({
  "uuid": "a1b2c3d4-e5f6-7890-abcd-ef1234567890", "team_id": 1, "user_id": null, "list_uuid": "l-1",
  "name": "John Doe", "first_name": "John", "last_name": "Doe", "company_name": "Acme Inc",
  "position": "VP of Sales", "headline": "VP of Sales at Acme Inc", "about": null, "ln_id": null, "sn_id": null,
  "linkedin": "john-doe-123456", "work_email": "john@acme.com", "personal_email": null,
  "raw_address": "San Francisco, CA, USA", "tags": ["6b1e7f0e-0000-0000-0000-000000000001"], "status": "ok",
  "linkedin_status": "active", "experience": [{"title": "VP", "company": "Acme"}], "skills": null,
  "created_at": "2024-01-01T10:00:00Z", "updated_at": "2024-02-01T10:00:00Z"
})";

} // namespace

void TestGetSalesProvider::upsertRequest()
{
    const Contact contact = contactFrom(
        {{QStringLiteral("linkedin_url"), QStringLiteral("https://www.linkedin.com/in/john-doe-123456")},
         {QStringLiteral("first_name"), QStringLiteral("John")},
         {QStringLiteral("last_name"), QStringLiteral("Doe")},
         {QStringLiteral("company_name"), QStringLiteral("Acme Inc")},
         {QStringLiteral("email"), QStringLiteral("john@acme.com")},
         {QStringLiteral("company_domain"), QStringLiteral("acme.com")},
         {QStringLiteral("job_title"), QStringLiteral("VP of Sales")},
         {QStringLiteral("headline"), QStringLiteral("VP of Sales at Acme Inc")},
         {QStringLiteral("summary"), QStringLiteral("About John")},
         {QStringLiteral("location"), QStringLiteral("San Francisco, CA, USA")},
         {QStringLiteral("sales_nav_url"), QStringLiteral("https://www.linkedin.com/sales/lead/ACwAAB12")},
         {QStringLiteral("phone"), QStringLiteral("+15550001111")}, // no GetSales column
         {QStringLiteral("tags"), QStringLiteral("vip")},
         {QStringLiteral("custom.field_position"), QStringLiteral("CTO")},
         {QStringLiteral("custom.field_experience"), QStringLiteral("10 years")}});
    const auto spec = GetSalesProvider(withList()).upsertRequest(contact);
    QVERIFY(spec);
    QCOMPARE(spec->method, HttpMethod::Post);
    QCOMPARE(spec->path, QStringLiteral("/leads/api/leads/upsert"));
    QCOMPARE(spec->jsonBody(), jsonObject(kExpectedUpsert));
}

void TestGetSalesProvider::needsListUuid()
{
    const auto spec = GetSalesProvider().upsertRequest(
        contactFrom({{QStringLiteral("linkedin_url"), QStringLiteral("https://www.linkedin.com/in/a")}}));
    QVERIFY(!spec);
    QCOMPARE(spec.error().code, ErrorCode::InvalidArgument);
}

void TestGetSalesProvider::upsertReply()
{
    const auto outcome = GetSalesProvider(withList()).parseUpsertReply(jsonReply(200, kLead));
    QVERIFY(outcome);
    QCOMPARE(outcome->remoteId, QStringLiteral("a1b2c3d4-e5f6-7890-abcd-ef1234567890"));
    QCOMPARE(outcome->disposition, UpsertDisposition::Unknown);
    const ContactPatch& p = outcome->record.patch;
    QCOMPARE(p.value(Field::Email), QStringLiteral("john@acme.com")); // read back as work_email
    QCOMPARE(p.value(Field::LinkedinUrl), QStringLiteral("https://www.linkedin.com/in/john-doe-123456"));
    QCOMPARE(p.value(Field::JobTitle), QStringLiteral("VP of Sales"));
    QCOMPARE(p.value(Field::Location), QStringLiteral("San Francisco, CA, USA"));
    // An explicit null is "none there" (a clear); the sync never applies clears from an upsert's echo.
    QVERIFY(p.isCleared(Field::Summary));
    QVERIFY(p.value(Field::Summary).isEmpty());
    QVERIFY(!p.hasTags()); // tag UUIDs are not names
    QCOMPARE(outcome->record.updatedAt, QDateTime(QDate(2024, 2, 1), QTime(10, 0), Qt::UTC));
}

void TestGetSalesProvider::errors_data()
{
    QTest::addColumn<HttpResponse>("reply");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("field");
    // 001_*.txt, response 422 fields' examples.
    QTest::newRow("422 validation_error")
        << jsonReply(422, R"({"error": {"reason": "validation_error", "message": "The name field is required.",
                                 "data": {"lead.linkedin_id": ["The linkedin id field is required."]}},
                       "message": "The given data was invalid.", "code": 422})")
        << ErrorCode::RemoteValidation << QStringLiteral("linkedin_url");
    QTest::newRow("400 bad_request") << jsonReply(
        400, R"({"error": {"reason": "bad_request", "message": "Bad"}, "code": 400})")
                                     << ErrorCode::RemoteValidation << QString();
    QTest::newRow("401 auth_exception") << jsonReply(
        401, R"({"error": {"reason": "auth_exception", "message": "Unauthenticated."}, "code": 401})")
                                        << ErrorCode::AuthenticationFailed << QString();
    QTest::newRow("402 payment_required")
        << jsonReply(402, R"({"error": {"reason": "payment_required", "message": "Pay"}, "code": 402})")
        << ErrorCode::HttpError << QString();
    QTest::newRow("403 access_denied") << jsonReply(403, R"({"error": {"reason": "access_denied", "message": "No"}})")
                                       << ErrorCode::AuthenticationFailed << QString();
    QTest::newRow("429") << HttpResponse::text(429, "Too Many Attempts.") << ErrorCode::RateLimited << QString();
    QTest::newRow("200 empty body") << HttpResponse::json(200, {}) << ErrorCode::ParseError << QString();
}

void TestGetSalesProvider::errors()
{
    QFETCH(HttpResponse, reply);
    QFETCH(ErrorCode, code);
    QFETCH(QString, field);
    const auto outcome = GetSalesProvider(withList()).parseUpsertReply(reply);
    QVERIFY(!outcome);
    QCOMPARE(errorCodeName(outcome.error().code), errorCodeName(code));
    QCOMPARE(outcome.error().field, field);
    QVERIFY(outcome.error().detail.startsWith(QLatin1String("GetSales")));
}

void TestGetSalesProvider::listRequest()
{
    ListQuery query;
    query.pageSize = 1000;
    query.token.offset = 300;
    auto spec = GetSalesProvider().listRequest(query);
    QVERIFY(spec);
    QCOMPARE(spec->path, QStringLiteral("/leads/api/leads/search"));
    QVERIFY(spec->retryOnEmptyBody);
    QCOMPARE(spec->jsonBody(), jsonObject(R"({"filter": {}, "limit": 100, "offset": 300})"));
    query.updatedSince = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    spec = GetSalesProvider().listRequest(query);
    QCOMPARE(spec->jsonBody(), jsonObject(R"({"filter": {"updated_at": {">=": "2024-01-01T00:00:00.000Z"}},
        "order_field": "updated_at", "order_type": "asc", "limit": 100, "offset": 300})"));
}

void TestGetSalesProvider::listReply_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("records");
    QTest::addColumn<qint64>("nextOffset");
    QTest::newRow("flat, has_more") << QByteArray(R"({"data": [{"uuid": "u1", "work_email": "a@b.co"}, {"uuid": "u2"}],
        "limit": 2, "offset": 0, "total": 5, "has_more": true})")
                                    << 2 << qint64(2);
    QTest::newRow("wrapped rows, last page") << QByteArray(R"({"data": [{"lead": {"uuid": "u1", "work_email": "a@b.co"},
        "custom_fields": {"score": "9"}, "markers": []}], "total": 1, "has_more": false})")
                                             << 1 << qint64(-1);
    QTest::newRow("no has_more, full page")
        << QByteArray(R"({"data": [{"uuid": "u1"}, {"uuid": "u2"}], "total": 9})") << 2 << qint64(2);
    // Contradictory: passed on as "more at the same offset", which the scan reports as incomplete.
    QTest::newRow("empty, has_more") << QByteArray(R"({"data": [], "has_more": true})") << 0 << qint64(0);
    QTest::newRow("empty") << QByteArray(R"({"data": [], "has_more": false})") << 0 << qint64(-1);
}

void TestGetSalesProvider::listReply()
{
    QFETCH(QByteArray, body);
    QFETCH(int, records);
    QFETCH(qint64, nextOffset);
    ListQuery query;
    query.pageSize = 2;
    const auto page = GetSalesProvider().parseListReply(query, HttpResponse::json(200, body));
    QVERIFY(page);
    QCOMPARE(page->records.size(), records);
    QCOMPARE(page->next.has_value(), nextOffset >= 0);
    if (page->next)
        QCOMPARE(page->next->offset, nextOffset);
    if (records > 0) {
        QCOMPARE(page->records[0].remoteId, QStringLiteral("u1"));
        if (body.contains("lead")) {
            QCOMPARE(page->records[0].patch.value(Field::Email), QStringLiteral("a@b.co"));
            QCOMPARE(page->records[0].patch.custom().value(QStringLiteral("score")), QStringLiteral("9"));
        }
    }
}

void TestGetSalesProvider::getDeleteFields()
{
    GetSalesProvider provider;
    QCOMPARE(provider.getRequest(QStringLiteral("u1")).path, QStringLiteral("/leads/api/leads/u1"));
    QCOMPARE(provider.deleteRequest(QStringLiteral("u1")).method, HttpMethod::Delete);
    const auto got = provider.parseGetReply(jsonReply(200, R"({"lead": {"uuid": "u1", "sn_id": "ACw9"}})"));
    QVERIFY(got);
    QCOMPARE(got->patch.value(Field::SalesNavUrl), QStringLiteral("https://www.linkedin.com/sales/lead/ACw9"));
    const auto defs = provider.parseFieldDefinitionsReply(jsonReply(200, R"({"data": [
        {"uuid": "cf-1", "name": "msg1", "object": "lead"}, {"uuid": "cf-2", "name": "Size", "object": "company"}],
        "total": 2})"));
    QVERIFY(defs);
    QCOMPARE(defs->size(), 1);
    QCOMPARE(defs->at(0).remoteId, QStringLiteral("cf-1"));
    QCOMPARE(defs->at(0).remoteKey, QStringLiteral("msg1"));
}

void TestGetSalesProvider::validateForPush_data()
{
    QTest::addColumn<Contact>("contact");
    QTest::addColumn<bool>("ok");
    QTest::newRow("linkedin") << contactFrom(
        {{QStringLiteral("linkedin_url"), QStringLiteral("https://www.linkedin.com/in/a")}})
                              << true;
    QTest::newRow("email only") << contactFrom({{QStringLiteral("email"), QStringLiteral("a@b.co")}}) << false;
    QTest::newRow("sales nav only") << contactFrom(
        {{QStringLiteral("sales_nav_url"), QStringLiteral("https://www.linkedin.com/sales/lead/x")}})
                                    << false;
}

void TestGetSalesProvider::validateForPush()
{
    QFETCH(Contact, contact);
    QFETCH(bool, ok);
    const auto result = GetSalesProvider(withList()).validateForPush(contact);
    QCOMPARE(result.has_value(), ok);
    if (!ok)
        QCOMPARE(result.error().code, ErrorCode::MissingIdentifier);
}

QTEST_GUILESS_MAIN(TestGetSalesProvider)
#include "tst_getsalesprovider.moc"

void TestGetSalesProvider::personalEmail_data()
{
    // The lead read schema (001_*.txt, PROVIDERS.md §7) has work_email and personal_email, both nullable.
    QTest::addColumn<QJsonValue>("work");
    QTest::addColumn<QJsonValue>("personal");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QStringList>("extra");
    const QJsonValue none = QJsonValue::Null;
    QTest::newRow("spec example: work only")
        << QJsonValue("john@acme.com") << none << "john@acme.com" << QStringList {};
    QTest::newRow("both") << QJsonValue("john@acme.com") << QJsonValue("john.doe@gmail.com") << "john@acme.com"
                          << QStringList {QStringLiteral("john.doe@gmail.com")};
    QTest::newRow("personal only") << none << QJsonValue("john.doe@gmail.com") << "john.doe@gmail.com"
                                   << QStringList {};
    QTest::newRow("the same twice") << QJsonValue("john@acme.com") << QJsonValue("John@Acme.com") << "john@acme.com"
                                    << QStringList {};
}

void TestGetSalesProvider::personalEmail()
{
    QFETCH(QJsonValue, work);
    QFETCH(QJsonValue, personal);
    QFETCH(QString, email);
    QFETCH(QStringList, extra);
    QJsonObject lead = jsonObject(kLead);
    lead.insert(QStringLiteral("work_email"), work);
    lead.insert(QStringLiteral("personal_email"), personal);
    const RemoteRecord record = GetSalesProvider(withList()).readRecord(lead);
    QCOMPARE(record.patch.value(Field::Email), email);
    QCOMPARE(record.patch.extraEmails(), extra);
    // Added to the contact's other addresses, never replacing them: the read names no others.
    if (!extra.isEmpty())
        QCOMPARE(record.patch.extraEmailMode(), TagMode::Append);
}

void TestGetSalesProvider::teamIdHeader()
{
    const Contact contact = contactFrom(
        {{QStringLiteral("linkedin_url"), QStringLiteral("https://www.linkedin.com/in/john-doe-123456")}});
    const auto teamOf = [](const HttpRequestSpec& spec) {
        for (const auto& [name, value] : spec.headers) {
            if (name.compare("Team-ID", Qt::CaseInsensitive) == 0)
                return value;
        }
        return QByteArray();
    };
    // Not set: Authorization alone, as the n8n node and the other version of the reference.
    GetSalesProvider plain(withList());
    QCOMPARE(teamOf(*plain.upsertRequest(contact)), QByteArray());
    ProviderOptions options = withList();
    options.values.insert(GetSalesProvider::teamIdOption(), QStringLiteral(" 4242 "));
    GetSalesProvider provider(options);
    QCOMPARE(teamOf(*provider.upsertRequest(contact)), QByteArray("4242"));
    QCOMPARE(teamOf(*provider.listRequest(ListQuery {})), QByteArray("4242"));
    QCOMPARE(teamOf(provider.getRequest(QStringLiteral("u-1"))), QByteArray("4242"));
    QCOMPARE(teamOf(provider.deleteRequest(QStringLiteral("u-1"))), QByteArray("4242"));
    QCOMPARE(teamOf(*provider.fieldDefinitionsRequest()), QByteArray("4242"));
}

void TestGetSalesProvider::grinfiFlavour()
{
    // PROVIDERS.md §0 and §7: Grinfi's server is https://leadgen.grinfi.io, the same API as GetSales.
    const auto grinfi = Provider::create(QStringLiteral("grinfi"), withList());
    QVERIFY(grinfi);
    QCOMPARE(grinfi->profile().defaultBaseUrl, QUrl(QStringLiteral("https://leadgen.grinfi.io")));
    QCOMPARE(grinfi->profile().displayName, QStringLiteral("Grinfi"));
    QCOMPARE(Provider::family(QStringLiteral("grinfi")), QStringLiteral("getsales"));
    const auto getsales = Provider::create(QStringLiteral("getsales"), withList());
    QCOMPARE(getsales->profile().defaultBaseUrl, QUrl(QStringLiteral("https://amazing.getsales.io")));
    QVERIFY(Provider::names().contains(QStringLiteral("grinfi")));
    const Contact contact = contactFrom(
        {{QStringLiteral("linkedin_url"), QStringLiteral("https://www.linkedin.com/in/john-doe-123456")}});
    QCOMPARE(grinfi->upsertRequest(contact)->path, getsales->upsertRequest(contact)->path);
}
