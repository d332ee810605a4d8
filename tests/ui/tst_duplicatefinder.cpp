#include "StoreFixture.h"
#include "store/ContactMerger.h"
#include "store/DuplicateFinder.h"

using namespace roster;
using namespace roster::test;

class TestDuplicateFinder : public QObject
{
    Q_OBJECT

private slots:
    void findsPairs_data();
    void findsPairs();
    void ignoresDeletedContacts();
    void listsPairsTheEngineFlagged();
    void flaggedPairIsListedOnce();
};

void TestDuplicateFinder::findsPairs_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<int>("pairs");
    QTest::addColumn<int>("reason");
    QTest::addColumn<QString>("key");
    QTest::newRow("primary vs extra email") << QStringList {"first_name=A|email=a@x.com", "first_name=B|email=b@y.com"}
                                            << 1 << int(DuplicateReason::SameEmail) << "a@x.com";
    QTest::newRow("same phone") << QStringList {"first_name=A|email=a@x.com|phone=+33612345678",
                                                "first_name=B|email=b@x.com|phone=06 12 34 56 78"}
                                << 1 << int(DuplicateReason::SamePhone) << "+33612345678";
    QTest::newRow("main phone vs other phone")
        << QStringList {"first_name=A|email=a@x.com|phone=+33612345678",
                        "first_name=B|email=b@x.com|phone=+33140000000|extra_phones=06 12 34 56 78 (mobile)"}
        << 1 << int(DuplicateReason::SamePhone) << "+33612345678";
    QTest::newRow("similar name at one company")
        << QStringList {"first_name=Jane|last_name=Smith|email=jane@acme.com|company_domain=acme.com",
                        "first_name=J.|last_name=SMITH|email=js@acme.com|company_domain=acme.com"}
        << 1 << int(DuplicateReason::SimilarNameAtCompany) << "smith j";
    QTest::newRow("same name, other company")
        << QStringList {"first_name=Jane|last_name=Smith|email=jane@acme.com|company_domain=acme.com",
                        "first_name=Jane|last_name=Smith|email=jane@globex.com|company_domain=globex.com"}
        << 0 << 0 << "";
    QTest::newRow("nothing shared") << QStringList {"email=a@x.com", "email=b@x.com"} << 0 << 0 << "";
}

void TestDuplicateFinder::findsPairs()
{
    QFETCH(QStringList, specs);
    QFETCH(int, pairs);
    QFETCH(int, reason);
    QFETCH(QString, key);
    StoreFixture f;
    for (const QString& spec : specs)
        f.upsert(spec);
    if (QString(QTest::currentDataTag()) == "primary vs extra email") {
        // Give B the address A has as primary, behind the engine's back (as an old database might hold).
        SqlStatement insert(*f.db,
                            "INSERT INTO contact_emails (contact_id, position, email, email_norm) "
                            "VALUES (2, 0, 'A@x.com', 'a@x.com')");
        QVERIFY(insert.exec());
    }
    DuplicateFinder finder(*f.db);
    auto found = finder.scan();
    QVERIFY(found);
    QCOMPARE(found->size(), pairs);
    if (pairs > 0) {
        QCOMPARE(found->at(0).first, 1);
        QCOMPARE(found->at(0).second, 2);
        QCOMPARE(int(found->at(0).reason), reason);
        QCOMPARE(found->at(0).key, key);
    }
}

void TestDuplicateFinder::ignoresDeletedContacts()
{
    StoreFixture f;
    f.upsert("email=a@x.com|phone=+33612345678");
    f.upsert("email=b@x.com|phone=+33612345678");
    DuplicateFinder finder(*f.db);
    QCOMPARE(finder.scan()->size(), 1);
    QVERIFY(f.engine->remove({2}, {"manual", "delete"}));
    QCOMPARE(finder.scan()->size(), 0);
}

void TestDuplicateFinder::listsPairsTheEngineFlagged()
{
    StoreFixture f;
    f.upsert("first_name=Ann|email=ann@x.com");
    f.upsert("first_name=Bea|linkedin_url=https://www.linkedin.com/in/bea");
    DuplicateFinder finder(*f.db);
    QCOMPARE(finder.scan()->size(), 0);

    // The email matches contact 1 and the LinkedIn URL contact 2: the email wins, the URL is not applied
    // (so no shared value is left for the scan), and the warning is kept as a hint.
    const UpsertResult result = f.upsert("email=ann@x.com|linkedin_url=https://linkedin.com/in/bea");
    QCOMPARE(result.contactId, 1);
    QCOMPARE(result.warnings.size(), 1);
    QCOMPARE(result.warnings.at(0).code, ErrorCode::PossibleDuplicate);
    QCOMPARE(result.warnings.at(0).otherContactId, 2);
    QCOMPARE(f.scalar("SELECT count(*) FROM duplicate_hints"), 1);

    auto found = finder.scan();
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->at(0).first, 1);
    QCOMPARE(found->at(0).second, 2);
    QCOMPARE(found->at(0).reason, DuplicateReason::FlaggedOnImport);
    QCOMPARE(found->at(0).field, QStringLiteral("linkedin_url"));
    QVERIFY2(found->at(0).key.contains(QStringLiteral("contact 2")), qPrintable(found->at(0).key));
    QCOMPARE(DuplicateFinder::reasonName(found->at(0).reason), QStringLiteral("flagged_on_import"));

    // The same clash again adds nothing.
    f.upsert("email=ann@x.com|linkedin_url=https://linkedin.com/in/bea");
    QCOMPARE(f.scalar("SELECT count(*) FROM duplicate_hints"), 1);

    // Merging removes the pair (the other contact is deleted); undoing the merge brings it back.
    auto merger = std::move(*ContactMerger::create(*f.db, f.clock));
    const auto kept = f.store->contact(1);
    const auto other = f.store->contact(2);
    QVERIFY(kept && other);
    QVERIFY(merger->merge(1, 2, ContactMerger::defaultChoices(*kept, *other), {"merge", "Merge Bea into Ann"}));
    QCOMPARE(finder.scan()->size(), 0);
    QVERIFY(f.undo->undo());
    QCOMPARE(finder.scan()->size(), 1);
}

void TestDuplicateFinder::flaggedPairIsListedOnce()
{
    // The engine flags the pair, and the scan finds it again by the similar name at one company: one row,
    // for the flag, which is listed first.
    StoreFixture f;
    f.upsert("first_name=Ann|last_name=Smith|email=ann@acme.com|company_domain=acme.com");
    f.upsert("first_name=A.|last_name=Smith|linkedin_url=https://www.linkedin.com/in/asmith|company_domain=acme.com");
    DuplicateFinder finder(*f.db);
    QCOMPARE(finder.scan()->at(0).reason, DuplicateReason::SimilarNameAtCompany);
    f.upsert("email=ann@acme.com|linkedin_url=https://linkedin.com/in/asmith");
    QCOMPARE(f.scalar("SELECT count(*) FROM duplicate_hints"), 1);
    auto found = finder.scan();
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->at(0).reason, DuplicateReason::FlaggedOnImport);
}

QTEST_GUILESS_MAIN(TestDuplicateFinder)
#include "tst_duplicatefinder.moc"
