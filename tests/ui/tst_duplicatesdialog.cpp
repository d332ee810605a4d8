#include "UiTestDatabase.h"
#include "dialogs/DuplicatesDialog.h"
#include "models/DuplicatesModel.h"
#include "store/DuplicateFinder.h"

#include <QAction>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

using namespace roster;
using namespace roster::test;

// The Duplicates view: score and reasons columns, strongest first, and Not a Duplicate.
class TestDuplicatesDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsScoreAndReasons();
    void notDuplicateRemovesPairUntilUndone();
    void undoInsideTheDialog();

private:
    static void seed(StoreSession& session);
};

void TestDuplicatesDialog::seed(StoreSession& session)
{
    auto op = session.engine().beginOperation({"import:test", "Seed"});
    QVector<ContactPatch> patches;
    const auto person = [](const QString& first, const QString& last, const QString& email, const QString& phone) {
        ContactPatch p;
        p.set(Field::FirstName, first);
        p.set(Field::LastName, last);
        p.set(Field::Email, email);
        p.set(Field::CompanyDomain, QStringLiteral("acme.com"));
        if (!phone.isEmpty())
            p.set(Field::Phone, phone);
        return p;
    };
    patches << person("Bob", "Smith", "bob@acme.com", {}) << person("Robert", "Smith", "rs@acme.com", {})
            << person("Ann", "Lee", "ann@acme.com", "+33612345678")
            << person("Anne", "Lee", "al@acme.com", "+33612345678") << person("Léa", "Martin", "lea@acme.com", {})
            << person("Louis", "Martin", "louis@acme.com", {});
    QVERIFY(session.engine().upsertBatch(patches, UpsertPolicies::local(), *op));
}

void TestDuplicatesDialog::showsScoreAndReasons()
{
    UiTestDatabase db;
    auto session = db.open();
    seed(*session);
    DuplicatesDialog dialog(*session);
    DuplicatesModel* model = dialog.model();
    QCOMPARE(model->rowCount(), 2); // Léa and Louis Martin are two people
    QCOMPARE(model->headerData(DuplicatesModel::ScoreColumn, Qt::Horizontal).toString(), QStringLiteral("Score"));
    QCOMPARE(model->headerData(DuplicatesModel::ReasonColumn, Qt::Horizontal).toString(), QStringLiteral("Why"));
    // The shared phone first, then the nickname.
    QVERIFY(model->index(0, DuplicatesModel::ReasonColumn).data().toString().startsWith("Same phone"));
    QVERIFY(model->index(0, DuplicatesModel::ReasonColumn).data().toString().contains("one letter apart"));
    // The shared phone as the table shows phones, not as stored.
    QCOMPARE(model->index(0, DuplicatesModel::KeyColumn).data().toString(), QStringLiteral("+33 6 12 34 56 78"));
    QCOMPARE(model->index(1, DuplicatesModel::ReasonColumn).data().toString(),
             QStringLiteral("Nickname, Same company"));
    QVERIFY(model->index(0, DuplicatesModel::ScoreColumn).data().toInt()
            > model->index(1, DuplicatesModel::ScoreColumn).data().toInt());
}

void TestDuplicatesDialog::notDuplicateRemovesPairUntilUndone()
{
    UiTestDatabase db;
    auto session = db.open();
    seed(*session);
    auto dialogPtr = std::make_unique<DuplicatesDialog>(*session);
    DuplicatesDialog& dialog = *dialogPtr;
    QSignalSpy recorded(&dialog, &DuplicatesDialog::verdictRecorded);
    auto* button = dialog.findChild<QPushButton*>("notDuplicateButton");
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    dialog.table()->selectRow(1);
    dialog.table()->setCurrentIndex(dialog.model()->index(1, 0));
    const DuplicatePair rejected = dialog.model()->pair(1);
    button->click();
    QCOMPARE(recorded.count(), 1);
    QCOMPARE(dialog.model()->rowCount(), 1);
    QVERIFY(dialog.model()->pair(0).first != rejected.first);
    const auto step = session->undo().nextUndo();
    QVERIFY(step);
    QCOMPARE(step->label, QStringLiteral("Not a duplicate: Bob Smith <bob@acme.com> and Robert Smith <rs@acme.com>"));
    // A new scan, and a reopened file, still leave it out.
    dialog.rescan();
    QCOMPARE(dialog.model()->rowCount(), 1);
    dialogPtr.reset();
    session.reset();
    session = db.open();
    DuplicatesDialog reopened(*session);
    QCOMPARE(reopened.model()->rowCount(), 1);
    // Undo takes the verdict back.
    QVERIFY(session->undo().undo());
    reopened.rescan();
    QCOMPARE(reopened.model()->rowCount(), 2);
}

void TestDuplicatesDialog::undoInsideTheDialog()
{
    UiTestDatabase db;
    auto session = db.open();
    seed(*session);
    DuplicatesDialog dialog(*session);
    QVERIFY(dialog.rejectRow(0));
    QCOMPARE(dialog.model()->rowCount(), 1);
    auto* undo = dialog.findChild<QAction*>("duplicatesUndoAction");
    QVERIFY(undo);
    undo->trigger();
    QCOMPARE(dialog.model()->rowCount(), 2);
    QVERIFY(!session->undo().nextRedo()->label.isEmpty());
}

QTEST_MAIN(TestDuplicatesDialog)
#include "tst_duplicatesdialog.moc"
