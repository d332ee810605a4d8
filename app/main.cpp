#include "commands/CommandLine.h"
#include "commands/CommandSupport.h"
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

int runWindow(int argc, char** argv)
{
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Roster"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.roster.Roster"));
    QApplication::setWindowIcon(roster::Icons::application());
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Roster, a local-first contact manager. Commands: upsert, export, "
                                                    "undo, redo, field (roster COMMAND --help)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("db"), QStringLiteral("Open this database (created if missing)."),
                      QStringLiteral("path")});
    parser.addOption({QStringLiteral("lang"), QStringLiteral("Language of the window: en, fr or de (default: the "
                                                             "system's)."),
                      QStringLiteral("language")});
    // For scripts/screenshots.sh only: grab each view into a folder, then quit.
    QCommandLineOption screenshots(QStringLiteral("screenshot-dir"), QStringLiteral("Grab the views into DIR."),
                                   QStringLiteral("dir"));
    screenshots.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption screenshotImport(QStringLiteral("screenshot-import"), QStringLiteral("File for the import view."),
                                        QStringLiteral("file"));
    screenshotImport.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshots);
    parser.addOption(screenshotImport);
    parser.process(app);
    const QString language = parser.value(QStringLiteral("lang"));
    if (!language.isEmpty() && !roster::Translations::available().contains(language)) {
        QTextStream(stderr) << "roster: unknown language '" << language << "' (languages: "
                            << roster::Translations::available().join(QStringLiteral(", ")) << ")" << Qt::endl;
        return 2;
    }
    roster::Translations::install(language);
    const QString path = parser.value(QStringLiteral("db")).isEmpty() ? roster::StoreSession::defaultPath()
                                                                      : parser.value(QStringLiteral("db"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto session = roster::StoreSession::open(path);
    if (!session) {
        QMessageBox::critical(nullptr, QObject::tr("Roster"),
                              QObject::tr("Cannot open %1:\n%2").arg(path, session.error().detail));
        return 1;
    }
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
    if (argc > 1 && roster::cli::isVerb(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        describeApplication();
        return roster::cli::run(QCoreApplication::arguments().mid(1));
    }
    return runWindow(argc, argv);
}
