#include "UiTestDatabase.h"
#include "models/SyncErrorsModel.h"
#include "store/AccountStore.h"
#include "store/SyncRunLog.h"
#include "widgets/SyncPanel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>

using namespace roster;
using namespace roster::test;

// The sync panel's list of errors: a first page and the count, the next pages as the table scrolls or on
// Show More, and Retry covering the errors not read yet. A run can fail a hundred thousand records; the
// model holds what the user has looked at.
class TestSyncErrorsModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void firstPageAndCount_data();
    void firstPageAndCount();
    void fetchMoreReadsTheNextPage();
    void fetchMoreFillsTheAccountItsRowsBelong();
    void retryAllCoversRowsNotRead_data();
    void retryAllCoversRowsNotRead();
    void retrySelectedTakesOnlyThose();
    void warningsKeepTheirCount();
    void passesTheTesterWhilePaging();
    void panelSaysHowManyAndShowsMore();

private:
    // An account whose last run failed `errors` records, contact i + 1 for the i-th ("error i").
    qint64 addRun(const QString& account, int errors, bool accountLevel = false);

    UiTestDatabase m_db;
    std::unique_ptr<StoreSession> m_session;
    QList<qint64> m_runs;
};

void TestSyncErrorsModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("ROSTER_NO_KEYCHAIN", "1");
    // Counts are written with the locale's digit grouping.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_session = m_db.open();
    m_db.fill(*m_session, 1000);
    m_session.reset();
}

void TestSyncErrorsModel::init()
{
    m_session = m_db.open();
    // Each test adds its accounts.
    for (const AccountRecord& account : AccountStore(m_session->database()).list().value_or(QList<AccountRecord> {}))
        QVERIFY(AccountStore(m_session->database()).remove(account.name));
}

void TestSyncErrorsModel::cleanup()
{
    m_session.reset();
}

qint64 TestSyncErrorsModel::addRun(const QString& name, int errors, bool accountLevel)
{
    AccountRecord record;
    record.name = name;
    record.provider = QStringLiteral("lemlist");
    record.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1/api"));
    const qint64 account = *AccountStore(m_session->database()).add(record);
    SyncRunLog log(m_session->database());
    const qint64 run = *log.start(account);
    if (!m_session->database().begin())
        qFatal("cannot begin");
    bool ok = true;
    for (int i = 0; i < errors; ++i)
        ok = ok && log.addError(run, {i + 1, {}, ErrorCode::RemoteValidation, QStringLiteral("error %1").arg(i)});
    if (accountLevel)
        ok = ok && log.addError(run, {0, {}, ErrorCode::HttpError, QStringLiteral("definitions")});
    ok = ok && log.addError(run, {0, {}, ErrorCode::Cancelled, QStringLiteral("sync cancelled")});
    ok = ok && m_session->database().commit();
    ok = ok && log.finish(run, QStringLiteral("failed"), {0, 0, errors}, QStringLiteral("{}"));
    if (!ok)
        qFatal("cannot write the run");
    return run;
}

void TestSyncErrorsModel::firstPageAndCount_data()
{
    QTest::addColumn<int>("errors");
    QTest::addColumn<int>("rows");
    QTest::newRow("none") << 0 << 0;
    QTest::newRow("one") << 1 << 1;
    QTest::newRow("exactly a page") << 200 << 200;
    QTest::newRow("a page and one") << 201 << 200;
    QTest::newRow("many") << 1000 << 200;
}

void TestSyncErrorsModel::firstPageAndCount()
{
    QFETCH(int, errors);
    QFETCH(int, rows);
    const qint64 run = addRun(QStringLiteral("Sales"), errors);
    SyncErrorsModel model(*m_session);
    model.showRun(7, QStringLiteral("Sales"), run);
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(model.totalCount(), errors);
    QCOMPARE(model.canFetchMore(), errors > rows);
    QCOMPARE(model.accountIds(), errors > 0 ? QList<qint64> {7} : QList<qint64> {});
    if (rows == 0)
        return;
    QCOMPARE(model.index(0, SyncErrorsModel::ContactColumn).data().toString(), QStringLiteral("First00000 Last00000"));
    QCOMPARE(model.index(0, SyncErrorsModel::AccountColumn).data().toString(), QStringLiteral("Sales"));
    QCOMPARE(model.index(rows - 1, SyncErrorsModel::DetailColumn).data().toString(),
             QStringLiteral("error %1").arg(rows - 1));
    QCOMPARE(model.index(rows - 1, 0).data(SyncErrorsModel::ContactIdRole).toLongLong(), rows);
}

void TestSyncErrorsModel::fetchMoreReadsTheNextPage()
{
    const qint64 run = addRun(QStringLiteral("Sales"), 450);
    SyncErrorsModel model(*m_session);
    model.showRun(1, QStringLiteral("Sales"), run);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.fetchMore();
    QCOMPARE(model.rowCount(), 400);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 200);
    QCOMPARE(inserted.first().at(2).toInt(), 399);
    QVERIFY(model.canFetchMore());
    model.fetchMore();
    QCOMPARE(model.rowCount(), 450);
    QCOMPARE(inserted.last().at(1).toInt(), 400);
    QCOMPARE(inserted.last().at(2).toInt(), 449);
    QVERIFY(!model.canFetchMore());
    model.fetchMore();
    QCOMPARE(model.rowCount(), 450);
    QCOMPARE(inserted.size(), 2);
    // Each error once, in order; the run's cancellation not among them.
    for (int row = 0; row < 450; ++row)
        QCOMPARE(model.index(row, SyncErrorsModel::DetailColumn).data().toString(),
                 QStringLiteral("error %1").arg(row));
    QCOMPARE(model.totalCount(), 450);
}

// Every account shows its first page at once; more of the first one goes below its own rows.
void TestSyncErrorsModel::fetchMoreFillsTheAccountItsRowsBelong()
{
    const qint64 sales = addRun(QStringLiteral("Sales"), 300);
    const qint64 agency = addRun(QStringLiteral("Agency"), 3);
    SyncErrorsModel model(*m_session);
    model.showRun(1, QStringLiteral("Sales"), sales);
    model.showRun(2, QStringLiteral("Agency"), agency);
    QCOMPARE(model.rowCount(), 203);
    QCOMPARE(model.totalCount(), 303);
    QCOMPARE(model.index(200, 0).data(SyncErrorsModel::AccountIdRole).toLongLong(), 2);
    model.fetchMore();
    QCOMPARE(model.rowCount(), 303);
    QCOMPARE(model.index(299, 0).data(SyncErrorsModel::AccountIdRole).toLongLong(), 1);
    QCOMPARE(model.index(299, SyncErrorsModel::DetailColumn).data().toString(), QStringLiteral("error 299"));
    QCOMPARE(model.index(300, 0).data(SyncErrorsModel::AccountIdRole).toLongLong(), 2);
    QCOMPARE(model.index(300, SyncErrorsModel::AccountColumn).data().toString(), QStringLiteral("Agency"));
    // Sales ran again and failed less: its rows are replaced where they were.
    model.showRun(1, QStringLiteral("Sales"), addRun(QStringLiteral("Sales 2"), 2));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.accountIds(), (QList<qint64> {1, 2}));
    model.removeAccount(1);
    QCOMPARE(model.accountIds(), (QList<qint64> {2}));
    QCOMPARE(model.totalCount(), 3);
}

void TestSyncErrorsModel::retryAllCoversRowsNotRead_data()
{
    QTest::addColumn<bool>("accountLevel");
    QTest::newRow("records") << false;
    QTest::newRow("and an account-level error") << true;
}

// Retry with nothing selected sends every failed record of the run, those the table has not read too,
// without reading them into the model.
void TestSyncErrorsModel::retryAllCoversRowsNotRead()
{
    QFETCH(bool, accountLevel);
    const qint64 run = addRun(QStringLiteral("Sales"), 1000, accountLevel);
    SyncErrorsModel model(*m_session);
    model.showRun(4, QStringLiteral("Sales"), run);
    QCOMPARE(model.rowCount(), 200);
    const QList<SyncErrorsModel::RetryTarget> targets = model.retryTargets({});
    QCOMPARE(targets.size(), 1);
    QCOMPARE(targets.first().accountId, 4);
    QCOMPARE(targets.first().wholeAccount, accountLevel);
    if (!accountLevel) {
        QSet<qint64> all;
        for (qint64 id = 1; id <= 1000; ++id)
            all.insert(id);
        QCOMPARE(targets.first().contactIds, all);
    }
    QCOMPARE(model.rowCount(), 200);
}

void TestSyncErrorsModel::retrySelectedTakesOnlyThose()
{
    const qint64 sales = addRun(QStringLiteral("Sales"), 300, true);
    const qint64 agency = addRun(QStringLiteral("Agency"), 3);
    SyncErrorsModel model(*m_session);
    model.showRun(1, QStringLiteral("Sales"), sales);
    model.showRun(2, QStringLiteral("Agency"), agency);
    model.fetchMore(); // Sales' account-level error comes last, at row 300
    QCOMPARE(model.index(300, 0).data(SyncErrorsModel::ContactIdRole).toLongLong(), 0);
    auto targets = model.retryTargets({model.index(302, 0), model.index(5, 0), model.index(250, 0)});
    QCOMPARE(targets.size(), 2);
    QCOMPARE(targets.at(0).accountId, 1);
    QVERIFY(!targets.at(0).wholeAccount);
    QCOMPARE(targets.at(0).contactIds, (QSet<qint64> {6, 251}));
    QCOMPARE(targets.at(1).accountId, 2);
    QCOMPARE(targets.at(1).contactIds, (QSet<qint64> {2}));
    targets = model.retryTargets({model.index(300, 0)});
    QCOMPARE(targets.size(), 1);
    QVERIFY(targets.first().wholeAccount);
}

// Warnings live in the run's report, not in the database: the model lists those given and counts all.
void TestSyncErrorsModel::warningsKeepTheirCount()
{
    SyncErrorsModel model(*m_session);
    QList<SyncRunLog::RunError> first;
    for (int i = 0; i < 5; ++i)
        first << SyncRunLog::RunError {i + 1, {}, ErrorCode::UnknownCustomField, QStringLiteral("w%1").arg(i)};
    model.setErrors(3, QStringLiteral("Sales"), first, 1234);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.totalCount(), 1234);
    QVERIFY(!model.canFetchMore());
    model.setErrors(3, QStringLiteral("Sales"), first);
    QCOMPARE(model.totalCount(), 5);
    model.setErrors(3, QStringLiteral("Sales"), {});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.totalCount(), 0);
}

void TestSyncErrorsModel::passesTheTesterWhilePaging()
{
    const qint64 sales = addRun(QStringLiteral("Sales"), 130, true);
    const qint64 agency = addRun(QStringLiteral("Agency"), 70);
    SyncErrorsModel model(*m_session);
    model.setPageSize(50);
    model.showRun(1, QStringLiteral("Sales"), sales);
    model.showRun(2, QStringLiteral("Agency"), agency);
    // Attached once the accounts are listed: Qt 6.4's tester calls fetchMore from its modelReset handler
    // before it has noted the reset as ended, and then takes the rows inserted for a reset in flight.
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    while (model.canFetchMore())
        model.fetchMore();
    QCOMPARE(model.rowCount(), 201);
    QCOMPARE(model.index(200, 0).data(SyncErrorsModel::AccountIdRole).toLongLong(), 2);
    model.removeAccount(2);
    QCOMPARE(model.rowCount(), 131);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

// The panel on a database whose last run failed 1,000 records: it reads 200, says how many there are, and
// reads more on Show More; Retry with nothing selected would send all 1,000.
void TestSyncErrorsModel::panelSaysHowManyAndShowsMore()
{
    addRun(QStringLiteral("Sales"), 1000);
    SyncPanel panel(*m_session);
    panel.reload();
    panel.resize(1000, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    SyncErrorsModel* errors = panel.errorsModel();
    QCOMPARE(errors->rowCount(), 200);
    QCOMPARE(panel.tabs()->tabText(0), QStringLiteral("Errors (1,000)"));
    auto* hint = panel.findChild<QLabel*>(QStringLiteral("syncErrorsHint"));
    QVERIFY2(hint->text().startsWith(QStringLiteral("Showing 200 of 1,000 records")), qPrintable(hint->text()));
    auto* more = panel.findChild<QPushButton*>(QStringLiteral("showMoreErrorsButton"));
    QVERIFY(more->isVisible());
    QTest::mouseClick(more, Qt::LeftButton);
    QCOMPARE(errors->rowCount(), 400);
    QVERIFY2(hint->text().startsWith(QStringLiteral("Showing 400 of 1,000 records")), qPrintable(hint->text()));
    // Scrolling to the end reads the next page, as Qt's lazy models do.
    panel.errorsView()->scrollToBottom();
    QTRY_VERIFY(errors->rowCount() >= 600);
    QCOMPARE(errors->retryTargets({}).first().contactIds.size(), 1000);
    while (errors->canFetchMore())
        QTest::mouseClick(more, Qt::LeftButton);
    QCOMPARE(errors->rowCount(), 1000);
    QVERIFY(!more->isVisible());
    QVERIFY2(hint->text().startsWith(QStringLiteral("Records the last sync")), qPrintable(hint->text()));
}

QTEST_MAIN(TestSyncErrorsModel)
#include "tst_syncerrorsmodel.moc"
