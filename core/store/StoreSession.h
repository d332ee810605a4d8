#pragma once

#include "ContactStore.h"
#include "Database.h"
#include "UndoManager.h"
#include "UpsertEngine.h"

#include <memory>

namespace roster {

// One open Roster database with its engine, reader and undo manager: what a window or a command works on.
class StoreSession final
{
public:
    static Result<std::unique_ptr<StoreSession>> open(const QString& path, const QString& phoneRegion = {});
    // ~/.local/share/roster/roster.sqlite on Linux (the user's data folder).
    static QString defaultPath();

    Database& database() { return *m_db; }
    UpsertEngine& engine() { return *m_engine; }
    ContactStore& contacts() { return *m_store; }
    UndoManager& undo() { return *m_undo; }

private:
    StoreSession() = default;

    SystemClock m_clock;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<UpsertEngine> m_engine;
    std::unique_ptr<ContactStore> m_store;
    std::unique_ptr<UndoManager> m_undo;
};

} // namespace roster
