// A search with a one-letter word ("a") may walk the page's order and check each contact instead of asking the
// search index (ContactQuery::walkSegment). Both ways must give the same rows in the same order, page after page,
// forwards and backwards, in every sort order, also when a walk gives up half way through a page.
#include "StoreFixture.h"
#include "store/ContactQuery.h"

#include <QRandomGenerator>

using namespace roster;
using namespace roster::test;

namespace {

QVector<qint64> idsOf(const ContactPage& page)
{
    QVector<qint64> ids;
    for (const Contact& c : page.contacts)
        ids << c.id;
    return ids;
}

// Every row of the filter, read `pageSize` at a time from the first (or, backwards, from the last).
QVector<qint64> stitch(ContactQuery& query, const ContactFilter& filter, const ContactOrder& order, int pageSize,
                       bool backwards)
{
    QVector<qint64> all;
    std::optional<RowKey> key;
    for (int guard = 0; guard < 10000; ++guard) {
        auto page = backwards ? query.rowsBefore(filter, order, key, pageSize)
                              : query.rowsAfter(filter, order, key, pageSize);
        if (!page) {
            qWarning("%s", qPrintable(page.error().toString()));
            return {};
        }
        if (page->contacts.isEmpty())
            break;
        const QVector<qint64> ids = idsOf(*page);
        all = backwards ? ids + all : all + ids;
        key = backwards ? page->keys.constFirst() : page->keys.constLast();
        if (page->contacts.size() < pageSize)
            break;
    }
    return all;
}

} // namespace

class TestOneLetterSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void walkFindsWhatTheIndexFinds_data();
    void walkFindsWhatTheIndexFinds();

private:
    StoreFixture m_f;
    std::unique_ptr<ContactQuery> m_query;
    qint64 m_tagId = 0;
};

void TestOneLetterSearch::initTestCase()
{
    const QStringList first {"Anaïs", "Émile", "Zoé",     "Øyvind", "Łukasz", "Jean-Luc", "Ana",
                             "Bob",   "Chloé", "Quentin", "",       "Xavier", "Yuki",     "d'Artagnan"};
    const QStringList last {"Adler", "Brun", "Ça Va", "Smith", "O'Neil", "", "Zuñiga", "Müller", "Nguyen", "Eze"};
    const QStringList companies {"Acme", "Globex", "", "Initech", "Quanta Labs", "Ünited", "x.ai", "Orbit"};
    const QStringList titles {"CTO", "Head of Sales", "", "Account Executive", "Développeuse", "VP, Growth"};
    const QStringList tags {"vip", "key account", "", "paris", "zürich", "q4"};
    QRandomGenerator random(20261207);
    const auto pick = [&](const QStringList& list) { return list.at(random.bounded(int(list.size()))); };
    QVector<qint64> removed;
    for (int i = 0; i < 600; ++i) {
        QString spec = QStringLiteral("email=p%1.%2@%3.example")
                           .arg(i)
                           .arg(random.bounded(100))
                           .arg(pick(companies).isEmpty() ? "mail" : "corp");
        for (const auto& [name, list] :
             {std::pair {"first_name", &first}, std::pair {"last_name", &last}, std::pair {"company_name", &companies},
              std::pair {"job_title", &titles}, std::pair {"tags", &tags}}) {
            if (const QString value = pick(*list); !value.isEmpty())
                spec += QStringLiteral("|%1=%2").arg(QLatin1String(name), value);
        }
        if (random.bounded(3) == 0)
            spec += QStringLiteral("|phone=+33 6 %1 %2 %3 %4")
                        .arg(random.bounded(10, 99))
                        .arg(random.bounded(10, 99))
                        .arg(random.bounded(10, 99))
                        .arg(random.bounded(10, 99));
        const UpsertResult result = m_f.upsert(spec);
        if (i % 17 == 0)
            removed << result.contactId;
    }
    // Deleted contacts are neither in the index nor walked.
    QVERIFY(m_f.engine->remove(removed, {QStringLiteral("manual"), {}}));
    auto query = ContactQuery::create(*m_f.db);
    QVERIFY(query);
    m_query = std::move(*query);
    const auto tagList = m_query->tags();
    QVERIFY(tagList && !tagList->isEmpty());
    m_tagId = tagList->constFirst().id;
}

void TestOneLetterSearch::walkFindsWhatTheIndexFinds_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<bool>("byTag");
    for (const char* search :
         {"a", "A", "e", "é", "z", "q", "x", "k", "ü", "6", "0", "+", "-", "a b", "acme a", "p1 a", "d'a", "'"})
        QTest::newRow(search) << QString::fromUtf8(search) << false;
    QTest::newRow("a, one tag") << QStringLiteral("a") << true;
}

void TestOneLetterSearch::walkFindsWhatTheIndexFinds()
{
    QFETCH(QString, search);
    QFETCH(bool, byTag);
    ContactFilter filter;
    filter.search = search;
    filter.tagId = byTag ? m_tagId : 0;
    QList<ContactOrder> orders {ContactOrder {}, ContactOrder {std::nullopt, true}};
    for (const Field field : {Field::FirstName, Field::LastName, Field::Email, Field::CompanyName, Field::JobTitle}) {
        orders << ContactOrder {field, false} << ContactOrder {field, true};
    }
    for (const ContactOrder& order : orders) {
        const QString where = QStringLiteral("order %1%2")
                                  .arg(order.field ? FieldRegistry::info(*order.field).name : "id")
                                  .arg(order.descending ? " desc" : "");
        m_query->setWalkRowsPerRow(0);
        const qint64 walked = m_query->walkedRows();
        const QVector<qint64> expected = stitch(*m_query, filter, order, 7, false);
        QCOMPARE(stitch(*m_query, filter, order, 7, true), expected);
        QCOMPARE(m_query->walkedRows(), walked);
        // 1 row a row gives up on most pages, part way; 1000 never does.
        for (const int rowsPerRow : {1, ContactQuery::kWalkRowsPerRow, 1000}) {
            m_query->setWalkRowsPerRow(rowsPerRow);
            for (const int pageSize : {4, 50}) {
                QVERIFY2(stitch(*m_query, filter, order, pageSize, false) == expected,
                         qPrintable(where + QStringLiteral(", %1 a row, pages of %2").arg(rowsPerRow).arg(pageSize)));
                QVERIFY2(stitch(*m_query, filter, order, pageSize, true) == expected,
                         qPrintable(where + QStringLiteral(", backwards, %1 a row").arg(rowsPerRow)));
            }
        }
        m_query->setWalkRowsPerRow(ContactQuery::kWalkRowsPerRow);
    }
    // The walks did find rows (the sorted orders with an index, creation order): the comparison is not of the
    // index with itself.
    if (filter.search == QLatin1String("a"))
        QVERIFY2(m_query->walkedRows() > 1000, qPrintable(QString::number(m_query->walkedRows())));
}

QTEST_GUILESS_MAIN(TestOneLetterSearch)
#include "tst_onelettersearch.moc"
