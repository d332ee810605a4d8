// The bulk load's key filter: a lookup it rules out must be one the indexes would have answered "none" to, whoever
// wrote the key (this load, a contact stored before, another program meanwhile).
#include "StoreFixture.h"
#include "store/KeyFilter.h"

#include <QTest>

using namespace roster;
using namespace roster::test;

class TestKeyFilter : public QObject
{
    Q_OBJECT

private slots:
    void keysAddedAreAlwaysHeld();
    void keysNeverAddedAreMostlyRuledOut();
    void bulkLoadFindsKeysStoredBefore_data();
    void bulkLoadFindsKeysStoredBefore();
    void bulkLoadFindsKeysItWrote();
    void bulkLoadFindsKeysAnotherConnectionWrote_data();
    void bulkLoadFindsKeysAnotherConnectionWrote();

private:
    static QVector<ContactPatch> patches(const QStringList& specs)
    {
        QVector<ContactPatch> list;
        for (const QString& spec : specs)
            list << patchFrom(spec);
        return list;
    }
    static QVector<UpsertResult> batch(StoreFixture& f, qint64 op, const QStringList& specs)
    {
        auto results = f.engine->upsertBatch(patches(specs), UpsertPolicies::local(), op);
        if (!results)
            qFatal("batch failed: %s", qPrintable(results.error().toString()));
        return *results;
    }
};

void TestKeyFilter::keysAddedAreAlwaysHeld()
{
    // Past its size too: a fuller filter says "maybe" more often, never "no" to a key it holds.
    KeyFilter filter(1000);
    for (int i = 0; i < 50000; ++i)
        filter.add(i % 4, QStringLiteral("user%1@example.com").arg(i));
    for (int i = 0; i < 50000; ++i)
        QVERIFY(filter.mayHold(i % 4, QStringLiteral("user%1@example.com").arg(i)));
}

void TestKeyFilter::keysNeverAddedAreMostlyRuledOut()
{
    KeyFilter filter(100000);
    for (int i = 0; i < 100000; ++i)
        filter.add(0, QStringLiteral("+3361%1").arg(i, 7, 10, QLatin1Char('0')));
    int maybe = 0;
    for (int i = 0; i < 100000; ++i) {
        // The same text under another kind is another key.
        maybe += filter.mayHold(1, QStringLiteral("+3361%1").arg(i, 7, 10, QLatin1Char('0')));
        maybe += filter.mayHold(0, QStringLiteral("+3362%1").arg(i, 7, 10, QLatin1Char('0')));
    }
    QVERIFY2(maybe < 1000, qPrintable(QString::number(maybe))); // sized for 0.1%: 200 expected of 200,000
}

void TestKeyFilter::bulkLoadFindsKeysStoredBefore_data()
{
    QTest::addColumn<QString>("row");
    QTest::newRow("email, another case") << "email=ADA@acme.com|city=Paris";
    QTest::newRow("extra email") << "email=ada.l@acme.com|city=Paris";
    QTest::newRow("linkedin") << "linkedin_url=https://www.linkedin.com/in/ada-l|city=Paris";
    QTest::newRow("sales navigator") << "sales_nav_url=linkedin.com/sales/lead/ACwAAA123|city=Paris";
    QTest::newRow("phone") << "phone=+33 6 12 34 56 78|city=Paris";
    QTest::newRow("extra phone, national") << "phone=01 40 00 00 00|city=Paris";
}

void TestKeyFilter::bulkLoadFindsKeysStoredBefore()
{
    QFETCH(QString, row);
    StoreFixture f;
    const UpsertResult stored
        = f.upsert(QStringLiteral("email=ada@acme.com|extra_emails=ada.l@acme.com|linkedin_url=linkedin.com/in/ada-l|"
                                  "sales_nav_url=linkedin.com/sales/lead/ACwAAA123|phone=+33612345678|"
                                  "extra_phones=+33140000000 (work)"));
    QVERIFY(f.engine->beginBulkLoad(5000)); // large against one contact: the bulk path, with its filter
    auto op = f.engine->beginOperation({QStringLiteral("import"), {}});
    QVERIFY(op);
    const QVector<UpsertResult> results = batch(f, *op, {row, QStringLiteral("email=new@acme.com")});
    QVERIFY(f.engine->endBulkLoad());
    QCOMPARE(static_cast<int>(results.at(0).status), static_cast<int>(UpsertResult::Status::Updated));
    QCOMPARE(results.at(0).contactId, stored.contactId);
    QCOMPARE(static_cast<int>(results.at(1).status), static_cast<int>(UpsertResult::Status::Created));
    QCOMPARE(f.scalar("SELECT count(*) FROM contacts"), 2);
}

void TestKeyFilter::bulkLoadFindsKeysItWrote()
{
    StoreFixture f;
    QVERIFY(f.engine->beginBulkLoad(5000));
    auto op = f.engine->beginOperation({QStringLiteral("import"), {}});
    QVERIFY(op);
    const QVector<UpsertResult> first
        = batch(f, *op,
                {QStringLiteral("email=a@acme.com|extra_emails=a2@acme.com|phone=+33612345678|"
                                "extra_phones=+33140000000"),
                 QStringLiteral("linkedin_url=linkedin.com/in/b|sales_nav_url=linkedin.com/sales/lead/ACwAAB")});
    // In the same batch as its first row, and in a later one.
    const QVector<UpsertResult> sameBatch
        = batch(f, *op, {QStringLiteral("email=c@acme.com|city=Lyon"), QStringLiteral("email=C@acme.com|city=Nice")});
    const QVector<UpsertResult> later
        = batch(f, *op,
                {QStringLiteral("email=A2@acme.com|job_title=CTO"), QStringLiteral("phone=01 40 00 00 00|city=Metz"),
                 QStringLiteral("phone=06 12 34 56 78|country=France"),
                 QStringLiteral("linkedin_url=https://www.linkedin.com/in/b/|city=Brest"),
                 QStringLiteral("sales_nav_url=https://www.linkedin.com/sales/lead/ACwAAB,NAME|city=Caen")});
    QVERIFY(f.engine->endBulkLoad());
    QCOMPARE(sameBatch.at(1).contactId, sameBatch.at(0).contactId);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(later.at(i).contactId, first.at(0).contactId);
    for (int i = 3; i < 5; ++i)
        QCOMPARE(later.at(i).contactId, first.at(1).contactId);
    QCOMPARE(f.scalar("SELECT count(*) FROM contacts"), 3);
}

void TestKeyFilter::bulkLoadFindsKeysAnotherConnectionWrote_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("row");
    // A phone is no unique key: without the other writer's contact, a second one would be created silently.
    QTest::newRow("phone") << "phone=+33699999999|first_name=Other"
                           << "phone=06 99 99 99 99|city=Lyon";
    QTest::newRow("extra phone") << "email=other@acme.com|extra_phones=+33699999999"
                                 << "phone=+33699999999|city=Lyon";
    QTest::newRow("email") << "email=other@acme.com"
                           << "email=Other@acme.com|city=Lyon";
    QTest::newRow("linkedin") << "linkedin_url=linkedin.com/in/other"
                              << "linkedin_url=linkedin.com/in/other|city=Lyon";
}

void TestKeyFilter::bulkLoadFindsKeysAnotherConnectionWrote()
{
    QFETCH(QString, written);
    QFETCH(QString, row);
    StoreFixture f;
    QVERIFY(f.engine->beginBulkLoad(5000));
    auto op = f.engine->beginOperation({QStringLiteral("import"), {}});
    QVERIFY(op);
    batch(f, *op, {QStringLiteral("email=first@acme.com|phone=+33611111111")});
    qint64 theirs = 0;
    {
        // Another program (the window, a sync) writes between two batches of the load.
        auto other = Database::open(f.dir.filePath(QStringLiteral("test.sqlite")));
        QVERIFY(other);
        auto engine = UpsertEngine::create(**other, f.clock, QStringLiteral("FR"));
        QVERIFY(engine);
        auto result = (*engine)->upsert(patchFrom(written), UpsertPolicies::local(), {QStringLiteral("manual"), {}});
        QVERIFY(result);
        QCOMPARE(static_cast<int>(result->status), static_cast<int>(UpsertResult::Status::Created));
        theirs = result->contactId;
    }
    const QVector<UpsertResult> results = batch(f, *op, {row});
    QVERIFY(f.engine->endBulkLoad());
    QCOMPARE(static_cast<int>(results.at(0).status), static_cast<int>(UpsertResult::Status::Updated));
    QCOMPARE(results.at(0).contactId, theirs);
    QCOMPARE(f.scalar("SELECT count(*) FROM contacts"), 2);
}

QTEST_GUILESS_MAIN(TestKeyFilter)
#include "tst_keyfilter.moc"
