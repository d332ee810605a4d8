#pragma once

#include <QStringList>

namespace roster::cli {

// roster export --db PATH --format json|csv|vcard [--output FILE]
int runExport(const QStringList& args);

} // namespace roster::cli
