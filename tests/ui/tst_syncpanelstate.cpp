#include "SyncUiFixture.h"
#include "dialogs/AccountDialog.h"
#include "models/SyncAccountsModel.h"
#include "store/DatabaseIdentity.h"
#include "store/SyncRunLog.h"
#include "sync/AccountSecrets.h"
#include "widgets/MainWindow.h"
#include "widgets/SyncPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

using namespace roster;
using namespace roster::test;

// What the sync panel says about its accounts: after one is added (and while it is typed), after a failed
// sync (Last sync unchanged) and a finished one (counts); and an account added with no keychain, its key
// kept in memory for the session and used by the window's syncs, never written anywhere.
class TestSyncPanelState : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void sessionKeyWithoutKeychain();
    void textsAfterAddAndWhileTyping();
    void failedSyncKeepsLastSync();
    void finishedSyncGivesCounts_data();
    void finishedSyncGivesCounts();

private:
    SyncPanel* panel() { return m_window->syncPanel(); }
    QLabel* summary() { return panel()->findChild<QLabel*>(QStringLiteral("syncSummary")); }
    void openWindow();
    void syncAndWait();
    AccountDialog* openAddDialog();
    QString cell(int row, int column) { return panel()->accountsModel()->index(row, column).data().toString(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestSyncPanelState::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RosterTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_syncpanelstate"));
    qputenv("ROSTER_NO_KEYCHAIN", "1");
    qputenv("ROSTER_SYNC_TIME_SCALE", "0.05");
}

void TestSyncPanelState::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto session = StoreSession::open(m_dir->filePath(QStringLiteral("state.sqlite")));
    QVERIFY(session);
    m_session = std::move(*session);
}

void TestSyncPanelState::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_dir.reset();
    SecretStore::forgetSessionKeys();
}

void TestSyncPanelState::openWindow()
{
    m_window = std::make_unique<MainWindow>(std::move(m_session));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->showSyncPanel();
}

void TestSyncPanelState::syncAndWait()
{
    QVERIFY(panel()->syncNow());
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->isSyncing(), 30000);
}

AccountDialog* TestSyncPanelState::openAddDialog()
{
    AccountDialog* dialog = panel()->addAccount();
    if (!QTest::qWaitForWindowExposed(dialog))
        qFatal("the account dialog did not show");
    return dialog;
}

void TestSyncPanelState::sessionKeyWithoutKeychain()
{
    QVERIFY(!SecretStore::keychainAvailable());
    auto server = emulator::EmulatorFactory::create(QStringLiteral("lemlist"));
    const QByteArray key = "emu-session-key-4242";
    server->setApiKey(key);
    server->setRateScale(scaleFor(QStringLiteral("lemlist")));
    QVERIFY(server->start());
    addContacts(*m_session, 0, 5);
    openWindow();

    AccountDialog* dialog = openAddDialog();
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit"));
    auto* keyEdit = dialog->findChild<QLineEdit*>(QStringLiteral("keyEdit"));
    QTest::keyClicks(name, QStringLiteral("Sales"));
    dialog->findChild<QLineEdit*>(QStringLiteral("urlEdit"))->setText(server->baseUrl().toString());
    QTest::keyClicks(keyEdit, QString::fromLatin1(key));
    // Offered, with the way to keep the key for good.
    QCheckBox* keep = dialog->sessionKeyBox();
    QVERIFY(keep->isVisibleTo(dialog));
    QVERIFY(keep->isChecked());
    auto* note = dialog->findChild<QLabel*>(QStringLiteral("sessionKeyNote"));
    QVERIFY2(note->text().contains(QStringLiteral("ROSTER_SECRET_SALES")), qPrintable(note->text()));
    QVERIFY(note->text().contains(QStringLiteral("secret_env")));

    // Refused without it: the dialog stays open with everything typed.
    keep->setChecked(false);
    auto* save = dialog->findChild<QPushButton*>(QStringLiteral("saveButton"));
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->resultLabel()->text().contains(QStringLiteral("ROSTER_SECRET_SALES")));
    QCOMPARE(name->text(), QStringLiteral("Sales"));
    QCOMPARE(keyEdit->text(), QString::fromLatin1(key));
    QVERIFY(!AccountStore(m_window->session().database()).find(QStringLiteral("Sales")));

    keep->setChecked(true);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<AccountDialog*>(QStringLiteral("accountDialog")));
    auto account = AccountStore(m_window->session().database()).find(QStringLiteral("Sales"));
    QVERIFY(account);
    const auto slot = AccountSecrets(m_window->session().database()).slot(*account);
    QVERIFY(slot);
    QVERIFY(SecretStore::hasSessionKey(*slot));
    QVERIFY2(summary()->text().contains(slot->variable), qPrintable(summary()->text()));
    QVERIFY(qEnvironmentVariableIsEmpty(slot->variable.toLatin1().constData()));
    QVERIFY(qEnvironmentVariableIsEmpty("ROSTER_SECRET_SALES"));

    // The window's sync uses it.
    syncAndWait();
    QCOMPARE(cell(0, SyncAccountsModel::StateColumn), QStringLiteral("Up to date"));
    QCOMPARE(server->recordCount(), 5);

    // Nothing on disk: not in the database (nor its journal), not in the settings.
    QSettings().sync();
    QStringList files {m_window->session().database().path(), m_window->session().database().path() + "-wal",
                       m_window->session().database().path() + "-journal", QSettings().fileName()};
    for (const QString& path : std::as_const(files)) {
        QFile file(path);
        if (!file.exists())
            continue;
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(key), qPrintable(path));
    }
    for (const QFileInfo& info : QDir(m_dir->path()).entryInfoList(QDir::Files)) {
        QFile file(info.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(key), qPrintable(info.filePath()));
    }
}

void TestSyncPanelState::textsAfterAddAndWhileTyping()
{
    openWindow();
    const QString none = QStringLiteral("No CRM account yet: add one to sync your contacts.");
    QCOMPARE(summary()->text(), none);
    // The line wraps rather than being cut off beside the buttons.
    QVERIFY(summary()->wordWrap());

    auto server = emulator::EmulatorFactory::create(QStringLiteral("lemlist"));
    server->setApiKey("emu-typed");
    QVERIFY(server->start());
    AccountDialog* dialog = openAddDialog();
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit")), QStringLiteral("ac"));
    QCOMPARE(summary()->text(), none);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit")), QStringLiteral("me"));
    dialog->findChild<QLineEdit*>(QStringLiteral("urlEdit"))->setText(server->baseUrl().toString());
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("keyEdit")), QStringLiteral("emu-typed"));
    dialog->sessionKeyBox()->setChecked(false);
    qputenv("ROSTER_SECRET_ACME", "emu-typed");
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<AccountDialog*>(QStringLiteral("accountDialog")));
    qunsetenv("ROSTER_SECRET_ACME");
    QCOMPARE(panel()->accountsModel()->rowCount(), 1);
    QVERIFY2(!summary()->text().contains(QStringLiteral("No CRM account")), qPrintable(summary()->text()));
    QVERIFY2(summary()->text().startsWith(QStringLiteral("1 account, ready")), qPrintable(summary()->text()));
}

void TestSyncPanelState::failedSyncKeepsLastSync()
{
    EmulatedAccount sales(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Sales"));
    addContacts(*m_session, 0, 3);
    openWindow();
    QCOMPARE(cell(0, SyncAccountsModel::LastSyncColumn), QStringLiteral("Never"));

    // A wrong key: the run fails at once.
    qputenv(sales.secretVariable.constData(), "not-the-key");
    syncAndWait();
    QCOMPARE(cell(0, SyncAccountsModel::StateColumn), QStringLiteral("Failed"));
    QCOMPARE(cell(0, SyncAccountsModel::LastSyncColumn), QStringLiteral("Never"));
    QVERIFY2(summary()->text().startsWith(QStringLiteral("Sales: Failed")), qPrintable(summary()->text()));
    QVERIFY(!summary()->text().contains(QStringLiteral("finished")));
    QVERIFY(!m_window->statusBar()->currentMessage().contains(QStringLiteral("finished")));
    QVERIFY(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Sales: Failed")));

    // After a good run, a failed one leaves Last sync at the good one.
    qputenv(sales.secretVariable.constData(), sales.server->apiKey());
    syncAndWait();
    QCOMPARE(cell(0, SyncAccountsModel::StateColumn), QStringLiteral("Up to date"));
    SyncRunLog log(m_window->session().database());
    const SyncRunLog::Run good = log.lastCompletedRun(sales.account.id).value_or(SyncRunLog::Run {});
    QVERIFY(good.id > 0);
    qputenv(sales.secretVariable.constData(), "not-the-key");
    syncAndWait();
    QVERIFY(log.lastRun(sales.account.id).value_or(SyncRunLog::Run {}).id > good.id);
    QCOMPARE(log.lastCompletedRun(sales.account.id).value_or(SyncRunLog::Run {}).id, good.id);
    QCOMPARE(cell(0, SyncAccountsModel::LastSyncColumn),
             SyncAccountsModel::lastSyncText(good.finishedAt.toLocalTime()));
    // Read again from the database, it says the same.
    panel()->reload();
    QCOMPARE(cell(0, SyncAccountsModel::LastSyncColumn),
             SyncAccountsModel::lastSyncText(good.finishedAt.toLocalTime()));
    QCOMPARE(cell(0, SyncAccountsModel::StateColumn), QStringLiteral("Failed"));
}

void TestSyncPanelState::finishedSyncGivesCounts_data()
{
    QTest::addColumn<int>("sent");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one") << 1 << QStringLiteral("Sales: 1 sent, 0 received.");
    QTest::newRow("several") << 12 << QStringLiteral("Sales: 12 sent, 0 received.");
}

void TestSyncPanelState::finishedSyncGivesCounts()
{
    QFETCH(int, sent);
    QFETCH(QString, expected);
    EmulatedAccount sales(m_session->database(), QStringLiteral("lemlist"), QStringLiteral("Sales"));
    addContacts(*m_session, 0, sent);
    openWindow();
    syncAndWait();
    QCOMPARE(summary()->text(), expected);
    QCOMPARE(m_window->statusBar()->currentMessage(), expected);
    QCOMPARE(cell(0, SyncAccountsModel::ProgressColumn), expected.mid(7).chopped(1));
}

QTEST_MAIN(TestSyncPanelState)
#include "tst_syncpanelstate.moc"
