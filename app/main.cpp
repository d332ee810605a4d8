#include "commands/CommandLine.h"
#include "commands/CommandSupport.h"
#include "store/StoreSession.h"
#include "widgets/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

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
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Roster, a local-first contact manager. Commands: upsert, export, "
                                                    "undo, redo, field (roster COMMAND --help)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("db"), QStringLiteral("Open this database (created if missing)."),
                      QStringLiteral("path")});
    parser.process(app);
    const QString path = parser.value(QStringLiteral("db")).isEmpty() ? roster::StoreSession::defaultPath()
                                                                      : parser.value(QStringLiteral("db"));
    auto session = roster::StoreSession::open(path);
    if (!session) {
        QMessageBox::critical(nullptr, QObject::tr("Roster"),
                              QObject::tr("Cannot open %1:\n%2").arg(path, session.error().detail));
        return 1;
    }
    roster::MainWindow window(**session);
    window.show();
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
