#pragma once

#include "store/ImportJob.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace roster {

class ImportChangesModel;
class ImportIssueTree;
class ImportPreviewModel;
class ImportRunner;
class StoreSession;

// Import of a CSV or vCard file: its ImportPlan, made once (format, encoding, delimiter), the first rows, one
// target per column (pre-filled from the remembered or suggested mapping; a change goes into the plan), a dry run
// (Check First) that lists every change it would make to an existing contact, field by field, then the import of that
// very plan on a worker thread with progress and Cancel, and a report with the rejected rows (saved as the original
// rows plus the reason), the issues grouped by problem, and "Undo this import".
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    enum class Page { Preview, Running, Report };

    ImportDialog(StoreSession& session, QString path, QWidget* parent = nullptr);
    ~ImportDialog() override;

    Page page() const;
    // The targets the user changed, by header text (the plan holds them already).
    QMap<QString, QString> mapping() const;
    QComboBox* mappingCombo(int column) const { return m_combos.value(column); }
    void startDryRun();
    void startImport();
    const std::optional<ImportSummary>& summary() const { return m_summary; }
    // What the import will read and how; empty when the file cannot be read.
    const std::optional<ImportPlan>& plan() const { return m_plan; }
    bool undoImport();
    bool saveRejected(const QString& path) const;
    // Check First's list of the changes to existing contacts, field by field.
    ImportChangesModel* changesModel() const { return m_changes; }
    ImportIssueTree* issueTree() const { return m_issues; }

    bool isRunning() const { return m_runner != nullptr; }
    QString fileName() const;

signals:
    // The store changed (an import ran, or was undone).
    void imported();
    // Keep Browsing hid the dialog while its import runs on; it comes back with the report when the import ends.
    void sentToBackground();
    // While a run goes on: the rows read so far and how far through the file, in thousandths.
    void runProgress(qint64 rows, int permille);
    void runEnded();

protected:
    void reject() override;

private:
    void buildPreviewPage();
    void buildRunningPage();
    void buildReportPage();
    void readPreview();
    QString targetLabel(const QString& target) const;
    void run(bool dryRun);
    void finishRun(bool dryRun);
    void showReport(const ImportSummary& summary);

    StoreSession& m_session;
    QString m_path;
    std::optional<ImportPlan> m_plan;
    QString m_planError;
    bool m_isVcard = false;
    QStringList m_header;
    QStringList m_suggested;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_detected = nullptr;
    ImportPreviewModel* m_preview = nullptr;
    QTableView* m_previewTable = nullptr;
    QVector<QComboBox*> m_combos;
    QLabel* m_dryRunSummary = nullptr;
    QPushButton* m_dryRunButton = nullptr;
    QPushButton* m_importButton = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_progressText = nullptr;
    QLabel* m_reportText = nullptr;
    ImportIssueTree* m_issues = nullptr;
    ImportChangesModel* m_changes = nullptr;
    QTableView* m_changesView = nullptr;
    QPushButton* m_undoButton = nullptr;
    QPushButton* m_saveRejectedButton = nullptr;
    ImportRunner* m_runner = nullptr;
    std::optional<ImportSummary> m_summary;
    bool m_inBackground = false;
};

} // namespace roster
