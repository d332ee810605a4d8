#include "StoreFixture.h"

using namespace roster;
using namespace roster::test;

using Status = UpsertResult::Status;

// One row per rule of api-docs/README.md's table, for each service the rule speaks of: the engine under
// that service's policy must do what the service does.
class TestUpsertPolicies final : public QObject
{
    Q_OBJECT

private slots:
    void contractRules_data();
    void contractRules();
};

void TestUpsertPolicies::contractRules_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QStringList>("setup");
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("checks");

    const auto created = static_cast<int>(Status::Created);
    const auto updated = static_cast<int>(Status::Updated);
    const auto unchanged = static_cast<int>(Status::Unchanged);
    const auto rejected = static_cast<int>(Status::Rejected);
    const QStringList none;

    // Rule: identity keys and their order.
    QTest::newRow("lemlist: email is the main key")
        << "lemlist" << QStringList {"email=a@x.io|first_name=A"} << "email=A@X.IO|last_name=B" << updated << ""
        << QStringList {"last_name=B"};
    QTest::newRow("lemlist: linkedinUrl is an alternative key")
        << "lemlist" << QStringList {"linkedin_url=linkedin.com/in/ann"}
        << "linkedin_url=https://www.linkedin.com/in/ann/|city=Rome" << updated << "" << QStringList {"city=Rome"};
    QTest::newRow("lemlist: linkedinUrlSalesNav is an alternative key")
        << "lemlist" << QStringList {"sales_nav_url=linkedin.com/sales/lead/ACwAAAz9"}
        << "sales_nav_url=linkedin.com/sales/lead/ACwAAAz9,NAME|city=Rome" << updated << ""
        << QStringList {"city=Rome"};
    QTest::newRow("lemlist: contactId updates directly")
        << "lemlist" << QStringList {"email=a@x.io"} << "id=1|email=other@x.io" << updated << ""
        << QStringList {"email=other@x.io"};
    QTest::newRow("lemlist: contactId cannot create (CONTACT_NOT_FOUND_BY_ID)")
        << "lemlist" << none << "id=42|first_name=X" << rejected << "ContactNotFound" << none;
    QTest::newRow("getsales: linkedin_id is the key")
        << "getsales" << QStringList {"linkedin_url=linkedin.com/in/ann|email=a@x.io"}
        << "linkedin_url=linkedin.com/in/ann|job_title=CEO" << updated << "" << QStringList {"job_title=CEO"};
    QTest::newRow("getsales: email is not a key")
        << "getsales" << QStringList {"linkedin_url=linkedin.com/in/ann|email=a@x.io"}
        << "linkedin_url=linkedin.com/in/bob|email=a@x.io" << created << "PossibleDuplicate" << QStringList {"email="};
    QTest::newRow("highlevel: email first by default")
        << "highlevel" << QStringList {"email=a@x.io"} << "email=a@x.io|city=Oslo" << updated << ""
        << QStringList {"city=Oslo"};
    QTest::newRow("highlevel: phone is a key")
        << "highlevel" << QStringList {"phone=+14155550123"} << "phone=+1 415 555 0123|city=Oslo" << updated << ""
        << QStringList {"city=Oslo"};
    QTest::newRow("monaco: email case-insensitive")
        << "monaco" << QStringList {"email=Ann@X.io"} << "email=ann@x.io|job_title=VP" << updated << ""
        << QStringList {"job_title=VP"};
    QTest::newRow("monaco: then linkedin_url")
        << "monaco" << QStringList {"linkedin_url=linkedin.com/in/ann|company_domain=x.io"}
        << "linkedin_url=linkedin.com/in/ann|company_domain=x.io|job_title=VP" << updated << ""
        << QStringList {"job_title=VP"};

    // Rule: an identifier is required.
    QTest::newRow("lemlist: MISSING_IDENTIFIER")
        << "lemlist" << none << "first_name=A|phone=+14155550123" << rejected << "MissingIdentifier" << none;
    QTest::newRow("getsales: linkedin_id required")
        << "getsales" << none << "email=a@x.io" << rejected << "MissingIdentifier" << none;
    QTest::newRow("highlevel: email or phone required")
        << "highlevel" << none << "linkedin_url=linkedin.com/in/a" << rejected << "MissingIdentifier" << none;
    QTest::newRow("monaco: email or linkedin_url required")
        << "monaco" << none << "phone=+14155550123" << rejected << "MissingIdentifier" << none;
    QTest::newRow("monaco: linkedin alone needs account or domain")
        << "monaco" << none << "linkedin_url=linkedin.com/in/a" << rejected << "MissingIdentifier" << none;
    QTest::newRow("monaco: linkedin with domain is enough")
        << "monaco" << none << "linkedin_url=linkedin.com/in/a|company_domain=x.io" << created << "" << none;

    // Rule: empty / null value on update.
    QTest::newRow("lemlist: empty ignored, existing data kept")
        << "lemlist" << QStringList {"email=a@x.io|job_title=CTO"} << "email=a@x.io|job_title=|first_name=" << unchanged
        << "" << QStringList {"job_title=CTO"};
    QTest::newRow("highlevel: empty treated as ignored")
        << "highlevel" << QStringList {"email=a@x.io|city=Oslo"} << "email=a@x.io|city=" << unchanged << ""
        << QStringList {"city=Oslo"};
    QTest::newRow("getsales: empty ignored")
        << "getsales" << QStringList {"linkedin_url=linkedin.com/in/a|job_title=CTO"}
        << "linkedin_url=linkedin.com/in/a|job_title=" << unchanged << "" << QStringList {"job_title=CTO"};
    QTest::newRow("monaco: empty ignored")
        << "monaco" << QStringList {"email=a@x.io|job_title=CTO"} << "email=a@x.io|job_title=" << unchanged << ""
        << QStringList {"job_title=CTO"};

    // Rule: tags.
    QTest::newRow("lemlist: no tags") << "lemlist" << none << "email=a@x.io|tags=a" << created << "TagsIgnored"
                                      << QStringList {"tags="};
    QTest::newRow("highlevel: tags replace all") << "highlevel" << QStringList {"email=a@x.io|tags=a,b"}
                                                 << "email=a@x.io|tags+=c" << updated << "" << QStringList {"tags=c"};
    QTest::newRow("monaco: tags append") << "monaco" << QStringList {"email=a@x.io|tags=a,b"} << "email=a@x.io|tags=c"
                                         << updated << "" << QStringList {"tags=a,b,c"};

    // Rule: custom fields.
    QTest::newRow("lemlist: unregistered field is INVALID_FIELD")
        << "lemlist" << none << "email=a@x.io|custom.score=3" << rejected << "UnknownCustomField" << none;
    QTest::newRow("getsales: custom_fields object accepted")
        << "getsales" << none << "linkedin_url=linkedin.com/in/a|custom.field_position=CTO" << created << ""
        << QStringList {"custom.field_position=CTO"};
    QTest::newRow("highlevel: unknown custom field refused")
        << "highlevel" << none << "email=a@x.io|custom.nope=1" << rejected << "UnknownCustomField" << none;
    QTest::newRow("monaco: unknown custom_field_ refused")
        << "monaco" << none << "email=a@x.io|custom.nope=1" << rejected << "UnknownCustomField" << none;

    // Rule: company / account.
    QTest::newRow("lemlist: companyDomain links existing companies only")
        << "lemlist" << none << "email=a@x.io|company_domain=unknown.io" << created << "CompanyNotFound"
        << QStringList {"company_id="};
    QTest::newRow("lemlist: companyDomain links an existing company")
        << "lemlist" << QStringList {"local:email=z@acme.io"} << "email=a@gmail.com|company_domain=acme.io" << created
        << "" << QStringList {"company_id=1"};
    QTest::newRow("lemlist: companyId outranks companyDomain")
        << "lemlist" << QStringList {"local:email=z@acme.io", "local:email=y@initech.io"}
        << "email=a@gmail.com|company_id=2|company_domain=acme.io" << created << "" << QStringList {"company_id=2"};
    QTest::newRow("getsales: company_name and domain are text")
        << "getsales" << none << "linkedin_url=linkedin.com/in/a|company_name=Acme|company_domain=acme.io" << created
        << "" << QStringList {"company_id=", "company_name=Acme", "company_domain=acme.io"};
    QTest::newRow("highlevel: companyName is text")
        << "highlevel" << none << "email=a@acme.io|company_name=Acme" << created << ""
        << QStringList {"company_id=", "company_name=Acme"};
    QTest::newRow("monaco: account created from domain")
        << "monaco" << none << "email=a@gmail.com|company_domain=acme.io" << created << ""
        << QStringList {"company_id=1"};
    QTest::newRow("monaco: account from the email's domain")
        << "monaco" << none << "email=a@initech.io" << created << "" << QStringList {"company_id=1"};

    // Rule: two keys match two different records.
    QTest::newRow("highlevel: higher-priority match updated, other reported")
        << "highlevel" << QStringList {"email=a@x.io", "phone=+14155550123"}
        << "email=a@x.io|phone=+14155550123|city=Oslo" << updated << "PossibleDuplicate"
        << QStringList {"email=a@x.io", "city=Oslo", "phone="};
    QTest::newRow("highlevel: phone-first location setting")
        << "highlevel-phone" << QStringList {"email=a@x.io", "phone=+14155550123"}
        << "email=a@x.io|phone=+14155550123|city=Oslo" << updated << "PossibleDuplicate"
        << QStringList {"phone=+14155550123", "email=", "city=Oslo"};
    QTest::newRow("monaco: email match wins")
        << "monaco" << QStringList {"email=a@x.io", "linkedin_url=linkedin.com/in/b|company_domain=x.io"}
        << "email=a@x.io|linkedin_url=linkedin.com/in/b|city=Oslo" << updated << "PossibleDuplicate"
        << QStringList {"email=a@x.io", "linkedin_url=", "city=Oslo"};

    // Rule: set on create only.
    QTest::newRow("lemlist: source defaults to api on create")
        << "lemlist" << none << "email=a@x.io" << created << "" << QStringList {"source=api"};
    QTest::newRow("lemlist: source not updated")
        << "lemlist" << QStringList {"email=a@x.io|source=webinar"} << "email=a@x.io|source=zapier" << unchanged
        << "FieldIgnored" << QStringList {"source=webinar"};
    QTest::newRow("highlevel: source can be updated")
        << "highlevel" << QStringList {"email=a@x.io|source=webinar"} << "email=a@x.io|source=public api" << updated
        << "" << QStringList {"source=public api"};

    // Rule: owner.
    QTest::newRow("lemlist: unknown owner silently ignored (warned here)")
        << "lemlist-owners" << none << "email=a@x.io|owner=stranger@x.io" << created << "OwnerIgnored"
        << QStringList {"owner="};
    QTest::newRow("lemlist: known owner by email")
        << "lemlist-owners" << none << "email=a@x.io|owner=john@yourcompany.com" << created << ""
        << QStringList {"owner=john@yourcompany.com"};
    QTest::newRow("highlevel: assignedTo user id kept")
        << "highlevel" << none << "email=a@x.io|owner=y0BeYjuRIlDwsDcOHOJo" << created << ""
        << QStringList {"owner=y0BeYjuRIlDwsDcOHOJo"};

    // Rule: validation errors.
    QTest::newRow("lemlist: INVALID_EMAIL") << "lemlist" << none << "email=jane@" << rejected << "InvalidEmail" << none;
    QTest::newRow("lemlist: INVALID_LINKEDIN_URL") << "lemlist" << none << "linkedin_url=https://linkedin.com/company/x"
                                                   << rejected << "InvalidLinkedinUrl" << none;
    QTest::newRow("lemlist: INVALID_ADDITIONAL_EMAILS")
        << "lemlist" << none << "email=a@x.io|extra_emails=b@x.io,nope" << rejected << "InvalidExtraEmail" << none;
    QTest::newRow("monaco: invalid email refused")
        << "monaco" << none << "email=nope" << rejected << "InvalidEmail" << none;

    // Rule: created vs updated is reported.
    QTest::newRow("highlevel: new contact reported created")
        << "highlevel" << none << "email=n@x.io" << created << "" << none;
}

static UpsertPolicy policyNamed(const QString& name)
{
    if (name == QLatin1String("highlevel-phone"))
        return UpsertPolicies::highlevel(true);
    if (name == QLatin1String("lemlist-owners")) {
        UpsertPolicy p = UpsertPolicies::lemlist();
        p.knownOwners = {QStringLiteral("usr_2aB3cD4eF5gH6iJ7k"), QStringLiteral("john@yourcompany.com")};
        return p;
    }
    return *UpsertPolicies::byName(name);
}

void TestUpsertPolicies::contractRules()
{
    QFETCH(QString, policy);
    QFETCH(QStringList, setup);
    QFETCH(QString, input);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QStringList, checks);
    StoreFixture f;
    const UpsertPolicy p = policyNamed(policy);
    for (const QString& spec : setup) {
        // "local:" writes with the local policy, to make companies and such exist beforehand.
        const bool local = spec.startsWith(QLatin1String("local:"));
        const UpsertResult r = f.upsert(local ? spec.mid(6) : spec, local ? UpsertPolicies::local() : p);
        QVERIFY2(r.status != Status::Rejected, qPrintable(spec));
    }
    const UpsertResult result = f.upsert(input, p);
    f.verify(result, status, code, checks);
}

QTEST_GUILESS_MAIN(TestUpsertPolicies)
#include "tst_upsertpolicies.moc"
