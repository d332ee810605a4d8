// What the window says after an undo that had to skip a contact another program deleted from the file.
#include "UiTestDatabase.h"
#include "widgets/MainWindow.h"
#include "widgets/Translations.h"

#include <QAction>
#include <QStatusBar>

#include <sqlite3.h>

using namespace roster;
using namespace roster::test;

class TestUndoStatus final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { Translations::install(QStringLiteral("en")); }
    void namesTheSkippedContacts_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en") << "en"
                            << "(1 contact skipped: removed from the file by another program)";
        QTest::newRow("fr") << "fr" << QString::fromUtf8("(1 contact ignoré\u00a0: supprimé du fichier");
        QTest::newRow("de") << "de" << QString::fromUtf8("(1 Kontakt übersprungen");
    }
    void namesTheSkippedContacts()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        Translations::install(language);
        UiTestDatabase db;
        {
            auto session = db.open();
            const WriteOrigin origin {"manual", "seed"};
            for (const char* spec : {"Bob|b@x.com", "Ann|a@x.com", "Anna|a@x.com", "Bobby|b@x.com"}) {
                const QStringList parts = QString(spec).split('|');
                ContactPatch p;
                p.set(Field::FirstName, parts[0]);
                p.set(Field::Email, parts[1]);
                QVERIFY(session->engine().upsert(p, UpsertPolicies::local(), origin));
            }
        }
        sqlite3* other = nullptr;
        QCOMPARE(sqlite3_open(db.path.toUtf8().constData(), &other), SQLITE_OK);
        QCOMPARE(sqlite3_exec(other, "DELETE FROM contacts WHERE email = 'b@x.com'", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(other);

        MainWindow window(db.open());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* undo = window.findChild<QAction*>("undoAction");
        QTRY_VERIFY(undo->isEnabled());
        undo->trigger();
        QTRY_VERIFY2(window.statusBar()->currentMessage().contains(expected),
                     qPrintable(window.statusBar()->currentMessage()));
        // The edit of the contact still there is one undo away, with nothing skipped.
        QTRY_VERIFY(undo->isEnabled());
        undo->trigger();
        QTRY_VERIFY(!window.statusBar()->currentMessage().contains(expected));
        QCOMPARE(window.session().contacts().contact(2)->value(Field::FirstName), "Ann");
    }
};

QTEST_MAIN(TestUndoStatus)
#include "tst_undostatus.moc"
