#include "UndoRunner.h"

#include "store/StoreSession.h"

#include <QEventLoop>
#include <QLocale>
#include <QProgressDialog>
#include <QThread>

#include <memory>
#include <optional>

namespace roster {

Result<UndoStep> UndoRunner::run(QWidget* parent, StoreSession& session, bool redo)
{
    UndoManager& undo = session.undo();
    const auto next = redo ? undo.nextRedo() : undo.nextUndo();
    if (!next || next->changes < kInBackgroundFrom)
        return redo ? undo.redo() : undo.undo();

    const QString changes = QLocale().toString(next->changes);
    QProgressDialog dialog(redo ? tr("Redoing %1 (%2 changes)…").arg(next->label, changes)
                                : tr("Undoing %1 (%2 changes)…").arg(next->label, changes),
                           QString(), 0, 0, parent);
    dialog.setObjectName(QStringLiteral("undoProgress"));
    dialog.setWindowTitle(redo ? tr("Redo") : tr("Undo"));
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(0);

    std::optional<Result<UndoStep>> result;
    const QString path = session.database().path();
    std::unique_ptr<QThread> worker(QThread::create([&result, path, redo] {
        auto own = StoreSession::open(path);
        if (!own) {
            result = std::unexpected(own.error());
            return;
        }
        result = redo ? (*own)->undo().redo() : (*own)->undo().undo();
    }));
    worker->setObjectName(redo ? QStringLiteral("redo") : QStringLiteral("undo"));
    QEventLoop loop;
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    dialog.show();
    loop.exec();
    worker->wait();
    return std::move(*result);
}

} // namespace roster
