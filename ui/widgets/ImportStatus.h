#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace roster {

class ImportDialog;

// The status bar's word that an import runs while its dialog is hidden (Keep Browsing): the file, the rows read
// so far, a small bar, and Show to bring the dialog back. Hidden otherwise.
class ImportStatus final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportStatus)

public:
    explicit ImportStatus(QWidget* parent = nullptr);

    void follow(ImportDialog* dialog);
    // The dialog of the import that runs, if any: a second import waits for it.
    ImportDialog* running() const;

private:
    void showProgress(qint64 rows, int permille);

    QPointer<ImportDialog> m_dialog;
    QLabel* m_text = nullptr;
    QProgressBar* m_bar = nullptr;
};

} // namespace roster
