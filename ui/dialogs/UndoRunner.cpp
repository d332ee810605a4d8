#include "UndoRunner.h"

#include "store/StoreSession.h"
#include "store/StoreWorker.h"

#include <QEventLoop>
#include <QLocale>
#include <QProgressDialog>

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
    StoreWorker worker(session.database().path(), redo ? QStringLiteral("redo") : QStringLiteral("undo"));
    QEventLoop loop;
    worker.post(
        &loop, [redo](StoreSession& own) { return redo ? own.undo().redo() : own.undo().undo(); },
        [&result, &loop](Result<UndoStep> step) {
            result = std::move(step);
            loop.quit();
        });
    dialog.show();
    loop.exec();
    return std::move(*result);
}

} // namespace roster
