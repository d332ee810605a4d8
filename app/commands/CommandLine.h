#pragma once

#include <QStringList>

namespace roster::cli {

// The verbs scripts and benchmarks use; `roster` with no verb opens the window.
bool isVerb(const QString& word);
const QStringList& verbs();
// args: the verb first, then its arguments.
int run(const QStringList& args);

} // namespace roster::cli
