#include "TestSupport.h"
#include "dialogs/ContactEditorDialog.h"
#include "dialogs/PreferencesDialog.h"
#include "models/ContactTableModel.h"
#include "store/DatabaseConfig.h"
#include "store/StoreSession.h"
#include "store/UpsertPolicies.h"
#include "widgets/MainWindow.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace roster;

// The phone region in the window (issue 12 part 2): Edit > Preferences sets the database's phone_region, the
// editor and the engine follow it, and stored phones are shown in international format.
class TestPreferences final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void actionOpensTheDialog();
    void choosingARegionStoresItAndTheEditorFollows();
    void cancelChangesNothing();
    void readOnlyDatabaseDisablesTheRegion();
    void phonesShownInInternationalFormat();
    void editingAnotherFieldKeepsThePhone();

private:
    void openWindow();
    PreferencesDialog* preferences();
    static void choose(QComboBox* combo, const QString& code);
    qint64 seed(const QString& email, const QString& phone);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
};

void TestPreferences::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPreferences::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath("prefs.sqlite");
    openWindow();
}

void TestPreferences::cleanup()
{
    m_window.reset();
    m_dir.reset();
}

void TestPreferences::openWindow()
{
    m_window.reset();
    // As the application opens it: no fixed region, the database's setting.
    auto session = StoreSession::open(m_path);
    QVERIFY(session);
    m_window = std::make_unique<MainWindow>(std::move(*session));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

PreferencesDialog* TestPreferences::preferences()
{
    auto* action = m_window->findChild<QAction*>("preferencesAction");
    if (!action)
        return nullptr;
    action->trigger();
    return m_window->findChild<PreferencesDialog*>("preferencesDialog");
}

void TestPreferences::choose(QComboBox* combo, const QString& code)
{
    const int index = combo->findData(code);
    QVERIFY2(index >= 0, qPrintable(code));
    combo->setCurrentIndex(index);
}

qint64 TestPreferences::seed(const QString& email, const QString& phone)
{
    ContactPatch patch;
    patch.set(Field::Email, email);
    patch.set(Field::Phone, phone);
    auto result = m_window->session().engine().upsert(patch, UpsertPolicies::local(), {"manual", "seed"});
    if (!result)
        qFatal("seed failed");
    m_window->refresh();
    return result->contactId;
}

void TestPreferences::actionOpensTheDialog()
{
    auto* action = m_window->findChild<QAction*>("preferencesAction");
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence("Ctrl+,"));
    QCOMPARE(action->menuRole(), QAction::PreferencesRole);
    QVERIFY(action->isEnabled());
    PreferencesDialog* dialog = preferences();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QComboBox* region = dialog->phoneRegion();
    QCOMPARE(region->objectName(), "phoneRegionCombo");
    QVERIFY(region->isEnabled());
    // Under the tests' C locale no country is the default: "none", said to be the default.
    QCOMPARE(region->currentData().toString(), "none");
    QVERIFY2(region->currentText().contains("by default"), qPrintable(region->currentText()));
    // Countries by name with their code.
    const int france = region->findData("FR");
    QVERIFY(france > 0);
    QCOMPARE(region->itemText(france), "France (FR)");
    QVERIFY(region->findData("DE") > 0);
    QVERIFY(region->count() > 200);
}

void TestPreferences::choosingARegionStoresItAndTheEditorFollows()
{
    // Before: no region, so a national number is refused by the editor with the way out.
    ContactEditorDialog* before = m_window->editContact(0);
    before->findChild<QLineEdit*>("field_email")->setText("anne@example.fr");
    before->findChild<QLineEdit*>("field_phone")->setText("06 12 34 56 78");
    QVERIFY(before->hasErrors());
    QVERIFY2(before->findChild<QLabel*>("error_phone")->text().contains("Preferences"),
             qPrintable(before->findChild<QLabel*>("error_phone")->text()));
    before->reject();

    PreferencesDialog* dialog = preferences();
    QVERIFY(dialog);
    choose(dialog->phoneRegion(), "FR");
    QTest::mouseClick(dialog->findChild<QPushButton*>("preferencesOk"), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(DatabaseConfig(m_window->session().database()).get("phone_region")->value, "FR");
    QCOMPARE(m_window->session().engine().phones().region(), "FR");
    QVERIFY(m_window->statusBar()->currentMessage().contains("France (FR)"));

    ContactEditorDialog* editor = m_window->editContact(0);
    editor->findChild<QLineEdit*>("field_email")->setText("anne@example.fr");
    editor->findChild<QLineEdit*>("field_phone")->setText("06 12 34 56 78");
    QVERIFY(!editor->hasErrors());
    QTest::mouseClick(editor->findChild<QPushButton*>("saveButton"), Qt::LeftButton);
    QVERIFY(editor->lastResult());
    QCOMPARE(editor->lastResult()->status, UpsertResult::Status::Created);
    const qint64 id = editor->lastResult()->contactId;
    QCOMPARE(m_window->session().contacts().contact(id)->value(Field::Phone), "+33612345678");

    // Kept by the database: the next window (or command) opens with it, and the dialog shows it.
    openWindow();
    QCOMPARE(m_window->session().engine().phones().region(), "FR");
    PreferencesDialog* again = preferences();
    QCOMPARE(again->phoneRegion()->currentData().toString(), "FR");
    QCOMPARE(again->phoneRegion()->currentText(), "France (FR)");
}

void TestPreferences::cancelChangesNothing()
{
    PreferencesDialog* dialog = preferences();
    choose(dialog->phoneRegion(), "US");
    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Cancel)->click();
    QTRY_VERIFY(!dialog->isVisible());
    const auto value = DatabaseConfig(m_window->session().database()).get("phone_region");
    QVERIFY(value->isDefault);
    QCOMPARE(m_window->session().engine().phones().region(), QString());
}

void TestPreferences::readOnlyDatabaseDisablesTheRegion()
{
    seed("ro@example.org", "+33612345678");
    m_window.reset();
    const QStringList locked {m_path, m_dir->path()};
    if (!test::setReadOnly(locked, true))
        QSKIP("this file system cannot make a file read-only for this user");
    auto session = StoreSession::open(m_path);
    test::setReadOnly(locked, false);
    QVERIFY(session);
    QVERIFY((*session)->database().isReadOnly());
    m_window = std::make_unique<MainWindow>(std::move(*session));
    m_window->show();
    PreferencesDialog* dialog = preferences();
    QVERIFY(dialog);
    QVERIFY(!dialog->phoneRegion()->isEnabled());
    auto* message = dialog->findChild<QLabel*>("preferencesMessage");
    QVERIFY(message->isVisibleTo(dialog));
    QVERIFY2(message->text().contains("read-only"), qPrintable(message->text()));
    // OK with nothing changed closes without a write.
    QVERIFY(dialog->apply());
}

void TestPreferences::phonesShownInInternationalFormat()
{
    seed("fr@example.org", "+33612345678");
    seed("us@example.org", "+16502530000");
    seed("kept@example.org", "ask reception");
    ContactTableModel* model = m_window->model();
    QCOMPARE(model->rowCount(), 3);
    const int column = int(Field::Phone);
    QStringList shown;
    for (int row = 0; row < 3; ++row)
        shown << model->data(model->index(row, column)).toString();
    shown.sort();
    QCOMPARE(shown, QStringList({"+1 650-253-0000", "+33 6 12 34 56 78", "ask reception"}));
    // Display only: the store keeps E.164.
    QCOMPARE(m_window->session().contacts().contact(1)->value(Field::Phone), "+33612345678");
}

// The editor shows the international form, which reads back to the stored number: saving another field sends
// no phone, under any region.
void TestPreferences::editingAnotherFieldKeepsThePhone()
{
    QVERIFY(DatabaseConfig(m_window->session().database()).set("phone_region", "US"));
    const qint64 id = seed("fr@example.org", "+33612345678");
    ContactEditorDialog* editor = m_window->editContact(id);
    auto* phone = editor->findChild<QLineEdit*>("field_phone");
    QCOMPARE(phone->text(), "+33 6 12 34 56 78");
    QVERIFY(!editor->findChild<QLabel*>("error_phone")->isVisibleTo(editor));
    editor->findChild<QLineEdit*>("field_job_title")->setText("Buyer");
    QVERIFY(!editor->buildPatch().has(Field::Phone));
    QTest::mouseClick(editor->findChild<QPushButton*>("saveButton"), Qt::LeftButton);
    QVERIFY(editor->lastResult());
    QCOMPARE(editor->lastResult()->status, UpsertResult::Status::Updated);
    QCOMPARE(editor->lastResult()->changedFields, QStringList {"job_title"});
    QCOMPARE(m_window->session().contacts().contact(id)->value(Field::Phone), "+33612345678");
}

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
