#include "FaultPlan.h"
#include "SyncUiFixture.h"
#include "dialogs/AccountDialog.h"
#include "models/SyncAccountsModel.h"
#include "models/SyncConflictsModel.h"
#include "models/SyncErrorsModel.h"
#include "store/RemoteLinkStore.h"
#include "store/SyncConflictStore.h"
#include "store/SyncLease.h"
#include "store/SyncRunLog.h"
#include "sync/BackgroundSync.h"
#include "widgets/MainWindow.h"
#include "widgets/SyncHistoryChart.h"
#include "widgets/SyncPanel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTabWidget>
#include <QTableView>

using namespace roster;
using namespace roster::test;

// The sync panel driven as a user would, against CRM emulators on loopback: Sync Now with progress, an
// error shown and retried, conflicts settled from the inbox, and the account dialog.
class TestSyncPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void syncNowShowsProgressAndFinishes();
    void errorShownAndRetried();
    void cancelStopsTheRun();
    void runningElsewhereLeftAlone();
    void warningsListedApart_data();
    void warningsListedApart();
    void heldRecordsSentOnConfirmation_data();
    void heldRecordsSentOnConfirmation();
    void conflictsResolvedFromInbox();
    void remoteDeletionSettledFromInbox_data();
    void remoteDeletionSettledFromInbox();
    void accountDialogValidatesTestsAndSaves();
    void accountDialogAsksKeyForNewServer();
    void modelsPassTheTester();

private:
    SyncPanel* panel() { return m_window->syncPanel(); }
    template <typename T>
    T* child(QObject* parent, const char* name)
    {
        T* found = parent->findChild<T*>(QString::fromLatin1(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }
    void click(const char* name) { QTest::mouseClick(child<QPushButton>(panel(), name), Qt::LeftButton); }
    void openWindow();
    void waitForSync();
    QString cell(QAbstractItemModel* model, int row, int column) { return model->index(row, column).data().toString(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreSession> m_session; // until the window takes it
    std::unique_ptr<MainWindow> m_window;
};

void TestSyncPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("ROSTER_NO_KEYCHAIN", "1");
    // The client's clock runs as fast as the emulators' (scaleFor: 0.05 for lemlist and HighLevel).
    qputenv("ROSTER_SYNC_TIME_SCALE", "0.05");
}

void TestSyncPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto session = StoreSession::open(m_dir->filePath(QStringLiteral("panel.sqlite")));
    QVERIFY(session);
    m_session = std::move(*session);
}

void TestSyncPanel::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_dir.reset();
}

void TestSyncPanel::openWindow()
{
    m_window = std::make_unique<MainWindow>(std::move(m_session));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestSyncPanel::waitForSync()
{
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->isSyncing(), 30000);
}

void TestSyncPanel::syncNowShowsProgressAndFinishes()
{
    EmulatedAccount sales(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Sales"));
    EmulatedAccount agency(m_session->database(), QStringLiteral("highlevel"), QStringLiteral("Agency"));
    addContacts(*m_session, 0, 40);
    openWindow();
    // F5 / the toolbar's Sync Now opens the panel and starts every account.
    QVERIFY(!m_window->findChild<QDockWidget*>(QStringLiteral("syncDock"))->isVisible());
    SyncAccountsModel* accounts = panel()->accountsModel();
    QCOMPARE(accounts->rowCount(), 2);
    QCOMPARE(cell(accounts, 0, SyncAccountsModel::NameColumn), QStringLiteral("Agency"));
    QCOMPARE(cell(accounts, 0, SyncAccountsModel::StateColumn), QStringLiteral("Never synced"));

    QStringList progressTexts;
    connect(accounts, &QAbstractItemModel::dataChanged, this, [&](const QModelIndex& from) {
        progressTexts << cell(accounts, from.row(), SyncAccountsModel::ProgressColumn);
    });
    m_window->findChild<QAction*>(QStringLiteral("syncNowAction"))->trigger();
    QVERIFY(m_window->findChild<QDockWidget*>(QStringLiteral("syncDock"))->isVisible());
    QVERIFY(panel()->isSyncing());
    QVERIFY(!child<QPushButton>(panel(), "syncNowButton")->isEnabled());
    QVERIFY(child<QPushButton>(panel(), "cancelSyncButton")->isEnabled());
    QCOMPARE(cell(accounts, 0, SyncAccountsModel::StateColumn), QStringLiteral("Syncing…"));
    waitForSync();

    // Progress went through the push with counts and a time-left estimate, then the pull.
    QVERIFY2(progressTexts.filter(QStringLiteral(" of 40")).size() >= 2, qPrintable(progressTexts.join(u'\n')));
    QVERIFY2(!progressTexts.filter(QStringLiteral("left")).isEmpty(), qPrintable(progressTexts.join(u'\n')));
    QVERIFY2(!progressTexts.filter(QStringLiteral("received")).isEmpty(), qPrintable(progressTexts.join(u'\n')));
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(cell(accounts, row, SyncAccountsModel::StateColumn), QStringLiteral("Up to date"));
        QVERIFY(cell(accounts, row, SyncAccountsModel::ProgressColumn).startsWith(QStringLiteral("40 sent, ")));
        QVERIFY(cell(accounts, row, SyncAccountsModel::LastSyncColumn) != QStringLiteral("Never"));
    }
    QCOMPARE(sales.server->recordCount(), 40);
    QCOMPARE(agency.server->recordCount(), 40);
    QVERIFY(child<QPushButton>(panel(), "syncNowButton")->isEnabled());
    QVERIFY(!child<QPushButton>(panel(), "cancelSyncButton")->isEnabled());
    QCOMPARE(panel()->errorsModel()->rowCount(), 0);
    QVERIFY2(child<QLabel>(panel(), "syncSummary")->text().startsWith(QStringLiteral("Agency: 40 sent, ")),
             qPrintable(child<QLabel>(panel(), "syncSummary")->text()));

    // The history chart: one run per account, 40 pushed each.
    SyncHistoryChart* chart = panel()->historyChart();
    QCOMPARE(chart->runCount(), 2);
    QCOMPARE(chart->pushed(), (QList<qreal> {40, 40}));
    QCOMPARE(chart->failed(), (QList<qreal> {0, 0}));
    // Selecting an account narrows it to that account's runs.
    panel()->accountsView()->selectRow(1);
    QCOMPARE(chart->runCount(), 1);
    QVERIFY(chart->chart()->title().contains(QStringLiteral("Sales")));
}

void TestSyncPanel::errorShownAndRetried()
{
    // lemlist refuses a custom field its registry does not know. Its field definitions fail (500 until the
    // client's five attempts are spent), so the sync cannot know the field is unknown before sending: that
    // record fails remotely, the others go.
    EmulatedAccount sales(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Sales"));
    addContacts(*m_session, 0, 3);
    addContacts(*m_session, 3, 1, {{QStringLiteral("custom.score"), QStringLiteral("s-77")}});
    openWindow();
    m_window->showSyncPanel();
    const auto failDefinitions = [&] { sales.server->faults().failNext(emulator::FaultPlan::Kind::Status500, 5); };
    failDefinitions();
    click("syncNowButton");
    waitForSync();

    // Two rows: the definitions (the whole account) and the record.
    SyncErrorsModel* errors = panel()->errorsModel();
    QCOMPARE(errors->rowCount(), 2);
    const auto recordRow = [&] {
        for (int row = 0; row < errors->rowCount(); ++row) {
            if (errors->index(row, 0).data(SyncErrorsModel::ContactIdRole).toLongLong() > 0)
                return row;
        }
        return -1;
    };
    const int row = recordRow();
    QVERIFY(row >= 0);
    QCOMPARE(cell(errors, 1 - row, SyncErrorsModel::ContactColumn), QStringLiteral("(whole account)"));
    QCOMPARE(cell(errors, row, SyncErrorsModel::AccountColumn), QStringLiteral("Sales"));
    QCOMPARE(cell(errors, row, SyncErrorsModel::ContactColumn), QStringLiteral("First3 Last3"));
    QVERIFY(!cell(errors, row, SyncErrorsModel::ProblemColumn).isEmpty());
    QVERIFY2(cell(errors, row, SyncErrorsModel::DetailColumn).contains(QStringLiteral("INVALID_FIELD")),
             qPrintable(cell(errors, row, SyncErrorsModel::DetailColumn)));
    QCOMPARE(panel()->tabs()->tabText(0), QStringLiteral("Errors (2)"));
    QCOMPARE(cell(panel()->accountsModel(), 0, SyncAccountsModel::StateColumn), QStringLiteral("2 errors"));
    QCOMPARE(panel()->historyChart()->failed(), (QList<qreal> {1}));
    QCOMPARE(sales.server->recordCount(), 3);
    QVERIFY(child<QPushButton>(panel(), "retryButton")->isEnabled());
    // A double-click opens the contact to fix it.
    QSignalSpy open(panel(), &SyncPanel::openContactRequested);
    const QPoint where = panel()->errorsView()->visualRect(errors->index(row, 1)).center();
    QTest::mouseClick(panel()->errorsView()->viewport(), Qt::LeftButton, {}, where);
    QTest::mouseDClick(panel()->errorsView()->viewport(), Qt::LeftButton, {}, where);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().first().toLongLong(),
             errors->index(row, 0).data(SyncErrorsModel::ContactIdRole).toLongLong());
    QTRY_VERIFY(m_window->findChild<QDialog*>(QStringLiteral("contactEditor")));
    m_window->findChild<QDialog*>(QStringLiteral("contactEditor"))->close();

    // Retry while the cause remains: the same record fails again.
    failDefinitions();
    click("retryButton");
    waitForSync();
    QCOMPARE(errors->rowCount(), 2);
    QCOMPARE(sales.server->recordCount(), 3);

    // The user adds the field in lemlist and the service answers again; Retry on the selected error sends
    // the record.
    QCOMPARE(sales.server->registerCustomFields(
                 QJsonArray {QJsonObject {{"name", "score"}, {"key", "score"}, {"label", "score"}, {"type", "text"}}}),
             QString());
    // Meanwhile another contact changed here: Retry sends only the selected record, not that change.
    addContacts(m_window->session(), 0, 1, {{QStringLiteral("first_name"), QStringLiteral("Changed0")}});
    panel()->errorsView()->selectRow(recordRow());
    QSignalSpy finished(panel()->coordinator(), &BackgroundSync::accountFinished);
    const int upsertsBefore = sales.server->totalRequests();
    click("retryButton");
    QVERIFY(panel()->isSyncing());
    waitForSync();
    QCOMPARE(finished.size(), 1);
    const auto retried = finished.first().at(1).value<SyncReport>();
    QCOMPARE(retried.pushed.created + retried.pushed.updated, 1);
    QCOMPARE(retried.pulled.created + retried.pulled.updated + retried.pulled.unchanged, 0);
    QVERIFY2(sales.server->totalRequests() - upsertsBefore <= 3,
             qPrintable(QString::number(sales.server->totalRequests() - upsertsBefore)));
    QVERIFY(!QJsonDocument(sales.server->recordsJson()).toJson().contains("Changed0"));
    QCOMPARE(errors->rowCount(), 0);
    QCOMPARE(panel()->tabs()->tabText(0), QStringLiteral("Errors"));
    QCOMPARE(sales.server->recordCount(), 4);
    QVERIFY(QJsonDocument(sales.server->recordsJson()).toJson().contains("s-77"));
    QCOMPARE(cell(panel()->accountsModel(), 0, SyncAccountsModel::StateColumn), QStringLiteral("Up to date"));
    QVERIFY(!child<QPushButton>(panel(), "retryButton")->isEnabled());
    QCOMPARE(panel()->historyChart()->failed(), (QList<qreal> {1, 1, 0}));
    // The change left out goes with the next full sync.
    click("syncNowButton");
    waitForSync();
    QVERIFY(QJsonDocument(sales.server->recordsJson()).toJson().contains("Changed0"));
}

void TestSyncPanel::heldRecordsSentOnConfirmation_data()
{
    QTest::addColumn<int>("changed");
    QTest::addColumn<bool>("held");
    QTest::newRow("most records: held") << 8 << true;
    QTest::newRow("a few: sent at once") << 2 << false;
}

// The overwrite guard (more than 20% of an account's linked records, at least 5) holds the changes back;
// the panel says so and Send Anyway sends them.
void TestSyncPanel::heldRecordsSentOnConfirmation()
{
    QFETCH(int, changed);
    QFETCH(bool, held);
    EmulatedAccount sales(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Sales"));
    addContacts(*m_session, 0, 10);
    openWindow();
    m_window->showSyncPanel();
    click("syncNowButton");
    waitForSync();
    QCOMPARE(sales.server->recordCount(), 10);
    QVERIFY(!child<QWidget>(panel(), "heldBanner")->isVisible());

    addContacts(m_window->session(), 0, changed, {{QStringLiteral("first_name"), QStringLiteral("Renamed")}});
    const auto renamedRemotely
        = [&] { return static_cast<int>(QJsonDocument(sales.server->recordsJson()).toJson().count("Renamed")); };
    click("syncNowButton");
    waitForSync();
    QCOMPARE(child<QWidget>(panel(), "heldBanner")->isVisible(), held);
    if (!held) {
        QCOMPARE(renamedRemotely(), changed);
        QCOMPARE(cell(panel()->accountsModel(), 0, SyncAccountsModel::StateColumn), QStringLiteral("Up to date"));
        return;
    }
    QCOMPARE(renamedRemotely(), 0);
    QCOMPARE(cell(panel()->accountsModel(), 0, SyncAccountsModel::StateColumn),
             QStringLiteral("Waiting for confirmation"));
    const QString text = child<QLabel>(panel(), "heldText")->text();
    QVERIFY2(text.contains(QStringLiteral("Sales")) && text.contains(QStringLiteral("8 changed records")),
             qPrintable(text));
    QCOMPARE(panel()->heldAccountId(), sales.account.id);
    auto* send = child<QPushButton>(panel(), "sendHeldButton");
    QVERIFY(send->isEnabled());

    // Sync Now again does not send them either; Send Anyway does.
    click("syncNowButton");
    waitForSync();
    QCOMPARE(renamedRemotely(), 0);
    QVERIFY(child<QWidget>(panel(), "heldBanner")->isVisible());
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(panel()->isSyncing());
    QVERIFY(!send->isEnabled());
    waitForSync();
    QCOMPARE(renamedRemotely(), changed);
    QVERIFY(!child<QWidget>(panel(), "heldBanner")->isVisible());
    QCOMPARE(panel()->heldAccountId(), 0);
    QCOMPARE(cell(panel()->accountsModel(), 0, SyncAccountsModel::StateColumn), QStringLiteral("Up to date"));
}

void TestSyncPanel::warningsListedApart_data()
{
    QTest::addColumn<bool>("unknownField");
    QTest::newRow("a field lemlist does not define") << true;
    QTest::newRow("every field known") << false;
}

// A record sent without a field lemlist does not define is a warning, in its own tab, not an error.
void TestSyncPanel::warningsListedApart()
{
    QFETCH(bool, unknownField);
    EmulatedAccount sales(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Sales"));
    addContacts(*m_session, 0, 2);
    if (unknownField)
        addContacts(*m_session, 2, 1, {{QStringLiteral("custom.score"), QStringLiteral("s-9")}});
    else
        addContacts(*m_session, 2, 1);
    openWindow();
    m_window->showSyncPanel();
    click("syncNowButton");
    waitForSync();
    QCOMPARE(sales.server->recordCount(), 3);
    QCOMPARE(panel()->errorsModel()->rowCount(), 0);
    SyncErrorsModel* warnings = panel()->warningsModel();
    QCOMPARE(panel()->tabs()->isTabVisible(3), unknownField);
    if (!unknownField) {
        QCOMPARE(warnings->rowCount(), 0);
        return;
    }
    QCOMPARE(warnings->rowCount(), 1);
    QCOMPARE(panel()->tabs()->tabText(3), QStringLiteral("Warnings (1)"));
    QCOMPARE(cell(warnings, 0, SyncErrorsModel::AccountColumn), QStringLiteral("Sales"));
    QCOMPARE(cell(warnings, 0, SyncErrorsModel::ContactColumn), QStringLiteral("First2 Last2"));
    QVERIFY2(cell(warnings, 0, SyncErrorsModel::DetailColumn).contains(QStringLiteral("score")),
             qPrintable(cell(warnings, 0, SyncErrorsModel::DetailColumn)));
    QVERIFY(!child<QPushButton>(panel(), "retryButton")->isEnabled());
}

void TestSyncPanel::cancelStopsTheRun()
{
    EmulatedAccount sales(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Sales"));
    sales.server->faults().setDelayMs(400); // slow replies: the run lasts long enough to cancel
    addContacts(*m_session, 0, 80);
    openWindow();
    m_window->showSyncPanel();
    click("syncNowButton");
    QTRY_VERIFY_WITH_TIMEOUT(
        cell(panel()->accountsModel(), 0, SyncAccountsModel::ProgressColumn).contains(QStringLiteral(" of 80")), 10000);
    QVERIFY(panel()->isSyncing());
    click("cancelSyncButton");
    // The worker stops the run and reports it.
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->isSyncing(), 10000);
    QCOMPARE(cell(panel()->accountsModel(), 0, SyncAccountsModel::StateColumn), QStringLiteral("Cancelled"));
    QVERIFY(child<QPushButton>(panel(), "syncNowButton")->isEnabled());
    QVERIFY(!child<QPushButton>(panel(), "cancelSyncButton")->isEnabled());
    // A cancelled run is not a list of records to fix.
    QCOMPARE(panel()->errorsModel()->rowCount(), 0);
    QVERIFY(sales.server->recordCount() < 80);
}

void TestSyncPanel::runningElsewhereLeftAlone()
{
    EmulatedAccount sales(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Sales"));
    addContacts(*m_session, 0, 10);
    const QString path = m_session->database().path();
    openWindow();
    // A `roster sync` of Sales runs in another process (a real one stands for it), holding the lease.
    QProcess process;
    process.start(QStringLiteral("sleep"), {QStringLiteral("60")});
    QVERIFY(process.waitForStarted());
    auto otherDb = Database::open(path);
    QVERIFY(otherDb);
    SyncLease other(**otherDb);
    other.setProcess(process.processId(), QSysInfo::machineHostName());
    QVERIFY(other.acquire(sales.account.id));
    const auto holder = other.holder(sales.account.id);
    QVERIFY(holder && *holder);
    const QString state = QStringLiteral("Running elsewhere (process %1, since %2)")
                              .arg(process.processId())
                              .arg(QLocale().toString((*holder)->startedAt.toLocalTime().time(), QLocale::ShortFormat));

    panel()->refreshRunningElsewhere();
    SyncAccountsModel* accounts = panel()->accountsModel();
    QCOMPARE(cell(accounts, 0, SyncAccountsModel::StateColumn), state);
    panel()->accountsView()->selectRow(0);
    QVERIFY(!child<QPushButton>(panel(), "removeAccountButton")->isEnabled());
    QVERIFY(!child<QPushButton>(panel(), "editAccountButton")->isEnabled());

    // Sync Now leaves it alone and says so: no second run, nothing sent, nothing in the history.
    click("syncNowButton");
    waitForSync();
    QCOMPARE(sales.server->totalRequests(), 0);
    QCOMPARE(cell(accounts, 0, SyncAccountsModel::StateColumn), state);
    QVERIFY2(child<QLabel>(panel(), "syncSummary")->text().contains(QStringLiteral("another program is syncing it")),
             qPrintable(child<QLabel>(panel(), "syncSummary")->text()));
    QCOMPARE(panel()->historyChart()->runCount(), 0);
    QCOMPARE(panel()->errorsModel()->rowCount(), 0);

    // The other process is gone (killed: its lease is left behind, and frees itself with its process).
    process.kill();
    QVERIFY(process.waitForFinished());
    panel()->refreshRunningElsewhere();
    QCOMPARE(cell(accounts, 0, SyncAccountsModel::StateColumn), QStringLiteral("Never synced"));
    QVERIFY(child<QPushButton>(panel(), "removeAccountButton")->isEnabled());
    click("syncNowButton");
    waitForSync();
    QCOMPARE(sales.server->recordCount(), 10);
    QCOMPARE(cell(accounts, 0, SyncAccountsModel::StateColumn), QStringLiteral("Up to date"));
}

void TestSyncPanel::conflictsResolvedFromInbox()
{
    EmulatedAccount sales(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Sales"));
    addContacts(*m_session, 0, 2, {{QStringLiteral("job_title"), QStringLiteral("CEO")}});
    openWindow();
    m_window->showSyncPanel();
    click("syncNowButton");
    waitForSync();
    QCOMPARE(sales.server->recordCount(), 2);

    // Both sides changed the job title since that sync. The pull that finds such fields records them in the
    // inbox (the sync branch's three-way merge); here they are recorded as it would.
    StoreSession& session = m_window->session();
    qint64 ids[2] = {0, 0};
    auto edit = [&](int i, const QString& title) {
        ContactPatch p;
        p.set(Field::Email, QStringLiteral("u%1@example.com").arg(i));
        p.set(Field::JobTitle, title);
        auto result
            = session.engine().upsert(p, UpsertPolicies::local(), {QStringLiteral("manual"), QStringLiteral("e")});
        QVERIFY(result);
        QCOMPARE(result->status, UpsertResult::Status::Updated);
        ids[i] = result->contactId;
    };
    edit(0, QStringLiteral("CTO"));
    edit(1, QStringLiteral("VP Sales"));
    auto idOf = [&](int i) { return ids[i]; };
    SyncConflictStore store(session.database());
    for (const auto& [i, local, remote] : {std::tuple {0, "CTO", "CFO"}, std::tuple {1, "VP Sales", "COO"}}) {
        SyncConflict c;
        c.contactId = idOf(i);
        c.accountId = sales.account.id;
        c.field = QStringLiteral("job_title");
        c.base = QStringLiteral("CEO");
        c.local = QString::fromUtf8(local);
        c.remote = QString::fromUtf8(remote);
        QVERIFY(store.record(c));
    }
    // The service holds the remote values indeed, so a sync that merges three ways finds the same.
    QVERIFY(!sales.server->seedContact({{"email", "u0@example.com"}, {"jobTitle", "CFO"}}).isEmpty());
    QVERIFY(!sales.server->seedContact({{"email", "u1@example.com"}, {"jobTitle", "COO"}}).isEmpty());
    panel()->reload();
    SyncConflictsModel* inbox = panel()->conflictsModel();
    QCOMPARE(inbox->rowCount(), 2);
    QCOMPARE(panel()->tabs()->tabText(1), QStringLiteral("Conflicts (2)"));
    QCOMPARE(cell(inbox, 0, SyncConflictsModel::ContactColumn), QStringLiteral("First0 Last0"));
    QCOMPARE(cell(inbox, 0, SyncConflictsModel::AccountColumn), QStringLiteral("Sales"));
    QCOMPARE(cell(inbox, 0, SyncConflictsModel::FieldColumn), QStringLiteral("Job title"));
    QCOMPARE(cell(inbox, 0, SyncConflictsModel::BaseColumn), QStringLiteral("CEO"));
    QCOMPARE(cell(inbox, 0, SyncConflictsModel::LocalColumn), QStringLiteral("CTO"));
    QCOMPARE(cell(inbox, 0, SyncConflictsModel::RemoteColumn), QStringLiteral("CFO"));
    QVERIFY(!child<QPushButton>(panel(), "keepRemoteButton")->isEnabled());

    // Keep the service's value: the contact takes it, and the inbox forgets the conflict.
    panel()->conflictsView()->selectRow(0);
    click("keepRemoteButton");
    QCOMPARE(session.contacts().contact(idOf(0))->value(Field::JobTitle), QStringLiteral("CFO"));
    QCOMPARE(inbox->rowCount(), 1);
    QCOMPARE(cell(inbox, 0, SyncConflictsModel::LocalColumn), QStringLiteral("VP Sales"));
    // The remote value came in through the engine: undoable from the window.
    QVERIFY(m_window->findChild<QAction*>(QStringLiteral("undoAction"))->isEnabled());

    // Keep the value here: the contact stays, and the next sync sends it.
    panel()->conflictsView()->selectRow(0);
    click("keepLocalButton");
    QCOMPARE(session.contacts().contact(idOf(1))->value(Field::JobTitle), QStringLiteral("VP Sales"));
    QCOMPARE(inbox->rowCount(), 0);
    QCOMPARE(panel()->tabs()->tabText(1), QStringLiteral("Conflicts"));
    QCOMPARE(store.open()->size(), 0);
    click("syncNowButton");
    waitForSync();
    const QString remote = QString::fromUtf8(QJsonDocument(sales.server->recordsJson()).toJson());
    QVERIFY2(remote.contains(QStringLiteral("VP Sales")), qPrintable(remote));
    QVERIFY2(!remote.contains(QStringLiteral("COO")), qPrintable(remote));
    QCOMPARE(session.contacts().contact(idOf(0))->value(Field::JobTitle), QStringLiteral("CFO"));
    QCOMPARE(inbox->rowCount(), 0);
}

void TestSyncPanel::remoteDeletionSettledFromInbox_data()
{
    QTest::addColumn<QByteArray>("button");
    QTest::addColumn<bool>("deletedHere");
    QTest::addColumn<int>("remoteAfter");
    QTest::newRow("delete here too") << QByteArray("confirmDeletionButton") << true << 2;
    QTest::newRow("keep and send again") << QByteArray("dismissDeletionButton") << false << 3;
}

// A full scan no longer finds a linked record: the inbox lists it until the user settles it.
void TestSyncPanel::remoteDeletionSettledFromInbox()
{
    QFETCH(QByteArray, button);
    QFETCH(bool, deletedHere);
    QFETCH(int, remoteAfter);
    EmulatedAccount sales(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Sales"));
    addContacts(*m_session, 0, 3);
    openWindow();
    m_window->showSyncPanel();
    SyncJob::Options full;
    full.fullScan = true;
    panel()->coordinator()->setOptions(full);
    click("syncNowButton");
    waitForSync();
    QCOMPARE(sales.server->recordCount(), 3);
    auto* box = panel()->findChild<QWidget*>(QStringLiteral("remoteDeletionsBox"));
    QVERIFY(box && box->isHidden());

    StoreSession& session = m_window->session();
    qint64 contact = 0;
    QVERIFY(session.contacts().forEach([&](const Contact& c) {
        if (c.value(Field::Email) == QStringLiteral("u1@example.com"))
            contact = c.id;
        return contact == 0;
    }));
    QVERIFY(contact > 0);
    RemoteLinkStore links(session.database());
    QVERIFY(links.prepare());
    QVERIFY(sales.server->removeRecord(links.find(contact, sales.account.id)->remoteId));
    click("syncNowButton");
    waitForSync();
    QVERIFY(!box->isHidden());
    QTableView* view = panel()->findChild<QTableView*>(QStringLiteral("remoteDeletionsTable"));
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(cell(view->model(), 0, 0), QStringLiteral("Sales"));
    QCOMPARE(cell(view->model(), 0, 1), QStringLiteral("First1 Last1"));
    QCOMPARE(panel()->tabs()->tabText(1), QStringLiteral("Conflicts (1)"));
    QVERIFY(session.contacts().contact(contact)); // nothing applied behind the user's back
    auto* settle = child<QPushButton>(panel(), button.constData());
    QVERIFY(!settle->isEnabled());
    view->selectRow(0);
    QVERIFY(settle->isEnabled());
    QTest::mouseClick(settle, Qt::LeftButton);
    QVERIFY(box->isHidden());
    QCOMPARE(panel()->tabs()->tabText(1), QStringLiteral("Conflicts"));
    QCOMPARE(!session.contacts().contact(contact).has_value(), deletedHere);
    click("syncNowButton");
    waitForSync();
    QCOMPARE(sales.server->recordCount(), remoteAfter);
    QVERIFY(box->isHidden());
}

void TestSyncPanel::accountDialogValidatesTestsAndSaves()
{
    auto emulator = emulator::EmulatorFactory::create(QStringLiteral("getsales"));
    emulator->setApiKey("gs-key-123456");
    emulator->setRateScale(0.05);
    QVERIFY(emulator->start());
    openWindow();
    m_window->showSyncPanel();
    click("addAccountButton");
    auto* dialog = m_window->findChild<AccountDialog*>(QStringLiteral("accountDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto* provider = child<QComboBox>(dialog, "providerCombo");
    auto* name = child<QLineEdit>(dialog, "nameEdit");
    auto* url = child<QLineEdit>(dialog, "urlEdit");
    auto* list = child<QLineEdit>(dialog, "listUuidEdit");
    auto* key = child<QLineEdit>(dialog, "keyEdit");
    QCOMPARE(key->echoMode(), QLineEdit::Password);
    QCOMPARE(url->text(), QStringLiteral("https://api.lemlist.com/api"));
    QVERIFY(!list->isVisibleTo(dialog));

    // The address follows the service while the user has not typed one; GetSales asks for its list.
    provider->setCurrentIndex(provider->findData(QStringLiteral("getsales")));
    QVERIFY(url->text().startsWith(QStringLiteral("https://")));
    QVERIFY(!url->text().contains(QStringLiteral("lemlist")));
    QVERIFY(list->isVisibleTo(dialog));
    QCOMPARE(dialog->validate(), QStringLiteral("Give the account a name."));
    QTest::keyClicks(name, QStringLiteral("Outreach"));
    url->setText(QStringLiteral("crm.example.com/api"));
    QCOMPARE(dialog->account().baseUrl, QUrl(QStringLiteral("https://crm.example.com/api")));
    url->setText(QStringLiteral("http://crm.example.com/api"));
    QVERIFY(dialog->validate().contains(QStringLiteral("https://")));
    url->setText(emulator->baseUrl().toString());
    QCOMPARE(dialog->validate(), QStringLiteral("Enter the GetSales List ID."));
    QTest::keyClicks(list, emulator::GetSalesEmulator::defaultListUuid());
    QCOMPARE(dialog->validate(), QStringLiteral("Enter the API key."));

    // Test connection with a wrong key says so inline, without the key.
    QTest::keyClicks(key, QStringLiteral("wrong-SECRET-999"));
    QTest::mouseClick(child<QPushButton>(dialog, "testButton"), Qt::LeftButton);
    QLabel* result = dialog->resultLabel();
    QTRY_VERIFY_WITH_TIMEOUT(result->text().contains(QStringLiteral("refused")), 15000);
    QVERIFY(!result->text().contains(QStringLiteral("SECRET")));
    key->clear();
    QTest::keyClicks(key, QStringLiteral("gs-key-123456"));
    QTest::mouseClick(child<QPushButton>(dialog, "testButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QStringLiteral("Connected")), 15000);

    // No keychain in this test: without keeping the key for the session, saving asks for the variable.
    child<QCheckBox>(dialog, "sessionKeyCheck")->setChecked(false);
    QVERIFY(dialog->validate().contains(QStringLiteral("ROSTER_SECRET_OUTREACH")));
    qputenv("ROSTER_SECRET_OUTREACH", "gs-key-123456");
    QCOMPARE(dialog->validate(), QString());
    QTest::mouseClick(child<QPushButton>(dialog, "saveButton"), Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<AccountDialog*>(QStringLiteral("accountDialog")));
    auto saved = AccountStore(m_window->session().database()).find(QStringLiteral("Outreach"));
    QVERIFY(saved);
    QCOMPARE(saved->provider, QStringLiteral("getsales"));
    QCOMPARE(saved->options.value(QStringLiteral("list_uuid")), emulator::GetSalesEmulator::defaultListUuid());
    QCOMPARE(saved->baseUrl, emulator->baseUrl());
    QCOMPARE(panel()->accountsModel()->rowCount(), 1);
    QCOMPARE(cell(panel()->accountsModel(), 0, SyncAccountsModel::ProviderColumn), QStringLiteral("GetSales"));
    // The key went nowhere near the database.
    QFile file(m_window->session().database().path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("gs-key-123456"));
    qunsetenv("ROSTER_SECRET_OUTREACH");
}

void TestSyncPanel::accountDialogAsksKeyForNewServer()
{
    // The stored key was given for this server; another one must get a key typed for it.
    EmulatedAccount sales(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Sales"));
    AccountDialog dialog(m_session->database(), sales.account);
    auto* url = child<QLineEdit>(&dialog, "urlEdit");
    auto* key = child<QLineEdit>(&dialog, "keyEdit");
    QCOMPARE(dialog.validate(), QString());
    QUrl samePlace = sales.account.baseUrl;
    samePlace.setPath(QStringLiteral("/api/v2"));
    url->setText(samePlace.toString()); // another path on the same server: the key stays
    QCOMPARE(dialog.validate(), QString());
    url->setText(QStringLiteral("https://crm.example.net/api"));
    QCOMPARE(dialog.validate(), QStringLiteral("The server address changed: enter the API key for the new server."));
    dialog.testConnection();
    QCOMPARE(dialog.resultLabel()->text(), QStringLiteral("Enter the API key first."));
    QTest::keyClicks(key, QStringLiteral("new-key-for-net"));
    QCOMPARE(dialog.validate(), QString());
    // A name that folds to another account's variable is refused, naming it.
    EmulatedAccount other(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Support Team"));
    child<QLineEdit>(&dialog, "nameEdit")->setText(QStringLiteral("support-team"));
    QVERIFY2(dialog.validate().contains(QStringLiteral("“Support Team”")), qPrintable(dialog.validate()));
}

void TestSyncPanel::modelsPassTheTester()
{
    EmulatedAccount sales(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Sales"));
    addContacts(*m_session, 0, 2);
    addContacts(*m_session, 2, 1, {{QStringLiteral("custom.nope"), QStringLiteral("x")}});
    sales.server->faults().failNext(emulator::FaultPlan::Kind::Status500, 5); // errors to list
    openWindow();
    QAbstractItemModelTester accounts(panel()->accountsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester errors(panel()->errorsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester inbox(panel()->conflictsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(panel()->syncNow());
    waitForSync();
    QVERIFY(panel()->errorsModel()->rowCount() > 0);
    SyncConflict c;
    c.contactId = 1;
    c.accountId = sales.account.id;
    c.field = QStringLiteral("tags");
    c.base = QJsonArray {QStringLiteral("a")};
    c.local = QJsonArray {QStringLiteral("a"), QStringLiteral("b")};
    c.remote = QJsonValue();
    QVERIFY(SyncConflictStore(m_window->session().database()).record(c));
    panel()->reload();
    QCOMPARE(cell(panel()->conflictsModel(), 0, SyncConflictsModel::LocalColumn), QStringLiteral("a, b"));
    QCOMPARE(cell(panel()->conflictsModel(), 0, SyncConflictsModel::RemoteColumn), QStringLiteral("(empty)"));
}

QTEST_MAIN(TestSyncPanel)
#include "tst_syncpanel.moc"
