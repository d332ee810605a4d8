#include "StoreFixture.h"
#include "store/CollationKeys.h"
#include "store/ContactQuery.h"
#include "store/SearchRows.h"
#include "store/SortKeyRefresh.h"
#include "store/SqlStatement.h"
#include "store/StoreSettings.h"

#include <QLocale>

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
    void searchesPhonesAndTitles_data();
    void searchesPhonesAndTitles();
    void facetsFollowTheSearch();
    void keysetStitchesTies_data();
    void keysetStitchesTies();
    void keysetContinuesAfterWrite();
    void keysetWithSearch();
    void sortsByEmailKey_data();
    void sortsByEmailKey();
    void sortsByLanguage_data();
    void sortsByLanguage();
    void tiesByFirstNameThenId();
    void keysFollowTheLocale();
};

namespace {

// Sets the default locale (what the UI language sets) for one test and puts the previous one back.
struct LocaleScope
{
    QLocale previous;
    explicit LocaleScope(const QString& name) { QLocale::setDefault(QLocale(name)); }
    ~LocaleScope() { QLocale::setDefault(previous); }
};

QStringList column(const QVector<Contact>& contacts, Field field)
{
    QStringList values;
    for (const Contact& c : contacts)
        values << c.value(field);
    return values;
}

} // namespace

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
    StoreFixture f;
    seed(f);
    auto q = queryOn(f);
    QCOMPARE(q->matcher("jan smi").match(), "\"jan\"* AND \"smi\"*");
    QCOMPARE(q->matcher("  ").match(), "");
    QVERIFY(q->matcher("  ").isEmpty());
    for (const char* text : {"\"", "NEAR(", "a OR", "*", "-", "name:jane", "'); DROP"}) {
        ContactFilter filter;
        filter.search = text;
        QVERIFY2(q->count(filter).has_value(), text);
    }
}

void TestContactQuery::searchesPhonesAndTitles_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<qint64>("count");
    QTest::newRow("national prefix") << "0612" << qint64(1);
    QTest::newRow("international grouped") << "+33 6 12" << qint64(1);
    QTest::newRow("national grouped") << "06 12 34" << qint64(1);
    QTest::newRow("national dotted") << "06.12.34.56" << qint64(1);
    QTest::newRow("national number") << "612345678" << qint64(1);
    QTest::newRow("e164 digits") << "33612345678" << qint64(1);
    QTest::newRow("other phone") << "01 42 68" << qint64(1);
    QTest::newRow("other phone international") << "+33142" << qint64(1);
    QTest::newRow("another number") << "0699" << qint64(0);
    QTest::newRow("title word") << "directrice" << qint64(1);
    QTest::newRow("title accent folded") << "generale" << qint64(1);
    QTest::newRow("title and name") << "ingenieur zo" << qint64(1);
    QTest::newRow("title prefix of two") << "dir" << qint64(1);
}

void TestContactQuery::searchesPhonesAndTitles()
{
    QFETCH(QString, search);
    QFETCH(qint64, count);
    StoreFixture f;
    seed(f);
    f.upsert("first_name=Jane|email=jane@acme.com|phone=+33612345678|job_title=Directrice générale");
    f.upsert("first_name=Zoé|email=zoe@globex.com|job_title=Ingénieure|extra_phones=+33 1 42 68 53 00 (work)");
    auto q = queryOn(f);
    ContactFilter filter;
    filter.search = search;
    QCOMPARE(q->count(filter).value_or(-1), count);
    QCOMPARE(q->rows(filter, {}, 0, 100)->size(), count);
    // The same terms after the index is built again in SQL (imports, undo, migrations).
    StoreFixture rebuilt;
    seed(rebuilt);
    rebuilt.upsert("first_name=Jane|email=jane@acme.com|phone=+33612345678|job_title=Directrice générale");
    rebuilt.upsert("first_name=Zoé|email=zoe@globex.com|job_title=Ingénieure|extra_phones=+33 1 42 68 53 00 (work)");
    QVERIFY(SqlStatement::execute(*rebuilt.db, "INSERT INTO contacts_fts (contacts_fts) VALUES ('delete-all')"));
    QVERIFY(SqlStatement::execute(*rebuilt.db, QByteArray(SearchRows::insertSql()).constData()));
    auto again = queryOn(rebuilt);
    QCOMPARE(again->count(filter).value_or(-1), count);
}

void TestContactQuery::facetsFollowTheSearch()
{
    StoreFixture f;
    seed(f);
    auto q = queryOn(f);
    ContactFilter filter;
    filter.search = "john";
    const auto tags = *q->tags(filter);
    QCOMPARE(tags.size(), 2); // every tag stays listed, so a chosen one is not lost
    QCOMPARE(tags.at(0).name, "paris");
    QCOMPARE(tags.at(0).count, 1);
    QCOMPARE(tags.at(1).name, "vip");
    QCOMPARE(tags.at(1).count, 0);
    const auto companies = *q->companies(500, filter);
    QCOMPARE(companies.size(), 1);
    QCOMPARE(companies.at(0).name, "Acme");
    QCOMPARE(companies.at(0).count, 1);
    // A tag narrows the companies' counts, and the company the tags' counts; neither its own.
    filter = {};
    filter.tagId = tags.at(1).id;
    filter.companyId = companies.at(0).id;
    QCOMPARE(q->companies(500, filter)->at(0).count, 1);
    QCOMPARE(q->tags(filter)->at(0).count, 2);
}

// 23 contacts whose last names tie, differ only in case, or are empty; returns their ids in the order
// ContactQuery must give: by last name without regard to case, ties by first name then id, empty last names
// after all others in either direction.
static QVector<qint64> seedTies(StoreFixture& f, bool descending)
{
    static const char* const names[] = {"Smith", "smith", "Adams", nullptr, "Brown", "ADAMS"};
    struct Row
    {
        qint64 id;
        QString last;
        QString first;
    };
    QVector<Row> rows;
    for (int i = 0; i < 23; ++i) {
        const char* last = names[i % 6];
        // Every third first name repeats (P0, P0, P0, P3, ...): a tie on both names falls back to the id.
        const QString first = QString("P%1").arg(i - i % 3);
        QString spec = QString("first_name=%1|email=p%2@ties.example").arg(first).arg(i);
        if (last)
            spec += QString("|last_name=") + last;
        rows.append({f.upsert(spec).contactId, last ? QString(last) : QString(), first});
    }
    std::sort(rows.begin(), rows.end(), [descending](const Row& a, const Row& b) {
        if (a.last.isNull() != b.last.isNull())
            return b.last.isNull();
        int c = a.last.compare(b.last, Qt::CaseInsensitive);
        if (c == 0)
            c = a.first.compare(b.first, Qt::CaseInsensitive);
        if (c != 0)
            return descending ? c > 0 : c < 0;
        return descending ? a.id > b.id : a.id < b.id;
    });
    QVector<qint64> ids;
    for (const Row& row : rows)
        ids << row.id;
    return ids;
}

static QVector<qint64> idsOf(const QVector<Contact>& contacts)
{
    QVector<qint64> ids;
    for (const Contact& c : contacts)
        ids << c.id;
    return ids;
}

// Every row, read forwards page after page from each page's last key.
static QVector<qint64> stitchForwards(ContactQuery& q, const ContactFilter& filter, const ContactOrder& order, int size)
{
    QVector<qint64> ids;
    std::optional<RowKey> after;
    for (int guard = 0; guard < 100; ++guard) {
        auto page = q.rowsAfter(filter, order, after, size);
        if (!page || page->contacts.isEmpty())
            break;
        ids += idsOf(page->contacts);
        after = page->keys.constLast();
    }
    return ids;
}

// Every row, read backwards from the end page before page from each page's first key.
static QVector<qint64> stitchBackwards(ContactQuery& q, const ContactFilter& filter, const ContactOrder& order,
                                       int size)
{
    QVector<qint64> ids;
    std::optional<RowKey> before;
    for (int guard = 0; guard < 100; ++guard) {
        auto page = q.rowsBefore(filter, order, before, size);
        if (!page || page->contacts.isEmpty())
            break;
        ids = idsOf(page->contacts) + ids;
        before = page->keys.constFirst();
    }
    return ids;
}

void TestContactQuery::keysetStitchesTies_data()
{
    QTest::addColumn<bool>("descending");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("ascending, pages of 1") << false << 1;
    QTest::newRow("ascending, pages of 4") << false << 4;
    QTest::newRow("descending, pages of 3") << true << 3;
    QTest::newRow("descending, pages of 7") << true << 7;
}

void TestContactQuery::keysetStitchesTies()
{
    QFETCH(bool, descending);
    QFETCH(int, pageSize);
    StoreFixture f;
    const QVector<qint64> expected = seedTies(f, descending);
    auto q = queryOn(f);
    const ContactOrder order {Field::LastName, descending};
    QCOMPARE(stitchForwards(*q, {}, order, pageSize), expected);
    QCOMPARE(stitchBackwards(*q, {}, order, pageSize), expected);
    QCOMPARE(idsOf(*q->rows({}, order, 0, 100)), expected);
    // Jumps: skipping from either end lands on the same rows, across the run of empty last names too.
    for (int offset = 0; offset < expected.size(); offset += 5) {
        QCOMPARE(idsOf(*q->rows({}, order, offset, pageSize)), expected.mid(offset, pageSize));
        const int size = qMin(pageSize, int(expected.size()) - offset);
        const qint64 fromEnd = expected.size() - offset - size;
        QCOMPARE(idsOf(q->rowsBefore({}, order, std::nullopt, size, fromEnd)->contacts), expected.mid(offset, size));
    }
    // Creation order, both ways.
    QVector<qint64> byId = expected;
    std::sort(byId.begin(), byId.end());
    QCOMPARE(stitchForwards(*q, {}, {}, pageSize), byId);
    std::reverse(byId.begin(), byId.end());
    QCOMPARE(stitchForwards(*q, {}, {std::nullopt, true}, pageSize), byId);
}

void TestContactQuery::keysetContinuesAfterWrite()
{
    StoreFixture f;
    const QVector<qint64> expected = seedTies(f, false);
    auto q = queryOn(f);
    const ContactOrder order {Field::LastName, false};
    auto first = q->rowsAfter({}, order, std::nullopt, 5);
    QCOMPARE(idsOf(first->contacts), expected.mid(0, 5)); // five of the seven Adams/ADAMS
    // A contact sorting before the key, one after it (the last Adams by id) and one deleted after it:
    // the next page starts right after the key, takes the new row in its place, never repeats a row.
    const qint64 early = f.upsert("first_name=Early|last_name=Aaron|email=early@ties.example").contactId;
    const qint64 late = f.upsert("first_name=Pz|last_name=Adams|email=late@ties.example").contactId;
    QVERIFY(f.engine->remove({expected.at(6)}, {"manual", "delete"}));
    auto next = q->rowsAfter({}, order, first->keys.constLast(), 3);
    QCOMPARE(idsOf(next->contacts), QVector<qint64>({expected.at(5), late, expected.at(7)}));
    QVERIFY(!idsOf(next->contacts).contains(early));
}

void TestContactQuery::keysetWithSearch()
{
    StoreFixture f;
    seedTies(f, false);
    f.upsert("first_name=Other|last_name=Smith|email=other@elsewhere.example");
    auto q = queryOn(f);
    ContactFilter filter;
    filter.search = "ties";
    QCOMPARE(q->count(filter).value_or(-1), 23);
    for (const ContactOrder& order : {ContactOrder {}, ContactOrder {Field::LastName, false},
                                      ContactOrder {Field::LastName, true}, ContactOrder {Field::Email, true}}) {
        const QVector<qint64> all = idsOf(*q->rows(filter, order, 0, 100));
        QCOMPARE(all.size(), 23);
        QCOMPARE(stitchForwards(*q, filter, order, 4), all);
        QCOMPARE(stitchBackwards(*q, filter, order, 6), all);
        QCOMPARE(idsOf(*q->rows(filter, order, 10, 4)), all.mid(10, 4));
    }
    filter.search = "ties smith";
    QCOMPARE(q->count(filter).value_or(-1), 8); // Smith and smith among the 23, not Other
    QCOMPARE(stitchForwards(*q, filter, {Field::LastName, false}, 3).size(), 8);
}

void TestContactQuery::sortsByEmailKey_data()
{
    QTest::addColumn<bool>("descending");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("ascending, pages of 2") << false << 2;
    QTest::newRow("ascending, pages of 5") << false << 5;
    QTest::newRow("descending, pages of 3") << true << 3;
}

// Since 015 the email order is the email key's (the address in lower case): the same as without regard to
// case, then the contacts without an email, in id order.
void TestContactQuery::sortsByEmailKey()
{
    QFETCH(bool, descending);
    QFETCH(int, pageSize);
    StoreFixture f;
    struct Row
    {
        qint64 id;
        QString email;
    };
    QVector<Row> rows;
    for (const char* email : {"b@x.org", "", "Ab@x.org", "a@x.org", "C@X.org", "", "ZED@x.org", "a.b@x.org", "",
                              "Émile@x.org", "emile@x.org"}) {
        // One without an email is known by its LinkedIn URL.
        const QString spec = QString("first_name=P%1").arg(rows.size())
            + (*email ? QString("|email=") + QString::fromUtf8(email)
                      : QString("|linkedin_url=https://www.linkedin.com/in/p%1").arg(rows.size()));
        rows.append({f.upsert(spec).contactId, QString::fromUtf8(email)});
    }
    std::sort(rows.begin(), rows.end(), [descending](const Row& a, const Row& b) {
        if (a.email.isEmpty() != b.email.isEmpty())
            return b.email.isEmpty();
        const int c = a.email.toLower().compare(b.email.toLower());
        if (c != 0)
            return descending ? c > 0 : c < 0;
        return descending ? a.id > b.id : a.id < b.id;
    });
    QVector<qint64> expected;
    for (const Row& row : rows)
        expected << row.id;
    auto q = queryOn(f);
    const ContactOrder order {Field::Email, descending};
    QCOMPARE(idsOf(*q->rows({}, order, 0, 100)), expected);
    QCOMPARE(stitchForwards(*q, {}, order, pageSize), expected);
    QCOMPARE(stitchBackwards(*q, {}, order, pageSize), expected);
    for (int offset = 0; offset < expected.size(); offset += 4)
        QCOMPARE(idsOf(*q->rows({}, order, offset, pageSize)), expected.mid(offset, pageSize));
    // A contact's email changed in case: its place follows the new key.
    f.upsert("email=B@x.org|first_name=P0");
    QCOMPARE(idsOf(*q->rows({}, order, 0, 100)), expected);
}

void TestContactQuery::sortsByLanguage_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<int>("field");
    QTest::addColumn<QStringList>("expected");
    // É sorts with E, Ç with C, Ø with O; case never matters; an accent only breaks a tie.
    const QStringList order {"Adler", "Castro", "Çelik",      "Dubois",   "Émile",
                             "evans", "Olsen",  "Østergaard", "Williams", "Zola"};
    for (const char* locale : {"en_US", "fr_FR", "de_DE"}) {
        QTest::addRow("%s last name", locale) << QString(locale) << int(Field::LastName) << order;
        QTest::addRow("%s first name", locale) << QString(locale) << int(Field::FirstName) << order;
        QTest::addRow("%s company", locale) << QString(locale) << int(Field::CompanyName) << order;
    }
}

void TestContactQuery::sortsByLanguage()
{
    QFETCH(QString, locale);
    QFETCH(int, field);
    QFETCH(QStringList, expected);
    LocaleScope scope(locale);
    StoreFixture f;
    const char* name = FieldRegistry::info(Field(field)).name;
    QStringList shuffled = expected;
    std::reverse(shuffled.begin(), shuffled.end());
    std::rotate(shuffled.begin(), shuffled.begin() + 3, shuffled.end());
    int n = 0;
    for (const QString& value : std::as_const(shuffled))
        f.upsert(QString("%1=%2|email=s%3@sort.example").arg(QLatin1String(name), value).arg(n++));
    f.upsert("email=empty@sort.example"); // no value: listed after every name, either way
    auto q = queryOn(f);
    const ContactOrder ascending {Field(field), false};
    QCOMPARE(column(*q->rows({}, ascending, 0, 100), Field(field)), expected + QStringList {QString()});
    QStringList reversed = expected;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(column(*q->rows({}, {Field(field), true}, 0, 100), Field(field)), reversed + QStringList {QString()});
    // Keyset paging gives the same order, page after page, both ways.
    const QVector<qint64> all = idsOf(*q->rows({}, ascending, 0, 100));
    QCOMPARE(stitchForwards(*q, {}, ascending, 3), all);
    QCOMPARE(stitchBackwards(*q, {}, ascending, 4), all);
}

void TestContactQuery::tiesByFirstNameThenId()
{
    LocaleScope scope("fr_FR");
    StoreFixture f;
    const qint64 louis = f.upsert("first_name=Louis|last_name=Martin|email=louis@m.example").contactId;
    const qint64 lea = f.upsert("first_name=Léa|last_name=Martin|email=lea@m.example").contactId;
    const qint64 lucas = f.upsert("first_name=Lucas|last_name=MARTIN|email=lucas@m.example").contactId;
    const qint64 lea2 = f.upsert("first_name=léa|last_name=Martin|email=lea2@m.example").contactId;
    const qint64 adam = f.upsert("first_name=Adam|last_name=Martin|email=adam@m.example").contactId;
    const qint64 dubois = f.upsert("first_name=Aaron|last_name=Dubois|email=aaron@m.example").contactId;
    auto q = queryOn(f);
    const ContactOrder order {Field::LastName, false};
    const QVector<qint64> expected {dubois, adam, lea, lea2, louis, lucas};
    QCOMPARE(idsOf(*q->rows({}, order, 0, 100)), expected);
    // Every row exactly once across pages that cut through the ties.
    for (int size : {1, 2, 4})
        QCOMPARE(stitchForwards(*q, {}, order, size), expected);
    QVector<qint64> reversed = expected;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(stitchForwards(*q, {}, {Field::LastName, true}, 2), reversed);
}

void TestContactQuery::keysFollowTheLocale()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("locale.sqlite");
    const auto lastNames = [&] {
        auto db = Database::open(path);
        if (!db)
            qFatal("cannot open");
        auto q = std::move(*ContactQuery::create(**db));
        return column(*q->rows({}, {Field::LastName, false}, 0, 10), Field::LastName);
    };
    {
        LocaleScope scope("en_US");
        auto db = Database::open(path);
        QVERIFY(db);
        FakeClock clock;
        auto engine = std::move(*UpsertEngine::create(**db, clock, "FR"));
        for (const char* name : {"Zola", "Østergaard", "Olsen"}) {
            QVERIFY(engine->upsert(patchFrom(QString("last_name=%1|email=%1@x.example").arg(name)),
                                   UpsertPolicies::local(), {"manual", "add"}));
        }
        QCOMPARE(lastNames(), QStringList({"Olsen", "Østergaard", "Zola"}));
    }
    {
        LocaleScope scope("da_DK");
        // A command run in another locale keeps the order the keys were made in...
        QCOMPARE(lastNames(), QStringList({"Olsen", "Østergaard", "Zola"}));
        // ...and the window in Danish, which sorts Ø after Z, computes every key again.
        auto db = Database::open(path);
        const auto recomputed = SortKeyRefresh::ensure(**db, CollationKeys::currentLocale());
        QVERIFY(recomputed && *recomputed);
        QCOMPARE(StoreSettings(**db).value("sort_locale"), QString("da_DK"));
        const auto again = SortKeyRefresh::ensure(**db, CollationKeys::currentLocale());
        QVERIFY(again && !*again);
        // New contacts get keys for the locale the file notes.
        FakeClock clock;
        auto engine = std::move(*UpsertEngine::create(**db, clock, "FR"));
        QVERIFY(engine->upsert(patchFrom("last_name=Ågren|email=agren@x.example"), UpsertPolicies::local(),
                               {"manual", "add"}));
        QCOMPARE(lastNames(), QStringList({"Olsen", "Zola", "Østergaard", "Ågren"}));
    }
}

QTEST_GUILESS_MAIN(TestContactQuery)
#include "tst_contactquery.moc"
