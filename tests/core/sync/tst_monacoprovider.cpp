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
    void tagListQuery();
    void createTag();
    void badTagNames_data();
    void badTagNames();
    void enumDefinitions();
    void enumPush_data();
    void enumPush();
    void enumRead();
    void getExample();
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
    QCOMPARE(spec->warnings[0].code, ErrorCode::TagsIgnored);
    QCOMPARE(spec->warnings[0].field, QStringLiteral("tags"));
    // Monaco's API creates tags now: the warning says these could not be, and names them.
    QVERIFY2(spec->warnings[0].detail.contains(QStringLiteral("could not be created")),
             qPrintable(spec->warnings[0].detail));
    QVERIFY(spec->warnings[0].detail.contains(QStringLiteral("vip, new")));
    QVERIFY(!spec->warnings[0].detail.contains(QStringLiteral("cannot create")));

    // A tag the sync already reported once (with why) is not repeated on each contact.
    ProviderOptions o;
    o.unavailableTags.insert(QStringLiteral("VIP"), QStringLiteral("refused"));
    const auto reported = MonacoProvider(o).upsertRequest(contactFrom(
        {{QStringLiteral("email"), QStringLiteral("a@b.co")}, {QStringLiteral("tags"), QStringLiteral("vip,new")}}));
    QVERIFY(reported);
    QCOMPARE(reported->warnings.size(), 1);
    QVERIFY(reported->warnings[0].detail.endsWith(QStringLiteral(": new")));
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

namespace {

// Monaco's OpenAPI, GET /v1/tags/ and POST /v1/tags/ 200 examples.
const char* const kTagsExample = R"({"data": [{"id": "550e8400-e29b-41d4-a716-446655440000", "name": "Enterprise",
  "color": "blue"}], "meta": {"timestamp": "2026-04-21T12:00:00Z"}})";
const char* const kCreateTagExample = R"({"data": {"id": "550e8400-e29b-41d4-a716-446655440000", "name": "Enterprise",
  "color": "blue"}, "meta": {"timestamp": "2026-04-21T12:00:00Z"}})";

// Monaco's OpenAPI, GET /v1/schemas/{entity} 200 example, verbatim.
const char* const kSchemaExample = R"({"data": [{"name": "Name", "key": "name", "type": "string", "filterable": true,
  "sortable": true, "updatable": true, "allowed_operators": ["contains", "not_contains", "is_empty", "is_not_empty",
  "equals", "not_equals"]}, {"name": "Status", "key": "status", "type": "enum", "filterable": true, "sortable": true,
  "updatable": true, "allowed_operators": ["is", "is_not", "is_empty", "is_not_empty"], "enum_field_settings":
  {"allowed_values": [{"key": "NEW", "display_value": "New"}, {"key": "PROSPECTING", "display_value": "Prospecting"},
  {"key": "ENGAGED", "display_value": "Engaged"}, {"key": "CUSTOMER", "display_value": "Customer"}]}}, {"name": "Owner",
  "key": "owner", "type": "uuid", "filterable": true, "sortable": false, "updatable": true, "allowed_operators": ["is",
  "is_not", "is_empty", "is_not_empty"], "enum_field_settings": {"allowed_values": [{"key": "usr_abc123",
  "display_value": "Jane Smith"}, {"key": "usr_def456", "display_value": "John Doe"}]}}, {"name": "Employee Count",
  "key": "employee_count", "type": "number", "parent": "company", "filterable": true, "sortable": true, "updatable":
  false, "allowed_operators": ["equals", "not_equals", "greater_than", "less_than", "greater_than_or_equals",
  "less_than_or_equals", "is_empty", "is_not_empty"]}, {"name": "Last Funding Date", "key": "last_funding_date", "type":
  "date", "parent": "company", "filterable": true, "sortable": true, "updatable": false, "allowed_operators": ["is",
  "is_not", "equals", "not_equals", "greater_than", "less_than", "greater_than_or_equals", "less_than_or_equals",
  "is_empty", "is_not_empty"], "enum_field_settings": {"allowed_values": [{"key": "previous_week", "display_value":
  "Previous week"}, {"key": "previous_month", "display_value": "Previous month"}, {"key": "previous_quarter",
  "display_value": "Previous quarter"}]}}, {"name": "Customer Fit", "key":
  "custom_field_550e8400-e29b-41d4-a716-446655440001", "type": "enum", "filterable": true, "sortable": true,
  "updatable": true, "allowed_operators": ["is", "is_not", "is_empty", "is_not_empty"], "custom_field_settings": {"id":
  "550e8400-e29b-41d4-a716-446655440001", "is_ai_auto_filled": false}, "enum_field_settings": {"allowed_values":
  [{"key": "high", "display_value": "High"}, {"key": "medium", "display_value": "Medium"}]}}], "meta": {"timestamp":
  "2026-04-21T12:00:00Z"}})";

// Monaco's OpenAPI, GET /v1/contacts/{contact_id} 200 example, verbatim.
const char* const kGetExample = R"({"data": {"id": "con_abc123", "account_id": "acc_def456", "first_name": "Jane",
  "last_name": "Smith", "email": "jane@acme.com", "title": "VP of Engineering", "phone_number": "+1-555-123-4567",
  "linkedin_url": "https://linkedin.com/in/janesmith", "location": "San Francisco, CA", "source": "linkedin",
  "do_not_contact": false, "notes": "Met at SaaStr 2025", "scoring": {"heat_score": "Hot"}, "heat_score_explanation":
  {"explanations": [{"signal_type": "intent", "signal_point": "Opened last 3 emails"}], "firmographic": []}, "tags":
  ["Interested", "Decision Maker"], "created_at": "2025-06-15T10:30:00Z", "updated_at": "2025-06-16T10:30:00Z",
  "custom_field_1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d": "economic_buyer", "custom_field_2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e":
  "2026-04-18", "custom_field_explanations": {"custom_field_1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d": {"title":
  "Reasoning", "body": "Held budget authority in the last two deals.", "confidence": "high"}}}, "meta": {"timestamp":
  "2026-04-21T12:00:00Z"}})";

const QString kFitKey = QStringLiteral("custom_field_550e8400-e29b-41d4-a716-446655440001");

// The schema example's definitions, as the sync job hands them to the adapter.
ProviderOptions schemaOptions()
{
    ProviderOptions o;
    o.customFields = *MonacoProvider().parseFieldDefinitionsReply(jsonReply(200, kSchemaExample));
    return o;
}

} // namespace

void TestMonacoProvider::tagListQuery()
{
    // `object` is required on GET /v1/tags/: tags are per object type.
    const auto spec = MonacoProvider().tagsRequest();
    QVERIFY(spec);
    QCOMPARE(spec->method, HttpMethod::Get);
    QCOMPARE(spec->path, QStringLiteral("/v1/tags/"));
    QCOMPARE(spec->query.toString(), QStringLiteral("object=contacts"));
    const auto tags = MonacoProvider().parseTagsReply(jsonReply(200, kTagsExample));
    QVERIFY(tags);
    QCOMPARE(*tags,
             (QMap<QString, QString> {
                 {QStringLiteral("Enterprise"), QStringLiteral("550e8400-e29b-41d4-a716-446655440000")}}));
}

void TestMonacoProvider::createTag()
{
    MonacoProvider provider;
    const auto spec = provider.createTagRequest(QStringLiteral("Enterprise"));
    QVERIFY(spec);
    QCOMPARE(spec->method, HttpMethod::Post);
    QCOMPARE(spec->path, QStringLiteral("/v1/tags/"));
    QVERIFY(spec->query.isEmpty());
    QCOMPARE(spec->jsonBody(), jsonObject(R"({"object": "contacts", "name": "Enterprise"})"));
    QVERIFY(!spec->idempotent);
    QCOMPARE(provider.createTagRequest(QStringLiteral("Hot Lead"))->jsonBody().value(QLatin1String("name")),
             QJsonValue(QStringLiteral("Hot Lead")));

    const auto id = provider.parseCreateTagReply(jsonReply(200, kCreateTagExample));
    QVERIFY(id);
    QCOMPARE(*id, QStringLiteral("550e8400-e29b-41d4-a716-446655440000"));
    const auto taken = provider.parseCreateTagReply(
        jsonReply(409, R"({"error": {"code": "conflict", "message": "Tag already exists"}})"));
    QVERIFY(!taken);
    QVERIFY2(taken.error().detail.contains(QStringLiteral("Tag already exists")), qPrintable(taken.error().detail));
    QCOMPARE(provider.parseCreateTagReply(jsonReply(401, R"({"detail": "No key found"})")).error().code,
             ErrorCode::AuthenticationFailed);
    QCOMPARE(provider.parseCreateTagReply(jsonReply(200, R"({"data": {"name": "Enterprise"}})")).error().code,
             ErrorCode::ParseError);
}

void TestMonacoProvider::badTagNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");
    const QString pattern = QStringLiteral("Monaco tag names take letters, numbers and spaces only");
    QTest::newRow("hyphen") << "follow-up" << pattern;
    QTest::newRow("ampersand") << "R&D" << pattern;
    QTest::newRow("accent") << QStringLiteral("Numéro") << pattern;
    QTest::newRow("emoji") << QStringLiteral("hot 🔥") << pattern;
    QTest::newRow("101 characters") << QString(101, u'a') << QStringLiteral("at most 100 characters");
    QTest::newRow("empty") << "" << QStringLiteral("blank");
    QTest::newRow("blank") << "   " << QStringLiteral("blank");
}

void TestMonacoProvider::badTagNames()
{
    // TagCreateRequest.name: 1 to 100 characters matching ^[a-zA-Z0-9\s]+$. Refused before any request.
    QFETCH(QString, name);
    QFETCH(QString, reason);
    const auto spec = MonacoProvider().createTagRequest(name);
    QVERIFY(!spec);
    QCOMPARE(spec.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(spec.error().detail.contains(reason), qPrintable(spec.error().detail));
    QVERIFY(MonacoProvider().createTagRequest(QString(100, u'a')));
    QVERIFY(MonacoProvider().createTagRequest(QStringLiteral("Tier 2 Accounts")));
}

void TestMonacoProvider::enumDefinitions()
{
    // Standard fields (Status, Owner) are not custom; the date's allowed_values are filter periods.
    const auto defs = MonacoProvider().parseFieldDefinitionsReply(jsonReply(200, kSchemaExample));
    QVERIFY(defs);
    QCOMPARE(defs->size(), 1);
    const RemoteFieldDefinition& fit = defs->first();
    QCOMPARE(fit.key, QStringLiteral("customer_fit"));
    QCOMPARE(fit.remoteKey, kFitKey);
    QCOMPARE(fit.remoteId, QStringLiteral("550e8400-e29b-41d4-a716-446655440001"));
    QCOMPARE(fit.type, QStringLiteral("enum"));
    QCOMPARE(fit.options.size(), 2);
    QCOMPARE(fit.options[0].key, QStringLiteral("high"));
    QCOMPARE(fit.options[0].label, QStringLiteral("High"));
    QCOMPARE(fit.options[1].key, QStringLiteral("medium"));
    QCOMPARE(fit.options[1].label, QStringLiteral("Medium"));
    QVERIFY(!fit.multiple);
}

void TestMonacoProvider::enumPush_data()
{
    QTest::addColumn<QString>("local");
    QTest::addColumn<QString>("sent"); // empty: not sent
    QTest::newRow("label") << "High"
                           << "high";
    QTest::newRow("key") << "high"
                         << "high";
    QTest::newRow("label, other case") << "MEDIUM"
                                       << "medium";
    QTest::newRow("key, other case") << "Medium"
                                     << "medium";
    QTest::newRow("spaces") << " medium "
                            << "medium";
    QTest::newRow("no such option") << "Low"
                                    << "";
}

void TestMonacoProvider::enumPush()
{
    // Enum and select custom fields take the option key, not its display value.
    QFETCH(QString, local);
    QFETCH(QString, sent);
    const auto spec = MonacoProvider(schemaOptions())
                          .upsertRequest(contactFrom({{QStringLiteral("email"), QStringLiteral("jane@acme.com")},
                                                      {QStringLiteral("custom.customer_fit"), local}}));
    QVERIFY(spec);
    if (!sent.isEmpty()) {
        QCOMPARE(spec->jsonBody(),
                 (QJsonObject {{QStringLiteral("email"), QStringLiteral("jane@acme.com")}, {kFitKey, sent}}));
        QVERIFY(spec->warnings.isEmpty());
        return;
    }
    // Monaco would refuse the whole contact: the rest goes, the value stays here, said on the contact.
    QCOMPARE(spec->jsonBody(), jsonObject(R"({"email": "jane@acme.com"})"));
    QCOMPARE(spec->warnings.size(), 1);
    const Error& warning = spec->warnings.first();
    QCOMPARE(warning.code, ErrorCode::InvalidCustomFieldValue);
    QCOMPARE(warning.field, QStringLiteral("custom.customer_fit"));
    for (const QString& part : {QStringLiteral("Customer Fit"), local, QStringLiteral("High, Medium")})
        QVERIFY2(warning.detail.contains(part), qPrintable(warning.detail));
}

void TestMonacoProvider::enumRead()
{
    // A key comes back as its label, which the push turns into the same key: no change either way.
    MonacoProvider provider(schemaOptions());
    const RemoteRecord record = provider.readRecord(
        jsonObject(R"({"id": "c1", "custom_field_550e8400-e29b-41d4-a716-446655440001": "high"})"));
    QCOMPARE(record.patch.custom().value(QStringLiteral("customer_fit")), QStringLiteral("High"));
    const auto spec
        = provider.upsertRequest(contactFrom({{QStringLiteral("email"), QStringLiteral("a@b.co")},
                                              {QStringLiteral("custom.customer_fit"), QStringLiteral("High")}}));
    QCOMPARE(spec->jsonBody().value(kFitKey).toString(), QStringLiteral("high"));
    // include_reasoning wraps the key; a value Monaco no longer offers is kept as it came.
    QCOMPARE(provider
                 .readRecord(jsonObject(R"({"id": "c1", "custom_field_550e8400-e29b-41d4-a716-446655440001":
                                          {"value": "medium", "reasoning": "r", "confidence": 0.8}})"))
                 .patch.custom()
                 .value(QStringLiteral("customer_fit")),
             QStringLiteral("Medium"));
    QCOMPARE(
        provider.readRecord(jsonObject(R"({"id": "c1", "custom_field_550e8400-e29b-41d4-a716-446655440001": "low"})"))
            .patch.custom()
            .value(QStringLiteral("customer_fit")),
        QStringLiteral("low"));
}

void TestMonacoProvider::getExample()
{
    ProviderOptions o;
    o.customFields = {RemoteFieldDefinition {QStringLiteral("buying_role"),
                                             QStringLiteral("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"),
                                             QStringLiteral("custom_field_1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"),
                                             QStringLiteral("Buying Role"),
                                             QStringLiteral("string"),
                                             {},
                                             false}};
    const MonacoProvider withDefinitions(o);
    const MonacoProvider without;
    for (const MonacoProvider* p : {&withDefinitions, &without}) {
        const MonacoProvider& provider = *p;
        const auto record = provider.parseGetReply(jsonReply(200, kGetExample));
        QVERIFY(record);
        QCOMPARE(record->remoteId, QStringLiteral("con_abc123"));
        QCOMPARE(record->patch.value(Field::JobTitle), QStringLiteral("VP of Engineering"));
        QCOMPARE(record->patch.tags(), (QStringList {QStringLiteral("Interested"), QStringLiteral("Decision Maker")}));
        const auto custom = record->patch.custom();
        const QString roleKey = provider.options().customFields.isEmpty()
            ? QStringLiteral("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")
            : QStringLiteral("buying_role");
        QCOMPARE(custom.value(roleKey), QStringLiteral("economic_buyer"));
        QCOMPARE(custom.value(QStringLiteral("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e")), QStringLiteral("2026-04-18"));
        // custom_field_explanations is Monaco's reasoning about the others, not a field.
        QCOMPARE(custom.size(), 2);
        QVERIFY(!custom.contains(QStringLiteral("explanations")));
    }
    // Nor is any other structure that is not a {value, ...} wrapper.
    const RemoteRecord record = MonacoProvider().readRecord(jsonObject(
        R"({"id": "c1", "custom_field_a": [{"value": "x"}], "custom_field_b": {"title": "t"}, "custom_field_c": ["x", "y"]})"));
    QCOMPARE(record.patch.custom().keys(), QStringList {QStringLiteral("c")});
}

QTEST_GUILESS_MAIN(TestMonacoProvider)
#include "tst_monacoprovider.moc"
