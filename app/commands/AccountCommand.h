#pragma once

#include <QStringList>

namespace roster::cli {

// roster account add --db PATH --provider NAME --name NAME [--base-url URL] [--option key=value]...
//                    [--secret-env VAR]   (otherwise the API key is read from standard input)
// roster account list --db PATH [--json]
// roster account update --db PATH --name NAME [--base-url URL] [--secret-env VAR]   (a new host: key on stdin)
// roster account remove --db PATH --name NAME
int runAccount(const QStringList& args);

} // namespace roster::cli
