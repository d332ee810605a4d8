#include "SyncTestHelpers.h"
#include "sync/monaco/MonacoProvider.h"

#include <QTest>

using namespace roster;
using namespace roster::test;

class TestMonacoProvider final : public QObject
{
    Q_OBJECT

private slots:
    void profile();
    void upsertRequest();
    void tagsWithoutIds();
    void upsertReply();
    void errors_data();
    void errors();
    void list();
    void getDeleteFieldsTags();
    void validateForPush_data();
    void validateForPush();
    void updateById();
    void lookupByKey();
};

namespace {

// 003_*.txt, the request fields' examples.
const char* const kExpected = R"({
  "email": "jane@acme.com", "linkedin_url": "https://linkedin.com/in/janesmith", "first_name": "Jane",
  "last_name": "Smith", "title": "VP of Engineering", "phone_number": "+1-555-123-4567",
  "location": "San Francisco, CA", "domain": "acme.com", "do_not_contact": false,
  "tags": ["2f0c6a1e-0000-4000-8000-000000000001"], "custom_field_3b9d1c2e": "Gold"
})";

// PROVIDERS.md §4, the upsert response shape.
const char* const kReply = R"({"data": {"id": "5e1c0d1a-1111-4222-8333-944455556666", "account_id": "acc-1",
  "first_name": "Jane", "last_name": "Smith", "email": "jane@acme.com", "title": "VP of Engineering",
  "phone_number": "+1-555-123-4567", "linkedin_url": "https://linkedin.com/in/janesmith", "location": "San Francisco, CA",
  "source": "api", "do_not_contact": false, "notes": null, "scoring": null, "tags": ["Customer", "VIP"],
  "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-02T00:00:00Z",
  "custom_field_3b9d1c2e": "Gold", "custom_field_77aa": {"value": "AI said", "reasoning": "r", "confidence": 0.9}},
  "meta": {"timestamp": "2025-01-02T00:00:00Z"}})";

ProviderOptions options()
{
    ProviderOptions o;
    o.customFields = {RemoteFieldDefinition {QStringLiteral("tier"),
                                             QStringLiteral("3b9d1c2e"),
                                             QStringLiteral("custom_field_3b9d1c2e"),
                                             QStringLiteral("Tier"),
                                             {},
                                             {},
                                             false}};
    o.tagIds.insert(QStringLiteral("Customer"), QStringLiteral("2f0c6a1e-0000-4000-8000-000000000001"));
    return o;
}

} // namespace

void TestMonacoProvider::profile()
{
    const ProviderProfile p = MonacoProvider().profile();
    QCOMPARE(p.defaultBaseUrl, QUrl(QStringLiteral("https://api.monaco.com")));
    QVERIFY(p.upsertTimeout >= std::chrono::seconds(30));
    QCOMPARE(p.rateLimits[0].requests, 1000);
    QCOMPARE(p.rateLimits[0].window, std::chrono::milliseconds(3600000));
}

void TestMonacoProvider::upsertRequest()
{
    const auto spec = MonacoProvider(options()).upsertRequest(
        contactFrom({{QStringLiteral("email"), QStringLiteral("jane@acme.com")},
                     {QStringLiteral("linkedin_url"), QStringLiteral("https://linkedin.com/in/janesmith")},
                     {QStringLiteral("first_name"), QStringLiteral("Jane")},
                     {QStringLiteral("last_name"), QStringLiteral("Smith")},
                     {QStringLiteral("job_title"), QStringLiteral("VP of Engineering")},
                     {QStringLiteral("phone"), QStringLiteral("+1-555-123-4567")},
                     {QStringLiteral("location"), QStringLiteral("San Francisco, CA")},
                     {QStringLiteral("company_domain"), QStringLiteral("acme.com")},
                     {QStringLiteral("do_not_contact"), QStringLiteral("false")},
                     {QStringLiteral("tags"), QStringLiteral("Customer")},
                     {QStringLiteral("custom.tier"), QStringLiteral("Gold")}}));
    QVERIFY(spec);
    QCOMPARE(spec->method, HttpMethod::Put);
    QCOMPARE(spec->path, QStringLiteral("/v1/contacts/"));
    QCOMPARE(spec->kind, RequestKind::Upsert);
    QCOMPARE(spec->jsonBody(), jsonObject(kExpected));
    QVERIFY(spec->warnings.isEmpty());
}

void TestMonacoProvider::tagsWithoutIds()
{
    const auto spec
        = MonacoProvider().upsertRequest(contactFrom({{QStringLiteral("email"), QStringLiteral("a@b.co")},
                                                      {QStringLiteral("tags"), QStringLiteral("vip,new")},
                                                      {QStringLiteral("custom.score"), QStringLiteral("7")}}));
    QVERIFY(spec);
    QCOMPARE(spec->jsonBody(), jsonObject(R"({"email": "a@b.co", "custom_field_score": "7"})"));
    QCOMPARE(spec->warnings.size(), 1);
    QCOMPARE(spec->warnings[0].code, ErrorCode::UnsupportedByProvider);
    QCOMPARE(spec->warnings[0].field, QStringLiteral("tags"));
}

void TestMonacoProvider::upsertReply()
{
    const auto outcome = MonacoProvider(options()).parseUpsertReply(jsonReply(200, kReply));
    QVERIFY(outcome);
    QCOMPARE(outcome->remoteId, QStringLiteral("5e1c0d1a-1111-4222-8333-944455556666"));
    QCOMPARE(outcome->disposition, UpsertDisposition::Updated);
    const ContactPatch& p = outcome->record.patch;
    QCOMPARE(p.value(Field::JobTitle), QStringLiteral("VP of Engineering"));
    QCOMPARE(p.value(Field::Phone), QStringLiteral("+1-555-123-4567"));
    QCOMPARE(p.value(Field::DoNotContact), QStringLiteral("false"));
    QCOMPARE(p.tags(), (QStringList {QStringLiteral("Customer"), QStringLiteral("VIP")}));
    QCOMPARE(p.custom().value(QStringLiteral("tier")), QStringLiteral("Gold"));
    QCOMPARE(p.custom().value(QStringLiteral("77aa")), QStringLiteral("AI said"));
}

void TestMonacoProvider::errors_data()
{
    QTest::addColumn<HttpResponse>("reply");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("detail");
    QTest::newRow("401 detail") << jsonReply(401, R"({"detail": "No key found"})") << ErrorCode::AuthenticationFailed
                                << QStringLiteral("401: No key found");
    QTest::newRow("409 two contacts") << jsonReply(
        409, R"({"error": {"code": "conflict", "message": "Identifiers match different contacts"}})")
                                      << ErrorCode::IdentifierTaken
                                      << QStringLiteral("409 conflict: Identifiers match different contacts");
    QTest::newRow("422") << jsonReply(
        422, R"({"error": {"code": "validation_error", "message": "email or linkedin_url required"}})")
                         << ErrorCode::RemoteValidation << QStringLiteral("email or linkedin_url required");
    QTest::newRow("404") << jsonReply(404, R"({"error": {"code": "not_found", "message": "Contact not found"}})")
                         << ErrorCode::ContactNotFound << QStringLiteral("not_found");
    QTest::newRow("502 text") << HttpResponse::text(502, "Bad Gateway") << ErrorCode::HttpError
                              << QStringLiteral("502: Bad Gateway");
    QTest::newRow("200 array") << jsonReply(200, R"([1, 2])") << ErrorCode::ParseError << QString();
}

void TestMonacoProvider::errors()
{
    QFETCH(HttpResponse, reply);
    QFETCH(ErrorCode, code);
    QFETCH(QString, detail);
    const auto outcome = MonacoProvider().parseUpsertReply(reply);
    QVERIFY(!outcome);
    QCOMPARE(errorCodeName(outcome.error().code), errorCodeName(code));
    QVERIFY2(outcome.error().detail.contains(detail), qPrintable(outcome.error().detail));
}

void TestMonacoProvider::list()
{
    MonacoProvider provider;
    ListQuery query;
    query.pageSize = 1000;
    query.token.page = 2;
    query.updatedSince = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    const auto spec = provider.listRequest(query);
    QCOMPARE(spec->path, QStringLiteral("/v1/contacts/list"));
    QCOMPARE(spec->jsonBody(), jsonObject(R"({"page": 2, "page_size": 500, "sort": "updated_at",
        "filters": [{"field": "updated_at", "condition": "greater_than", "value": "2025-01-01T00:00:00.000Z"}]})"));
    query.pageSize = 2;
    auto page = provider.parseListReply(query, jsonReply(200, R"({"data": [{"id": "a"}, {"id": "b"}],
        "pagination": {"page": 2, "page_size": 2, "total_count": 5, "total_pages": 3}, "meta": {}})"));
    QVERIFY(page);
    QCOMPARE(page->records.size(), 2);
    QCOMPARE(page->total, 5);
    QVERIFY(page->next);
    QCOMPARE(page->next->page, 3);
    query.token.page = 3;
    page = provider.parseListReply(query, jsonReply(200, R"({"data": [{"id": "e"}],
        "pagination": {"page": 3, "page_size": 2, "total_count": 5, "total_pages": 3}})"));
    QVERIFY(!page->next);
}

void TestMonacoProvider::getDeleteFieldsTags()
{
    MonacoProvider provider(options());
    QCOMPARE(provider.getRequest(QStringLiteral("id1")).path, QStringLiteral("/v1/contacts/id1"));
    QVERIFY(provider.parseGetReply(jsonReply(200, R"({"data": {"id": "id1"}})")));
    QVERIFY(provider.parseDeleteReply(HttpResponse {204, {}, {}}));
    const auto defs = provider.parseFieldDefinitionsReply(jsonReply(200, R"({"data": [
        {"name": "Email", "key": "email", "type": "string", "custom_field_settings": null},
        {"name": "Deal Tier", "key": "custom_field_3b9d1c2e", "type": "string",
         "custom_field_settings": {"id": "3b9d1c2e", "is_ai_auto_filled": false}}]})"));
    QVERIFY(defs);
    QCOMPARE(defs->size(), 1);
    QCOMPARE(defs->at(0).key, QStringLiteral("deal_tier"));
    QCOMPARE(defs->at(0).remoteKey, QStringLiteral("custom_field_3b9d1c2e"));
    const auto tags = provider.parseTagsReply(jsonReply(200, R"({"data": [{"id": "t1", "name": "VIP"}]})"));
    QVERIFY(tags);
    QCOMPARE(tags->value(QStringLiteral("VIP")), QStringLiteral("t1"));
}

void TestMonacoProvider::validateForPush_data()
{
    QTest::addColumn<Contact>("contact");
    QTest::addColumn<bool>("ok");
    QTest::newRow("email") << contactFrom({{QStringLiteral("email"), QStringLiteral("a@b.co")}}) << true;
    QTest::newRow("linkedin + domain") << contactFrom(
        {{QStringLiteral("linkedin_url"), QStringLiteral("https://www.linkedin.com/in/a")},
         {QStringLiteral("company_domain"), QStringLiteral("acme.com")}})
                                       << true;
    QTest::newRow("linkedin alone") << contactFrom(
        {{QStringLiteral("linkedin_url"), QStringLiteral("https://www.linkedin.com/in/a")}})
                                    << false;
    QTest::newRow("phone") << contactFrom({{QStringLiteral("phone"), QStringLiteral("+15550001111")}}) << false;
}

void TestMonacoProvider::validateForPush()
{
    QFETCH(Contact, contact);
    QFETCH(bool, ok);
    const auto result = MonacoProvider().validateForPush(contact);
    QCOMPARE(result.has_value(), ok);
    if (!ok)
        QCOMPARE(result.error().code, ErrorCode::MissingIdentifier);
}

void TestMonacoProvider::updateById()
{
    // Linked: PATCH /v1/contacts/{contact_id}; `domain` only resolves the account of a new contact.
    MonacoProvider provider;
    const Contact contact = contactFrom({{QStringLiteral("email"), QStringLiteral("jane@acme.com")},
                                         {QStringLiteral("first_name"), QStringLiteral("Jane")},
                                         {QStringLiteral("company_domain"), QStringLiteral("acme.com")}});
    const auto spec = provider.upsertRequest(contact, QStringLiteral("3f0b-uuid"));
    QVERIFY(spec);
    QCOMPARE(spec->method, HttpMethod::Patch);
    QCOMPARE(spec->path, QStringLiteral("/v1/contacts/3f0b-uuid"));
    QCOMPARE(spec->jsonBody(), jsonObject(R"({"email": "jane@acme.com", "first_name": "Jane"})"));
    const auto create = provider.upsertRequest(contact);
    QVERIFY(create);
    QCOMPARE(create->method, HttpMethod::Put);
    QCOMPARE(create->path, QStringLiteral("/v1/contacts/"));
    QCOMPARE(
        provider.parseUpsertReply(jsonReply(404, R"({"error": {"code": "not_found", "message": "Contact not found"}})"))
            .error()
            .code,
        ErrorCode::ContactNotFound);
}

void TestMonacoProvider::lookupByKey()
{
    MonacoProvider provider;
    const Contact contact
        = contactFrom({{QStringLiteral("linkedin_url"), QStringLiteral("https://linkedin.com/in/janesmith")},
                       {QStringLiteral("company_domain"), QStringLiteral("acme.com")}});
    const auto spec = provider.lookupRequest(contact);
    QVERIFY(spec);
    QCOMPARE(spec->path, QStringLiteral("/v1/contacts/list"));
    const QJsonObject expected = jsonObject(R"({"page": 1, "page_size": 20,
        "filters": [{"field": "linkedin_url", "condition": "is", "value": "https://linkedin.com/in/janesmith"}]})");
    QCOMPARE(spec->jsonBody(), expected);
    auto found = provider.parseLookupReply(
        contact, jsonReply(200, R"({"data": [{"id": "c1", "linkedin_url": "https://linkedin.com/in/janesmith/"}],
                                   "pagination": {"page": 1, "page_size": 20, "total_count": 1, "total_pages": 1}})"));
    QVERIFY(found && *found);
    QCOMPARE((*found)->remoteId, QStringLiteral("c1"));
}

QTEST_GUILESS_MAIN(TestMonacoProvider)
#include "tst_monacoprovider.moc"
