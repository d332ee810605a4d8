#include "StoreFixture.h"
#include "store/ContactMerger.h"
#include "store/DuplicateFinder.h"
#include "store/DuplicateVerdicts.h"
#include "store/NameSimilarity.h"

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
    void scoresPairs_data();
    void scoresPairs();
    void ordersStrongestFirst();
    void verdictHidesPairUntilUndone();
    void comparesFirstNames_data();
    void comparesFirstNames();
};

namespace {

QStringList reasonNames(const DuplicatePair& pair)
{
    QStringList names;
    for (const DuplicateReason reason : pair.reasons)
        names << DuplicateFinder::reasonName(reason);
    return names;
}

} // namespace

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
    QTest::newRow("same name at one company")
        << QStringList {"first_name=Jane|last_name=Smith|email=jane@acme.com|company_domain=acme.com",
                        "first_name=jane|last_name=SMITH|email=js@acme.com|company_domain=acme.com"}
        << 1 << int(DuplicateReason::SameName) << "Smith";
    QTest::newRow("an initial alone at one company")
        << QStringList {"first_name=Jane|last_name=Smith|email=jane@acme.com|company_domain=acme.com",
                        "first_name=J.|last_name=SMITH|email=js@acme.com|company_domain=acme.com"}
        << 0 << 0 << "";
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
    // for the flag, which is the stronger reason, with the names as further reasons.
    StoreFixture f;
    f.upsert("first_name=Ann|last_name=Smith|email=ann@acme.com|company_domain=acme.com");
    f.upsert("first_name=Anne|last_name=Smith|linkedin_url=https://www.linkedin.com/in/asmith|"
             "company_domain=acme.com");
    DuplicateFinder finder(*f.db);
    QCOMPARE(finder.scan()->at(0).reason, DuplicateReason::NameTypo);
    f.upsert("email=ann@acme.com|linkedin_url=https://linkedin.com/in/asmith");
    QCOMPARE(f.scalar("SELECT count(*) FROM duplicate_hints"), 1);
    auto found = finder.scan();
    QVERIFY(found);
    QCOMPARE(found->size(), 1);
    QCOMPARE(found->at(0).reason, DuplicateReason::FlaggedOnImport);
    QCOMPARE(reasonNames(found->at(0)), QStringList({"flagged_on_import", "name_typo", "same_company"}));
}

void TestDuplicateFinder::scoresPairs_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<int>("pairs");
    QTest::addColumn<QStringList>("reasons"); // of the first pair, strongest first
    const QString acme = "|company_domain=acme.com";
    QTest::newRow("Léa, Louis and Lucas Martin at one company are three people")
        << QStringList {"first_name=Léa|last_name=Martin|email=lea@acme.com" + acme,
                        "first_name=Louis|last_name=Martin|email=louis@acme.com" + acme,
                        "first_name=Lucas|last_name=Martin|email=lucas@acme.com" + acme}
        << 0 << QStringList {};
    QTest::newRow("nickname") << QStringList {"first_name=Bob|last_name=Smith|email=bob@acme.com" + acme,
                                              "first_name=Robert|last_name=Smith|email=rsmith@acme.com" + acme}
                              << 1 << QStringList {"nickname", "same_company"};
    QTest::newRow("typo") << QStringList {"first_name=Jon|last_name=Smith|email=jon@acme.com" + acme,
                                          "first_name=John|last_name=Smith|email=john@acme.com" + acme}
                          << 1 << QStringList {"name_typo", "same_company"};
    QTest::newRow("accents folded") << QStringList {"first_name=Léa|last_name=Martin|email=lea@acme.com" + acme,
                                                    "first_name=Lea|last_name=MARTIN|email=lm@acme.com" + acme}
                                    << 1 << QStringList {"name_spelling", "same_company"};
    QTest::newRow("German transliteration")
        << QStringList {"first_name=Jürgen|last_name=Müller|email=jm@acme.com" + acme,
                        "first_name=Juergen|last_name=Mueller|email=jmueller@acme.com" + acme,
                        "first_name=Jurgen|last_name=Muller|email=jmuller@acme.com|company_domain=other.com"}
        << 1 << QStringList {"name_spelling", "same_company"};
    QTest::newRow("nickname at two companies is not enough")
        << QStringList {"first_name=Bob|last_name=Smith|email=bob@acme.com" + acme,
                        "first_name=Robert|last_name=Smith|email=bob@globex.com|company_domain=globex.com"}
        << 0 << QStringList {};
    QTest::newRow("same phone, different first names")
        << QStringList {"first_name=Ann|last_name=Smith|email=a@x.com|phone=+33612345678",
                        "first_name=Zoe|last_name=Smith|email=z@x.com|phone=+33612345678"}
        << 1 << QStringList {"same_phone", "same_company"}; // the engine links both to x.com
    QTest::newRow("same phone and an initial")
        << QStringList {"first_name=Jane|last_name=Smith|email=a@x.com|phone=+33612345678",
                        "first_name=J.|last_name=Smith|email=z@x.com|phone=+33612345678"}
        << 1 << QStringList {"same_phone", "same_company", "initial"};
}

void TestDuplicateFinder::scoresPairs()
{
    QFETCH(QStringList, specs);
    QFETCH(int, pairs);
    QFETCH(QStringList, reasons);
    StoreFixture f;
    for (const QString& spec : specs)
        f.upsert(spec);
    auto found = DuplicateFinder(*f.db).scan();
    QVERIFY(found);
    QCOMPARE(found->size(), pairs);
    if (pairs > 0) {
        QCOMPARE(reasonNames(found->at(0)), reasons);
        QVERIFY(found->at(0).score > 0 && found->at(0).score <= 100);
    }
}

void TestDuplicateFinder::ordersStrongestFirst()
{
    StoreFixture f;
    const QString acme = "|company_domain=acme.com";
    f.upsert("first_name=Jon|last_name=Doe|email=jon@acme.com" + acme); // 1
    f.upsert("first_name=John|last_name=Doe|email=john@acme.com" + acme); // 2: typo of 1
    f.upsert("first_name=Bob|last_name=Jones|email=bob@acme.com" + acme); // 3
    f.upsert("first_name=Robert|last_name=Jones|email=rj@acme.com" + acme); // 4: nickname of 3
    f.upsert("first_name=Ann|last_name=Lee|email=ann@x.com"); // 5
    f.upsert("first_name=Zed|last_name=Kim|email=zed@y.com"); // 6: shares 5's email, other names
    SqlStatement insert(*f.db,
                        "INSERT INTO contact_emails (contact_id, position, email, email_norm) "
                        "VALUES (6, 0, 'ann@x.com', 'ann@x.com')");
    QVERIFY(insert.exec());
    auto found = DuplicateFinder(*f.db).scan();
    QVERIFY(found);
    QCOMPARE(found->size(), 3);
    QCOMPARE(std::pair(found->at(0).first, found->at(0).second), std::pair(qint64(5), qint64(6)));
    QCOMPARE(found->at(0).reason, DuplicateReason::SameEmail);
    QCOMPARE(found->at(0).key, QStringLiteral("ann@x.com"));
    QCOMPARE(std::pair(found->at(1).first, found->at(1).second), std::pair(qint64(3), qint64(4)));
    QCOMPARE(std::pair(found->at(2).first, found->at(2).second), std::pair(qint64(1), qint64(2)));
    QVERIFY(found->at(0).score > found->at(1).score);
    QVERIFY(found->at(1).score > found->at(2).score);
}

void TestDuplicateFinder::verdictHidesPairUntilUndone()
{
    StoreFixture f;
    f.upsert("first_name=Bob|last_name=Smith|email=bob@acme.com|company_domain=acme.com");
    f.upsert("first_name=Robert|last_name=Smith|email=rs@acme.com|company_domain=acme.com");
    DuplicateFinder finder(*f.db);
    QCOMPARE(finder.scan()->size(), 1);
    DuplicateVerdicts verdicts(*f.db, f.clock);
    QVERIFY(verdicts.markNotDuplicate(2, 1, "Not a duplicate: Bob Smith and Robert Smith"));
    QCOMPARE(finder.scan()->size(), 0);
    QCOMPARE(f.undo->nextUndo()->label, QStringLiteral("Not a duplicate: Bob Smith and Robert Smith"));

    // They later share a phone: the user said no, the verdict stands.
    f.upsert("email=bob@acme.com|phone=+33612345678");
    f.upsert("email=rs@acme.com|phone=+33612345678");
    QCOMPARE(finder.scan()->size(), 0);
    {
        // Kept in the file: another connection (a reopened database) sees it too.
        auto reopened = Database::open(f.db->path());
        QVERIFY(reopened);
        QCOMPARE(DuplicateFinder(**reopened).scan()->size(), 0);
    }

    // Undo the two phone edits, then the verdict: the pair is back; redo hides it again.
    QVERIFY(f.undo->undo());
    QVERIFY(f.undo->undo());
    QCOMPARE(finder.scan()->size(), 0);
    auto undone = f.undo->undo();
    QVERIFY(undone);
    QCOMPARE(undone->label, QStringLiteral("Not a duplicate: Bob Smith and Robert Smith"));
    QCOMPARE(finder.scan()->size(), 1);
    QCOMPARE(*verdicts.contains(1, 2), false);
    QVERIFY(f.undo->redo());
    QCOMPARE(*verdicts.contains(1, 2), true);
    QCOMPARE(finder.scan()->size(), 0);
}

void TestDuplicateFinder::comparesFirstNames_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("match");
    QTest::newRow("same") << "Anna"
                          << "anna" << int(NameMatch::Same);
    QTest::newRow("accent") << "Léa"
                            << "Lea" << int(NameMatch::Spelling);
    QTest::newRow("umlaut transliterated") << "Jürgen"
                                           << "Juergen" << int(NameMatch::Spelling);
    QTest::newRow("Bill") << "Bill"
                          << "William" << int(NameMatch::Nickname);
    QTest::newRow("Alexandre") << "Alex"
                               << "Alexandre" << int(NameMatch::Nickname);
    QTest::newRow("Jon/John") << "Jon"
                              << "John" << int(NameMatch::Typo);
    QTest::newRow("swap") << "Micheal"
                          << "Michael" << int(NameMatch::Typo);
    QTest::newRow("initial") << "J."
                             << "Jane" << int(NameMatch::Initial);
    QTest::newRow("other initial") << "K."
                                   << "Jane" << int(NameMatch::Different);
    QTest::newRow("Léa/Louis") << "Léa"
                               << "Louis" << int(NameMatch::Different);
    QTest::newRow("Louis/Lucas") << "Louis"
                                 << "Lucas" << int(NameMatch::Different);
    QTest::newRow("short names one letter apart") << "Léa"
                                                  << "Lia" << int(NameMatch::Different);
}

void TestDuplicateFinder::comparesFirstNames()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, match);
    QCOMPARE(int(NameSimilarity::compareFirstNames(a, b)), match);
    QCOMPARE(int(NameSimilarity::compareFirstNames(b, a)), match);
}

QTEST_GUILESS_MAIN(TestDuplicateFinder)
#include "tst_duplicatefinder.moc"
