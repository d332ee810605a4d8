#include "StoreFixture.h"
#include "store/ContactQuery.h"

#include <QElapsedTimer>

#include <sqlite3.h>

using namespace roster;
using namespace roster::test;

using Status = UpsertResult::Status;

class TestUpsertEngine final : public QObject
{
    Q_OBJECT

private slots:
    void localRules_data();
    void localRules();
    void batchGivesOneResultPerInput();
    void newContactTakesNoListLeftBehind_data();
    void newContactTakesNoListLeftBehind();
    void phoneAsItsCountryWritesIt_data();
    void phoneAsItsCountryWritesIt();
    void createOnlyNeverTouchesAnotherContact_data();
    void createOnlyNeverTouchesAnotherContact();
    void emailDomainNeverOverrulesTheNamedCompany();
    void batchMatchesRowsWrittenEarlierInTheSameBatch();
    void failedWriteLeavesDatabaseUnchanged_data();
    void failedWriteLeavesDatabaseUnchanged();
    void softDeleteFreesIdentifiers();
    void searchIndexFollowsWrites();
    void bulkLoadDefersSortIndexesAndRestoresThem();
};

// Each row: writes done first, then one input, what the engine must say, and fields to check after.
void TestUpsertEngine::localRules_data()
{
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code"); // error code when rejected, else a warning code expected, or ""
    QTest::addColumn<QStringList>("checks"); // "field=value" on the resulting contact

    const auto created = static_cast<int>(Status::Created);
    const auto updated = static_cast<int>(Status::Updated);
    const auto unchanged = static_cast<int>(Status::Unchanged);
    const auto rejected = static_cast<int>(Status::Rejected);

    QTest::newRow("create by email") << QStringList {} << "email=Jane@Acme.com|first_name=Jane" << created << ""
                                     << QStringList {"email=Jane@Acme.com", "first_name=Jane"};
    QTest::newRow("match email case-insensitively")
        << QStringList {"email=Jane@Acme.com|first_name=Jane"} << "email=jane@ACME.com|job_title=CTO" << updated << ""
        << QStringList {"email=Jane@Acme.com", "job_title=CTO"};
    // A NUL (a CRM's "\u0000") would be stored and read back cut short at it: it becomes U+FFFD, said so.
    QTest::newRow("a NUL in a name") << QStringList {}
                                     << QStringLiteral("email=nul@acme.com|first_name=A") + QChar(0)
            + QStringLiteral("nn") << created
                                     << "InvalidEncoding" << QStringList {QStringLiteral("first_name=A\uFFFDnn")};
    QTest::newRow("a NUL in an email") << QStringList {}
                                       << QStringLiteral("email=nul") + QChar(0) + QStringLiteral("@acme.com")
                                       << rejected << "InvalidEmail" << QStringList {};
    QTest::newRow("same values are unchanged")
        << QStringList {"email=jane@acme.com|first_name=Jane"} << "email=jane@acme.com|first_name=Jane" << unchanged
        << "" << QStringList {};
    QTest::newRow("empty value is ignored")
        << QStringList {"email=jane@acme.com|job_title=CTO"} << "email=jane@acme.com|job_title=" << unchanged << ""
        << QStringList {"job_title=CTO"};
    QTest::newRow("match by linkedin spelled differently")
        << QStringList {"linkedin_url=https://www.linkedin.com/in/jane"}
        << "linkedin_url=uk.linkedin.com/in/JANE/|city=Paris" << updated << "" << QStringList {"city=Paris"};
    QTest::newRow("match by sales navigator")
        << QStringList {"sales_nav_url=https://www.linkedin.com/sales/lead/ACwAAA123,NAME"}
        << "sales_nav_url=linkedin.com/sales/people/ACwAAA123|city=Lyon" << updated << "" << QStringList {"city=Lyon"};
    QTest::newRow("match by extra email keeps the primary")
        << QStringList {"email=jane@acme.com|extra_emails=jane@home.org"} << "email=JANE@home.org|city=Nice" << updated
        << "" << QStringList {"email=jane@acme.com", "extra_emails=jane@home.org", "city=Nice"};
    QTest::newRow("replaced email is kept as extra")
        << QStringList {"linkedin_url=linkedin.com/in/jane|email=jane@old.com"}
        << "linkedin_url=linkedin.com/in/jane|email=jane@new.com" << updated << ""
        << QStringList {"email=jane@new.com", "extra_emails=jane@old.com"};
    QTest::newRow("phone match in E.164")
        << QStringList {"phone=+33142685300|first_name=Jo"} << "phone=01 42 68 53 00|city=Paris" << updated << ""
        << QStringList {"phone=+33142685300", "city=Paris"};
    QTest::newRow("shared phone does not merge different emails")
        << QStringList {"phone=+33142685300|email=a@acme.com"} << "phone=+33142685300|email=b@acme.com" << created << ""
        << QStringList {"email=b@acme.com"};
    QTest::newRow("unparseable phone kept with warning")
        << QStringList {} << "email=x@acme.com|phone=ask reception" << created << "InvalidPhone"
        << QStringList {"phone=ask reception"};
    QTest::newRow("two keys, two contacts: first key wins")
        << QStringList {"email=a@acme.com", "linkedin_url=linkedin.com/in/bob"}
        << "email=a@acme.com|linkedin_url=linkedin.com/in/bob|city=Oslo" << updated << "PossibleDuplicate"
        << QStringList {"email=a@acme.com", "linkedin_url=", "city=Oslo"};
    QTest::newRow("every phone kept with its kind")
        << QStringList {}
        << "email=a@acme.com|phone=+33612345678|phone_type=mobile|extra_phones=+33140000000 (work); "
           "01 40 00 00 01 (fax); ask reception"
        << created << "InvalidPhone"
        << QStringList {"phone=+33612345678", "phone_type=mobile",
                        "extra_phones=+33140000000 (work); +33140000001 (fax); ask reception"};
    QTest::newRow("the same phones again change nothing")
        << QStringList {"email=a@acme.com|phone=+33612345678|phone_type=mobile|extra_phones=+33140000000 (work)"}
        << "email=a@acme.com|phone=06 12 34 56 78|phone_type=mobile|extra_phones=01 40 00 00 00 (work)" << unchanged
        << "" << QStringList {"extra_phones=+33140000000 (work)"};
    QTest::newRow("match by another phone keeps the primary")
        << QStringList {"email=a@acme.com|phone=+33612345678|extra_phones=+33140000000 (work)"}
        << "phone=01 40 00 00 00|city=Paris" << updated << ""
        << QStringList {"phone=+33612345678", "extra_phones=+33140000000 (work)", "city=Paris"};
    QTest::newRow("a phone two contacts hold goes to the older, whichever list holds it")
        << QStringList {"email=a@acme.com|extra_phones=+33140000000 (work)", "email=b@acme.com|phone=+33140000000"}
        << "phone=01 40 00 00 00|city=Paris" << updated << ""
        << QStringList {"email=a@acme.com", "phone=", "extra_phones=+33140000000 (work)", "city=Paris"};
    QTest::newRow("the older holds it as its primary")
        << QStringList {"email=a@acme.com|phone=+33140000000", "email=b@acme.com|extra_phones=+33140000000 (work)"}
        << "phone=01 40 00 00 00|city=Paris" << updated << ""
        << QStringList {"email=a@acme.com", "phone=+33140000000", "city=Paris"};
    QTest::newRow("a new phone takes the primary, the old one is kept")
        << QStringList {"email=a@acme.com|phone=+33612345678|phone_type=mobile"}
        << "email=a@acme.com|phone=+33140000000|phone_type=work" << updated << ""
        << QStringList {"phone=+33140000000", "phone_type=work", "extra_phones=+33612345678 (mobile)"};
    QTest::newRow("a new phone of no said kind does not take the old one's kind")
        << QStringList {"email=a@acme.com|phone=+33140000009|phone_type=fax"} << "email=a@acme.com|phone=+33612345678"
        << updated << "" << QStringList {"phone=+33612345678", "phone_type=", "extra_phones=+33140000009 (fax)"};
    QTest::newRow("a second web page is kept")
        << QStringList {"email=a@acme.com|website=https://a.example"}
        << "email=a@acme.com|website=https://b.example|extra_websites+=https://c.example" << updated << ""
        << QStringList {"website=https://b.example", "extra_websites=https://c.example,https://a.example"};
    QTest::newRow("a phone kind nobody knows is other, said")
        << QStringList {} << "email=a@acme.com|phone=+33612345678|phone_type=Assistant" << created << "FieldIgnored"
        << QStringList {"phone_type=other"};
    QTest::newRow("a Google label is a kind")
        << QStringList {} << "email=a@acme.com|phone=+33612345678|phone_type=Work Fax" << created << ""
        << QStringList {"phone_type=fax"};
    QTest::newRow("no identifier") << QStringList {} << "first_name=Nobody" << rejected << "MissingIdentifier"
                                   << QStringList {};
    QTest::newRow("invalid email") << QStringList {} << "email=not-an-email|first_name=X" << rejected << "InvalidEmail"
                                   << QStringList {};
    QTest::newRow("invalid linkedin") << QStringList {} << "linkedin_url=https://example.com/in/x" << rejected
                                      << "InvalidLinkedinUrl" << QStringList {};
    QTest::newRow("invalid extra email") << QStringList {} << "email=a@acme.com|extra_emails=nope" << rejected
                                         << "InvalidExtraEmail" << QStringList {};
    QTest::newRow("unknown custom field") << QStringList {} << "email=a@acme.com|custom.shoe_size=42" << rejected
                                          << "UnknownCustomField" << QStringList {};
    QTest::newRow("unknown contact id") << QStringList {} << "id=999|first_name=X" << rejected << "ContactNotFound"
                                        << QStringList {};
    QTest::newRow("edit by id") << QStringList {"email=a@acme.com"} << "id=1|first_name=Ann" << updated << ""
                                << QStringList {"first_name=Ann"};
    QTest::newRow("explicit clear") << QStringList {"email=a@acme.com|job_title=CTO"} << "id=1|!job_title" << updated
                                    << "" << QStringList {"job_title="};
    QTest::newRow("tags append") << QStringList {"email=a@acme.com|tags=a,b"} << "email=a@acme.com|tags+=b,c" << updated
                                 << "" << QStringList {"tags=a,b,c"};
    QTest::newRow("tags replace") << QStringList {"email=a@acme.com|tags=a,b"} << "email=a@acme.com|tags=c" << updated
                                  << "" << QStringList {"tags=c"};
    // Tags made earlier by another contact have lower ids: a contact's tags still read in its own order.
    QTest::newRow("tags keep their order, not their age")
        << QStringList {"email=b@acme.com|tags=zeta", "email=a@acme.com|tags=alpha,zeta"}
        << "email=a@acme.com|tags=alpha,zeta" << unchanged << "" << QStringList {"tags=alpha,zeta"};
    QTest::newRow("appended tags follow, whatever their age")
        << QStringList {"email=b@acme.com|tags=c", "email=a@acme.com|tags=a"} << "email=a@acme.com|tags+=c,b" << updated
        << "" << QStringList {"tags=a,c,b"};
    QTest::newRow("tags compare case-insensitively")
        << QStringList {"email=a@acme.com|tags=VIP"} << "email=a@acme.com|tags+=vip" << unchanged << ""
        << QStringList {"tags=VIP"};
    QTest::newRow("source set on create only")
        << QStringList {"email=a@acme.com|source=webinar"} << "email=a@acme.com|source=csv" << unchanged
        << "FieldIgnored" << QStringList {"source=webinar"};
    QTest::newRow("company from email domain")
        << QStringList {} << "email=a@acme.com" << created << "" << QStringList {"company_id=1"};
    QTest::newRow("free mail makes no company")
        << QStringList {} << "email=a@gmail.com" << created << "" << QStringList {"company_id="};
    QTest::newRow("company domain outranks email domain")
        << QStringList {} << "email=a@gmail.com|company_domain=https://www.initech.com/|company_name=Initech" << created
        << "" << QStringList {"company_id=1", "company_domain=initech.com"};
    QTest::newRow("company id outranks domain")
        << QStringList {"email=x@acme.com", "email=y@initech.com"}
        << "email=x@acme.com|company_id=2|company_domain=acme.com" << updated << "" << QStringList {"company_id=2"};
    QTest::newRow("unknown company id is a warning")
        << QStringList {"email=x@gmail.com"} << "email=x@gmail.com|company_id=77" << unchanged << "CompanyNotFound"
        << QStringList {"company_id="};
    QTest::newRow("boolean normalised") << QStringList {} << "email=a@acme.com|do_not_contact=Yes" << created << ""
                                        << QStringList {"do_not_contact=true"};
    QTest::newRow("bad boolean is a warning") << QStringList {} << "email=a@acme.com|do_not_contact=maybe" << created
                                              << "InvalidBoolean" << QStringList {"do_not_contact="};
    QTest::newRow("iso date normalised") << QStringList {} << "email=a@acme.com|date_of_birth=1990/09/25" << created
                                         << "" << QStringList {"date_of_birth=1990-09-25"};
    QTest::newRow("extra email owned elsewhere not stolen")
        << QStringList {"email=a@acme.com", "email=b@acme.com"} << "email=b@acme.com|extra_emails=a@acme.com"
        << unchanged << "PossibleDuplicate" << QStringList {"extra_emails="};
}

void TestUpsertEngine::localRules()
{
    QFETCH(QStringList, setup);
    QFETCH(QString, input);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QStringList, checks);
    StoreFixture f;
    for (const QString& spec : setup)
        QVERIFY(f.upsert(spec).status != Status::Rejected);
    const UpsertResult result = f.upsert(input);
    f.verify(result, status, code, checks);
}

void TestUpsertEngine::createOnlyNeverTouchesAnotherContact_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("takenField"); // empty: created
    QTest::newRow("email in another letter case") << "email=JANE@Acme.com|first_name=Janet"
                                                  << "email";
    QTest::newRow("as an extra email") << "email=new@acme.com|extra_emails=jane.s@home.example"
                                       << "email";
    QTest::newRow("LinkedIn URL in another spelling") << "linkedin_url=uk.linkedin.com/in/Jane-Smith/|last_name=X"
                                                      << "linkedin_url";
    QTest::newRow("phone in another format") << "phone=06 12 34 56 78|first_name=Office"
                                             << "phone";
    QTest::newRow("as another contact's other phone") << "phone=01 40 00 00 00|first_name=Desk"
                                                      << "phone";
    QTest::newRow("nothing taken") << "email=someone@acme.com|first_name=Someone"
                                   << "";
}

// New Contact typed with an email another contact has: before, the other contact was renamed ("Create ..." in
// the undo menu) instead of the new one being refused.
void TestUpsertEngine::createOnlyNeverTouchesAnotherContact()
{
    QFETCH(QString, input);
    QFETCH(QString, takenField);
    StoreFixture f;
    const UpsertResult jane = f.upsert(QStringLiteral("email=jane@acme.com|first_name=Jane|last_name=Smith|"
                                                      "extra_emails=jane.s@home.example|"
                                                      "linkedin_url=https://www.linkedin.com/in/jane-smith|"
                                                      "phone=+33612345678|extra_phones=+33140000000 (work)"));
    QCOMPARE(jane.status, Status::Created);
    const auto before = f.store->contact(jane.contactId);
    UpsertPolicy policy = UpsertPolicies::local();
    policy.createOnly = true;
    auto result = f.engine->upsert(patchFrom(input), policy, {QStringLiteral("manual"), QStringLiteral("test")});
    QVERIFY(result);
    if (takenField.isEmpty()) {
        QCOMPARE(result->status, Status::Created);
        return;
    }
    QCOMPARE(result->status, Status::Rejected);
    QCOMPARE(result->error->code, ErrorCode::IdentifierTaken);
    QCOMPARE(result->error->field, takenField);
    QCOMPARE(result->warnings.size(), 1);
    QCOMPARE(result->warnings.first().otherContactId, jane.contactId);
    const auto after = f.store->contact(jane.contactId);
    QCOMPARE(after->values, before->values);
    QCOMPARE(f.store->count(), 1);
}

// People of seven companies sharing one mail domain: before, all were linked to the first row's company (the
// table said "Acme 3", the sidebar filed the contact under "Acme 0").
void TestUpsertEngine::emailDomainNeverOverrulesTheNamedCompany()
{
    StoreFixture f;
    const UpsertResult first = f.upsert(QStringLiteral("email=a@acme.example|company_name=Acme 0"));
    const UpsertResult other = f.upsert(QStringLiteral("email=b@acme.example|company_name=Acme 3"));
    const UpsertResult same = f.upsert(QStringLiteral("email=c@acme.example|company_name=acme 0"));
    const UpsertResult unnamed = f.upsert(QStringLiteral("email=d@acme.example"));
    const qint64 acme0 = f.store->contact(first.contactId)->companyId;
    QVERIFY(acme0 > 0);
    QCOMPARE(f.store->contact(other.contactId)->companyId, 0);
    QCOMPARE(f.store->contact(other.contactId)->value(Field::CompanyName), QStringLiteral("Acme 3"));
    QCOMPARE(other.warnings.size(), 1);
    QCOMPARE(other.warnings.first().code, ErrorCode::CompanyNotFound);
    QVERIFY(other.warnings.first().detail.contains(QStringLiteral("Acme 0")));
    QCOMPARE(f.store->contact(same.contactId)->companyId, acme0);
    QCOMPARE(f.store->contact(unnamed.contactId)->companyId, acme0);
    // A later edit that names no company (a new first name): the contact's own company still rules. Before, the
    // guess saw no name and linked "Acme 3" to Acme 0's company.
    const UpsertResult renamed = f.upsert(QStringLiteral("email=b@acme.example|first_name=Bea"));
    QCOMPARE(renamed.contactId, other.contactId);
    QCOMPARE(f.store->contact(other.contactId)->companyId, 0);
    QCOMPARE(f.store->contact(other.contactId)->value(Field::CompanyName), QStringLiteral("Acme 3"));
}

void TestUpsertEngine::phoneAsItsCountryWritesIt_data()
{
    QTest::addColumn<QString>("incoming");
    QTest::addColumn<bool>("changed");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QStringList>("extraPhones");
    const QStringList kept {"+49301234567"};
    QTest::newRow("primary, national") << "phone=06 12 34 56 78" << false << "+33612345678" << kept;
    QTest::newRow("primary, dotted") << "phone=06.12.34.56.78" << false << "+33612345678" << kept;
    QTest::newRow("another phone, national") << "phone=030 1234567" << false << "+33612345678" << kept;
    QTest::newRow("as an extra phone") << "extra_phones+=06 12 34 56 78" << false << "+33612345678" << kept;
    QTest::newRow("a new number") << "phone=06 12 34 56 79" << true << "06 12 34 56 79"
                                  << QStringList {"+49301234567", "+33612345678"};
}

// A file read without the phone region (or under another one), or a CRM that keeps national numbers, sends
// "06 12 34 56 78" for a contact stored with +33612345678: the same phone, so nothing changes. Before, the
// national form became the primary phone and the E.164 one an extra phone, on every such re-import.
void TestUpsertEngine::phoneAsItsCountryWritesIt()
{
    QFETCH(QString, incoming);
    QFETCH(bool, changed);
    QFETCH(QString, phone);
    QFETCH(QStringList, extraPhones);
    StoreFixture f;
    const qint64 id = f.upsert("email=ada@example.org|phone=+33 6 12 34 56 78|extra_phones=+49 30 1234567").contactId;
    // An engine for another region, where "06 12 34 56 78" is no valid number.
    auto other = UpsertEngine::create(*f.db, f.clock, QStringLiteral("US"));
    QVERIFY(other);
    auto result = (*other)->upsert(patchFrom("email=ada@example.org|" + incoming), UpsertPolicies::local(),
                                   {QStringLiteral("manual"), incoming});
    QVERIFY(result);
    QCOMPARE(result->status, changed ? UpsertResult::Status::Updated : UpsertResult::Status::Unchanged);
    const auto stored = f.store->contact(id);
    QVERIFY(stored);
    QCOMPARE(stored->value(Field::Phone), phone);
    QStringList extras;
    for (const PhoneEntry& entry : stored->extraPhones)
        extras << entry.number;
    QCOMPARE(extras, extraPhones);
}

void TestUpsertEngine::newContactTakesNoListLeftBehind_data()
{
    QTest::addColumn<bool>("batch");
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QStringList>("checks"); // "field=value" on the new contact
    const QString withLists = QStringLiteral("email=fresh@acme.com|tags=new|extra_emails=fresh@home.org|"
                                             "extra_phones=+33140000002 (home)|extra_websites=https://fresh.example|"
                                             "custom.plan=gold");
    const QStringList ownLists {QStringLiteral("tags=new"), QStringLiteral("extra_emails=fresh@home.org"),
                                QStringLiteral("extra_phones=+33140000002 (home)"),
                                QStringLiteral("extra_websites=https://fresh.example"),
                                QStringLiteral("custom.plan=gold")};
    const QString bare = QStringLiteral("email=fresh@acme.com|first_name=Fresh");
    const QStringList none {QStringLiteral("tags="), QStringLiteral("extra_emails="), QStringLiteral("extra_phones="),
                            QStringLiteral("extra_websites="), QStringLiteral("custom.plan=")};
    QTest::newRow("one upsert, its own lists") << false << withLists << ownLists;
    QTest::newRow("a batch, its own lists") << true << withLists << ownLists;
    QTest::newRow("one upsert, no lists") << false << bare << none;
    QTest::newRow("a batch, no lists") << true << bare << none;
}

// Another program (the sqlite3 shell: its own connection, foreign keys off by default) removes the newest contact
// and leaves behind every row that referred to it. SQLite would give its id to the next contact, which took those
// rows as its own; since schema 17 no id is given twice.
void TestUpsertEngine::newContactTakesNoListLeftBehind()
{
    QFETCH(bool, batch);
    QFETCH(QString, spec);
    QFETCH(QStringList, checks);
    StoreFixture f;
    QVERIFY(f.engine->customFields().add({QStringLiteral("plan"), QStringLiteral("Plan"), QStringLiteral("text")}));
    f.upsert(QStringLiteral("email=a@acme.com|tags=keep"));
    const auto old = f.upsert(QStringLiteral("email=old@acme.com|tags=old,new|extra_emails=old@home.org|"
                                             "extra_phones=+33140000001 (work)|extra_websites=https://old.example|"
                                             "custom.plan=silver"));
    QCOMPARE(old.status, Status::Created);
    {
        sqlite3* other = nullptr;
        QCOMPARE(sqlite3_open(f.db->path().toUtf8().constData(), &other), SQLITE_OK);
        const QByteArray remove = "DELETE FROM contacts WHERE id = " + QByteArray::number(old.contactId);
        QCOMPARE(sqlite3_exec(other, remove.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(other);
    }

    qint64 id = 0;
    if (batch) {
        auto op = f.engine->beginOperation({QStringLiteral("import:x.csv"), QStringLiteral("Import x.csv")});
        QVERIFY(op);
        const QVector<ContactPatch> patches {patchFrom(spec)};
        auto results = f.engine->upsertBatch(patches, UpsertPolicies::local(), *op);
        QVERIFY(results);
        QCOMPARE(results->first().status, Status::Created);
        id = results->first().contactId;
    } else {
        const auto created = f.upsert(spec);
        QCOMPARE(created.status, Status::Created);
        id = created.contactId;
    }
    const auto contact = f.store->contact(id);
    QVERIFY(contact);
    for (const QString& check : std::as_const(checks)) {
        const qsizetype eq = check.indexOf(u'=');
        QCOMPARE(fieldText(*contact, check.left(eq)), check.mid(eq + 1));
    }
    // Nor is it found by the removed contact's words.
    auto query = ContactQuery::create(*f.db);
    QVERIFY(query);
    const auto found = [&](const QString& word) {
        ContactFilter filter;
        filter.search = word;
        QStringList ids;
        if (const auto rows = (*query)->rows(filter, {}, 0, 10)) {
            for (const Contact& c : *rows)
                ids << QString::number(c.id);
        }
        return ids.join(u',');
    };
    QCOMPARE(found(QStringLiteral("fresh")), QString::number(id));
    QCOMPARE(found(QStringLiteral("old")), QString());
    QCOMPARE(found(QStringLiteral("keep")), QStringLiteral("1"));
    QVERIFY(id > old.contactId);
}

void TestUpsertEngine::batchGivesOneResultPerInput()
{
    StoreFixture f;
    const QVector<ContactPatch> patches {patchFrom(QStringLiteral("email=a@acme.com")),
                                         patchFrom(QStringLiteral("email=broken")),
                                         patchFrom(QStringLiteral("email=b@acme.com"))};
    auto op = f.engine->beginOperation({QStringLiteral("import:x.csv"), QStringLiteral("Import x.csv")});
    QVERIFY(op);
    auto results = f.engine->upsertBatch(patches, UpsertPolicies::local(), *op);
    QVERIFY(results);
    QCOMPARE(results->size(), 3);
    QCOMPARE(results->at(0).status, Status::Created);
    QCOMPARE(results->at(1).status, Status::Rejected);
    QCOMPARE(results->at(1).error->code, ErrorCode::InvalidEmail);
    QCOMPARE(results->at(2).status, Status::Created);
    QCOMPARE(f.store->count(), 2);
}

void TestUpsertEngine::batchMatchesRowsWrittenEarlierInTheSameBatch()
{
    StoreFixture f;
    const QVector<ContactPatch> patches {patchFrom(QStringLiteral("email=a@acme.com|first_name=A")),
                                         patchFrom(QStringLiteral("email=A@ACME.COM|last_name=Z"))};
    auto op = f.engine->beginOperation({QStringLiteral("import"), {}});
    auto results = f.engine->upsertBatch(patches, UpsertPolicies::local(), *op);
    QVERIFY(results);
    QCOMPARE(results->at(1).status, Status::Updated);
    QCOMPARE(results->at(1).contactId, results->at(0).contactId);
    QCOMPARE(f.store->count(), 1);
}

void TestUpsertEngine::failedWriteLeavesDatabaseUnchanged_data()
{
    QTest::addColumn<int>("failingWrite");
    for (int n : {1, 2, 5, 9, 17, 30, 41})
        QTest::addRow("write %d", n) << n;
}

void TestUpsertEngine::failedWriteLeavesDatabaseUnchanged()
{
    QFETCH(int, failingWrite);
    StoreFixture f;
    f.upsert(QStringLiteral("email=old@acme.com|first_name=Old|tags=t1"));
    const QString before = f.snapshot();
    const qint64 logBefore = f.scalar("SELECT count(*) FROM change_log");
    const qint64 companiesBefore = f.scalar("SELECT count(*) FROM companies");

    QVector<ContactPatch> patches;
    patches << patchFrom(QStringLiteral("email=old@acme.com|first_name=New|tags+=t2|extra_emails=o2@acme.com"));
    for (int i = 0; i < 6; ++i)
        patches << patchFrom(QStringLiteral("email=p%1@firm%1.com|first_name=P%1|tags=x,y").arg(i));
    auto op = f.engine->beginOperation({QStringLiteral("import"), {}});
    QVERIFY(op);
    f.db->failNthWrite(failingWrite);
    auto results = f.engine->upsertBatch(patches, UpsertPolicies::local(), *op);
    QVERIFY(!results);
    QCOMPARE(results.error().code, ErrorCode::DatabaseError);
    QCOMPARE(f.snapshot(), before);
    QCOMPARE(f.scalar("SELECT count(*) FROM change_log"), logBefore);
    QCOMPARE(f.scalar("SELECT count(*) FROM companies"), companiesBefore);
    SqlStatement integrity(*f.db, "PRAGMA integrity_check");
    QVERIFY(integrity.next());
    QCOMPARE(integrity.columnText(0), QStringLiteral("ok"));

    // Still usable: the same batch goes through once the fault is gone.
    f.db->failNthWrite(0);
    auto again = f.engine->upsertBatch(patches, UpsertPolicies::local(), *op);
    QVERIFY2(again, qPrintable(again ? QString() : again.error().toString()));
    QCOMPARE(f.store->count(), 7);
    const auto old = f.store->contact(1);
    QCOMPARE(old->tags, (QStringList {QStringLiteral("t1"), QStringLiteral("t2")}));
}

void TestUpsertEngine::softDeleteFreesIdentifiers()
{
    StoreFixture f;
    const auto first = f.upsert(QStringLiteral("email=a@acme.com"));
    auto removed = f.engine->remove({first.contactId}, {QStringLiteral("manual"), QStringLiteral("Delete")});
    QVERIFY(removed);
    QCOMPARE(*removed, 1);
    QCOMPARE(f.store->count(), 0);
    const auto second = f.upsert(QStringLiteral("email=a@acme.com"));
    QCOMPARE(second.status, Status::Created);
    QVERIFY(second.contactId != first.contactId);
}

void TestUpsertEngine::searchIndexFollowsWrites()
{
    StoreFixture f;
    f.upsert(QStringLiteral("email=ada@acme.com|first_name=Ada|last_name=Lovelace|tags=math"));
    auto count = [&](const char* query) {
        SqlStatement q(*f.db, "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH ?");
        q.bind(1, QString::fromLatin1(query));
        return q.next() ? q.columnInt(0) : -1;
    };
    QCOMPARE(count("lovel*"), 1);
    QCOMPARE(count("math"), 1);
    f.upsert(QStringLiteral("email=ada@acme.com|last_name=Byron|tags=poetry"));
    QCOMPARE(count("lovel*"), 0);
    QCOMPARE(count("byron"), 1);
    QCOMPARE(count("poetry"), 1);
    QCOMPARE(count("math"), 0);
}

void TestUpsertEngine::bulkLoadDefersSortIndexesAndRestoresThem()
{
    StoreFixture f;
    auto sortIndexes = [&] {
        SqlStatement q(*f.db,
                       "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master WHERE type = 'index' "
                       "AND (name LIKE 'contacts_sort_%' OR name IN ('contacts_company', 'contact_tags_tag')) "
                       "ORDER BY name)");
        return q.next() ? q.columnText(0) : QString();
    };
    const QString before = sortIndexes();
    QVERIFY(before.contains(QLatin1String("contacts_sort_no_email")));
    QVERIFY(before.contains(QLatin1String("contact_tags_tag")));
    QVERIFY(before.contains(QLatin1String("contacts_company")));

    // Small against the table: nothing is deferred.
    f.upsert(QStringLiteral("email=a@acme.com"));
    QVERIFY(f.engine->beginBulkLoad(1));
    QCOMPARE(sortIndexes(), before);
    QVERIFY(f.engine->endBulkLoad());

    // Large: dropped during the load, the same indexes afterwards, and the rows written meanwhile are in them.
    QVERIFY(f.engine->beginBulkLoad(5000));
    QVERIFY(sortIndexes().isEmpty());
    auto op = f.engine->beginOperation({QStringLiteral("import"), {}});
    QVector<ContactPatch> patches;
    for (int i = 0; i < 20; ++i)
        patches << patchFrom(
            QStringLiteral("email=p%1@acme.com|first_name=P%1|tags=t%2|company_domain=c%2.com").arg(i).arg(i % 3));
    QVERIFY(f.engine->upsertBatch(patches, UpsertPolicies::local(), *op));
    QVERIFY(f.engine->endBulkLoad());
    QCOMPARE(sortIndexes(), before);
    // The tags' and companies' indexes hold what the load wrote: asked through them, the same answers.
    QCOMPARE(f.scalar("SELECT count(*) FROM contact_tags INDEXED BY contact_tags_tag "
                      "WHERE tag_id = (SELECT id FROM tags WHERE name = 't1')"),
             7);
    QCOMPARE(f.scalar("SELECT count(*) FROM contacts INDEXED BY contacts_company "
                      "WHERE company_id = (SELECT id FROM companies WHERE domain = 'c2.com')"),
             6);
    {
        SqlStatement check(*f.db, "PRAGMA integrity_check");
        QVERIFY(check.next());
        QCOMPARE(check.columnText(0), QStringLiteral("ok"));
    }

    // A load that never reached its end (a killed process): the next engine on the file builds them. While
    // another connection writes (a load still running), a new engine neither waits nor fails; it leaves them.
    QVERIFY(f.engine->beginBulkLoad(5000));
    QVERIFY(sortIndexes().isEmpty());
    {
        auto writer = Database::open(f.dir.filePath(QStringLiteral("test.sqlite")));
        QVERIFY(writer);
        QVERIFY((*writer)->begin());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(UpsertEngine::create(*f.db, f.clock, QStringLiteral("FR")));
        QVERIFY(timer.elapsed() < 2000);
        (*writer)->rollback();
    }
    QVERIFY(sortIndexes().isEmpty());
    auto next = UpsertEngine::create(*f.db, f.clock, QStringLiteral("FR"));
    QVERIFY(next);
    QCOMPARE(sortIndexes(), before);
    QVERIFY(f.engine->endBulkLoad()); // nothing left to do
    QCOMPARE(sortIndexes(), before);
}

QTEST_GUILESS_MAIN(TestUpsertEngine)
#include "tst_upsertengine.moc"
