#pragma once

#include "store/ImportJob.h"

#include <QAbstractTableModel>
#include <QHash>

#include <functional>

namespace roster {

// What a dry run says the import would change in contacts that exist: one row per field, with its value
// before and after (a re-import about to revert a title a CRM pulled shows job_title "VP Sales" → "Sales
// Director"). Rows are handed to the view a page at a time (canFetchMore), so 100,000 changed rows do not
// freeze the dialog.
class ImportChangesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportChangesModel)

public:
    enum Column { LineColumn, ContactColumn, FieldColumn, BeforeColumn, AfterColumn, ColumnCount };
    static constexpr int kPageSize = 500;

    explicit ImportChangesModel(QObject* parent = nullptr);

    // Keeps the updates among `outcomes` (created, unchanged and rejected rows change no existing contact).
    void setOutcomes(const QVector<ImportRowOutcome>& outcomes);
    void clear();
    // How the contact column names a contact (its id when unset); asked once per contact shown.
    void setNameLookup(std::function<QString(qint64)> lookup) { m_lookup = std::move(lookup); }
    // Field changes in all, shown or not yet.
    qsizetype changeCount() const { return m_changes.size(); }
    // Contacts (rows of the file) that would change.
    qsizetype rowsChanged() const { return m_rowsChanged; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    struct Change
    {
        qint64 line = 0;
        qint64 contactId = 0;
        FieldChange change;
    };
    static QString fieldLabel(const QString& name);

    QString contactName(qint64 id) const;

    QVector<Change> m_changes;
    std::function<QString(qint64)> m_lookup;
    mutable QHash<qint64, QString> m_names;
    qsizetype m_rowsChanged = 0;
    int m_shown = 0;
};

} // namespace roster
