#pragma once

#include "store/ImportIssues.h"

#include <QTreeView>

namespace roster {

class ImportIssuesModel;

// The import report's list of what went wrong (ImportIssuesModel): the rejections open from the start, the
// rest a click away; Ctrl+C copies the selected rows as tab-separated lines.
class ImportIssueTree final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportIssueTree)

public:
    explicit ImportIssueTree(QWidget* parent = nullptr);

    void setIssues(const ImportIssues& errors, const ImportIssues& warnings);
    ImportIssuesModel* issuesModel() const { return m_model; }
    // The group rows' texts, in order ("Rejected — Missing identifier (9)").
    QStringList groupTitles() const;
    // The selected rows as tab-separated lines (Ctrl+C), in the tree's order, for a spreadsheet or a message.
    QString selectedText() const;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    ImportIssuesModel* m_model = nullptr;
};

} // namespace roster
