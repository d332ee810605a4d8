#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTableView;

namespace roster {

class DuplicatesModel;
class MergeDialog;
class StoreSession;

// The list of possible duplicates found by DuplicateFinder, with Merge (opens the merge dialog on the
// chosen pair) and Open (the editor on either contact).
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

signals:
    void merged();
    void openContactRequested(qint64 contactId);

private:
    void updateButtons();

    StoreSession& m_session;
    DuplicatesModel* m_model;
    QTableView* m_table;
    QLabel* m_summary;
    QPushButton* m_merge;
    QPushButton* m_open;
};

} // namespace roster
