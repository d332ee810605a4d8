#include "CommandSupport.h"

#include "store/Database.h"

#include <QDir>
#include <QTextStream>

#include <cstdio>

namespace roster::cli {

int printError(const QString& message, int code)
{
    QTextStream(stderr) << "roster: " << message << Qt::endl;
    return code;
}

int printError(const Error& error)
{
    return printError(error.detail.isEmpty() ? error.toString() : error.detail);
}

void printJson(const QJsonDocument& document)
{
    const QByteArray bytes = document.toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void printLine(const QString& line)
{
    QTextStream(stdout) << line << Qt::endl;
}

bool parse(QCommandLineParser& parser, const QStringList& args, const QString& description, int* exitCode)
{
    parser.setApplicationDescription(description);
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("The Roster database (default: %1).").arg(StoreSession::defaultPath()),
                      QStringLiteral("path")});
    const QCommandLineOption help = parser.addHelpOption();
    QStringList argv = args;
    argv[0] = QStringLiteral("roster ") + args.first();
    if (!parser.parse(argv)) {
        *exitCode = printError(parser.errorText(), Usage);
        return false;
    }
    if (parser.isSet(help)) {
        printLine(parser.helpText());
        *exitCode = Ok;
        return false;
    }
    return true;
}

QString databasePath(const QCommandLineParser& parser)
{
    const QString path = parser.value(QStringLiteral("db"));
    return path.isEmpty() ? StoreSession::defaultPath() : path;
}

Result<std::unique_ptr<StoreSession>> openSession(const QCommandLineParser& parser)
{
    const QString path = databasePath(parser);
    // Opening upgrades a database an earlier Roster wrote, which takes a large one minutes: said first, on stderr
    // (what a script reads on stdout stays the same), so the command does not seem to hang. The window shows a
    // notice instead.
    if (const int version = Database::fileSchemaVersion(path); version > 0 && version < Database::latestSchemaVersion())
        QTextStream(stderr) << QStringLiteral("roster: %1 was written by an earlier version of Roster (schema %2); "
                                              "upgrading it to schema %3, once (a large database takes a few "
                                              "minutes)…")
                                   .arg(QDir::toNativeSeparators(path))
                                   .arg(version)
                                   .arg(Database::latestSchemaVersion())
                            << Qt::endl;
    return StoreSession::open(path);
}

} // namespace roster::cli
