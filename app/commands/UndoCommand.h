#pragma once

#include <QStringList>

namespace roster::cli {

// roster undo --db PATH and roster redo --db PATH
int runUndo(const QStringList& args, bool redo);

} // namespace roster::cli
