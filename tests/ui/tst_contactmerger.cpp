#include "StoreFixture.h"
#include "store/ContactMerger.h"

using namespace roster;
using namespace roster::test;

class TestContactMerger : public QObject
{
    Q_OBJECT

private slots:
    void planKeepsEveryValue();
    void planKeepsOnePhoneInEitherForm();
    void mergeIsOneUndoStep();
    void mergeMovesIdentifiers();
    void refusesBadInput();
};

void TestContactMerger::planKeepsEveryValue()
{
    Contact kept;
    kept.id = 1;
    kept.setValue(Field::FirstName, "Jane");
    kept.setValue(Field::Email, "jane@acme.com");
    kept.setValue(Field::JobTitle, "CTO");
    kept.tags = {"vip"};
    Contact other;
    other.id = 2;
    other.setValue(Field::FirstName, "Janet");
    other.setValue(Field::Email, "j.smith@acme.com");
    other.setValue(Field::JobTitle, "Chief Technology Officer");
    other.setValue(Field::City, "Paris");
    other.extraEmails = {"jane@home.example"};
    other.tags = {"paris", "VIP"};
    MergeChoices choices = ContactMerger::defaultChoices(kept, other);
    QCOMPARE(choices[size_t(Field::City)], MergeSide::Other);
    QCOMPARE(choices[size_t(Field::JobTitle)], MergeSide::Kept);
    choices[size_t(Field::Email)] = MergeSide::Other;
    const MergePlan plan = ContactMerger::plan(kept, other, choices);
    QCOMPARE(plan.merged.value(Field::Email), "j.smith@acme.com");
    QCOMPARE(plan.merged.value(Field::City), "Paris");
    QCOMPARE(plan.merged.extraEmails, QStringList({"jane@home.example", "jane@acme.com"}));
    QCOMPARE(plan.merged.tags, QStringList({"vip", "paris"}));
    QCOMPARE(plan.leftovers, QStringList({"first_name: Janet", "job_title: Chief Technology Officer"}));
    QVERIFY(plan.merged.value(Field::Notes).contains("job_title: Chief Technology Officer"));
}

// One contact has the E.164 number, the other the same number as its country writes it (kept as typed when
// its file was read without the phone region): the merged contact has that phone once.
void TestContactMerger::planKeepsOnePhoneInEitherForm()
{
    Contact kept;
    kept.id = 1;
    kept.setValue(Field::Email, "jane@acme.com");
    kept.setValue(Field::Phone, "+33612345678");
    Contact other;
    other.id = 2;
    other.setValue(Field::Email, "j.smith@acme.com");
    other.setValue(Field::Phone, "06 12 34 56 78");
    other.extraPhones = {{"+33 6 99 99 99 99", PhoneType::None}, {"06.12.34.56.78", PhoneType::Mobile}};
    const MergePlan plan = ContactMerger::plan(kept, other, ContactMerger::defaultChoices(kept, other));
    QCOMPARE(plan.merged.value(Field::Phone), "+33612345678");
    QStringList extras;
    for (const PhoneEntry& phone : plan.merged.extraPhones)
        extras << phone.number;
    QCOMPARE(extras, QStringList {"+33 6 99 99 99 99"});
}

void TestContactMerger::mergeIsOneUndoStep()
{
    StoreFixture f;
    f.upsert("first_name=Jane|last_name=Smith|email=jane@acme.com|job_title=CTO|tags=vip|company_domain=acme.com");
    f.upsert("first_name=Jane|last_name=Smith|email=j.smith@acme.com|phone=+33612345678|city=Paris|tags=paris");
    const QString before = f.snapshot();
    auto merger = ContactMerger::create(*f.db, f.clock);
    QVERIFY(merger);
    auto kept = f.store->contact(1);
    auto other = f.store->contact(2);
    auto outcome = (*merger)->merge(1, 2, ContactMerger::defaultChoices(*kept, *other), {"merge", "Merge Jane"});
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().toString()));
    QCOMPARE(f.store->count(), 1);
    const Contact merged = *f.store->contact(1);
    QCOMPARE(merged.value(Field::Email), "jane@acme.com");
    QCOMPARE(merged.value(Field::Phone), "+33612345678");
    QCOMPARE(merged.value(Field::City), "Paris");
    QCOMPARE(merged.extraEmails, QStringList({"j.smith@acme.com"}));
    QCOMPARE(merged.tags, QStringList({"vip", "paris"}));
    QVERIFY(!f.store->contact(2));
    // Search sees the merged contact only.
    QCOMPARE(f.scalar("SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH '\"paris\"*'"), 1);

    const auto step = f.undo->nextUndo();
    QVERIFY(step);
    QCOMPARE(step->operationId, outcome->operationId);
    QCOMPARE(step->label, "Merge Jane");
    QVERIFY(f.undo->undo());
    QCOMPARE(f.snapshot(), before);
    QCOMPARE(f.store->count(), 2);
    QVERIFY(f.undo->redo());
    QCOMPARE(f.store->count(), 1);
    QCOMPARE(f.store->contact(1)->extraEmails, QStringList({"j.smith@acme.com"}));
}

void TestContactMerger::mergeMovesIdentifiers()
{
    StoreFixture f;
    f.upsert("first_name=A|email=a@x.com|linkedin_url=https://www.linkedin.com/in/aaa");
    f.upsert("first_name=B|email=b@x.com|linkedin_url=https://www.linkedin.com/in/bbb");
    const QString before = f.snapshot();
    auto merger = std::move(*ContactMerger::create(*f.db, f.clock));
    MergeChoices choices {};
    choices.fill(MergeSide::Other); // every value from the contact that goes away
    auto outcome = merger->merge(1, 2, choices, {"merge", "Merge B into A"});
    QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().toString()));
    const Contact merged = *f.store->contact(1);
    QCOMPARE(merged.value(Field::Email), "b@x.com");
    QCOMPARE(merged.value(Field::LinkedinUrl), "https://www.linkedin.com/in/bbb");
    QCOMPARE(merged.extraEmails, QStringList({"a@x.com"}));
    QVERIFY(merged.value(Field::Notes).contains("linkedin_url: https://www.linkedin.com/in/aaa"));
    // The engine now finds the kept contact by the other's identifiers.
    QCOMPARE(f.upsert("email=b@x.com|city=Lyon").contactId, 1);
    QVERIFY(f.undo->undo()); // the Lyon edit
    QVERIFY(f.undo->undo()); // the merge
    QCOMPARE(f.snapshot(), before);
}

void TestContactMerger::refusesBadInput()
{
    StoreFixture f;
    f.upsert("email=a@x.com");
    auto merger = std::move(*ContactMerger::create(*f.db, f.clock));
    MergeChoices choices {};
    QCOMPARE(merger->merge(1, 1, choices, {"merge", "x"}).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(merger->merge(1, 9, choices, {"merge", "x"}).error().code, ErrorCode::ContactNotFound);
    QVERIFY(!f.undo->nextUndo() || f.undo->nextUndo()->label != "x");
}

QTEST_GUILESS_MAIN(TestContactMerger)
#include "tst_contactmerger.moc"
