#include "UiTestDatabase.h"
#include "dialogs/ImportDialog.h"
#include "models/ContactTableModel.h"
#include "widgets/ImportStatus.h"
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace roster;
using namespace roster::test;

// Issue #15: a large import takes a minute, and the window is not locked meanwhile. Keep Browsing hides the
// import's dialog; the window can be used (no modal dialog), its status bar says which file is being imported and
// how far it is, a second file waits for the first, and the dialog comes back with the report when the import ends.
class TestImportBackground final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void keepBrowsingWhileTheImportRuns();

private:
    std::unique_ptr<UiTestDatabase> m_db;
    std::unique_ptr<MainWindow> m_window;
};

void TestImportBackground::init()
{
    m_db = std::make_unique<UiTestDatabase>();
    m_window = std::make_unique<MainWindow>(m_db->open());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestImportBackground::cleanup()
{
    m_window.reset();
    m_db.reset();
}

void TestImportBackground::keepBrowsingWhileTheImportRuns()
{
    const QString path = m_db->dir.filePath("many.csv");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("First Name,Last Name,Email,Phone,Tags\n");
        for (int i = 0; i < 60000; ++i)
            file.write(QStringLiteral("Anaïs,Dupont%1,p%1@acme.com,06 12 %2 %3 %4,\"lead, vip\"\n")
                           .arg(i)
                           .arg(10 + i % 90)
                           .arg(10 + i / 90 % 90)
                           .arg(10 + i / 8100 % 90)
                           .toUtf8());
    }
    ImportDialog* dialog = m_window->importFile(path);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(QApplication::activeModalWidget() == dialog);
    auto* status = m_window->findChild<ImportStatus*>("importStatus");
    QVERIFY(status);
    QVERIFY(!status->isVisible());

    dialog->startImport();
    QCOMPARE(dialog->page(), ImportDialog::Page::Running);
    QTest::mouseClick(dialog->findChild<QPushButton*>("backgroundImportButton"), Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    QVERIFY(status->isVisible());
    QVERIFY(status->running() == dialog);
    auto* text = status->findChild<QLabel*>("importStatusText");
    QVERIFY(text->text().contains("many.csv"));
    QTRY_VERIFY_WITH_TIMEOUT(text->text().contains("read"), 20000);

    // A second file waits: the running import's dialog comes back instead of a second import.
    if (dialog->isRunning()) {
        QVERIFY(m_window->importFile(path) == nullptr);
        QVERIFY(dialog->isVisible());
        QTest::mouseClick(dialog->findChild<QPushButton*>("backgroundImportButton"), Qt::LeftButton);
        QVERIFY(!dialog->isVisible());
    }

    QTRY_COMPARE_WITH_TIMEOUT(dialog->page(), ImportDialog::Page::Report, 120000);
    QVERIFY(dialog->isVisible());
    QVERIFY(!status->isVisible());
    QCOMPARE(dialog->summary()->created, 60000);
    QTRY_COMPARE(m_window->model()->rowCount() > 0, true);
}

QTEST_MAIN(TestImportBackground)
#include "tst_importbackground.moc"
