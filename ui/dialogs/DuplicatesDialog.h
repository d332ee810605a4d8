#pragma once

#include "contact/Clock.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace roster {

class DuplicatesModel;
class MergeDialog;
class StoreSession;

// The list of possible duplicates found by DuplicateFinder, strongest first with its score and reasons, with
// Merge (opens the merge dialog on the chosen pair), Open (the editor on either contact) and Not a Duplicate
// (records the user's verdict, undoable, so the pair is not listed again).
class DuplicatesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DuplicatesDialog)

public:
    explicit DuplicatesDialog(StoreSession& session, QWidget* parent = nullptr);

    DuplicatesModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    void rescan();
    // Opens the merge dialog on a row; returned for tests and screenshots.
    MergeDialog* mergeRow(int row);
    // Records that the pair on `row` is two people and drops the row; false when the store refused.
    bool rejectRow(int row);

signals:
    void merged();
    // A "not a duplicate" verdict was recorded, or an operation undone from here: the undo steps changed.
    void verdictRecorded();
    void openContactRequested(qint64 contactId);

private:
    void updateButtons();

    StoreSession& m_session;
    DuplicatesModel* m_model;
    QTableView* m_table;
    QLabel* m_summary;
    QPushButton* m_merge;
    QPushButton* m_open;
    QPushButton* m_reject;
    SystemClock m_clock;
};

} // namespace roster
