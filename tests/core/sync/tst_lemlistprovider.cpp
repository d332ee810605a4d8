#include "SyncTestHelpers.h"
#include "sync/lemlist/LemlistProvider.h"

#include <QTest>

using namespace roster;
using namespace roster::test;

class TestLemlistProvider final : public QObject
{
    Q_OBJECT

private slots:
    void profile();
    void upsertRequest_data();
    void upsertRequest();
    void reservedCustomKey();
    void upsertReply_data();
    void upsertReply();
    void errors_data();
    void errors();
    void listRequest();
    void listReply_data();
    void listReply();
    void readShapes();
    void getAndDelete();
    void fieldDefinitions();
    void computedKeysAreNotCustomFields();
    void specFieldDefinitions();
    void validateForPush_data();
    void validateForPush();
    void lookupByKey();
};

namespace {

// 000_*.txt, "201" example.
const char* const kCreated = R"({
  "success": true,
  "data": {
    "_id": "ctc_xW8Ou6C03Csv8vatp",
    "teamId": "tea_8QvkOiBfPdb2ZRhHi",
    "emails": [{"value": "jane.smith@example.com"}],
    "linkedinUrl": "https://www.linkedin.com/in/janesmith",
    "fields": {"firstName": "Jane", "lastName": "Smith", "jobTitle": "Product Manager"},
    "ownerId": "usr_ahfFktBBHUIxbVG5P",
    "source": "api",
    "createdAt": "2025-10-28T00:40:37.917Z",
    "createdBy": "usr_ahfFktBBHUIxbVG5P",
    "unsubscribed": false,
    "created": true,
    "companyLinked": true,
    "companyId": "cpn_gG7PsmZFpEAnpMCHO"
  }
})";

// 000_*.txt, "200" example.
const char* const kUpdated = R"({
  "success": true,
  "data": {
    "_id": "ctc_xW8Ou6C03Csv8vatp",
    "teamId": "tea_8QvkOiBfPdb2ZRhHi",
    "emails": [{"value": "jane.smith@example.com"}],
    "fields": {"firstName": "Jane", "lastName": "Smith", "jobTitle": "Product Manager"},
    "ownerId": "usr_ahfFktBBHUIxbVG5P",
    "source": "api",
    "createdAt": "2025-10-28T00:40:37.917Z",
    "createdBy": "usr_ahfFktBBHUIxbVG5P",
    "unsubscribed": false,
    "created": false,
    "updated": true,
    "companyLinked": false
  }
})";

// lemlist's OpenAPI (soenneker/soenneker.lemlist.openapiclient, 2026-08-21), `GET /contacts` 200 example: a bare
// array; lemlist computes isActiveInCampaigns, lastCampaign, lastLeadMarkedAsInterestedDate and leadStatus.
const char* const kSpecContacts = R"([
  {
    "_id": "ctc_xW8Ou6C03Csv8vatp",
    "teamId": "tea_8QvkOiBfPdb2ZRhHi",
    "fullName": "John Doe",
    "email": "support@lemlist.com",
    "fields": {
      "firstName": "John",
      "jobTitle": "Growth Engineer",
      "lastName": "Doe",
      "industry": "Technology",
      "isActiveInCampaigns": false,
      "lastCampaign": "NEW TO DELETE",
      "lastLeadMarkedAsInterestedDate": "2025-10-28T02:12:31.971Z",
      "leadStatus": "Marked as not Interested by api"
    },
    "campaigns": [
      {"campaignId": "cam_bSn8EORHQxbWPjHvu", "campaignState": "running", "leadState": "review",
       "leadId": "lea_fiDpiGV585wy3Oii2"}
    ],
    "ownerId": "usr_ahfFktBBHUIxbVG5P",
    "createdAt": "2025-10-28T00:40:37.917Z",
    "createdBy": "usr_ahfFktBBHUIxbVG5P",
    "unsubscribed": false
  },
  {
    "_id": "ctc_a9RxJNa7pmMd85H9b",
    "teamId": "tea_8QvkOiBfPdb2ZRhHi",
    "fullName": "Casey",
    "email": "riley@example.com",
    "fields": {"firstName": "Casey", "isActiveInCampaigns": false}
  }
])";

// The same OpenAPI, `GET /fields` 200 example.
const char* const kSpecFields = R"({
  "success": true,
  "data": {
    "contact": [
      {"name": "email", "label": "Email", "type": "text", "source": "default"},
      {"name": "firstName", "label": "First name", "type": "text", "source": "default"},
      {"name": "revenue", "label": "Annual Revenue", "type": "number", "source": "custom"},
      {"name": "leadStatus", "label": "leadStatus", "type": "text", "source": "crm_synced",
       "crmField": "hs_lead_status"}
    ],
    "company": [
      {"name": "linkedinUrl", "label": "LinkedIn URL", "type": "text", "source": "default"},
      {"name": "industry", "label": "Industry", "type": "text", "source": "custom"}
    ]
  }
})";

} // namespace

void TestLemlistProvider::profile()
{
    const ProviderProfile p = LemlistProvider().profile();
    QCOMPARE(p.defaultBaseUrl, QUrl(QStringLiteral("https://api.lemlist.com/api")));
    QCOMPARE(p.auth, AuthScheme::BasicKeyAsPassword);
    QCOMPARE(p.rateLimits.size(), 1);
    QCOMPARE(p.rateLimits[0].requests, 20);
    QCOMPARE(p.rateLimits[0].window, std::chrono::milliseconds(2000));
}

void TestLemlistProvider::upsertRequest_data()
{
    QTest::addColumn<Contact>("contact");
    QTest::addColumn<QString>("remoteId");
    QTest::addColumn<QJsonObject>("expected");

    // The contract's request example.
    QTest::newRow("contract example")
        << contactFrom({{QStringLiteral("email"), QStringLiteral("jane.smith@example.com")},
                        {QStringLiteral("first_name"), QStringLiteral("Jane")},
                        {QStringLiteral("last_name"), QStringLiteral("Smith")},
                        {QStringLiteral("linkedin_url"), QStringLiteral("https://linkedin.com/in/janesmith")},
                        {QStringLiteral("job_title"), QStringLiteral("Product Manager")},
                        {QStringLiteral("company_domain"), QStringLiteral("acme.com")}})
        << QString() << jsonObject(R"({"email": "jane.smith@example.com", "firstName": "Jane", "lastName": "Smith",
            "linkedinUrl": "https://linkedin.com/in/janesmith", "jobTitle": "Product Manager",
            "companyDomain": "acme.com"})");
    QTest::newRow("update by contactId") << contactFrom({{QStringLiteral("first_name"), QStringLiteral("Jane")}})
                                         << QStringLiteral("ctc_1")
                                         << jsonObject(R"({"contactId": "ctc_1", "firstName": "Jane"})");
    QTest::newRow("every mapped field") << contactFrom(
        {{QStringLiteral("email"), QStringLiteral("a@b.co")},
         {QStringLiteral("extra_emails"), QStringLiteral("x@b.co,y@b.co")},
         {QStringLiteral("phone"), QStringLiteral("+33612345678")},
         {QStringLiteral("sales_nav_url"), QStringLiteral("https://www.linkedin.com/sales/lead/ACw1")},
         {QStringLiteral("job_description"), QStringLiteral("Builds")},
         {QStringLiteral("headline"), QStringLiteral("Tag")},
         {QStringLiteral("summary"), QStringLiteral("Sum")},
         {QStringLiteral("company_linkedin_url"), QStringLiteral("https://www.linkedin.com/company/acme")},
         {QStringLiteral("location"), QStringLiteral("Paris")},
         {QStringLiteral("timezone"), QStringLiteral("Europe/Paris")},
         {QStringLiteral("industry"), QStringLiteral("Software")},
         {QStringLiteral("languages"), QStringLiteral("fr")},
         {QStringLiteral("skills"), QStringLiteral("C++")},
         {QStringLiteral("picture_url"), QStringLiteral("https://p/x.png")},
         {QStringLiteral("owner"), QStringLiteral("usr_1")},
         {QStringLiteral("source"), QStringLiteral("roster")},
         {QStringLiteral("company_name"), QStringLiteral("Acme")},
         {QStringLiteral("do_not_contact"), QStringLiteral("true")},
         {QStringLiteral("tags"), QStringLiteral("vip")},
         {QStringLiteral("custom.icebreaker"), QStringLiteral("Hi")}})
                                        << QString()
                                        << jsonObject(R"({"email": "a@b.co", "additionalEmails": ["x@b.co", "y@b.co"],
            "phone": "+33612345678", "linkedinUrlSalesNav": "https://www.linkedin.com/sales/lead/ACw1",
            "jobDescription": "Builds", "tagline": "Tag", "summary": "Sum",
            "companyLinkedinUrl": "https://www.linkedin.com/company/acme", "location": "Paris",
            "timezone": "Europe/Paris", "industry": "Software", "languages": "fr", "skills": "C++",
            "picture": "https://p/x.png", "contactOwner": "usr_1", "source": "roster", "icebreaker": "Hi"})");
}

void TestLemlistProvider::upsertRequest()
{
    QFETCH(Contact, contact);
    QFETCH(QString, remoteId);
    QFETCH(QJsonObject, expected);
    const auto spec = LemlistProvider().upsertRequest(contact, remoteId);
    QVERIFY(spec);
    QCOMPARE(spec->method, HttpMethod::Post);
    QCOMPARE(spec->path, QStringLiteral("/contacts"));
    QCOMPARE(spec->kind, RequestKind::Upsert);
    QCOMPARE(spec->jsonBody(), expected);
    QVERIFY(spec->warnings.isEmpty());
}

void TestLemlistProvider::reservedCustomKey()
{
    const auto spec
        = LemlistProvider().upsertRequest(contactFrom({{QStringLiteral("email"), QStringLiteral("a@b.co")},
                                                       {QStringLiteral("custom.jobTitle"), QStringLiteral("x")}}));
    QVERIFY(spec);
    QCOMPARE(spec->jsonBody(), jsonObject(R"({"email": "a@b.co"})"));
    QCOMPARE(spec->warnings.size(), 1);
    QCOMPARE(spec->warnings[0].code, ErrorCode::FieldIgnored);
}

void TestLemlistProvider::upsertReply_data()
{
    QTest::addColumn<HttpResponse>("reply");
    QTest::addColumn<UpsertDisposition>("disposition");
    QTest::addColumn<QString>("linkedin");
    QTest::newRow("201 created") << jsonReply(201, kCreated) << UpsertDisposition::Created
                                 << QStringLiteral("https://www.linkedin.com/in/janesmith");
    QTest::newRow("200 updated") << jsonReply(200, kUpdated) << UpsertDisposition::Updated << QString();
}

void TestLemlistProvider::upsertReply()
{
    QFETCH(HttpResponse, reply);
    QFETCH(UpsertDisposition, disposition);
    QFETCH(QString, linkedin);
    const auto outcome = LemlistProvider().parseUpsertReply(reply);
    QVERIFY(outcome);
    QCOMPARE(outcome->remoteId, QStringLiteral("ctc_xW8Ou6C03Csv8vatp"));
    QCOMPARE(outcome->disposition, disposition);
    const ContactPatch& p = outcome->record.patch;
    QCOMPARE(p.value(Field::Email), QStringLiteral("jane.smith@example.com"));
    QCOMPARE(p.value(Field::FirstName), QStringLiteral("Jane"));
    QCOMPARE(p.value(Field::LastName), QStringLiteral("Smith"));
    QCOMPARE(p.value(Field::JobTitle), QStringLiteral("Product Manager"));
    QCOMPARE(p.value(Field::Owner), QStringLiteral("usr_ahfFktBBHUIxbVG5P"));
    QCOMPARE(p.value(Field::DoNotContact), QStringLiteral("false"));
    QCOMPARE(p.value(Field::LinkedinUrl), linkedin);
    QVERIFY(p.custom().isEmpty());
    QVERIFY(!p.hasExtraEmails());
}

void TestLemlistProvider::errors_data()
{
    QTest::addColumn<HttpResponse>("reply");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("detail");

    // The contract's 400 example, verbatim.
    QTest::newRow("MISSING_IDENTIFIER")
        << jsonReply(400, R"({"success": false, "error": {"code": "MISSING_IDENTIFIER",
              "message": "At least one identifier is required: email, linkedinUrl or contactId"}})")
        << ErrorCode::MissingIdentifier << QString()
        << QStringLiteral("MISSING_IDENTIFIER: At least one identifier is required: email, linkedinUrl or contactId");
    const auto row = [](const char* code, ErrorCode expected, const QString& field) {
        const QByteArray body = QByteArrayLiteral(R"({"success": false, "error": {"code": ")") + code
            + QByteArrayLiteral(R"(", "message": "m"}})");
        QTest::newRow(code) << HttpResponse::json(400, body) << expected << field << QString::fromLatin1(code);
    };
    row("INVALID_CONTACT_ID", ErrorCode::ContactNotFound, {});
    row("CONTACT_NOT_FOUND_BY_ID", ErrorCode::ContactNotFound, {});
    row("INVALID_EMAIL", ErrorCode::InvalidEmail, QStringLiteral("email"));
    row("INVALID_ADDITIONAL_EMAILS", ErrorCode::InvalidExtraEmail, QStringLiteral("extra_emails"));
    row("INVALID_LINKEDIN_URL", ErrorCode::InvalidLinkedinUrl, QStringLiteral("linkedin_url"));
    row("INVALID_FIELD", ErrorCode::UnknownCustomField, {});
    row("CONTACT_VALIDATION_FAILED", ErrorCode::RemoteValidation, {});
    row("SOMETHING_NEW", ErrorCode::RemoteValidation, {});
    // 401 is text/plain in the contract.
    QTest::newRow("401 text/plain") << HttpResponse::text(401, "The authentication you supplied is incorrect")
                                    << ErrorCode::AuthenticationFailed << QString()
                                    << QStringLiteral("401: The authentication you supplied is incorrect");
    QTest::newRow("400 text/plain") << HttpResponse::text(400, "Bad team") << ErrorCode::RemoteValidation << QString()
                                    << QStringLiteral("Bad team");
    QTest::newRow("404 delete") << jsonReply(404, R"({"error": {"code": "CONTACT_NOT_FOUND"}})")
                                << ErrorCode::ContactNotFound << QString() << QStringLiteral("CONTACT_NOT_FOUND");
    QTest::newRow("409 delete blocked") << jsonReply(
        409, R"({"success": false, "error": {"code": "CONTACT_DELETE_BLOCKED", "message": "later"}})")
                                        << ErrorCode::HttpError << QString()
                                        << QStringLiteral("CONTACT_DELETE_BLOCKED");
    QTest::newRow("429") << HttpResponse::text(429, "Too many requests") << ErrorCode::RateLimited << QString()
                         << QStringLiteral("429");
    QTest::newRow("500 html") << HttpResponse::text(500, "<html>oops</html>") << ErrorCode::HttpError << QString()
                              << QStringLiteral("500");
    QTest::newRow("200 not json") << HttpResponse::text(200, "{oops") << ErrorCode::ParseError << QString()
                                  << QStringLiteral("not JSON");
    QTest::newRow("200 empty") << HttpResponse::json(200, {}) << ErrorCode::ParseError << QString() << QString();
    QTest::newRow("200 no id") << jsonReply(200, R"({"success": true, "data": {"fields": 3}})") << ErrorCode::ParseError
                               << QString() << QStringLiteral("no contact id");
}

void TestLemlistProvider::errors()
{
    QFETCH(HttpResponse, reply);
    QFETCH(ErrorCode, code);
    QFETCH(QString, field);
    QFETCH(QString, detail);
    const auto outcome = LemlistProvider().parseUpsertReply(reply);
    QVERIFY(!outcome);
    QCOMPARE(errorCodeName(outcome.error().code), errorCodeName(code));
    QCOMPARE(outcome.error().field, field);
    QVERIFY2(outcome.error().detail.contains(detail), qPrintable(outcome.error().detail));
    QVERIFY(outcome.error().detail.startsWith(QLatin1String("lemlist")));
}

void TestLemlistProvider::listRequest()
{
    ListQuery query;
    query.pageSize = 500; // capped at the documented 100
    query.token.offset = 200;
    query.updatedSince = QDateTime::currentDateTimeUtc(); // no such filter at lemlist: ignored
    const auto spec = LemlistProvider().listRequest(query);
    QVERIFY(spec);
    QCOMPARE(spec->method, HttpMethod::Get);
    QCOMPARE(spec->path, QStringLiteral("/contacts"));
    QCOMPARE(spec->query.query(), QStringLiteral("limit=100&offset=200"));
    QVERIFY(spec->body.isEmpty());
}

void TestLemlistProvider::listReply_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("records");
    QTest::addColumn<qint64>("nextOffset"); // -1: end

    QTest::newRow("data, full page") << 2 << QByteArray(R"({"data": [{"_id": "ctc_1", "email": "a@b.co"},
                                          {"_id": "ctc_2", "email": "b@b.co"}], "total": 5, "limit": 2, "offset": 0})")
                                     << 2 << qint64(2);
    QTest::newRow("data, at total") << 2 << QByteArray(R"({"data": [{"_id": "ctc_1"}, {"_id": "ctc_2"}], "total": 2})")
                                    << 2 << qint64(-1);
    QTest::newRow("contacts key, short page")
        << 2 << QByteArray(R"({"contacts": [{"_id": "ctc_1"}]})") << 1 << qint64(-1);
    QTest::newRow("bare array") << 2 << QByteArray(R"([{"_id": "ctc_1"}, {"_id": "ctc_2"}])") << 2 << qint64(2);
    QTest::newRow("empty") << 2 << QByteArray(R"({"data": [], "total": 0})") << 0 << qint64(-1);
    QTest::newRow("junk rows") << 3 << QByteArray(R"({"data": [1, "x", {"_id": "ctc_1"}]})") << 1 << qint64(3);
}

void TestLemlistProvider::listReply()
{
    QFETCH(int, pageSize);
    QFETCH(QByteArray, body);
    QFETCH(int, records);
    QFETCH(qint64, nextOffset);
    ListQuery query;
    query.pageSize = pageSize;
    const auto page = LemlistProvider().parseListReply(query, HttpResponse::json(200, body));
    QVERIFY(page);
    QCOMPARE(page->records.size(), records);
    QCOMPARE(page->next.has_value(), nextOffset >= 0);
    if (page->next)
        QCOMPARE(page->next->offset, nextOffset);
}

void TestLemlistProvider::readShapes()
{
    // Reads: top-level email, fields{…} with the capital-I linkedInUrl, custom values inside fields.
    LemlistProvider provider;
    RemoteRecord r = provider.readRecord(jsonObject(R"({"_id": "ctc_9", "email": "z@b.co", "fullName": "Z Y",
        "fields": {"firstName": "Z", "linkedInUrl": "https://www.linkedin.com/in/zy", "icebreaker": "Hello",
                   "score": 7, "companyName": "Acme"},
        "additionalEmails": ["z2@b.co"], "ownerId": "usr_2", "unsubscribed": true, "campaigns": []})"));
    QCOMPARE(r.remoteId, QStringLiteral("ctc_9"));
    QCOMPARE(r.patch.value(Field::Email), QStringLiteral("z@b.co"));
    QCOMPARE(r.patch.value(Field::FirstName), QStringLiteral("Z"));
    QCOMPARE(r.patch.value(Field::LinkedinUrl), QStringLiteral("https://www.linkedin.com/in/zy"));
    QCOMPARE(r.patch.extraEmails(), QStringList {QStringLiteral("z2@b.co")});
    QCOMPARE(r.patch.value(Field::DoNotContact), QStringLiteral("true"));
    QCOMPARE(r.patch.value(Field::Owner), QStringLiteral("usr_2"));
    QCOMPARE(r.patch.custom().value(QStringLiteral("icebreaker")), QStringLiteral("Hello"));
    QCOMPARE(r.patch.custom().value(QStringLiteral("score")), QStringLiteral("7"));
    QVERIFY(!r.patch.custom().contains(QStringLiteral("companyName")));
    QVERIFY(!r.patch.has(Field::CompanyName)); // not in design.md's lemlist column

    // With definitions, only defined custom fields come through, under their local key.
    ProviderOptions options;
    options.customFields
        = {RemoteFieldDefinition {QStringLiteral("ice"), {}, QStringLiteral("icebreaker"), {}, {}, {}, false}};
    r = LemlistProvider(options).readRecord(
        jsonObject(R"({"_id": "c", "fields": {"icebreaker": "Hi", "other": "x"}})"));
    QCOMPARE(r.patch.custom(), (QMap<QString, QString> {{QStringLiteral("ice"), QStringLiteral("Hi")}}));
    const auto spec = LemlistProvider(options).upsertRequest(contactFrom(
        {{QStringLiteral("email"), QStringLiteral("a@b.co")}, {QStringLiteral("custom.ice"), QStringLiteral("Yo")}}));
    QCOMPARE(spec->jsonBody(), jsonObject(R"({"email": "a@b.co", "icebreaker": "Yo"})"));
}

void TestLemlistProvider::getAndDelete()
{
    LemlistProvider provider;
    QCOMPARE(provider.getRequest(QStringLiteral("a b@c.co")).path, QStringLiteral("/contacts/a%20b%40c.co"));
    const HttpRequestSpec del = provider.deleteRequest(QStringLiteral("ctc_1"));
    QCOMPARE(del.method, HttpMethod::Delete);
    QCOMPARE(del.path, QStringLiteral("/contacts/ctc_1"));
    QVERIFY(provider.parseDeleteReply(jsonReply(200, R"({"success": true, "deletedContactId": "ctc_1"})")));
    const auto missing = provider.parseDeleteReply(jsonReply(404, R"({"error": {"code": "CONTACT_NOT_FOUND"}})"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code, ErrorCode::ContactNotFound);
    const auto got = provider.parseGetReply(jsonReply(200, R"({"_id": "ctc_1", "email": "a@b.co"})"));
    QVERIFY(got);
    QCOMPARE(got->patch.value(Field::Email), QStringLiteral("a@b.co"));
}

void TestLemlistProvider::fieldDefinitions()
{
    LemlistProvider provider;
    const auto spec = provider.fieldDefinitionsRequest();
    QVERIFY(spec);
    QCOMPARE(spec->path, QStringLiteral("/fields"));
    QCOMPARE(spec->query.query(), QStringLiteral("entity=contact"));
    const auto defs = provider.parseFieldDefinitionsReply(jsonReply(200, R"({"success": true, "data": {"contact": [
        {"name": "firstName", "label": "First name", "type": "text", "source": "default"},
        {"name": "icebreaker", "label": "Icebreaker", "type": "text", "source": "custom"},
        {"name": "Deal Size", "label": "Deal size", "type": "number", "source": "crm_synced"}], "company": []}})"));
    QVERIFY(defs);
    // crm_synced fields are lemlist's copy of another CRM's: refused on an upsert, so not the user's.
    QCOMPARE(defs->size(), 1);
    QCOMPARE(defs->at(0).key, QStringLiteral("icebreaker"));
}

void TestLemlistProvider::computedKeysAreNotCustomFields()
{
    // Without definitions (a key without that scope) every unknown key of `fields` would be a custom field.
    LemlistProvider provider;
    const auto page = provider.parseListReply(ListQuery {}, jsonReply(200, kSpecContacts));
    QVERIFY(page);
    QCOMPARE(page->records.size(), 2);
    const RemoteRecord& john = page->records.at(0);
    QCOMPARE(john.remoteId, QStringLiteral("ctc_xW8Ou6C03Csv8vatp"));
    QCOMPARE(john.patch.value(Field::Email), QStringLiteral("support@lemlist.com"));
    QCOMPARE(john.patch.value(Field::JobTitle), QStringLiteral("Growth Engineer"));
    QCOMPARE(john.patch.value(Field::Industry), QStringLiteral("Technology"));
    QVERIFY2(john.patch.custom().isEmpty(), qPrintable(john.patch.custom().keys().join(u',')));
    QVERIFY(page->records.at(1).patch.custom().isEmpty());

    // A contact that holds one of them from before (an earlier pull, a CSV) does not send it back.
    const auto spec = provider.upsertRequest(
        contactFrom({{QStringLiteral("email"), QStringLiteral("support@lemlist.com")},
                     {QStringLiteral("custom.leadStatus"), QStringLiteral("Marked as not Interested by api")},
                     {QStringLiteral("custom.lastCampaign"), QStringLiteral("NEW TO DELETE")},
                     {QStringLiteral("custom.revenue"), QStringLiteral("12")}}));
    QVERIFY(spec);
    QCOMPARE(spec->jsonBody(), jsonObject(R"({"email": "support@lemlist.com", "revenue": "12"})"));
    QCOMPARE(spec->warnings.size(), 2);
    for (const Error& warning : spec->warnings)
        QCOMPARE(warning.code, ErrorCode::FieldIgnored);
}

void TestLemlistProvider::specFieldDefinitions()
{
    const auto defs = LemlistProvider().parseFieldDefinitionsReply(jsonReply(200, kSpecFields));
    QVERIFY(defs);
    QCOMPARE(defs->size(), 1);
    QCOMPARE(defs->at(0).key, QStringLiteral("revenue"));
    QCOMPARE(defs->at(0).label, QStringLiteral("Annual Revenue"));

    // With them, the read takes the user's field and not the CRM-synced one.
    ProviderOptions options;
    options.customFields = *defs;
    const RemoteRecord r = LemlistProvider(options).readRecord(jsonObject(
        R"({"_id": "ctc_1", "email": "a@b.co", "fields": {"revenue": 1200, "leadStatus": "Open", "lastCampaign": "Q4"}})"));
    QCOMPARE(r.patch.custom(), (QMap<QString, QString> {{QStringLiteral("revenue"), QStringLiteral("1200")}}));
}

void TestLemlistProvider::validateForPush_data()
{
    QTest::addColumn<Contact>("contact");
    QTest::addColumn<bool>("ok");
    QTest::newRow("email") << contactFrom({{QStringLiteral("email"), QStringLiteral("a@b.co")}}) << true;
    QTest::newRow("linkedin") << contactFrom(
        {{QStringLiteral("linkedin_url"), QStringLiteral("https://www.linkedin.com/in/a")}})
                              << true;
    QTest::newRow("sales nav") << contactFrom(
        {{QStringLiteral("sales_nav_url"), QStringLiteral("https://www.linkedin.com/sales/lead/x")}})
                               << true;
    QTest::newRow("phone only") << contactFrom({{QStringLiteral("phone"), QStringLiteral("+33612345678")}}) << false;
}

void TestLemlistProvider::validateForPush()
{
    QFETCH(Contact, contact);
    QFETCH(bool, ok);
    const auto result = LemlistProvider().validateForPush(contact);
    QCOMPARE(result.has_value(), ok);
    if (!ok) {
        QCOMPARE(result.error().code, ErrorCode::MissingIdentifier);
        QVERIFY(!result.error().detail.isEmpty());
    }
}

void TestLemlistProvider::lookupByKey()
{
    // GET /contacts/{idOrEmail} with the email; 404 CONTACT_NOT_FOUND when there is none.
    LemlistProvider provider;
    const Contact contact = contactFrom({{QStringLiteral("email"), QStringLiteral("jane.smith@example.com")}});
    const auto spec = provider.lookupRequest(contact);
    QVERIFY(spec);
    QCOMPARE(spec->method, HttpMethod::Get);
    QCOMPARE(spec->path, QStringLiteral("/contacts/jane.smith%40example.com"));
    auto found = provider.parseLookupReply(
        contact, jsonReply(200, R"({"_id": "ctc_xW8Ou6C03Csv8vatp", "email": "jane.smith@example.com",
                                   "fields": {"firstName": "Jane"}})"));
    QVERIFY(found && *found);
    QCOMPARE((*found)->remoteId, QStringLiteral("ctc_xW8Ou6C03Csv8vatp"));
    found = provider.parseLookupReply(
        contact, jsonReply(404, R"({"error": {"code": "CONTACT_NOT_FOUND", "message": "Contact not found"}})"));
    QVERIFY(found && !*found);
    // Without an email the upsert's LinkedIn match is all there is.
    QCOMPARE(
        provider
            .lookupRequest(contactFrom({{QStringLiteral("linkedin_url"), QStringLiteral("https://linkedin.com/in/j")}}))
            .error()
            .code,
        ErrorCode::UnsupportedByProvider);
}

QTEST_GUILESS_MAIN(TestLemlistProvider)
#include "tst_lemlistprovider.moc"
