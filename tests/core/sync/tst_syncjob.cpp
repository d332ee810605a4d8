#include "FaultPlan.h"
#include "LemlistEmulator.h"
#include "MonacoEmulator.h"
#include "SyncFixture.h"
#include "store/RemoteLinkStore.h"
#include "store/SyncLease.h"
#include "store/SyncRunLog.h"
#include "sync/PushRun.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>

using namespace roster;
using namespace roster::test;

namespace {

// Each CRM's published limit shrunk so a test sends hundreds of requests in a few seconds.
double scaleFor(const QString& provider)
{
    if (provider == QLatin1String("lemlist"))
        return 0.05;
    if (provider == QLatin1String("getsales"))
        return 0.02;
    if (provider == QLatin1String("highlevel"))
        return 0.05;
    return 0.002; // monaco: 1,000 per hour
}

void addProviders()
{
    QTest::addColumn<QString>("provider");
    for (const char* name : {"lemlist", "getsales", "highlevel", "monaco"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

// An upsert body as each CRM's endpoint takes it, for seeding the emulators directly.
QJsonObject seedBody(const QString& provider, int i)
{
    const QString email = QStringLiteral("r%1@remote.example").arg(i);
    const QString linkedin = QStringLiteral("https://www.linkedin.com/in/remote-%1").arg(i);
    if (provider == QLatin1String("lemlist"))
        return {{"email", email}, {"firstName", QStringLiteral("R%1").arg(i)}, {"linkedinUrl", linkedin}};
    if (provider == QLatin1String("getsales"))
        return {
            {"lead",
             QJsonObject {{"linkedin_id", linkedin}, {"first_name", QStringLiteral("R%1").arg(i)}, {"email", email}}}};
    if (provider == QLatin1String("highlevel"))
        return {{"email", email},
                {"firstName", QStringLiteral("R%1").arg(i)},
                {"locationId", emulator::HighLevelEmulator::defaultLocationId()}};
    return {{"email", email}, {"first_name", QStringLiteral("R%1").arg(i)}};
}

} // namespace

class TestSyncJob final : public QObject
{
    Q_OBJECT

private slots:
    void countsCreatedOrUpdated_data();
    void countsCreatedOrUpdated();
    void createThenUpdate_data() { addProviders(); }
    void createThenUpdate();
    void emptyValuesKeepRemote_data() { addProviders(); }
    void emptyValuesKeepRemote();
    void customFields_data() { addProviders(); }
    void customFields();
    void tagsReplaceOnHighLevel();
    void monacoTagIds_data();
    void monacoTagIds();
    void monacoCreatesTagsAndSendsOptionKeys();
    void monacoDryRunCreatesNoTag();
    void skippedWithReason();
    void remoteErrorPerRecord();
    void unknownCustomFieldReported();
    void authenticationFailureStopsWithoutSecret();
    void pullPages_data();
    void pullPages();
    void rateLimitStorm_data() { addProviders(); }
    void rateLimitStorm();
    void runsAndErrorsRecorded();
    void leaseHeldElsewhere();
};

void TestSyncJob::createThenUpdate()
{
    QFETCH(QString, provider);
    SyncFixture f(provider, scaleFor(provider));
    f.addContacts(0, 5);
    SyncReport first = f.sync(true, false);
    QVERIFY2(first.ok(), qPrintable(QJsonDocument(first.toJson()).toJson()));
    QCOMPARE(first.pushed.created, 5);
    QCOMPARE(f.emulator().recordCount(), 5);

    ContactPatch edit;
    edit.set(Field::Email, QStringLiteral("u1@example.com"));
    edit.set(Field::FirstName, QStringLiteral("Renamed"));
    QVERIFY(f.session().engine().upsert(edit, UpsertPolicies::local(), {QStringLiteral("manual"), {}}));
    SyncReport second = f.sync(true, false);
    QVERIFY(second.ok());
    QCOMPARE(second.pushed.updated, 1);
    QCOMPARE(second.pushed.unchanged, 4);
    QCOMPARE(second.transport.requests, 1);
    QCOMPARE(f.emulator().recordCount(), 5);
    QVERIFY(f.remoteText().contains(QStringLiteral("Renamed")));

    // Nothing changed: nothing sent.
    SyncReport third = f.sync(true, false);
    QCOMPARE(third.transport.requests, 0);
    QCOMPARE(third.pushed.unchanged, 5);

    // A full sync pulls the records back and links them, and leaves nothing to push afterwards.
    SyncReport full = f.sync(true, true);
    QVERIFY2(full.ok(), qPrintable(QJsonDocument(full.toJson()).toJson()));
    QCOMPARE(full.pulled.created, 0);
    QCOMPARE(full.pulled.failed, 0);
    QCOMPARE(f.session().contacts().count(), 5);
    QCOMPARE(f.sync(true, false).transport.requests, 0);
}

void TestSyncJob::countsCreatedOrUpdated_data()
{
    QTest::addColumn<int>("disposition");
    QTest::addColumn<QString>("linked");
    QTest::addColumn<QString>("reply");
    QTest::addColumn<bool>("created");
    const int created = int(UpsertDisposition::Created), updated = int(UpsertDisposition::Updated),
              unknown = int(UpsertDisposition::Unknown);
    QTest::newRow("first push, reply says created") << created << ""
                                                    << "r1" << true;
    QTest::newRow("first push, matched an existing record") << updated << ""
                                                            << "r1" << false;
    QTest::newRow("first push, reply does not say") << unknown << ""
                                                    << "r1" << true;
    // Monaco hints creation by equal timestamps, which a quick update in the same millisecond also has.
    QTest::newRow("linked record, reply looks created") << created << "r1"
                                                        << "r1" << false;
    QTest::newRow("linked record, reply does not say") << unknown << "r1"
                                                       << "r1" << false;
    QTest::newRow("linked record was deleted remotely, recreated") << created << "r1"
                                                                   << "r2" << true;
}

void TestSyncJob::countsCreatedOrUpdated()
{
    QFETCH(int, disposition);
    QFETCH(QString, linked);
    QFETCH(QString, reply);
    QFETCH(bool, created);
    QCOMPARE(PushRun::countsAsCreated(static_cast<UpsertDisposition>(disposition), linked, reply), created);
}

void TestSyncJob::emptyValuesKeepRemote()
{
    QFETCH(QString, provider);
    SyncFixture f(provider, scaleFor(provider));
    f.addContacts(0, 1);
    QVERIFY(f.sync(true, false).ok());
    QVERIFY(f.remoteText().contains(QStringLiteral("First0")));
    ContactPatch edit;
    edit.set(Field::Email, QStringLiteral("u0@example.com"));
    edit.clear(Field::FirstName);
    edit.set(Field::LastName, QStringLiteral("Changed"));
    auto result = f.session().engine().upsert(edit, UpsertPolicies::local(), {QStringLiteral("manual"), {}});
    QVERIFY(result);
    SyncReport report = f.sync(true, false);
    QVERIFY(report.ok());
    QCOMPARE(report.pushed.updated, 1);
    // An empty local value is "absent" on the wire: the CRM keeps what it had.
    QVERIFY(f.remoteText().contains(QStringLiteral("First0")));
    QVERIFY(f.remoteText().contains(QStringLiteral("Changed")));
}

void TestSyncJob::customFields()
{
    QFETCH(QString, provider);
    SyncFixture f(provider, scaleFor(provider));
    QCOMPARE(f.emulator().registerCustomFields(
                 QJsonArray {QJsonObject {{"name", "score"}, {"key", "score"}, {"label", "score"}, {"type", "text"}}}),
             QString());
    f.addContacts(0, 2, {{QStringLiteral("custom.score"), QStringLiteral("s-77")}});
    SyncReport report = f.sync(true, false);
    QVERIFY2(report.ok(), qPrintable(QJsonDocument(report.toJson()).toJson()));
    QCOMPARE(report.pushed.created, 2);
    QVERIFY2(f.remoteText().contains(QStringLiteral("s-77")), qPrintable(f.remoteText()));
    // The definitions are fetched once per run: one request beyond the upserts.
    QCOMPARE(report.transport.requests, 3);
}

void TestSyncJob::tagsReplaceOnHighLevel()
{
    SyncFixture f(QStringLiteral("highlevel"), scaleFor(QStringLiteral("highlevel")));
    f.addContacts(0, 1, {{QStringLiteral("tags"), QStringLiteral("vip,beta")}});
    QVERIFY(f.sync(true, false).ok());
    QVERIFY(f.remoteText().contains(QStringLiteral("vip")));
    ContactPatch edit;
    edit.set(Field::Email, QStringLiteral("u0@example.com"));
    edit.setTags({QStringLiteral("gold")}, TagMode::Replace);
    QVERIFY(f.session().engine().upsert(edit, UpsertPolicies::local(), {QStringLiteral("manual"), {}}));
    QVERIFY(f.sync(true, false).ok());
    QVERIFY(f.remoteText().contains(QStringLiteral("gold")));
    QVERIFY(!f.remoteText().contains(QStringLiteral("vip")));
}

void TestSyncJob::monacoTagIds_data()
{
    QTest::addColumn<QString>("localTags");
    QTest::addColumn<QString>("unknownTag");
    QTest::newRow("same spelling") << "vip,lead,unknown"
                                   << "unknown";
    // People type tags as they like; Monaco's are named in its UI.
    QTest::newRow("other case") << "VIP,Lead,Unknown"
                                << "Unknown";
}

void TestSyncJob::monacoTagIds()
{
    QFETCH(QString, localTags);
    QFETCH(QString, unknownTag);
    SyncFixture f(QStringLiteral("monaco"), scaleFor(QStringLiteral("monaco")));
    auto& monaco = static_cast<emulator::MonacoEmulator&>(f.emulator());
    monaco.addTag(QStringLiteral("5b0c3f1e-7a41-4f7e-9d2a-0c6f1a9e8b11"), QStringLiteral("vip"));
    monaco.addTag(QStringLiteral("c2e9d4a7-1b3f-4c58-8e6d-3f7a2b9c0d22"), QStringLiteral("lead"));
    f.addContacts(0, 1, {{QStringLiteral("tags"), localTags}});

    SyncReport first = f.sync(true, false);
    QVERIFY2(first.ok(), qPrintable(QJsonDocument(first.toJson()).toJson()));
    QCOMPARE(first.pushed.created, 1);
    QCOMPARE(first.pushed.failed, 0);
    QVERIFY(first.skipped.isEmpty());
    // The tag list once, the tag Monaco lacks created, then the upsert; the emulator refuses unknown ids,
    // and stores names for the ids.
    QCOMPARE(f.emulator().requestCount(QStringLiteral("tags")), 1);
    QCOMPARE(f.emulator().requestCount(QStringLiteral("createTag")), 1);
    QCOMPARE(f.emulator().requestCount(QStringLiteral("upsert")), 1);
    const QJsonArray records = f.emulator().recordsJson();
    QCOMPARE(records.size(), 1);
    QStringList remoteTags;
    for (const QJsonValue& tag : records.first().toObject().value(QLatin1String("tags")).toArray())
        remoteTags << tag.toString();
    remoteTags.sort(Qt::CaseInsensitive);
    QCOMPARE(remoteTags, (QStringList {QStringLiteral("lead"), unknownTag, QStringLiteral("vip")}));
    QVERIFY2(first.warnings.isEmpty(), qPrintable(QJsonDocument(first.toJson()).toJson()));

    // Nothing changed: no upsert, only the tag list the fingerprints are computed with.
    SyncReport second = f.sync(true, false);
    QVERIFY2(second.ok(), qPrintable(QJsonDocument(second.toJson()).toJson()));
    QCOMPARE(second.pushed.unchanged, 1);
    QCOMPARE(second.pushed.created + second.pushed.updated + second.pushed.failed, 0);
    QCOMPARE(second.transport.requests, 1);
    QCOMPARE(f.emulator().requestCount(QStringLiteral("upsert")), 1);
    QCOMPARE(f.emulator().requestCount(QStringLiteral("createTag")), 1);
    QVERIFY(second.warnings.isEmpty());

    // Pulling back the remote record loses no local tag, nor adds one in another spelling.
    SyncReport pulled = f.sync(false, true);
    QVERIFY2(pulled.ok(), qPrintable(QJsonDocument(pulled.toJson()).toJson()));
    QStringList storedTags;
    f.session().contacts().forEach([&](const Contact& c) {
        storedTags += c.tags;
        return true;
    });
    QCOMPARE(storedTags.size(), 3);
    QVERIFY(storedTags.contains(unknownTag));
}

namespace {

// Monaco's OpenAPI, the schema example's "Customer Fit" enum custom field.
const char* const kCustomerFit = R"([{"id": "550e8400-e29b-41d4-a716-446655440001", "name": "Customer Fit",
    "type": "enum", "allowed_values": [{"key": "high", "display_value": "High"},
    {"key": "medium", "display_value": "Medium"}]}])";
const QLatin1String kFitKey("custom_field_550e8400-e29b-41d4-a716-446655440001");
const QList<std::pair<QString, QString>> kTaggedFit
    = {{QStringLiteral("tags"), QStringLiteral("Enterprise,Hot Lead,follow-up")},
       {QStringLiteral("custom.customer_fit"), QStringLiteral("Medium")}};

QStringList warningsAbout(const SyncReport& report, const QString& text)
{
    QStringList out;
    for (const SyncReport::Issue& warning : report.warnings) {
        if (warning.message.contains(text))
            out << warning.message;
    }
    return out;
}

} // namespace

void TestSyncJob::monacoCreatesTagsAndSendsOptionKeys()
{
    SyncFixture f(QStringLiteral("monaco"), scaleFor(QStringLiteral("monaco")));
    auto& monaco = static_cast<emulator::MonacoEmulator&>(f.emulator());
    const QString enterprise = QStringLiteral("550e8400-e29b-41d4-a716-446655440000");
    monaco.addTag(enterprise, QStringLiteral("Enterprise"));
    QVERIFY(monaco.registerCustomFields(QJsonDocument::fromJson(kCustomerFit).array()).isEmpty());
    f.addContacts(0, 3, kTaggedFit);

    SyncReport first = f.sync(true, false);
    const QByteArray json = QJsonDocument(first.toJson()).toJson();
    QVERIFY2(first.ok(), json.constData());
    QCOMPARE(first.pushed.created, 3);
    // "Hot Lead" is created once for the three contacts; "follow-up" is no name Monaco takes: no request.
    QCOMPARE(f.emulator().requestCount(QStringLiteral("createTag")), 1);
    const QJsonArray tags = monaco.tagsJson();
    QCOMPARE(tags.size(), 2);
    QString hotLead;
    for (const QJsonValue& tag : tags) {
        if (tag.toObject().value(QLatin1String("name")).toString() == QLatin1String("Hot Lead"))
            hotLead = tag.toObject().value(QLatin1String("id")).toString();
    }
    QVERIFY(!hotLead.isEmpty());
    // The emulator takes ids and keeps names; an unknown id or an option label would have been refused.
    for (const QJsonValue& record : f.emulator().recordsJson()) {
        QCOMPARE(record.toObject().value(QLatin1String("tags")).toArray(),
                 (QJsonArray {QStringLiteral("Enterprise"), QStringLiteral("Hot Lead")}));
        QCOMPARE(record.toObject().value(kFitKey).toString(), QStringLiteral("medium"));
    }
    // One warning for the tag, not one per contact, saying why.
    QCOMPARE(first.warnings.size(), 1);
    QCOMPARE(warningsAbout(first, QStringLiteral("follow-up")).size(), 1);
    QCOMPARE(first.warnings.first().code, ErrorCode::TagsIgnored);
    QVERIFY2(first.warnings.first().message.contains(QStringLiteral("letters, numbers and spaces only")),
             json.constData());

    // Nothing changed: nothing sent but the definitions and the tag list; no tag created twice.
    SyncReport second = f.sync(true, false);
    QVERIFY2(second.ok(), qPrintable(QJsonDocument(second.toJson()).toJson()));
    QCOMPARE(second.pushed.unchanged, 3);
    QCOMPARE(second.pushed.created + second.pushed.updated + second.pushed.failed, 0);
    QCOMPARE(second.transport.requests, 2);
    QCOMPARE(f.emulator().requestCount(QStringLiteral("upsert")), 3);
    QCOMPARE(f.emulator().requestCount(QStringLiteral("createTag")), 1);
    QCOMPARE(warningsAbout(second, QStringLiteral("follow-up")).size(), 1);

    // The option comes back as its key, kept here as its label: no change on either side.
    SyncReport full = f.sync(true, true);
    QVERIFY2(full.ok(), qPrintable(QJsonDocument(full.toJson()).toJson()));
    QCOMPARE(full.pulled.updated, 0);
    QCOMPARE(full.pushed.created + full.pushed.updated, 0);
    QCOMPARE(full.conflicts, 0);
    QStringList fits;
    f.session().contacts().forEach([&](const Contact& c) {
        fits << c.custom.value(QStringLiteral("customer_fit"));
        return true;
    });
    QCOMPARE(fits, QStringList(3, QStringLiteral("Medium")));
    const SyncReport after = f.sync(true, false);
    QCOMPARE(after.pushed.unchanged, 3);
    QCOMPARE(after.transport.requests, 2);
    QCOMPARE(f.emulator().requestCount(QStringLiteral("upsert")), 3);
}

void TestSyncJob::monacoDryRunCreatesNoTag()
{
    SyncFixture f(QStringLiteral("monaco"), scaleFor(QStringLiteral("monaco")));
    auto& monaco = static_cast<emulator::MonacoEmulator&>(f.emulator());
    monaco.addTag(QStringLiteral("550e8400-e29b-41d4-a716-446655440000"), QStringLiteral("Enterprise"));
    QVERIFY(monaco.registerCustomFields(QJsonDocument::fromJson(kCustomerFit).array()).isEmpty());
    f.addContacts(0, 3, kTaggedFit);

    SyncJob::Options dry;
    dry.dryRun = true;
    const SyncReport report = f.sync(dry);
    const QByteArray json = QJsonDocument(report.toJson()).toJson();
    QVERIFY2(report.ok(), json.constData());
    QCOMPARE(f.emulator().requestCount(QStringLiteral("createTag")), 0);
    QCOMPARE(monaco.tagsJson().size(), 1);
    QCOMPARE(f.emulator().recordCount(), 0);
    // Said once: which tag a real run would create, and which it could not.
    const QStringList wouldCreate = warningsAbout(report, QStringLiteral("Hot Lead"));
    QCOMPARE(wouldCreate.size(), 1);
    QVERIFY2(wouldCreate.first().contains(QStringLiteral("a real run would create it")), json.constData());
    QCOMPARE(warningsAbout(report, QStringLiteral("follow-up")).size(), 1);
    QCOMPARE(report.warnings.size(), 2);
}

void TestSyncJob::skippedWithReason()
{
    for (const QString& provider : {QStringLiteral("getsales"), QStringLiteral("monaco")}) {
        SyncFixture f(provider, scaleFor(provider));
        ContactPatch p;
        if (provider == QLatin1String("getsales"))
            p.set(Field::Email, QStringLiteral("nolinkedin@example.com")); // GetSales needs a LinkedIn profile
        else
            p.set(Field::LinkedinUrl, QStringLiteral("https://www.linkedin.com/in/nodomain")); // Monaco: + domain
        auto result = f.session().engine().upsert(p, UpsertPolicies::local(), {QStringLiteral("manual"), {}});
        QVERIFY(result);
        SyncReport report = f.sync(true, false);
        QCOMPARE(report.skipped.size(), 1);
        QCOMPARE(report.skipped.first().contactId, result->contactId);
        QCOMPARE(report.skipped.first().code, ErrorCode::MissingIdentifier);
        QVERIFY(!report.skipped.first().message.isEmpty());
        QCOMPARE(report.transport.requests, 0);
        QCOMPARE(f.emulator().recordCount(), 0);
    }
}

void TestSyncJob::remoteErrorPerRecord()
{
    // lemlist refuses a custom field its registry does not know (INVALID_FIELD): that record fails, the
    // others go through. The definitions are unreachable here (500s until the retries give up), so the
    // sync cannot know the field is unknown before sending.
    SyncFixture f(QStringLiteral("lemlist"), scaleFor(QStringLiteral("lemlist")));
    f.addContacts(0, 3);
    f.addContacts(3, 1, {{QStringLiteral("custom.unknown_field"), QStringLiteral("x")}});
    f.emulator().faults().failNext(emulator::FaultPlan::Kind::Status500, 6);
    SyncReport report = f.sync(true, false);
    QCOMPARE(report.pushed.created, 3);
    QCOMPARE(report.pushed.failed, 1);
    QCOMPARE(report.errors.size(), 2); // the definitions, then the record
    const SyncReport::Issue& error = report.errors.last();
    QVERIFY(error.contactId > 0);
    QCOMPARE(error.code, ErrorCode::UnknownCustomField);
    QVERIFY2(error.message.contains(QStringLiteral("INVALID_FIELD")), qPrintable(error.message));
    QVERIFY(!report.fatal);
}

void TestSyncJob::unknownCustomFieldReported()
{
    // With the definitions known, a value for a field the CRM lacks is reported before sending and the
    // contact goes without it, instead of failing remotely.
    SyncFixture f(QStringLiteral("lemlist"), scaleFor(QStringLiteral("lemlist")));
    f.addContacts(0, 3);
    f.addContacts(3, 1, {{QStringLiteral("custom.unknown_field"), QStringLiteral("x")}});
    SyncReport report = f.sync(true, false);
    QVERIFY2(report.ok(), qPrintable(QJsonDocument(report.toJson()).toJson()));
    QCOMPARE(report.pushed.created, 4);
    QCOMPARE(report.warnings.size(), 1);
    QCOMPARE(report.warnings.first().code, ErrorCode::UnknownCustomField);
    QVERIFY(report.warnings.first().message.startsWith(QStringLiteral("custom.unknown_field")));
    QVERIFY(!QJsonDocument(f.emulator().recordsJson()).toJson().contains("unknown_field"));
    // Reported again on the next run (the gap stays), but nothing is resent.
    SyncReport again = f.sync(true, false);
    QCOMPARE(again.warnings.size(), 1);
    QCOMPARE(again.pushed.created + again.pushed.updated, 0);
}

void TestSyncJob::authenticationFailureStopsWithoutSecret()
{
    for (const QString& provider : {QStringLiteral("lemlist"), QStringLiteral("getsales"), QStringLiteral("highlevel"),
                                    QStringLiteral("monaco")}) {
        SyncFixture f(provider, scaleFor(provider));
        f.addContacts(0, 20);
        const QString wrongKey = QStringLiteral("wrong-SECRET-key-424242");
        SyncReport report = f.sync(true, true, wrongKey);
        QVERIFY2(report.fatal, qPrintable(provider));
        QCOMPARE(report.fatal->code, ErrorCode::AuthenticationFailed);
        QCOMPARE(report.state, QStringLiteral("failed"));
        const QByteArray json = QJsonDocument(report.toJson()).toJson();
        QVERIFY(!json.contains("SECRET"));
        QVERIFY(!json.contains(QByteArray("424242")));
        // One refused request stops the run: no point sending twenty.
        QVERIFY2(report.transport.requests < 20, qPrintable(provider));
    }
}

void TestSyncJob::pullPages_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<int>("count");
    QTest::newRow("lemlist") << "lemlist" << 250;
    QTest::newRow("getsales") << "getsales" << 250;
    QTest::newRow("monaco") << "monaco" << 1100;
    // Past the 10,000 records page numbers reach: the rest comes through searchAfter.
    QTest::newRow("highlevel") << "highlevel" << 10600;
}

void TestSyncJob::pullPages()
{
    QFETCH(QString, provider);
    QFETCH(int, count);
    SyncFixture f(provider, scaleFor(provider));
    for (int i = 0; i < count; ++i)
        QVERIFY(!f.emulator().seedContact(seedBody(provider, i)).isEmpty());
    SyncReport report = f.sync(false, true);
    QVERIFY2(report.ok(), qPrintable(QJsonDocument(report.toJson()).toJson()));
    QCOMPARE(report.pulled.created, count);
    QCOMPARE(f.session().contacts().count(), qint64(count));
    RemoteLinkStore links(f.session().database());
    QVERIFY(links.prepare());
    QCOMPARE(links.links(f.account().id)->size(), count);

    // A second pull finds every record linked and unchanged; a push has nothing to send.
    SyncReport again = f.sync(true, true);
    QVERIFY(again.ok());
    QCOMPARE(again.pulled.created, 0);
    QCOMPARE(again.pulled.updated, 0);
    QCOMPARE(again.pulled.unchanged, count);
    QCOMPARE(again.pushed.created + again.pushed.updated, 0);
    QCOMPARE(f.emulator().recordCount(), count);
}

void TestSyncJob::rateLimitStorm()
{
    QFETCH(QString, provider);
    SyncFixture f(provider, scaleFor(provider));
    f.addContacts(0, 10);
    f.emulator().faults().failNext(emulator::FaultPlan::Kind::Storm429, 3);
    SyncReport report = f.sync(true, false);
    QVERIFY2(report.ok(), qPrintable(QJsonDocument(report.toJson()).toJson()));
    QCOMPARE(report.pushed.created, 10);
    QCOMPARE(report.transport.rateLimited, 3);
    QVERIFY(report.transport.retries >= 3);
    QCOMPARE(f.emulator().recordCount(), 10);
}

void TestSyncJob::runsAndErrorsRecorded()
{
    SyncFixture f(QStringLiteral("lemlist"), scaleFor(QStringLiteral("lemlist")));
    f.addContacts(0, 2);
    f.addContacts(2, 1, {{QStringLiteral("custom.nope"), QStringLiteral("x")}});
    f.emulator().faults().failNext(emulator::FaultPlan::Kind::Status500, 6); // definitions unreachable
    SyncReport report = f.sync(true, false);
    SyncRunLog log(f.session().database());
    QCOMPARE(log.state(report.runId), QStringLiteral("done"));
    auto errors = log.errors(report.runId);
    QVERIFY(errors);
    QCOMPARE(errors->size(), 2);
    QCOMPARE(errors->last().contactId, report.errors.last().contactId);
    QVERIFY(errors->last().contactId > 0);
}

void TestSyncJob::leaseHeldElsewhere()
{
    SyncFixture f(QStringLiteral("lemlist"), scaleFor(QStringLiteral("lemlist")));
    f.addContacts(0, 5);
    // Another run of the account (another process's, as far as this job can tell) holds the lease.
    SyncLease other(f.session().database());
    QVERIFY(other.acquire(f.account().id));

    // Refused at once: nothing sent, nothing in the history, the holder named.
    const SyncReport refused = f.sync(true, true);
    QCOMPARE(refused.state, QStringLiteral("running elsewhere"));
    QVERIFY(refused.fatal);
    QCOMPARE(refused.fatal->code, ErrorCode::SyncRunningElsewhere);
    QVERIFY(refused.ranElsewhere());
    QCOMPARE(refused.runningElsewhere->pid, QCoreApplication::applicationPid());
    QVERIFY(!refused.ok());
    QCOMPARE(refused.runId, 0);
    QCOMPARE(f.emulator().totalRequests(), 0);
    QCOMPARE(SyncRunLog(f.session().database()).runs(f.account().id)->size(), 0);
    QCOMPARE(refused.toJson().value(QStringLiteral("running_elsewhere")).toObject().value(QStringLiteral("pid")),
             QJsonValue(QCoreApplication::applicationPid()));

    // A dry run writes nothing and sends no write: it takes no lease and runs beside the holder.
    SyncJob::Options dry;
    dry.dryRun = true;
    QCOMPARE(f.sync(dry).state, QStringLiteral("done"));

    // Waiting, the run starts once the holder lets go, and gives the lease back when it ends.
    SyncJob::Options waiting;
    waiting.waitForLease = true;
    waiting.leasePollMs = 20;
    QTimer::singleShot(300, this, [&] { other.release(); });
    const SyncReport waited = f.sync(waiting);
    QVERIFY2(waited.ok(), qPrintable(QJsonDocument(waited.toJson()).toJson()));
    QVERIFY(waited.waitedMs >= 250);
    QCOMPARE(waited.pushed.created, 5);
    QVERIFY(!*other.holder(f.account().id));

    // Cancelled while it waits.
    QVERIFY(other.acquire(f.account().id));
    auto provider = SyncSetup::provider(f.account());
    QVERIFY(f.client().addAccount(SyncSetup::httpAccount(f.account(), **provider, QStringLiteral("emu-key-0123456789"),
                                                         scaleFor(QStringLiteral("lemlist")))));
    SyncJob job(f.session(), f.client(), f.account(), std::move(*provider), waiting);
    int waitSignals = 0;
    connect(&job, &SyncJob::waitingForLease, this, [&](const SyncLease::Holder& holder) {
        ++waitSignals;
        QCOMPARE(holder.pid, QCoreApplication::applicationPid());
    });
    QTimer::singleShot(200, &job, &SyncJob::cancel);
    const SyncReport cancelled = job.run();
    QCOMPARE(cancelled.state, QStringLiteral("cancelled"));
    QCOMPARE(waitSignals, 1); // once, not at every poll
    QCOMPARE(cancelled.pushed.created + cancelled.pushed.updated + cancelled.pushed.unchanged, 0);
    f.client().removeAccount(f.account().name);
    auto holder = other.holder(f.account().id);
    QVERIFY(holder && *holder); // still the other run's
}

QTEST_GUILESS_MAIN(TestSyncJob)
#include "tst_syncjob.moc"
