#pragma once

#include "store/ImportSource.h"

#include <QTreeWidget>

namespace roster {

// An import's rejected rows and warnings grouped by what went wrong, with counts: "Rejected — Missing
// identifier (9)" first, then the rows folded into another ("Merged"), then the other warnings, fewest first,
// so nine rejections are not lost among hundreds of phone notes. A group's rows (line, field, message) are
// made when it is first expanded, so a file with 100,000 warnings fills the tree at once.
class ImportIssueTree final : public QTreeWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportIssueTree)

public:
    enum Column { ProblemColumn, FieldColumn, DetailsColumn };

    explicit ImportIssueTree(QWidget* parent = nullptr);

    void setIssues(const QVector<ImportIssue>& errors, const QVector<ImportIssue>& warnings);
    // The group rows' texts, in order ("Rejected — Missing identifier (9)").
    QStringList groupTitles() const;
    // The selected rows as tab-separated lines (Ctrl+C), for a spreadsheet or a message.
    QString selectedText() const;

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    struct Group
    {
        bool rejected = false;
        ErrorCode code = ErrorCode::ParseError;
        QVector<ImportIssue> issues;
    };

    static QString title(const Group& group);
    void fill(QTreeWidgetItem* groupItem);

    QVector<Group> m_groups; // in the order shown; a group item's data holds its index
};

} // namespace roster
