#pragma once

#include <QStringList>

namespace roster::cli {

// roster upsert --db PATH [--policy NAME] field=value... [tags+=x]
int runUpsert(const QStringList& args);

} // namespace roster::cli
