#include "models/FieldLabels.h"
#include "models/ImportIssuesModel.h"
#include "widgets/Translations.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFile>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>

using namespace roster;

// Issue 16, "Language": Qt's own buttons follow the language, English gets its plural forms, and French
// punctuation is written the same way in every translated text.
class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { Translations::install(QStringLiteral("en")); }
    void qtButtons_data();
    void qtButtons();
    void englishPlurals_data();
    void englishPlurals();
    void formLabels_data();
    void formLabels();
    void frenchPunctuation();
    void localeNumbers_data();
    void localeNumbers();
    void languageSwitchReplaces();
    void everyContextIsAClass();
    void importReportHeaders();
};

void TestTranslations::qtButtons_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("save");
    QTest::addColumn<QString>("cancel");
    QTest::addColumn<QString>("close");
    QTest::newRow("en") << "en"
                        << "&Save"
                        << "&Cancel"
                        << "&Close";
    QTest::newRow("fr") << "fr"
                        << "Enregistrer"
                        << "&Annuler"
                        << "&Fermer";
    QTest::newRow("de") << "de"
                        << "Speichern"
                        << "&Abbrechen"
                        << "Schl&ießen";
}

// Save, Cancel and Close are Qt's: without Debian's qt6-translations-l10n loaded they stay in English.
void TestTranslations::qtButtons()
{
    QFETCH(QString, language);
    QFETCH(QString, save);
    QFETCH(QString, cancel);
    QFETCH(QString, close);
    QVERIFY(Translations::install(language));
    QDialogButtonBox box(QDialogButtonBox::Save | QDialogButtonBox::Cancel | QDialogButtonBox::Close);
    const auto plain = [](QString text) { return text.remove(QLatin1Char('&')); };
    QCOMPARE(plain(box.button(QDialogButtonBox::Save)->text()), plain(save));
    QCOMPARE(plain(box.button(QDialogButtonBox::Cancel)->text()), plain(cancel));
    QCOMPARE(plain(box.button(QDialogButtonBox::Close)->text()), plain(close));
}

void TestTranslations::englishPlurals_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");
    QTest::newRow("1 contact") << "roster::FacetListModel"
                               << "%1\n%Ln contact(s)" << 1 << "%1\n1 contact";
    QTest::newRow("4 contacts") << "roster::FacetListModel"
                                << "%1\n%Ln contact(s)" << 4 << "%1\n4 contacts";
    QTest::newRow("delete 1") << "roster::MainWindow"
                              << "Delete %Ln contact(s)" << 1 << "Delete 1 contact";
    QTest::newRow("delete 1989") << "roster::MainWindow"
                                 << "Delete %Ln contact(s)" << 1989 << "Delete 1,989 contacts";
    QTest::newRow("deleted 1") << "roster::MainWindow"
                               << "Deleted %Ln contact(s). Undo brings them back." << 1
                               << "Deleted 1 contact. Undo brings it back.";
}

void TestTranslations::englishPlurals()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(int, n);
    QFETCH(QString, expected);
    QVERIFY(Translations::install(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate(context.toLatin1().constData(), source.toLatin1().constData(), nullptr, n),
             expected);
}

void TestTranslations::formLabels_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en") << "en"
                        << "Tags:";
    QTest::newRow("fr") << "fr" << QStringLiteral("Étiquettes\u00a0:");
    QTest::newRow("de") << "de"
                        << "Schlagwörter:";
}

// Labels built from a field's name go through one translated pattern, so French gets its space there too.
void TestTranslations::formLabels()
{
    QFETCH(QString, language);
    QFETCH(QString, expected);
    QVERIFY(Translations::install(language));
    QCOMPARE(FieldLabels::formLabel(FieldLabels::tags()), expected);
}

// French sets a no-break space before ':' and a narrow one before ';', '?' and '!': never a plain space (a
// line could break before the mark) and never none.
void TestTranslations::frenchPunctuation()
{
    QFile file(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../../translations/roster_fr.ts"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString ts = QString::fromUtf8(file.readAll());
    static const QRegularExpression text(QStringLiteral("<(translation|numerusform)>(.*?)</\\1>"),
                                         QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression plainSpace(QStringLiteral(" [:;?!]"));
    static const QRegularExpression noSpace(QStringLiteral("[^\\s\u00a0\u202f/:;?!][:;?!](\\s|$)"));
    int checked = 0;
    for (auto it = text.globalMatch(ts); it.hasNext();) {
        QString t = it.next().captured(2);
        t.replace(QLatin1String("&gt;"), QLatin1String(">")).replace(QLatin1String("&lt;"), QLatin1String("<"));
        t.replace(QLatin1String("&amp;"), QLatin1String("&")).replace(QLatin1String("&apos;"), QLatin1String("'"));
        t.replace(QLatin1String("&quot;"), QLatin1String("\""));
        // lupdate writes the no-break spaces as character references.
        static const QRegularExpression reference(QStringLiteral("&#x([0-9a-fA-F]+);"));
        for (auto ref = reference.match(t); ref.hasMatch(); ref = reference.match(t))
            t.replace(ref.capturedStart(), ref.capturedLength(), QChar(ref.captured(1).toUInt(nullptr, 16)));
        QVERIFY2(!plainSpace.match(t).hasMatch(), qPrintable(t));
        QVERIFY2(!noSpace.match(t).hasMatch(), qPrintable(t));
        ++checked;
    }
    QVERIFY(checked > 100);
}

void TestTranslations::localeNumbers_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("expected");
    QTest::newRow("en") << "en"
                        << "1,989 sent";
    QTest::newRow("fr") << "fr" << QStringLiteral("1\u202f989 envoyés");
    QTest::newRow("de") << "de"
                        << "1.989 gesendet";
}

// Counts are written as the language writes numbers ("1 989" in French), through %Ln.
void TestTranslations::localeNumbers()
{
    QFETCH(QString, language);
    QFETCH(QString, expected);
    QVERIFY(Translations::install(language));
    QCOMPARE(QCoreApplication::translate("roster::SyncAccountsModel", "%Ln sent", nullptr, 1989), expected);
}

// Choosing another language replaces the first one's texts instead of stacking both.
void TestTranslations::languageSwitchReplaces()
{
    QVERIFY(Translations::install(QStringLiteral("de")));
    QVERIFY(Translations::install(QStringLiteral("fr")));
    QCOMPARE(FieldLabels::tags(), QStringLiteral("Étiquettes"));
    QVERIFY(Translations::install(QStringLiteral("en")));
    QCOMPARE(FieldLabels::tags(), QStringLiteral("Tags"));
}

// A translation is found by the class that asks for it (its context): each context of the translation files must
// name a class there is, or its texts show in English.
void TestTranslations::everyContextIsAClass()
{
    QString headers;
    // The window's classes, and core's that mark texts for it (QT_TR_NOOP: ProviderCatalog).
    for (const char* folder : {"/../../ui", "/../../core"}) {
        QDirIterator it(QStringLiteral(QT_TESTCASE_SOURCEDIR) + QLatin1String(folder), {QStringLiteral("*.h")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile header(it.next());
            QVERIFY(header.open(QIODevice::ReadOnly));
            headers += QString::fromUtf8(header.readAll());
        }
    }
    for (const char* language : {"fr", "de"}) {
        QFile file(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../../translations/roster_%1.ts").arg(language));
        QVERIFY(file.open(QIODevice::ReadOnly));
        static const QRegularExpression context(QStringLiteral("<name>(?:roster::)?(\\w+)</name>"));
        int checked = 0;
        for (auto match = context.globalMatch(QString::fromUtf8(file.readAll())); match.hasNext();) {
            const QString name = match.next().captured(1);
            if (name.startsWith(QLatin1Char('Q')))
                continue; // Qt's own contexts
            const QRegularExpression declared(QStringLiteral("class %1\\b[^;]").arg(name));
            QVERIFY2(headers.contains(declared), qPrintable(QStringLiteral("%1: no class %2").arg(language, name)));
            ++checked;
        }
        QVERIFY(checked > 20);
    }
}

// The import report's headers moved from ImportIssueTree to ImportIssuesModel, and their French and German stayed
// under the old class: the report showed "Problem / line" in a French window.
void TestTranslations::importReportHeaders()
{
    QVERIFY(Translations::install(QStringLiteral("fr")));
    QCOMPARE(ImportIssuesModel::tr("Problem / line"), QStringLiteral("Problème / ligne"));
    QVERIFY(Translations::install(QStringLiteral("de")));
    QCOMPARE(ImportIssuesModel::tr("Line %1"), QStringLiteral("Zeile %1"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
