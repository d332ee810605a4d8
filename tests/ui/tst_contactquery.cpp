#include "StoreFixture.h"
#include "store/ContactQuery.h"

using namespace roster;
using namespace roster::test;

class TestContactQuery : public QObject
{
    Q_OBJECT

private slots:
    void pagesInOrder();
    void sortsByField();
    void searchesByPrefix();
    void searchesByPrefix_data();
    void filtersByTagAndCompany();
    void facetsCountLiveContacts();
    void quotesUserSyntax();
};

static std::unique_ptr<ContactQuery> queryOn(StoreFixture& f)
{
    auto q = ContactQuery::create(*f.db);
    if (!q)
        qFatal("no query");
    return std::move(*q);
}

static void seed(StoreFixture& f)
{
    f.upsert(
        "first_name=Jane|last_name=Smith|email=jane@acme.com|company_domain=acme.com|company_name=Acme|tags=vip,paris");
    f.upsert("first_name=John|last_name=Doe|email=john@acme.com|company_domain=acme.com|company_name=Acme|tags=paris");
    f.upsert("first_name=Zoé|last_name=Adler|email=zoe@globex.com|company_domain=globex.com|company_name=Globex");
    f.upsert("first_name=Émile|last_name=Brun|email=emile@example.org");
}

void TestContactQuery::pagesInOrder()
{
    StoreFixture f;
    seed(f);
    auto q = queryOn(f);
    QCOMPARE(q->total(), 4);
    auto first = q->rows({}, {}, 0, 2);
    QVERIFY(first);
    QCOMPARE(first->size(), 2);
    QCOMPARE(first->at(0).value(Field::FirstName), "Jane");
    auto second = q->rows({}, {}, 2, 2);
    QCOMPARE(second->at(0).value(Field::FirstName), "Zoé");
    QCOMPARE(q->rows({}, {}, 4, 2)->size(), 0);
}

void TestContactQuery::sortsByField()
{
    StoreFixture f;
    seed(f);
    auto q = queryOn(f);
    ContactOrder order {Field::LastName, false};
    auto rows = q->rows({}, order, 0, 10);
    QStringList names;
    for (const Contact& c : *rows)
        names << c.value(Field::LastName);
    QCOMPARE(names, QStringList({"Adler", "Brun", "Doe", "Smith"}));
    order.descending = true;
    rows = q->rows({}, order, 0, 1);
    QCOMPARE(rows->at(0).value(Field::LastName), "Smith");
}

void TestContactQuery::searchesByPrefix_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<qint64>("count");
    QTest::newRow("first name prefix") << "ja" << qint64(1);
    QTest::newRow("one letter") << "j" << qint64(2);
    QTest::newRow("company") << "acm" << qint64(2);
    QTest::newRow("two words AND") << "acme jo" << qint64(1);
    QTest::newRow("email domain") << "globex" << qint64(1);
    QTest::newRow("accent folded") << "zoe" << qint64(1);
    QTest::newRow("tag") << "vip" << qint64(1);
    QTest::newRow("whole email") << "jane@acme.com" << qint64(1);
    QTest::newRow("nothing") << "qqq" << qint64(0);
}

void TestContactQuery::searchesByPrefix()
{
    QFETCH(QString, search);
    QFETCH(qint64, count);
    StoreFixture f;
    seed(f);
    auto q = queryOn(f);
    ContactFilter filter;
    filter.search = search;
    QCOMPARE(q->count(filter).value_or(-1), count);
    QCOMPARE(q->rows(filter, {}, 0, 100)->size(), count);
}

void TestContactQuery::filtersByTagAndCompany()
{
    StoreFixture f;
    seed(f);
    auto q = queryOn(f);
    const auto tags = *q->tags();
    QCOMPARE(tags.size(), 2);
    QCOMPARE(tags.at(0).name, "paris");
    QCOMPARE(tags.at(0).count, 2);
    ContactFilter filter;
    filter.tagId = tags.at(1).id; // vip
    QCOMPARE(q->count(filter).value_or(-1), 1);
    const auto companies = *q->companies();
    QCOMPARE(companies.size(), 3); // Acme, Globex, and example.org from an email domain
    QCOMPARE(companies.at(0).name, "Acme");
    QCOMPARE(companies.at(0).count, 2);
    filter = {};
    filter.companyId = companies.at(0).id;
    filter.search = "jo";
    QCOMPARE(q->count(filter).value_or(-1), 1);
}

void TestContactQuery::facetsCountLiveContacts()
{
    StoreFixture f;
    seed(f);
    auto removed = f.engine->remove({1}, {"manual", "delete"});
    QVERIFY(removed);
    auto q = queryOn(f);
    QCOMPARE(q->total(), 3);
    const auto tags = *q->tags();
    QCOMPARE(tags.size(), 1); // vip had only Jane
    QCOMPARE(tags.at(0).count, 1);
    ContactFilter filter;
    filter.search = "jane";
    QCOMPARE(q->count(filter).value_or(-1), 0);
}

void TestContactQuery::quotesUserSyntax()
{
    QCOMPARE(ContactQuery::ftsQuery("jan smi"), "\"jan\"* AND \"smi\"*");
    QCOMPARE(ContactQuery::ftsQuery("  "), "");
    StoreFixture f;
    seed(f);
    auto q = queryOn(f);
    for (const char* text : {"\"", "NEAR(", "a OR", "*", "-", "name:jane", "'); DROP"}) {
        ContactFilter filter;
        filter.search = text;
        QVERIFY2(q->count(filter).has_value(), text);
    }
}

QTEST_GUILESS_MAIN(TestContactQuery)
#include "tst_contactquery.moc"
