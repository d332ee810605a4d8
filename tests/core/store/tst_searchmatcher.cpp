#include "StoreFixture.h"
#include "store/ContactQuery.h"
#include "store/SearchRows.h"
#include "store/SqlStatement.h"

#include <QtTest>

using namespace roster;
using namespace roster::test;

// Schema 14 keeps no positions in the search index (detail=column). A search must still find exactly what it
// found when the index kept them: each case is searched through ContactQuery and compared with the same
// contacts indexed with positions (detail=full), asked the FTS5 query Roster sent before 014.
class TestSearchMatcher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void findsWhatPositionsFound_data();
    void findsWhatPositionsFound();
    void splitsAsTheIndexSplits_data();
    void splitsAsTheIndexSplits();
    void leavesLongPrefixesToCheck();
    void indexKeepsNoPositions();

private:
    QList<qint64> ids(const QString& sql, const QString& match);

    std::unique_ptr<StoreFixture> m_f;
    std::unique_ptr<ContactQuery> m_query;
};

void TestSearchMatcher::initTestCase()
{
    m_f = std::make_unique<StoreFixture>();
    StoreFixture& f = *m_f;
    // Pairs that hold a phrase's words in another order, or in two columns, or across two values of a list.
    f.upsert("first_name=Ada|last_name=Lovelace|email=ada.lovelace@analytical.org|company_name=Analytical Engines|"
             "company_domain=analytical.org|job_title=Countess of Lovelace|tags=poet,trade show|phone=+33612345678");
    f.upsert("first_name=Lovelace|last_name=Ada|email=lovelace@ada.com|tags=show,trade");
    f.upsert("first_name=Jean-Luc|last_name=Picard|email=jl.picard@starfleet.org|job_title=Captain");
    f.upsert("first_name=Luc|last_name=Jean|email=jean@luc.fr|extra_emails=picard.jl@example.com");
    f.upsert("first_name=John|last_name=Brown|email=smith@example.org|job_title=John Smith's assistant");
    f.upsert("first_name=Zoé|last_name=Müller-Lüdenscheidt|email=zoe@mueller.de|phone=+4930123456");
    f.upsert("first_name=Two|last_name=Mails|email=x@a.com|extra_emails=com.b@y.org");
    f.upsert("first_name=Dotted|last_name=Phone|email=dotted@phone.fr|phone=06.12.34.56.78|"
             "extra_phones=+1 212.555.0123");
    f.upsert("first_name=Gone|last_name=Lovelace|email=ada.lovelace@gone.org");
    QVERIFY(SqlStatement::execute(*f.db,
                                  "UPDATE contacts SET deleted_at = '2026-01-01T00:00:00.000Z' "
                                  "WHERE email = 'ada.lovelace@gone.org'"));
    const QByteArray unindex = SearchRows::deleteSql() + " WHERE c.deleted_at IS NOT NULL";
    QVERIFY(SqlStatement::execute(*f.db, unindex.constData()));

    QByteArray definition;
    {
        SqlStatement sql(*f.db, "SELECT sql FROM sqlite_master WHERE name = 'contacts_fts'");
        QVERIFY(sql.next());
        definition = sql.columnText(0).toUtf8();
    }
    QVERIFY(definition.contains("detail = column"));
    definition.replace("CREATE VIRTUAL TABLE contacts_fts", "CREATE VIRTUAL TABLE temp.with_positions")
        .replace("detail = column", "detail = full");
    QVERIFY(SqlStatement::execute(*f.db, definition.constData()));
    const QByteArray fill
        = QByteArray(SearchRows::insertSql()).replace("INSERT INTO contacts_fts ", "INSERT INTO temp.with_positions ")
        + " WHERE c.deleted_at IS NULL";
    QVERIFY(SqlStatement::execute(*f.db, fill.constData()));
    auto query = ContactQuery::create(*f.db);
    QVERIFY(query);
    m_query = std::move(*query);
}

QList<qint64> TestSearchMatcher::ids(const QString& sql, const QString& match)
{
    SqlStatement q(*m_f->db, sql.toUtf8().constData());
    q.bind(1, match);
    QList<qint64> found;
    while (q.next())
        found << q.columnInt(0);
    if (q.hasError())
        qWarning("%s", qPrintable(q.lastError().toString()));
    std::sort(found.begin(), found.end());
    return found;
}

void TestSearchMatcher::findsWhatPositionsFound_data()
{
    // The search, and the FTS5 query Roster sent for it before 014.
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("before");
    QTest::addColumn<int>("found");
    // What the index alone finds for the search's terms: more than `found` where the check decides.
    QTest::addColumn<int>("terms");
    QTest::newRow("email, in order") << "ada.lovelace"
                                     << "\"ada.lovelace\"*" << 1 << 2;
    QTest::newRow("email, reversed") << "lovelace.ada"
                                     << "\"lovelace.ada\"*" << 1 << 2;
    QTest::newRow("email with domain") << "lovelace@ada.c"
                                       << "\"lovelace@ada.c\"*" << 1 << 2;
    QTest::newRow("hyphenated name") << "jean-luc"
                                     << "\"jean-luc\"*" << 2 << 2;
    QTest::newRow("hyphenated, reversed") << "luc-jean"
                                          << "\"luc-jean\"*" << 1 << 2;
    QTest::newRow("prefix of the last term") << "jean-l"
                                             << "\"jean-l\"*" << 2 << 2;
    QTest::newRow("one-letter prefix") << "ada.l"
                                       << "\"ada.l\"*" << 1 << 2;
    QTest::newRow("earlier term is whole") << "jea-luc"
                                           << "\"jea-luc\"*" << 0 << 0;
    QTest::newRow("second email") << "picard.jl"
                                  << "\"picard.jl\"*" << 1 << 2;
    QTest::newRow("in a title") << "john.smith"
                                << "\"john.smith\"*" << 1 << 1;
    QTest::newRow("across two emails") << "com.com"
                                       << "\"com.com\"*" << 1 << 3;
    QTest::newRow("across two columns") << "brown.smith"
                                        << "\"brown.smith\"*" << 0 << 1;
    QTest::newRow("accents folded") << "muller-lud"
                                    << "\"muller-lud\"*" << 1 << 1;
    QTest::newRow("accents typed") << "Müller-Lüdenscheidt"
                                   << "\"Müller-Lüdenscheidt\"*" << 1 << 1;
    QTest::newRow("tag of two words") << "trade-show"
                                      << "\"trade-show\"*" << 1 << 2;
    QTest::newRow("two tags") << "show-trade"
                              << "\"show-trade\"*" << 1 << 2;
    QTest::newRow("domain") << "analytical.org"
                            << "\"analytical.org\"*" << 1 << 1;
    QTest::newRow("title words") << "countess-of-l"
                                 << "\"countess-of-l\"*" << 1 << 1;
    QTest::newRow("phrase and word") << "ada.lovelace poet"
                                     << "\"ada.lovelace\"* AND \"poet\"*" << 1 << 1;
    QTest::newRow("phrase and missing word") << "ada.lovelace jean"
                                             << "\"ada.lovelace\"* AND \"jean\"*" << 0 << 0;
    QTest::newRow("two phrases") << "jean-luc jl.pic"
                                 << "\"jean-luc\"* AND \"jl.pic\"*" << 1 << 2;
    QTest::newRow("phrase and phone") << "ada.lovelace 0612"
                                      << "\"ada.lovelace\"* AND \"0612\"*" << 1 << 1;
    QTest::newRow("words") << "ada lovelace"
                           << "\"ada\"* AND \"lovelace\"*" << 2 << 2;
    QTest::newRow("dotted phone") << "06.12.34"
                                  << "(\"06.12.34\"*) OR phones : \"061234\"*" << 2 << 2;
    QTest::newRow("grouped phone") << "+33 6 12"
                                   << "(\"+33\"* AND \"6\"* AND \"12\"*) OR phones : \"33612\"*" << 2 << 2;
    QTest::newRow("us phone") << "212.555"
                              << "(\"212.555\"*) OR phones : \"212555\"*" << 1 << 1;
    QTest::newRow("phone digits") << "33612"
                                  << "\"33612\"*" << 2 << 2;
    QTest::newRow("punctuation only") << "-"
                                      << "\"-\"*" << 0 << 0;
    QTest::newRow("punctuation and word") << "- ada"
                                          << "\"-\"* AND \"ada\"*" << 0 << 0;
    QTest::newRow("deleted contact") << "ada.lovelace@gone"
                                     << "\"ada.lovelace@gone\"*" << 0 << 2;
    QTest::newRow("user syntax") << "name:jean OR"
                                 << "\"name:jean\"* AND \"OR\"*" << 0 << 0;
}

void TestSearchMatcher::findsWhatPositionsFound()
{
    QFETCH(QString, search);
    QFETCH(QString, before);
    QFETCH(int, found);
    const QList<qint64> expected = ids(QStringLiteral("SELECT rowid FROM temp.with_positions WHERE with_positions "
                                                      "MATCH ?"),
                                       before);
    QFETCH(int, terms);
    QCOMPARE(expected.size(), found);
    QCOMPARE(ids(QStringLiteral("SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?"),
                 m_query->matcher(search).match())
                 .size(),
             terms);
    ContactFilter filter;
    filter.search = search;
    auto rows = m_query->rows(filter, ContactOrder {}, 0, 100);
    QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().toString()));
    QList<qint64> actual;
    for (const Contact& c : *rows)
        actual << c.id;
    std::sort(actual.begin(), actual.end());
    QCOMPARE(actual, expected);
    QCOMPARE(m_query->count(filter).value_or(-1), expected.size());
    ContactOrder byName;
    byName.field = Field::LastName;
    QCOMPARE(m_query->rows(filter, byName, 0, 100).value_or(QVector<Contact> {}).size(), expected.size());
}

void TestSearchMatcher::splitsAsTheIndexSplits_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("match");
    QTest::addColumn<bool>("checked");
    QTest::newRow("words") << "jan smi"
                           << "\"jan\"* AND \"smi\"*" << false;
    QTest::newRow("phrase") << "Anna.Berg@ac"
                            << "(\"anna\" AND \"berg\" AND \"ac\"*)" << true;
    QTest::newRow("one-letter prefix") << "anna.berg@a"
                                       << "(\"anna\" AND \"berg\")" << true;
    QTest::newRow("accents") << "Zoé-Lü"
                             << "(\"zoe\" AND \"lu\"*)" << true;
    QTest::newRow("quote") << "a\"b"
                           << "\"a\"* AND \"b\"*" << false;
    QTest::newRow("nothing") << " ,; "
                             << "" << false;
}

void TestSearchMatcher::splitsAsTheIndexSplits()
{
    QFETCH(QString, search);
    QFETCH(QString, match);
    QFETCH(bool, checked);
    const SearchMatcher matcher = m_query->matcher(search);
    QCOMPARE(matcher.match(), match);
    QCOMPARE(matcher.needsCheck(), checked);
}

void TestSearchMatcher::leavesLongPrefixesToCheck()
{
    QStringList asked;
    const auto plan = [&](const QString& search, bool few) {
        SearchMatcher matcher = m_query->matcher(search);
        matcher.leavePrefixesToCheck([&](const QString& match) {
            asked << match;
            return few;
        });
        return matcher.match();
    };
    QCOMPARE(plan("p0.dup@comp", false), "(\"p0\" AND \"dup\" AND \"comp\"*)");
    QCOMPARE(plan("p0.dup@comp", true), "(\"p0\" AND \"dup\")");
    QCOMPARE(asked, QStringList(2, "(\"p0\" AND \"dup\")"));
    asked.clear();
    // Two and three letters have their prefix index; a single word has no phrase to check.
    QCOMPARE(plan("p0.dup@com", true), "(\"p0\" AND \"dup\" AND \"com\"*)");
    QCOMPARE(plan("company", true), "\"company\"*");
    QVERIFY(asked.isEmpty());
    // The window's plan, on this small file: few contacts hold "ada" and "lovelace", so "gone" is checked.
    QCOMPARE(m_query->matcher("ada.lovelace@gone").match(), "(\"ada\" AND \"lovelace\")");
}

void TestSearchMatcher::indexKeepsNoPositions()
{
    // What 014 is for: a phrase asked of the index itself is refused, so nothing may send one.
    SqlStatement q(*m_f->db, "SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH '\"ada lovelace\"'");
    QVERIFY(!q.next());
    QVERIFY(q.hasError());
}

QTEST_GUILESS_MAIN(TestSearchMatcher)
#include "tst_searchmatcher.moc"
