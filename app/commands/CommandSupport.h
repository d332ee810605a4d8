#pragma once

#include "contact/Error.h"
#include "store/StoreSession.h"

#include <QCommandLineParser>
#include <QJsonDocument>

namespace roster::cli {

// Exit codes shared by every verb: scripts tell a refused input from a broken call.
enum Exit { Ok = 0, Failed = 1, Usage = 2 };

int printError(const QString& message, int code = Failed);
int printError(const Error& error);
void printJson(const QJsonDocument& document);
void printLine(const QString& line);

// Parses `args` (the verb first) with the options every verb shares (--db, --help); prints usage errors.
bool parse(QCommandLineParser& parser, const QStringList& args, const QString& description, int* exitCode);
QString databasePath(const QCommandLineParser& parser);
Result<std::unique_ptr<StoreSession>> openSession(const QCommandLineParser& parser);

} // namespace roster::cli
