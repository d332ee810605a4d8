#include "TestSupport.h"
#include "UiTestDatabase.h"
#include "dialogs/ContactEditorDialog.h"
#include "dialogs/DuplicatesDialog.h"
#include "dialogs/ImportDialog.h"
#include "dialogs/MergeDialog.h"
#include "models/ContactTableModel.h"
#include "models/DuplicatesModel.h"
#include "models/FacetListModel.h"
#include "widgets/FileDialogs.h"
#include "widgets/MainWindow.h"
#include "widgets/NoMatchHint.h"
#include "widgets/SelectionActions.h"
#include "widgets/SidebarWidget.h"
#include "widgets/Translations.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>

#include <sys/stat.h>
#include <unistd.h>

using namespace roster;
using namespace roster::test;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsContactsAndCounts();
    void searchFiltersAsYouType();
    void editorBlocksInvalidEmail();
    void editorSavesThroughEngineAndUndoes();
    void storedWarningNeverBlocksAnotherEdit();
    void editorNamesTheOtherContact();
    void newContactNeverRenamesAnother();
    void newContactAddsToTheOtherWithoutOverwriting();
    void editorKeepsEveryPhoneWithItsKind();
    void deleteIsUndoable();
    void largeUndoRunsBehindABusyDialog();
    void emptyHintWhileNoContacts();
    void dropImportsThroughTheDialog();
    void mergeAndUndo();
    void readOnlyDatabaseOpensForReading();
    void ownDatabaseFileIsNotImported();
    void fileDialogLeavesTheDatabaseLocksAlone();
    void findKeyFocusesSearch_data();
    void findKeyFocusesSearch();
    void searchStaysVisibleWhenNarrow_data();
    void searchStaysVisibleWhenNarrow();
    void searchFindsPhoneDigits_data();
    void searchFindsPhoneDigits();
    void noMatchSaysSoAndClears();
    void sidebarCountsFollowSearch();
    void bulkChangesAreOneUndoStep_data();
    void bulkChangesAreOneUndoStep();
    void contextMenuFollowsSelection();
    void columnsAreRemembered();
    void titleNamesTheFile();
    void frenchTranslation(); // last: it installs a translator for the process

private:
    QAction* action(const char* name) { return m_window->findChild<QAction*>(name); }
    qint64 live() { return m_window->session().contacts().count(); }

    std::unique_ptr<UiTestDatabase> m_db;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::init()
{
    m_db = std::make_unique<UiTestDatabase>();
    auto session = m_db->open();
    auto& engine = session->engine();
    const WriteOrigin origin {"manual", "seed"};
    for (const char* spec : {"Jane|Smith|jane@acme.com|vip", "John|Doe|john@acme.com|", "Zoe|Adler|zoe@globex.com|"}) {
        const QStringList parts = QString(spec).split('|');
        ContactPatch p;
        p.set(Field::FirstName, parts[0]);
        p.set(Field::LastName, parts[1]);
        p.set(Field::Email, parts[2]);
        if (!parts[3].isEmpty())
            p.setTags({parts[3]}, TagMode::Replace);
        QVERIFY(engine.upsert(p, UpsertPolicies::local(), origin));
    }
    m_window = std::make_unique<MainWindow>(std::move(session));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_db.reset();
}

void TestMainWindow::showsContactsAndCounts()
{
    QCOMPARE(m_window->model()->rowCount(), 3);
    auto* count = m_window->findChild<QLabel*>("contactCount");
    QCOMPARE(count->text(), "3 contacts");
    QCOMPARE(action("newContactAction")->shortcut(), QKeySequence(QKeySequence::New));
    QCOMPARE(action("redoAction")->shortcut(), QKeySequence("Ctrl+Shift+Z"));
    QCOMPARE(action("importAction")->shortcut(), QKeySequence("Ctrl+I"));
    QCOMPARE(action("findAction")->shortcut(), QKeySequence(QKeySequence::Find));
    QVERIFY(!m_window->table()->horizontalHeader()->isSectionHidden(int(Field::Email)));
    QVERIFY(m_window->table()->horizontalHeader()->isSectionHidden(int(Field::Notes)));
}

void TestMainWindow::searchFiltersAsYouType()
{
    auto* search = m_window->findChild<QLineEdit*>("searchBox");
    action("findAction")->trigger();
    QTest::keyClicks(search, "acm");
    QTRY_COMPARE(m_window->model()->rowCount(), 2);
    QCOMPARE(m_window->findChild<QLabel*>("contactCount")->text(), "2 of 3 contacts");
    QTest::keyClicks(search, "e ja");
    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    search->clear();
    QTRY_COMPARE(m_window->model()->rowCount(), 3);
}

void TestMainWindow::editorBlocksInvalidEmail()
{
    ContactEditorDialog* editor = m_window->editContact(0);
    auto* email = editor->findChild<QLineEdit*>("field_email");
    auto* save = editor->findChild<QPushButton*>("saveButton");
    auto* reason = editor->findChild<QLabel*>("error_email");
    QTest::keyClicks(email, "jane.example.com");
    QVERIFY(!save->isEnabled());
    QVERIFY(reason->isVisibleTo(editor));
    QVERIFY(reason->text().contains("Not an email address"));
    email->setText("new@example.com");
    QVERIFY(save->isEnabled());
    QVERIFY(!reason->isVisibleTo(editor));
    auto* linkedin = editor->findChild<QLineEdit*>("field_linkedin_url");
    linkedin->setText("https://example.com/jane");
    QVERIFY(!save->isEnabled());
    QVERIFY(editor->findChild<QLabel*>("error_linkedin_url")->text().contains("LinkedIn"));
    linkedin->setText("linkedin.com/in/jane-doe");
    editor->findChild<QLineEdit*>("field_phone")->setText("hello");
    QVERIFY(!save->isEnabled());
    editor->findChild<QLineEdit*>("field_phone")->setText("06 12 34 56 78");
    QVERIFY(save->isEnabled());
    editor->reject();
}

// A phone imported "kept as typed" (InvalidPhone) used to keep Save off after any other edit, with the reason on
// another tab. Now the stored value is pointed out but the edit saves; a new mistake still blocks, and the
// message under the tabs names the field to correct wherever it is.
void TestMainWindow::storedWarningNeverBlocksAnotherEdit()
{
    ContactPatch p;
    p.set(Field::Email, "kept@acme.com");
    p.set(Field::Phone, "12-not-a-phone");
    const auto stored = m_window->session().engine().upsert(p, UpsertPolicies::local(), {"manual", "seed"});
    QVERIFY(stored && stored->status == UpsertResult::Status::Created);
    QCOMPARE(stored->warnings.first().code, ErrorCode::InvalidPhone);
    ContactEditorDialog* editor = m_window->editContact(stored->contactId);
    auto* save = editor->findChild<QPushButton*>("saveButton");
    QVERIFY(editor->findChild<QLabel*>("error_phone")->isVisibleTo(editor)); // pointed out
    editor->findChild<QLineEdit*>("field_job_title")->setText("Buyer");
    QVERIFY(save->isEnabled());
    editor->findChild<QLineEdit*>("field_email")->setText("not an email");
    QVERIFY(!save->isEnabled());
    auto* message = editor->findChild<QLabel*>("editorMessage");
    QVERIFY(message->isVisibleTo(editor));
    QVERIFY2(message->text().contains("Email"), qPrintable(message->text()));
    editor->findChild<QLineEdit*>("field_email")->setText("kept@acme.com");
    QVERIFY(save->isEnabled());
    QVERIFY(!message->isVisibleTo(editor));
    QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(m_window->session().contacts().contact(stored->contactId)->value(Field::JobTitle), "Buyer");
    QCOMPARE(m_window->session().contacts().contact(stored->contactId)->value(Field::Phone), "12-not-a-phone");
}

void TestMainWindow::editorSavesThroughEngineAndUndoes()
{
    ContactEditorDialog* editor = m_window->editContact(1);
    QCOMPARE(editor->findChild<QLineEdit*>("field_email")->text(), "jane@acme.com");
    editor->findChild<QLineEdit*>("field_job_title")->setText("CTO");
    editor->findChild<QLineEdit*>("field_first_name")->clear();
    editor->findChild<QLineEdit*>("field_first_name")->setText("Janet");
    editor->findChild<QLineEdit*>("field_tags")->setText("vip, board");
    QTest::mouseClick(editor->findChild<QPushButton*>("saveButton"), Qt::LeftButton);
    QVERIFY(editor->lastResult());
    QCOMPARE(editor->lastResult()->status, UpsertResult::Status::Updated);
    const Contact saved = *m_window->session().contacts().contact(1);
    QCOMPARE(saved.value(Field::JobTitle), "CTO");
    QCOMPARE(saved.tags, QStringList({"vip", "board"}));
    QCOMPARE(action("undoAction")->text(), "&Undo Edit Janet Smith");
    action("undoAction")->trigger();
    QCOMPARE(m_window->session().contacts().contact(1)->value(Field::JobTitle), "");
    QCOMPARE(m_window->session().contacts().contact(1)->value(Field::FirstName), "Jane");
    QCOMPARE(action("redoAction")->text(), "&Redo Edit Janet Smith");
    action("redoAction")->trigger();
    QCOMPARE(m_window->session().contacts().contact(1)->value(Field::JobTitle), "CTO");
}

void TestMainWindow::editorNamesTheOtherContact()
{
    ContactEditorDialog* editor = m_window->editContact(2);
    // John takes Jane's email: the engine keeps it with Jane and says so.
    editor->findChild<QLineEdit*>("field_email")->setText("jane@acme.com");
    editor->findChild<QLineEdit*>("field_city")->setText("Lyon");
    QTest::mouseClick(editor->findChild<QPushButton*>("saveButton"), Qt::LeftButton);
    QVERIFY(editor->isVisible());
    auto* message = editor->findChild<QLabel*>("editorMessage");
    QVERIFY2(message->text().contains("Jane Smith"), qPrintable(message->text()));
    auto* open = editor->findChild<QPushButton*>("openOtherButton");
    QVERIFY(open->isVisibleTo(editor));
    QTest::mouseClick(open, Qt::LeftButton);
    ContactEditorDialog* other = nullptr;
    QTRY_VERIFY((other = m_window->findChild<ContactEditorDialog*>()) && other->contactId() == 1);
    other->reject();
}

// Ctrl+N, a name and Jane's email in capitals: before, Jane was renamed "Janet Doe" and the undo entry said
// "Create Janet Doe". Now nothing is written and the editor offers to open Jane.
void TestMainWindow::newContactNeverRenamesAnother()
{
    ContactEditorDialog* editor = m_window->editContact(0);
    editor->findChild<QLineEdit*>("field_first_name")->setText("Janet");
    editor->findChild<QLineEdit*>("field_last_name")->setText("Doe");
    editor->findChild<QLineEdit*>("field_email")->setText("JANE@acme.com");
    QTest::mouseClick(editor->findChild<QPushButton*>("saveButton"), Qt::LeftButton);
    QVERIFY(editor->isVisible());
    auto* message = editor->findChild<QLabel*>("editorMessage");
    QVERIFY2(message->text().contains("Jane Smith"), qPrintable(message->text()));
    // The message names both ways out the buttons offer.
    QVERIFY2(message->text().contains("Add what you typed to Jane Smith"), qPrintable(message->text()));
    QVERIFY(editor->findChild<QPushButton*>("openOtherButton")->isVisibleTo(editor));
    QVERIFY(editor->findChild<QPushButton*>("mergeIntoOtherButton")->isVisibleTo(editor));
    editor->reject();
    QCOMPARE(live(), 3);
    const auto jane = m_window->session().contacts().contact(1);
    QCOMPARE(jane->value(Field::FirstName), "Jane");
    QCOMPARE(jane->value(Field::LastName), "Smith");
    QVERIFY(!action("undoAction")->text().contains("Janet"));
}

// The collision prompt's second way out: what was typed goes to Jane, her name stays hers.
void TestMainWindow::newContactAddsToTheOtherWithoutOverwriting()
{
    ContactEditorDialog* editor = m_window->editContact(0);
    editor->findChild<QLineEdit*>("field_first_name")->setText("Janet");
    editor->findChild<QLineEdit*>("field_email")->setText("jane@acme.com");
    editor->findChild<QLineEdit*>("field_phone")->setText("+33612345678");
    editor->findChild<QLineEdit*>("field_job_title")->setText("CTO");
    QTest::mouseClick(editor->findChild<QPushButton*>("saveButton"), Qt::LeftButton);
    auto* merge = editor->findChild<QPushButton*>("mergeIntoOtherButton");
    QVERIFY(merge->isVisibleTo(editor));
    QVERIFY2(merge->text().contains("Jane Smith"), qPrintable(merge->text()));
    QTest::mouseClick(merge, Qt::LeftButton);
    const auto jane = m_window->session().contacts().contact(1);
    QCOMPARE(jane->value(Field::FirstName), "Jane");
    QCOMPARE(jane->value(Field::JobTitle), "CTO");
    QCOMPARE(jane->value(Field::Phone), "+33612345678");
    QCOMPARE(live(), 3);
    QVERIFY2(editor->findChild<QLabel*>("editorMessage")->text().contains("Jane"),
             qPrintable(editor->findChild<QLabel*>("editorMessage")->text()));
    editor->reject();
}

// Three phones of three kinds typed in the editor are three phones stored, and a stored phone kept "as typed"
// never blocks saving another field.
void TestMainWindow::editorKeepsEveryPhoneWithItsKind()
{
    ContactEditorDialog* editor = m_window->editContact(2);
    editor->findChild<QLineEdit*>("field_phone")->setText("+33612345678");
    auto* kind = editor->findChild<QComboBox*>("field_phone_type");
    kind->setCurrentIndex(kind->findData("mobile"));
    auto* add = editor->findChild<QPushButton*>("addPhoneButton");
    QTest::mouseClick(add, Qt::LeftButton);
    QTest::mouseClick(add, Qt::LeftButton);
    editor->findChild<QLineEdit*>("extraPhone_0")->setText("+33140000000");
    auto* kind0 = editor->findChild<QComboBox*>("extraPhoneKind_0");
    kind0->setCurrentIndex(kind0->findData("work"));
    editor->findChild<QLineEdit*>("extraPhone_1")->setText("ask the desk");
    QVERIFY(editor->hasErrors()); // a new value that is not a phone number is said before saving
    editor->findChild<QLineEdit*>("extraPhone_1")->setText("+33140000001");
    auto* kind1 = editor->findChild<QComboBox*>("extraPhoneKind_1");
    kind1->setCurrentIndex(kind1->findData("fax"));
    QVERIFY(!editor->hasErrors());
    QTest::mouseClick(editor->findChild<QPushButton*>("saveButton"), Qt::LeftButton);
    const auto john = m_window->session().contacts().contact(2);
    QCOMPARE(john->value(Field::Phone), "+33612345678");
    QCOMPARE(john->value(Field::PhoneType), "mobile");
    QCOMPARE(john->extraPhones, PhoneList({{"+33140000000", PhoneType::Work}, {"+33140000001", PhoneType::Fax}}));
    // Reopened, the editor shows the three and saves nothing when nothing changed.
    ContactEditorDialog* again = m_window->editContact(2);
    QCOMPARE(again->findChild<QLineEdit*>("extraPhone_1")->text(), "+33 1 40 00 00 01");
    QVERIFY(again->buildPatch().isEmpty());
    // A new main number keeps the kind shown beside it.
    again->findChild<QLineEdit*>("field_phone")->setText("+33699999999");
    QTest::mouseClick(again->findChild<QPushButton*>("saveButton"), Qt::LeftButton);
    QCOMPARE(m_window->session().contacts().contact(2)->value(Field::PhoneType), "mobile");
}

void TestMainWindow::deleteIsUndoable()
{
    m_window->table()->selectRow(0);
    action("deleteAction")->trigger();
    QCOMPARE(live(), 2);
    QCOMPARE(m_window->model()->rowCount(), 2);
    QVERIFY(action("undoAction")->text().startsWith("&Undo Delete 1 contact"));
    action("undoAction")->trigger();
    QCOMPARE(live(), 3);
    QCOMPARE(m_window->model()->rowCount(), 3);
}

// Undoing a whole import is seconds of work: it runs on a worker behind a modal busy dialog, and the window
// shows the result when it ends.
void TestMainWindow::largeUndoRunsBehindABusyDialog()
{
    m_db->fill(m_window->session(), 6000);
    m_window->refresh();
    QTRY_COMPARE(m_window->model()->totalCount(), 6003);
    QCOMPARE(action("undoAction")->text(), "&Undo Generated");
    bool busyShown = false;
    QTimer::singleShot(0, m_window.get(), [&] {
        auto* busy = m_window->findChild<QProgressDialog*>("undoProgress");
        busyShown = busy && busy->isVisible() && busy->labelText().contains(QLocale().toString(6000) + " changes");
    });
    action("undoAction")->trigger();
    QVERIFY(busyShown);
    QVERIFY(!m_window->findChild<QProgressDialog*>("undoProgress"));
    QCOMPARE(live(), 3);
    QTRY_COMPARE(m_window->model()->totalCount(), 3);
    QCOMPARE(action("redoAction")->text(), "&Redo Generated");
    action("redoAction")->trigger();
    QCOMPARE(live(), 6003);
}

// With no contact at all the table says how to get some, centred; a search that finds nothing does not.
void TestMainWindow::emptyHintWhileNoContacts()
{
    auto* hint = m_window->findChild<QLabel*>("emptyHint");
    QVERIFY(hint);
    QVERIFY(!hint->isVisible());
    auto* search = m_window->findChild<QLineEdit*>("searchBox");
    QTest::keyClicks(search, "nobody-here");
    QTRY_COMPARE(m_window->model()->rowCount(), 0);
    QVERIFY(!hint->isVisible());
    search->clear();
    QTRY_COMPARE(m_window->model()->rowCount(), 3);
    for (int i = 0; i < 3; ++i) {
        m_window->table()->selectRow(0);
        action("deleteAction")->trigger();
    }
    QCOMPARE(live(), 0);
    QTRY_VERIFY(hint->isVisible());
    QVERIFY(hint->text().contains("Ctrl+I"));
    const QPoint centre = m_window->table()->viewport()->rect().center();
    QVERIFY2((hint->geometry().center() - centre).manhattanLength() < 4,
             qPrintable(QStringLiteral("%1,%2").arg(hint->geometry().center().x()).arg(hint->geometry().center().y())));
    action("undoAction")->trigger();
    QTRY_COMPARE(m_window->model()->rowCount(), 1);
    QVERIFY(!hint->isVisible());
}

void TestMainWindow::dropImportsThroughTheDialog()
{
    const QString csv = QString(ROSTER_UI_TEST_DATA) + "/import.csv";
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(csv)});
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(drop.isAccepted());
    ImportDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ImportDialog*>()) != nullptr);
    QVERIFY(dialog->findChild<QLabel*>("detectedFormat")->text().contains("UTF-8", Qt::CaseInsensitive));
    QCOMPARE(dialog->mappingCombo(2)->currentData().toString(), "email");
    QCOMPARE(dialog->mappingCombo(3)->currentData().toString(), "company_name");
    // Leave the job title out, by hand.
    dialog->mappingCombo(4)->setCurrentIndex(0);
    dialog->startDryRun();
    QTRY_COMPARE(dialog->page(), ImportDialog::Page::Preview);
    QTRY_VERIFY(dialog->findChild<QLabel*>("dryRunSummary")->text().contains("create 3"));
    QCOMPARE(live(), 3);
    QTest::mouseClick(dialog->findChild<QPushButton*>("startImportButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->page(), ImportDialog::Page::Report, 20000);
    QCOMPARE(dialog->summary()->created, 3);
    QCOMPARE(dialog->summary()->rejected, 1);
    QCOMPARE(live(), 6);
    QCOMPARE(m_window->model()->rowCount(), 6);
    ContactFilter filter;
    filter.search = "lovelace";
    m_window->model()->setFilter(filter);
    QCOMPARE(m_window->model()->rowCount(), 1);
    QCOMPARE(m_window->model()->index(0, int(Field::JobTitle)).data().toString(), "");
    // Shown in international format; stored in E.164.
    QCOMPARE(m_window->model()->index(0, int(Field::Phone)).data().toString(), "+44 20 7946 0001");
    QCOMPARE(m_window->session().contacts().contact(m_window->model()->contactId(0))->value(Field::Phone),
             "+442079460001");
    const QString rejected = m_db->dir.filePath("rejected.csv");
    QVERIFY(dialog->saveRejected(rejected));
    QFile file(rejected);
    QVERIFY(file.open(QIODevice::ReadOnly));
    // The rejected rows as they were in the file (every column, the file's header), plus why and where, as
    // HubSpot's error file does: fixed in a spreadsheet, the file imports again as it is.
    QList<QByteArray> lines = file.readAll().split('\n');
    for (QByteArray& line : lines)
        line = line.trimmed(); // CRLF, as RFC 4180 writes it
    QCOMPARE(lines.at(0),
             "First Name,Last Name,E-mail Address,Company,Job Title,Mobile Phone,Roster error,Roster line");
    QVERIFY2(lines.at(1).startsWith("Bad,Row,not-an-email,Nowhere,,,"), lines.at(1).constData());
    QVERIFY2(lines.at(1).contains(",InvalidEmail: ") || lines.at(1).contains(",\"InvalidEmail: "),
             lines.at(1).constData());
    QVERIFY2(lines.at(1).endsWith(",5"), lines.at(1).constData());
    QCOMPARE(lines.size(), 3); // and the empty string after the last line break
    QVERIFY(dialog->undoImport());
    QCOMPARE(live(), 3);
    dialog->accept();
}

void TestMainWindow::mergeAndUndo()
{
    auto& engine = m_window->session().engine();
    ContactPatch twin;
    twin.set(Field::FirstName, "J.");
    twin.set(Field::LastName, "Smith");
    twin.set(Field::Email, "jsmith@acme.com");
    twin.set(Field::Phone, "+33612345678");
    QVERIFY(engine.upsert(twin, UpsertPolicies::local(), {"manual", "twin"}));
    ContactPatch jane;
    jane.setContactId(1);
    jane.set(Field::Phone, "+33612345678");
    QVERIFY(engine.upsert(jane, UpsertPolicies::local(), {"manual", "phone"}));
    m_window->refresh();
    QCOMPARE(live(), 4);
    DuplicatesDialog* duplicates = m_window->showDuplicates();
    QCOMPARE(duplicates->model()->rowCount(), 1);
    MergeDialog* merge = duplicates->mergeRow(0);
    QVERIFY(merge);
    merge->choose(Field::Email, MergeSide::Other);
    QTest::mouseClick(merge->findChild<QPushButton*>("confirmMergeButton"), Qt::LeftButton);
    QCOMPARE(live(), 3);
    QCOMPARE(m_window->model()->rowCount(), 3);
    QCOMPARE(duplicates->model()->rowCount(), 0);
    const Contact merged = *m_window->session().contacts().contact(1);
    QCOMPARE(merged.value(Field::Email), "jsmith@acme.com");
    QCOMPARE(merged.extraEmails, QStringList({"jane@acme.com"}));
    QVERIFY(action("undoAction")->text().contains("Merge"));
    duplicates->reject();
    action("undoAction")->trigger();
    QCOMPARE(live(), 4);
    QCOMPARE(m_window->session().contacts().contact(1)->value(Field::Email), "jane@acme.com");
}

void TestMainWindow::findKeyFocusesSearch_data()
{
    QTest::addColumn<QKeySequence>("keys");
    QTest::newRow("Ctrl+F") << QKeySequence(Qt::CTRL | Qt::Key_F);
    QTest::newRow("Find") << QKeySequence(QKeySequence::Find);
}

// Typing after Ctrl+F goes to the search, not to the table's type-ahead; Escape there empties it.
void TestMainWindow::findKeyFocusesSearch()
{
    QFETCH(QKeySequence, keys);
    QLineEdit* search = m_window->searchBox();
    search->setText("old words");
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->table()->setFocus();
    QTRY_VERIFY(m_window->table()->hasFocus());
    QTest::keySequence(m_window->table(), keys);
    QTRY_VERIFY(search->hasFocus());
    QCOMPARE(search->selectedText(), "old words");
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), "");
}

void TestMainWindow::searchStaysVisibleWhenNarrow_data()
{
    QTest::addColumn<int>("width");
    QTest::newRow("1024") << 1024;
    QTest::newRow("800") << 800;
}

// In the toolbar the box went into the overflow menu once the labels took its room.
void TestMainWindow::searchStaysVisibleWhenNarrow()
{
    QFETCH(int, width);
    m_window->resize(width, 700);
    QTRY_COMPARE(m_window->width(), width);
    QLineEdit* search = m_window->searchBox();
    QVERIFY(search->isVisible());
    QVERIFY(!qobject_cast<QToolBar*>(search->parentWidget()));
    const QRect inWindow(search->mapTo(m_window.get(), QPoint(0, 0)), search->size());
    QVERIFY(m_window->rect().contains(inWindow));
    QVERIFY(search->width() >= 200);
    QVERIFY(search->isClearButtonEnabled());
}

void TestMainWindow::searchFindsPhoneDigits_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("rows");
    QTest::newRow("national") << "0612" << 1;
    QTest::newRow("international grouped") << "+33 6 12" << 1;
    QTest::newRow("national number") << "612345678" << 1;
    QTest::newRow("other phone") << "01 42 68 53" << 1;
    QTest::newRow("title") << "ingenieure" << 1;
}

void TestMainWindow::searchFindsPhoneDigits()
{
    QFETCH(QString, search);
    QFETCH(int, rows);
    ContactPatch jane;
    jane.setContactId(1);
    jane.set(Field::Phone, "+33612345678");
    jane.set(Field::JobTitle, "Ingénieure");
    jane.setExtraPhones({{"+33142685300", PhoneType::Work}});
    QVERIFY(m_window->session().engine().upsert(jane, UpsertPolicies::local(), {"manual", "phone"}));
    m_window->refresh();
    QTest::keyClicks(m_window->searchBox(), search);
    QTRY_COMPARE(m_window->model()->rowCount(), rows);
    QCOMPARE(m_window->model()->index(0, int(Field::Phone)).data().toString(), "+33 6 12 34 56 78");
}

void TestMainWindow::noMatchSaysSoAndClears()
{
    NoMatchHint* hint = m_window->noMatchHint();
    QVERIFY(!hint->isVisible());
    QTest::keyClicks(m_window->searchBox(), "xyz");
    QTRY_COMPARE(m_window->model()->rowCount(), 0);
    QTRY_VERIFY(hint->isVisible());
    QCOMPARE(hint->text(), "No contact matches “xyz”.");
    QVERIFY(!m_window->findChild<QLabel*>("emptyHint")->isVisible());
    QCOMPARE(m_window->table()->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
    QTest::mouseClick(hint->clearButton(), Qt::LeftButton);
    QCOMPARE(m_window->searchBox()->text(), "");
    QTRY_COMPARE(m_window->model()->rowCount(), 3);
    QVERIFY(!hint->isVisible());
}

void TestMainWindow::sidebarCountsFollowSearch()
{
    FacetListModel* tags = m_window->findChild<SidebarWidget*>()->tagModel();
    QTRY_COMPARE(tags->rowCount(), 2);
    QCOMPARE(tags->data(tags->index(0), FacetListModel::CountRole).toLongLong(), 3); // All tags
    QCOMPARE(tags->data(tags->index(1), FacetListModel::CountRole).toLongLong(), 1); // vip
    QTest::keyClicks(m_window->searchBox(), "john");
    QTRY_COMPARE(tags->data(tags->index(0), FacetListModel::CountRole).toLongLong(), 1);
    QTRY_COMPARE(tags->data(tags->index(1), FacetListModel::CountRole).toLongLong(), 0);
    QVERIFY(tags->data(tags->index(1), Qt::ToolTipRole).toString().startsWith("vip\n"));
    m_window->searchBox()->clear();
    QTRY_COMPARE(tags->data(tags->index(1), FacetListModel::CountRole).toLongLong(), 1);
}

void TestMainWindow::bulkChangesAreOneUndoStep_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("tag") << "tag";
    QTest::newRow("untag") << "untag";
    QTest::newRow("delete") << "delete";
}

void TestMainWindow::bulkChangesAreOneUndoStep()
{
    QFETCH(QString, change);
    auto& contacts = m_window->session().contacts();
    // Everyone gets "vip" first, so there is something to take off all three.
    m_window->table()->selectAll();
    QCOMPARE(m_window->selectionActions()->addTag("vip"), 2);
    m_window->table()->selectAll();
    QCOMPARE(m_window->selectedContactIds().size(), 3);
    const QString before = action("undoAction")->text();
    if (change == "tag") {
        QCOMPARE(m_window->selectionActions()->addTag("team"), 3);
        for (qint64 id : {1, 2, 3})
            QVERIFY(contacts.contact(id)->tags.contains("team"));
    } else if (change == "untag") {
        QCOMPARE(m_window->selectionActions()->removeTag("VIP"), 3);
        for (qint64 id : {1, 2, 3})
            QVERIFY(contacts.contact(id)->tags.isEmpty());
    } else {
        action("deleteAction")->trigger();
        QCOMPARE(live(), 0);
    }
    QVERIFY(action("undoAction")->text() != before);
    action("undoAction")->trigger();
    QCOMPARE(action("undoAction")->text(), before);
    QCOMPARE(live(), 3);
    for (qint64 id : {1, 2, 3})
        QCOMPARE(contacts.contact(id)->tags, QStringList({"vip"}));
}

void TestMainWindow::contextMenuFollowsSelection()
{
    ContactPatch jane;
    jane.setContactId(1);
    jane.set(Field::LinkedinUrl, "https://www.linkedin.com/in/jane-smith");
    QVERIFY(m_window->session().engine().upsert(jane, UpsertPolicies::local(), {"manual", "linkedin"}));
    m_window->refresh();
    m_window->table()->selectRow(0);
    const QPoint position = m_window->table()->visualRect(m_window->model()->index(0, 0)).center();
    emit m_window->table()->customContextMenuRequested(position);
    auto* menu = m_window->findChild<QMenu*>("contactMenu");
    QVERIFY(menu);
    QTRY_VERIFY(menu->isVisible());
    QStringList names;
    QMap<QString, bool> enabled;
    for (QAction* a : menu->actions()) {
        if (!a->isSeparator()) {
            names << a->objectName();
            enabled.insert(a->objectName(), a->isEnabled());
        }
    }
    QCOMPARE(names,
             QStringList({"editContactAction", "deleteAction", "addTagAction", "removeTagAction", "mergeSelectedAction",
                          "copyEmailAction", "openLinkedinAction"}));
    QVERIFY(enabled["editContactAction"] && enabled["deleteAction"] && enabled["addTagAction"]);
    QVERIFY(!enabled["mergeSelectedAction"]);
    QVERIFY(enabled["openLinkedinAction"]);
    menu->close();
    SelectionActions* selection = m_window->selectionActions();
    selection->copyEmailAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), "jane@acme.com");
    m_window->table()->selectAll();
    QVERIFY(selection->mergeAction()->isEnabled());
    QVERIFY(!selection->openLinkedinAction()->isEnabled()); // one profile at a time
    selection->copyEmailAction()->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), "jane@acme.com, john@acme.com, zoe@globex.com");
    MergeDialog* merge = selection->mergeSelected();
    QVERIFY(merge);
    merge->reject();
    m_window->table()->clearSelection();
    QVERIFY(!selection->addTagAction()->isEnabled());
    QVERIFY(!selection->copyEmailAction()->isEnabled());
}

void TestMainWindow::columnsAreRemembered()
{
    QHeaderView* header = m_window->table()->horizontalHeader();
    header->resizeSection(int(Field::Email), 321);
    header->moveSection(header->visualIndex(int(Field::Email)), 0);
    m_window->close();
    m_window.reset();
    m_window = std::make_unique<MainWindow>(m_db->open());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    header = m_window->table()->horizontalHeader();
    QCOMPARE(header->sectionSize(int(Field::Email)), 321);
    QCOMPARE(header->visualIndex(int(Field::Email)), 0);
    // Opening another database keeps them too.
    QVERIFY(m_window->openDatabase(m_db->dir.filePath("other.sqlite")));
    QCOMPARE(m_window->table()->horizontalHeader()->sectionSize(int(Field::Email)), 321);
    QCOMPARE(m_window->table()->horizontalHeader()->visualIndex(int(Field::Email)), 0);
    // Fresh settings: the columns fit what they show.
    m_window->close();
    m_window.reset();
    QSettings().remove("MainWindow/columns");
    m_window = std::make_unique<MainWindow>(m_db->open());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    header = m_window->table()->horizontalHeader();
    const QAbstractItemView* view = m_window->table();
    QTRY_COMPARE(header->sectionSize(int(Field::FirstName)),
                 qMax(view->sizeHintForColumn(int(Field::FirstName)), header->sectionSizeHint(int(Field::FirstName))));
}

void TestMainWindow::titleNamesTheFile()
{
    QCOMPARE(m_window->windowTitle(), "ui.sqlite[*]");
    QCOMPARE(m_window->windowFilePath(), m_db->path);
}

void TestMainWindow::frenchTranslation()
{
    QVERIFY(Translations::install("fr"));
    auto window = std::make_unique<MainWindow>(m_db->open());
    auto* file = window->findChild<QMenu*>("fileMenu");
    QCOMPARE(file->title(), "&Fichier");
    QCOMPARE(window->findChild<QAction*>("newContactAction")->text(), "&Nouveau contact…");
    QCOMPARE(window->model()->headerData(int(Field::LastName), Qt::Horizontal).toString(), "Nom");
}

// A file the user cannot write (for root too, see setReadOnly): the contacts show, every writing action is off,
// and the window says why.
void TestMainWindow::readOnlyDatabaseOpensForReading()
{
    m_window.reset();
    const QStringList locked {m_db->path, m_db->dir.path()};
    if (!test::setReadOnly(locked, true))
        QSKIP("this file system cannot make a file read-only for this user");
    auto session = StoreSession::open(m_db->path);
    test::setReadOnly(locked, false);
    QVERIFY2(session, qPrintable(session ? QString() : session.error().toString()));
    QVERIFY((*session)->database().isReadOnly());
    m_window = std::make_unique<MainWindow>(std::move(*session));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->model()->rowCount(), 3);
    QVERIFY(m_window->windowTitle().contains("(read-only)"));
    auto* label = m_window->findChild<QLabel*>("readOnlyLabel");
    QVERIFY(label && label->isVisible());
    QVERIFY(label->toolTip().contains(QDir::toNativeSeparators(m_db->path)));
    for (const char* name : {"newContactAction", "importAction", "duplicatesAction", "syncNowAction", "undoAction"})
        QVERIFY2(!action(name)->isEnabled(), name);
    QVERIFY(!m_window->acceptDrops());
    m_window->table()->selectRow(0);
    QVERIFY(action("editContactAction")->isEnabled()); // to read every field
    QVERIFY(!action("deleteAction")->isEnabled());
    QVERIFY(!m_window->importFile(QString(ROSTER_UI_TEST_DATA) + "/import.csv"));
    // A write that gets through anyway is refused by the store, naming the file.
    ContactPatch p;
    p.set(Field::Email, "new@acme.com");
    const auto refused = m_window->session().engine().upsert(p, UpsertPolicies::local(), {"manual", "test"});
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::ReadOnlyDatabase);
    QVERIFY(refused.error().detail.contains(m_db->path));
}

// The database itself dropped on the window: reading it as a file to import would drop the window's locks.
void TestMainWindow::ownDatabaseFileIsNotImported()
{
    QVERIFY(!m_window->importFile(m_db->path));
    QVERIFY(!m_window->findChild<ImportDialog*>());
    QVERIFY(m_window->statusBar()->currentMessage().contains("own database"));
    QCOMPARE(live(), 3);
}

namespace {

// This process's POSIX locks on a file, from the kernel's lock table: closing any descriptor of the file
// (a QFile reading its header, a file dialog sniffing its type) would drop them all.
int locksHeld(const QString& path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    QFile table("/proc/locks");
    if (!table.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray inode = ':' + QByteArray::number(static_cast<quint64>(st.st_ino));
    const QByteArray pid = QByteArray::number(QCoreApplication::applicationPid());
    int held = 0;
    for (const QByteArray& line : table.readAll().split('\n')) { // its size reads 0: atEnd() is true at once
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() >= 8 && parts.at(1) != "->" && parts.at(4) == pid && parts.at(5).endsWith(inode))
            ++held;
    }
    return held;
}

} // namespace

// The Open Database dialog in the database's own folder lists roster.sqlite, -wal and -shm with icons and
// types: none of it may open them.
void TestMainWindow::fileDialogLeavesTheDatabaseLocksAlone()
{
    const QString shm = m_db->path + "-shm";
    const int dbLocks = locksHeld(m_db->path);
    const int shmLocks = locksHeld(shm);
    QVERIFY(shmLocks > 0);
    QFileDialog dialog(m_window.get(), "Open database", m_db->dir.path());
    FileDialogs::prepare(dialog);
    dialog.setViewMode(QFileDialog::Detail);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* model = dialog.findChild<QFileSystemModel*>();
    QVERIFY(model);
    QTRY_VERIFY(model->rowCount(model->index(m_db->dir.path())) >= 3);
    const QModelIndex folder = model->index(m_db->dir.path());
    for (int row = 0; row < model->rowCount(folder); ++row) {
        for (int column = 0; column < model->columnCount(folder); ++column) {
            model->data(model->index(row, column, folder), Qt::DecorationRole);
            model->data(model->index(row, column, folder), Qt::DisplayRole);
        }
    }
    QTest::qWait(500); // icons and types are gathered on a thread
    dialog.grab();
    QCOMPARE(locksHeld(m_db->path), dbLocks);
    QCOMPARE(locksHeld(shm), shmLocks);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
