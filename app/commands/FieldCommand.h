#pragma once

#include <QStringList>

namespace roster::cli {

// roster field add --db PATH --key KEY [--label TEXT] [--type text|number|boolean|date]; roster field list
int runField(const QStringList& args);

} // namespace roster::cli
