#pragma once

#include "contact/Contact.h"
#include "store/ContactMerger.h"

#include <QDialog>

class QButtonGroup;
class QGridLayout;
class QLabel;
class QPushButton;

namespace roster {

class StoreSession;

// Two contacts side by side: one radio button per side for each field where they differ, the merged
// contact's lists and what will be kept in the notes. Merge writes it in one undoable operation.
class MergeDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MergeDialog)

public:
    MergeDialog(StoreSession& session, qint64 keptId, qint64 otherId, QWidget* parent = nullptr);

    // Picks a side for a field (tests; the same as clicking its radio button).
    void choose(Field field, MergeSide side);
    const MergeChoices& choices() const { return m_choices; }
    bool merge();

signals:
    void merged(qint64 keptId);

private:
    void build();
    void swapSides();
    void updatePreview();

    StoreSession& m_session;
    Contact m_kept;
    Contact m_other;
    MergeChoices m_choices {};
    QWidget* m_grid = nullptr;
    QGridLayout* m_gridLayout = nullptr;
    QLabel* m_preview = nullptr;
    QHash<int, QButtonGroup*> m_groups;
    SystemClock m_clock;
};

} // namespace roster
