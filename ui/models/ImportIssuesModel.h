#pragma once

#include "store/ImportIssues.h"

#include <QAbstractItemModel>

namespace roster {

// An import's rejected rows and warnings as a tree of groups, one a problem ("Rejected — Missing identifier
// (9)"), each holding its rows (line, field, message): rejections first, then the rows folded into another
// ("Merged"), then the other warnings, fewest first, so nine rejections are not lost among hundreds of
// thousands of phone notes. A row's texts are made when the view asks for them, so a group of 400,000 warnings
// opens at once and costs its view, not a copy of every message.
class ImportIssuesModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportIssuesModel)

public:
    enum Column { ProblemColumn, FieldColumn, DetailsColumn, ColumnCount };
    enum Role { RejectedRole = Qt::UserRole + 1 };

    explicit ImportIssuesModel(QObject* parent = nullptr);

    void setIssues(const ImportIssues& errors, const ImportIssues& warnings);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Group
    {
        bool rejected = false;
        ErrorCode code = ErrorCode::ParseError;
        QList<qsizetype> issues; // indexes into m_errors or m_warnings
    };

    static QString title(const Group& group);
    QVariant issueData(const Group& group, int row, int column) const;

    ImportIssues m_errors, m_warnings; // shared with the summary's, not copied
    QList<Group> m_groups;
};

} // namespace roster
