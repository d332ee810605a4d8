#include "UiTestDatabase.h"
#include "models/ContactTableModel.h"
#include "models/DuplicatesModel.h"
#include "models/FacetListModel.h"
#include "models/ImportPreviewModel.h"
#include "store/ContactQuery.h"
#include "store/DuplicateFinder.h"
#include "widgets/FieldValidator.h"

#include <QAbstractItemModelTester>

using namespace roster;
using namespace roster::test;

class TestUiModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void contactModelScrollsTenThousand();
    void contactModelSearchesAndSorts();
    void contactModelCountsInBackground();
    void facetModel();
    void duplicatesModel();
    void importPreviewModel();
    void everyErrorCodeHasItsOwnSentence();

private:
    UiTestDatabase m_db;
    std::unique_ptr<StoreSession> m_session;
    std::unique_ptr<ContactQuery> m_query;
};

void TestUiModels::initTestCase()
{
    m_session = m_db.open();
    m_db.fill(*m_session, 10000);
    m_query = std::move(*ContactQuery::create(m_session->database()));
}

void TestUiModels::contactModelScrollsTenThousand()
{
    ContactTableModel model(*m_query);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 10000);
    QCOMPARE(model.columnCount(), kFieldCount);
    const int email = int(Field::Email);
    QCOMPARE(model.index(0, email).data().toString(), "first0@company0.example");
    QCOMPARE(model.index(9999, email).data().toString(), "first9999@company49.example");
    QCOMPARE(model.index(5123, int(Field::LastName)).data().toString(), "Last05123");
    // Read every row as a view scrolling to the end would: the cache stays bounded.
    for (int row = 0; row < model.rowCount(); row += 7)
        QCOMPARE(model.index(row, int(Field::FirstName)).data().toString(),
                 QString("First%1").arg(row, 5, 10, QLatin1Char('0')));
    QVERIFY(model.cachedPageCount() <= ContactTableModel::kCachedPages);
    QCOMPARE(model.contactId(9999), 10000);
    QCOMPARE(model.index(10, 0).data(ContactTableModel::ContactIdRole).toLongLong(), 11);
    QCOMPARE(model.headerData(email, Qt::Horizontal).toString(), "Email");
}

void TestUiModels::contactModelSearchesAndSorts()
{
    ContactTableModel model(*m_query);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ContactFilter filter;
    filter.search = "first123";
    model.setFilter(filter);
    // first123, first1230..first1239: prefix search on the email.
    QCOMPARE(model.rowCount(), 11);
    QCOMPARE(model.totalCount(), 10000);
    filter.search = "company7";
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 200);
    model.sort(int(Field::LastName), Qt::DescendingOrder);
    QCOMPARE(model.index(0, int(Field::LastName)).data().toString(), "Last09957");
    // A letter typed: the window's model reads its page by walking the order (every contact here holds an "f"),
    // the same rows the index gives.
    const qint64 walked = m_query->walkedRows();
    filter.search = "f";
    model.setFilter(filter);
    QCOMPARE(model.index(0, int(Field::LastName)).data().toString(), "Last09999");
    QVERIFY(m_query->walkedRows() > walked);
    filter = {};
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 10000);
    QCOMPARE(model.index(0, int(Field::LastName)).data().toString(), "Last09999");
    model.sort(-1);
    QCOMPARE(model.index(0, int(Field::LastName)).data().toString(), "Last00000");
}

void TestUiModels::contactModelCountsInBackground()
{
    ContactTableModel model(*m_query);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ContactFilter filter;
    filter.search = "first1"; // first1, first10..19, first100..199, first1000..1999: more than a page
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), ContactTableModel::kPageSize + 1); // what is known until the worker answers
    QVERIFY(!model.countIsExact());
    QCOMPARE(model.index(0, int(Field::Email)).data().toString(), "first1@company1.example");
    QCOMPARE(model.index(200, int(Field::Email)).data().toString(), "first1089@company39.example");
    QTRY_VERIFY(model.countIsExact());
    QCOMPARE(model.rowCount(), 1111);
    QCOMPARE(model.index(111, int(Field::Email)).data().toString(), "first1000@company0.example");
    QCOMPARE(model.index(1110, int(Field::Email)).data().toString(), "first1999@company49.example");
    // A reload counts every contact in the background too; a newer filter drops the older count of
    // matches but not the total.
    model.reload();
    filter.search = "first123";
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 11);
    QTRY_VERIFY(model.countIsExact());
    QCOMPARE(model.rowCount(), 11);
    QCOMPARE(model.totalCount(), 10000);
    model.setFilter({});
    QVERIFY(model.countIsExact()); // the total counted for the reload still holds
    QCOMPARE(model.rowCount(), 10000);
    QCOMPARE(model.index(9999, int(Field::LastName)).data().toString(), "Last09999");
}

void TestUiModels::facetModel()
{
    FacetListModel tags("All tags");
    QAbstractItemModelTester tester(&tags, QAbstractItemModelTester::FailureReportingMode::QtTest);
    tags.setFacets(*m_query->tags(), m_query->total());
    QCOMPARE(tags.rowCount(), 8);
    QCOMPARE(tags.index(0).data().toString(), "All tags (" + QLocale().toString(10000) + ")");
    QCOMPARE(tags.index(1).data(FacetListModel::CountRole).toLongLong(), 1429); // t0: 0, 7, ..., 9996
    QCOMPARE(tags.facetId(0), 0);
    QCOMPARE(tags.rowOf(tags.facetId(3)), 3);
    FacetListModel companies("All companies");
    QAbstractItemModelTester companyTester(&companies, QAbstractItemModelTester::FailureReportingMode::QtTest);
    companies.setFacets(*m_query->companies(), m_query->total());
    QCOMPARE(companies.rowCount(), 51);
    QCOMPARE(companies.index(1).data(FacetListModel::CountRole).toLongLong(), 200);
}

void TestUiModels::duplicatesModel()
{
    UiTestDatabase db;
    auto session = db.open();
    auto& engine = session->engine();
    const WriteOrigin origin {"manual", "t"};
    QVERIFY(engine.upsert(UiTestDatabase::generated(1), UpsertPolicies::local(), origin));
    ContactPatch twin = UiTestDatabase::generated(1);
    twin.set(Field::Email, "other@company1.example");
    QVERIFY(engine.upsert(twin, UpsertPolicies::local(), origin));
    DuplicatesModel model(session->contacts());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    DuplicateFinder finder(session->database());
    model.setPairs(*finder.scan());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, DuplicatesModel::ReasonColumn).data().toString(), "Same name, Same company");
    QCOMPARE(model.index(0, DuplicatesModel::ScoreColumn).data().toInt(),
             DuplicateFinder::weight(DuplicateReason::SameName));
    QCOMPARE(model.headerData(DuplicatesModel::ScoreColumn, Qt::Horizontal).toString(), "Score");
    QCOMPARE(model.index(0, DuplicatesModel::FirstColumn).data().toString(),
             "First00001 Last00001 <first1@company1.example>");
    model.setPairs({});
    QCOMPARE(model.rowCount(), 0);
}

void TestUiModels::importPreviewModel()
{
    ImportPreviewModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContents({"Name", "Mail"}, {{"Ada", "ada@x.com"}, {"Alan"}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.index(1, 1).data().toString(), ""); // a short row
    model.setTargetLabel(1, "Email");
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), "Mail\nEmail");
}

// The import report, the editor and the status bar show these sentences; a code without its own one used
// to read "The operation failed (DuplicateInFile)" beside a row that had merely been merged.
void TestUiModels::everyErrorCodeHasItsOwnSentence()
{
    const QString fallback = FieldValidator::tr("The operation failed (%1).").section(u'(', 0, 0);
    QHash<QString, QString> seen;
    for (int i = 0; i <= static_cast<int>(kLastErrorCode); ++i) {
        const auto code = static_cast<ErrorCode>(i);
        const QString text = FieldValidator::errorText(code);
        QVERIFY2(!text.startsWith(fallback), qPrintable(errorCodeName(code)));
        if (code == ErrorCode::InvalidExtraEmail)
            continue; // said the same way as InvalidEmail on purpose
        QVERIFY2(!seen.contains(text), qPrintable(errorCodeName(code) + " reads like " + seen.value(text)));
        seen.insert(text, errorCodeName(code));
    }
}

QTEST_MAIN(TestUiModels)
#include "tst_uimodels.moc"
