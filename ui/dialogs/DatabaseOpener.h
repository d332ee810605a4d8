#pragma once

#include "contact/Error.h"

#include <QCoreApplication>

namespace roster {

// Opens the database file once on a worker thread, before the window's own session opens it: a file from an
// earlier version is upgraded then (minutes for a million contacts, once), and a wait for another process's
// write lock happens then too. When that takes more than half a second a busy dialog says what is going on,
// so the window that shows nothing yet does not look frozen (a user who kills it only starts the upgrade over).
class DatabaseOpener final
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseOpener)

public:
    static constexpr int kNoticeAfterMs = 500;

    // What opening the file said; the window's session then opens it again, at once.
    static Result<void> prepare(const QString& path);
};

} // namespace roster
