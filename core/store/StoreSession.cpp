#include "StoreSession.h"

#include <QDir>
#include <QStandardPaths>

namespace roster {

QString StoreSession::defaultPath()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(QStringLiteral("roster/roster.sqlite"));
}

Result<std::unique_ptr<StoreSession>> StoreSession::open(const QString& path, const QString& phoneRegion)
{
    std::unique_ptr<StoreSession> session(new StoreSession);
    auto db = Database::open(path);
    if (!db)
        return std::unexpected(db.error());
    session->m_db = std::move(*db);
    auto engine = UpsertEngine::create(*session->m_db, session->m_clock, phoneRegion);
    if (!engine)
        return std::unexpected(engine.error());
    session->m_engine = std::move(*engine);
    auto store = ContactStore::create(*session->m_db);
    if (!store)
        return std::unexpected(store.error());
    session->m_store = std::move(*store);
    auto undo = UndoManager::create(*session->m_db, session->m_clock);
    if (!undo)
        return std::unexpected(undo.error());
    session->m_undo = std::move(*undo);
    return session;
}

} // namespace roster
