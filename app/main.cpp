#include "commands/CommandLine.h"
#include "commands/CommandSupport.h"
#include "dialogs/DatabaseOpener.h"
#include "store/CollationKeys.h"
#include "store/SortKeyRefresh.h"
#include "store/StoreSession.h"
#include "widgets/Icons.h"
#include "widgets/MainWindow.h"
#include "widgets/ScreenshotTour.h"
#include "widgets/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Roster"));
    QCoreApplication::setApplicationName(QStringLiteral("roster"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROSTER_VERSION));
}

// The window's options, read before any QApplication exists: a wrong call from a script or cron (with no
// display) must end with exit code 2 and one line on stderr, never a window.
void describeWindowOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QStringLiteral("Roster, a local-first contact manager. With no command it opens "
                                                    "the window; commands: %1 (roster COMMAND --help).")
                                         .arg(roster::cli::verbs().join(QStringLiteral(", "))));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("db"), QStringLiteral("Open this database (created if missing)."), QStringLiteral("path")});
    parser.addOption({QStringLiteral("lang"),
                      QStringLiteral("Language of the window: en, fr or de (default: the "
                                     "system's)."),
                      QStringLiteral("language")});
    // For scripts/screenshots.sh only: grab each view into a folder, then quit.
    QCommandLineOption screenshots(QStringLiteral("screenshot-dir"), QStringLiteral("Grab the views into DIR."),
                                   QStringLiteral("dir"));
    screenshots.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption screenshotImport(QStringLiteral("screenshot-import"),
                                        QStringLiteral("File for the import view."), QStringLiteral("file"));
    screenshotImport.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshots);
    parser.addOption(screenshotImport);
}

int runWindow(int argc, char** argv)
{
    QCommandLineParser parser;
    describeWindowOptions(parser);
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    if (!parser.parse(arguments))
        return roster::cli::printError(parser.errorText() + QStringLiteral(" (see roster --help)"), roster::cli::Usage);
    if (!parser.positionalArguments().isEmpty())
        return roster::cli::printError(
            QStringLiteral("unexpected argument '%1' (see roster --help)").arg(parser.positionalArguments().first()),
            roster::cli::Usage);
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"))) {
        QCoreApplication app(argc, argv);
        describeApplication();
        if (parser.isSet(QStringLiteral("help")))
            parser.showHelp(0);
        parser.showVersion();
    }

    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Roster"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.roster.Roster"));
    QApplication::setWindowIcon(roster::Icons::application());
    const QCommandLineOption screenshots(QStringLiteral("screenshot-dir"));
    const QCommandLineOption screenshotImport(QStringLiteral("screenshot-import"));
    const QString language = parser.value(QStringLiteral("lang"));
    if (!language.isEmpty() && !roster::Translations::available().contains(language)) {
        QTextStream(stderr) << "roster: unknown language '" << language
                            << "' (languages: " << roster::Translations::available().join(QStringLiteral(", ")) << ")"
                            << Qt::endl;
        return 2;
    }
    roster::Translations::install(language);
    const QString path = parser.value(QStringLiteral("db")).isEmpty() ? roster::StoreSession::defaultPath()
                                                                      : parser.value(QStringLiteral("db"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    // Its error, if any, is the session's too: the message box below says it.
    (void)roster::DatabaseOpener::prepare(path);
    auto session = roster::StoreSession::open(path);
    if (!session) {
        QMessageBox::critical(nullptr, QObject::tr("Roster"),
                              QObject::tr("Cannot open %1:\n%2").arg(path, session.error().detail));
        return 1;
    }
    // Names sort the way the UI language sorts them: a new language computes every sort key again.
    if (auto keys = roster::SortKeyRefresh::ensure((*session)->database(), roster::CollationKeys::currentLocale());
        !keys)
        qWarning("roster: sort keys not recomputed: %s", qPrintable(keys.error().detail));
    roster::MainWindow window(std::move(*session));
    window.show();
    std::unique_ptr<roster::ScreenshotTour> tour;
    if (parser.isSet(screenshots)) {
        tour = std::make_unique<roster::ScreenshotTour>(window, parser.value(screenshots),
                                                        parser.value(screenshotImport));
        QTimer::singleShot(300, tour.get(), &roster::ScreenshotTour::start);
    }
    return app.exec();
}

} // namespace

int main(int argc, char** argv)
{
    // A first word that is not an option is a command: an unknown one ends in the command line's error (exit 2),
    // never in a window that a cron line would wait on forever.
    if (argc > 1 && !QString::fromLocal8Bit(argv[1]).startsWith(u'-')) {
        QCoreApplication app(argc, argv);
        describeApplication();
        return roster::cli::run(QCoreApplication::arguments().mid(1));
    }
    return runWindow(argc, argv);
}
