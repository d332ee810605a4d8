#pragma once

#include "store/UndoManager.h"

#include <QCoreApplication>

class QWidget;

namespace roster {

class StoreSession;

// Undoes or redoes the next step. A large step (a whole import: seconds of work) runs on a worker thread
// with a connection of its own, behind a modal busy dialog, so the window keeps painting and nothing can
// write meanwhile; a small one runs at once on the caller's connection.
class UndoRunner final
{
    Q_DECLARE_TR_FUNCTIONS(UndoRunner)

public:
    static constexpr int kInBackgroundFrom = 5000; // change-log entries

    static Result<UndoStep> run(QWidget* parent, StoreSession& session, bool redo);
};

} // namespace roster
