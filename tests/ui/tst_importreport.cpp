#include "UiTestDatabase.h"
#include "dialogs/ContactEditorDialog.h"
#include "dialogs/ImportDialog.h"
#include "models/ImportChangesModel.h"
#include "models/ImportIssuesModel.h"
#include "widgets/ImportIssueTree.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

#include <csignal>
#include <sys/resource.h>

using namespace roster;
using namespace roster::test;

// The import dialog's report grouped by problem, Check First's field-by-field changes, and a contact typed in
// the window with only a name.
class TestImportReport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void reportGroupsRejectionsFirst();
    void checkFirstListsChangedFields();
    void checkFirstPagesManyChanges();
    void fullDiskShowsWhatIsSaved();
    void editorSavesNameOnlyContact_data();
    void editorSavesNameOnlyContact();

private:
    QString writeCsv(const QStringList& lines);
    void addContact(const QString& email, const QString& title);

    std::unique_ptr<UiTestDatabase> m_db;
    std::unique_ptr<StoreSession> m_session;
};

void TestImportReport::init()
{
    m_db = std::make_unique<UiTestDatabase>();
    m_session = m_db->open();
}

void TestImportReport::cleanup()
{
    m_session.reset();
    m_db.reset();
}

QString TestImportReport::writeCsv(const QStringList& lines)
{
    const QString path = m_db->dir.filePath(QStringLiteral("people.csv"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    file.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    return path;
}

void TestImportReport::addContact(const QString& email, const QString& title)
{
    ContactPatch p;
    p.set(Field::Email, email);
    p.set(Field::JobTitle, title);
    auto result = m_session->engine().upsert(p, UpsertPolicies::local(), {QStringLiteral("manual"), {}});
    QVERIFY(result && result->status == UpsertResult::Status::Created);
}

void TestImportReport::reportGroupsRejectionsFirst()
{
    // Many warnings of one kind, a merge, and two rows with no identifier.
    QStringList lines {QStringLiteral("First Name,Last Name,E-mail Address,Mobile Phone")};
    for (int i = 0; i < 6; ++i)
        lines << QStringLiteral("P%1,Q,p%1@example.com,call me %1").arg(i);
    lines << QStringLiteral("Only,Name,,") << QStringLiteral("Also,Nameonly,,");
    lines << QStringLiteral("Twice,Listed,twice@example.com,") << QStringLiteral("Twice,Listed,twice@example.com,");
    ImportDialog dialog(*m_session, writeCsv(lines));
    dialog.startImport();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.page(), ImportDialog::Page::Report, 20000);
    QCOMPARE(dialog.summary()->rejected, 2);

    ImportIssueTree* tree = dialog.issueTree();
    QAbstractItemModelTester tester(tree->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QStringList titles = tree->groupTitles();
    QVERIFY2(titles.size() >= 3, qPrintable(titles.join(u'\n')));
    QVERIFY2(titles.at(0).startsWith(QStringLiteral("Rejected — A contact needs at least an email")),
             qPrintable(titles.at(0)));
    QVERIFY2(titles.at(0).endsWith(QStringLiteral("(2)")), qPrintable(titles.at(0)));
    QVERIFY2(titles.at(1).startsWith(QStringLiteral("Merged — ")) && titles.at(1).endsWith(QStringLiteral("(1)")),
             qPrintable(titles.at(1)));
    for (qsizetype i = 2; i < titles.size(); ++i)
        QVERIFY2(titles.at(i).startsWith(QStringLiteral("Warning — ")), qPrintable(titles.at(i)));
    QVERIFY2(titles.last().endsWith(QStringLiteral("(6)")), qPrintable(titles.join(u'\n')));

    // Every issue is under one group. Rejections open, the rest closed until asked for.
    const QAbstractItemModel* model = tree->model();
    const QModelIndex rejected = model->index(0, 0);
    QVERIFY(tree->isExpanded(rejected));
    QCOMPARE(model->rowCount(rejected), 2);
    QVERIFY(!tree->isExpanded(model->index(1, 0)));
    QCOMPARE(model->index(0, ImportIssuesModel::ProblemColumn, rejected).data().toString(), QStringLiteral("Line 8"));
    QCOMPARE(model->index(1, ImportIssuesModel::ProblemColumn, rejected).data().toString(), QStringLiteral("Line 9"));
    QCOMPARE(model->index(0, ImportIssuesModel::FieldColumn, rejected).data().toString(), QString());
    int shown = 0;
    for (int i = 0; i < model->rowCount(); ++i) {
        tree->expand(model->index(i, 0));
        shown += model->rowCount(model->index(i, 0));
    }
    QCOMPARE(shown, dialog.summary()->errors.size() + dialog.summary()->warnings.size());
    // A warning row says its line, field and message as the summary has them.
    const QModelIndex phones = model->index(model->rowCount() - 1, 0);
    const ImportIssue first = dialog.summary()->warnings.first();
    QCOMPARE(first.code, ErrorCode::InvalidPhone);
    QCOMPARE(model->index(0, ImportIssuesModel::ProblemColumn, phones).data().toString(),
             QStringLiteral("Line %1").arg(first.line));
    QCOMPARE(model->index(0, ImportIssuesModel::FieldColumn, phones).data().toString(), first.field);
    QCOMPARE(model->index(0, ImportIssuesModel::DetailsColumn, phones).data().toString(), first.message);
    QVERIFY(!model->index(0, 0, model->index(0, 1, phones)).isValid());
    // Ctrl+C copies the selected rows, a group's title or an issue's cells, in the tree's order.
    tree->clearSelection();
    tree->selectionModel()->select(model->index(0, 0, rejected),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    tree->selectionModel()->select(rejected, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    tree->setFocus();
    QTest::keySequence(tree, QKeySequence::Copy);
    const QStringList copied = QGuiApplication::clipboard()->text().split(u'\n');
    QCOMPARE(copied.size(), 2);
    QCOMPARE(copied.at(0), titles.at(0));
    QVERIFY2(copied.at(1).startsWith(QStringLiteral("Line 8\t")), qPrintable(copied.at(1)));

    // The rejected rows can still be saved, with their reason.
    const QString rejectedPath = m_db->dir.filePath(QStringLiteral("rejected.csv"));
    QVERIFY(dialog.saveRejected(rejectedPath));
    QFile saved(rejectedPath);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll().count("MissingIdentifier"), 2);
}

void TestImportReport::checkFirstListsChangedFields()
{
    addContact(QStringLiteral("vp@example.com"), QStringLiteral("VP Sales"));
    addContact(QStringLiteral("same@example.com"), QStringLiteral("CTO"));
    ImportDialog dialog(
        *m_session,
        writeCsv({QStringLiteral("E-mail Address,Job Title"), QStringLiteral("new@example.com,Founder"),
                  QStringLiteral("vp@example.com,Sales Director"), QStringLiteral("same@example.com,CTO")}));
    auto* view = dialog.findChild<QTableView*>(QStringLiteral("dryRunChanges"));
    QVERIFY(view);
    QVERIFY(!view->isVisibleTo(&dialog));
    dialog.startDryRun();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.findChild<QLabel*>(QStringLiteral("dryRunSummary"))->text().isEmpty(), 20000);
    QCOMPARE(dialog.page(), ImportDialog::Page::Preview);

    // Only the contact that would change, with its value now and after.
    ImportChangesModel* changes = dialog.changesModel();
    QAbstractItemModelTester tester(changes, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(changes->rowCount(), 1);
    QCOMPARE(changes->index(0, ImportChangesModel::LineColumn).data().toLongLong(), 3);
    QVERIFY2(changes->index(0, ImportChangesModel::ContactColumn).data().toString().contains(QStringLiteral("vp@")),
             qPrintable(changes->index(0, ImportChangesModel::ContactColumn).data().toString()));
    QCOMPARE(changes->index(0, ImportChangesModel::FieldColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("job_title"));
    QCOMPARE(changes->index(0, ImportChangesModel::BeforeColumn).data().toString(), QStringLiteral("VP Sales"));
    QCOMPARE(changes->index(0, ImportChangesModel::AfterColumn).data().toString(), QStringLiteral("Sales Director"));
    QVERIFY(view->isVisibleTo(&dialog));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("dryRunSummary"))->text().contains(QStringLiteral("1 contact")));
    // Nothing was written.
    QCOMPARE(m_session->contacts().count(), 2);
}

void TestImportReport::checkFirstPagesManyChanges()
{
    const int count = ImportChangesModel::kPageSize + 100;
    QStringList lines {QStringLiteral("E-mail Address,Job Title")};
    for (int i = 0; i < count; ++i) {
        addContact(QStringLiteral("u%1@example.com").arg(i), QStringLiteral("Old"));
        lines << QStringLiteral("u%1@example.com,New").arg(i);
    }
    ImportDialog dialog(*m_session, writeCsv(lines));
    dialog.startDryRun();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.findChild<QLabel*>(QStringLiteral("dryRunSummary"))->text().isEmpty(), 20000);
    ImportChangesModel* changes = dialog.changesModel();
    QCOMPARE(changes->changeCount(), count);
    // The view gets a page at a time.
    QCOMPARE(changes->rowCount(), ImportChangesModel::kPageSize);
    QVERIFY(changes->canFetchMore({}));
    changes->fetchMore({});
    QCOMPARE(changes->rowCount(), count);
    QVERIFY(!changes->canFetchMore({}));
}

// The disk filling during the import: the report says where it stopped and why, not "The import failed" over
// the preview. The kernel refuses this process's writes past 512 KiB (RLIMIT_FSIZE, with SIGXFSZ ignored so that
// the write fails instead of the process), as it does when the disk is full.
void TestImportReport::fullDiskShowsWhatIsSaved()
{
    QStringList lines {QStringLiteral("First Name,Last Name,E-mail Address")};
    for (int i = 0; i < 20000; ++i)
        lines << QStringLiteral("P%1,Q,p%1@example.com").arg(i);
    ImportDialog dialog(*m_session, writeCsv(lines));
    rlimit before {};
    QCOMPARE(getrlimit(RLIMIT_FSIZE, &before), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    const rlimit limited {512 * 1024, before.rlim_max};
    QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
    dialog.startImport();
    const bool ended = QTest::qWaitFor([&] { return dialog.page() != ImportDialog::Page::Running; }, 20000);
    setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, previousHandler);
    QVERIFY(ended);

    QCOMPARE(dialog.page(), ImportDialog::Page::Report);
    QVERIFY(dialog.summary()->writeError);
    QCOMPARE(dialog.summary()->created, 0); // one batch: nothing of it kept
    QCOMPARE(dialog.summary()->stoppedAtLine, 2);
    const QString text = dialog.findChild<QLabel*>(QStringLiteral("importReport"))->text();
    QVERIFY2(text.contains(QStringLiteral("Nothing was imported: The disk is full")), qPrintable(text));
    QCOMPARE(m_session->contacts().count(), 0);
}

void TestImportReport::editorSavesNameOnlyContact_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<bool>("saved");
    QTest::newRow("first name only") << QStringLiteral("Ada") << QString() << true;
    QTest::newRow("last name only") << QString() << QStringLiteral("Lovelace") << true;
    QTest::newRow("nothing") << QString() << QString() << false;
}

void TestImportReport::editorSavesNameOnlyContact()
{
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(bool, saved);
    ContactEditorDialog editor(*m_session, 0);
    QSignalSpy spy(&editor, &ContactEditorDialog::saved);
    QTest::keyClicks(editor.findChild<QLineEdit*>(QStringLiteral("field_first_name")), first);
    QTest::keyClicks(editor.findChild<QLineEdit*>(QStringLiteral("field_last_name")), last);
    auto* save = editor.findChild<QPushButton*>(QStringLiteral("saveButton"));
    if (save->isEnabled())
        QTest::mouseClick(save, Qt::LeftButton);
    QCOMPARE(spy.size(), saved ? 1 : 0);
    QCOMPARE(m_session->contacts().count(), saved ? 1 : 0);
    if (saved) {
        const auto contact = m_session->contacts().contact(spy.first().first().toLongLong());
        QVERIFY(contact);
        QCOMPARE(contact->value(Field::FirstName), first);
        QCOMPARE(contact->value(Field::LastName), last);
        QVERIFY(contact->value(Field::Email).isEmpty());
    }
}

QTEST_MAIN(TestImportReport)
#include "tst_importreport.moc"
