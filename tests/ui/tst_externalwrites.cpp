// What the window shows while another program writes to its file: the list follows the other program's commits,
// the user keeps their place, and the status bar names the process while it holds the write lock.
#include "UiTestDatabase.h"
#include "models/ContactTableModel.h"
#include "store/DatabaseLockHolder.h"
#include "store/ExternalWrites.h"
#include "widgets/MainWindow.h"

#include <QAction>
#include <QLabel>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>

#include <sqlite3.h>

using namespace roster;
using namespace roster::test;

class TestExternalWrites final : public QObject
{
    Q_OBJECT

private slots:
    void commitsOfOtherConnectionsOnly();
    void namesAnotherProcessWhileItWrites();
    void windowFollowsAnotherProgramsImport();
};

namespace {

// The sqlite3 shell on the file, for a write lock held by another process.
struct ShellHolder
{
    QProcess process;
    explicit ShellHolder(const QString& path)
    {
        process.start(QStringLiteral("sqlite3"), {path});
        process.waitForStarted();
    }
    ~ShellHolder()
    {
        process.write(".quit\n");
        process.closeWriteChannel();
        process.waitForFinished(10000);
    }
};

} // namespace

void TestExternalWrites::commitsOfOtherConnectionsOnly()
{
    UiTestDatabase db;
    auto window = db.open();
    auto other = db.open();
    ExternalWrites writes(window->database());
    QSignalSpy committed(&writes, &ExternalWrites::committed);
    writes.poll();
    QCOMPARE(committed.count(), 0);

    // The window's own write is not another program's.
    db.fill(*window, 3);
    writes.poll();
    QCOMPARE(committed.count(), 0);

    ContactPatch p;
    p.set(Field::Email, QStringLiteral("other@example.org"));
    QVERIFY(other->engine().upsert(p, UpsertPolicies::local(), {QStringLiteral("manual"), QStringLiteral("other")}));
    writes.poll();
    QCOMPARE(committed.count(), 1);
    writes.poll();
    QCOMPARE(committed.count(), 1); // seen once
    QCOMPARE(writes.writerPid(), 0); // a connection of this process is never named
}

void TestExternalWrites::namesAnotherProcessWhileItWrites()
{
    UiTestDatabase db;
    auto session = db.open();
    ExternalWrites writes(session->database());
    QSignalSpy changed(&writes, &ExternalWrites::writerChanged);
    ShellHolder shell(db.path);
    shell.process.write("BEGIN IMMEDIATE;\n");
    QTRY_VERIFY_WITH_TIMEOUT((writes.poll(), writes.writerPid() == shell.process.processId()), 10000);
    QCOMPARE(writes.writerName(), QStringLiteral("sqlite3"));
    QCOMPARE(changed.count(), 1);

    shell.process.write("INSERT INTO settings (key, value) VALUES ('outside', '1'); COMMIT;\n");
    // Named until kQuietPolls polls in a row find no lock: an import lets go between its transactions.
    QTRY_VERIFY_WITH_TIMEOUT(DatabaseLockHolder::writerPid(db.path) == 0, 10000);
    for (int i = 1; i < ExternalWrites::kQuietPolls; ++i) {
        writes.poll();
        QCOMPARE(writes.writerPid(), shell.process.processId());
    }
    writes.poll();
    QCOMPARE(writes.writerPid(), 0);
    QCOMPARE(changed.count(), 2);
}

// A command-line import (here: batches written by another connection, and the shell holding the lock) into the
// file the window shows. The window used to keep showing what it read at open until the user searched or edited.
void TestExternalWrites::windowFollowsAnotherProgramsImport()
{
    UiTestDatabase db;
    {
        auto seed = db.open();
        db.fill(*seed, 500);
    }
    MainWindow window(db.open());
    window.resize(900, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(window.model()->totalCount(), 500);
    auto* label = window.findChild<QLabel*>(QStringLiteral("externalWritesLabel"));
    QVERIFY(label);
    QVERIFY(!label->isVisible());

    // The user has scrolled down and selected a contact.
    QTableView* table = window.table();
    table->verticalScrollBar()->setValue(200);
    table->selectRow(210);
    const qint64 selected = window.currentContactId();
    QVERIFY(selected > 0);

    ShellHolder shell(db.path);
    shell.process.write("BEGIN IMMEDIATE;\n");
    QTRY_VERIFY_WITH_TIMEOUT(label->isVisible(), 10000);
    QVERIFY2(label->text().contains(QStringLiteral("sqlite3 (process %1)").arg(shell.process.processId())),
             qPrintable(label->text()));
    shell.process.write("ROLLBACK;\n");
    QTRY_VERIFY_WITH_TIMEOUT(DatabaseLockHolder::writerPid(db.path) == 0, 10000);

    {
        auto importer = db.open();
        QVector<ContactPatch> patches;
        for (int n = 0; n < 300; ++n) {
            ContactPatch p;
            // Names after every generated one, so the rows on screen stay the same.
            p.set(Field::FirstName, QStringLiteral("Zed%1").arg(n));
            p.set(Field::Email, QStringLiteral("zed%1@outside.example").arg(n));
            patches << p;
        }
        auto op = importer->engine().beginOperation({QStringLiteral("import:file"), QStringLiteral("outside.csv")});
        QVERIFY(op);
        QVERIFY(importer->engine().upsertBatch(patches, UpsertPolicies::local(), *op));
    }
    QTRY_COMPARE_WITH_TIMEOUT(window.model()->totalCount(), 800, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!label->isVisible(), 10000);
    QCOMPARE(table->verticalScrollBar()->value(), 200);
    QCOMPARE(window.currentContactId(), selected);
    // The other program's import is the operation Undo takes back now.
    auto* undo = window.findChild<QAction*>(QStringLiteral("undoAction"));
    QTRY_VERIFY(undo->text().contains(QStringLiteral("outside.csv")));
}

QTEST_MAIN(TestExternalWrites)
#include "tst_externalwrites.moc"
