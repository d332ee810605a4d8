#pragma once

#include "store/SyncRunLog.h"

#include <QAbstractTableModel>

namespace roster {

class ContactStore;

// The records the last run of each account could not sync, one row each: account, contact, what went
// wrong (translated from the shared error code) and the service's own words.
class SyncErrorsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncErrorsModel)

public:
    enum Column { AccountColumn, ContactColumn, ProblemColumn, DetailColumn, ColumnCount };
    enum Role { AccountIdRole = Qt::UserRole + 1, ContactIdRole };

    struct Entry
    {
        qint64 accountId = 0;
        QString accountName;
        SyncRunLog::RunError error;
    };

    explicit SyncErrorsModel(ContactStore& contacts, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the errors of one account (its last run); an empty list clears them.
    void setErrors(qint64 accountId, const QString& accountName, const QList<SyncRunLog::RunError>& errors);
    void removeAccount(qint64 accountId);
    void clear();
    const Entry& entry(int row) const { return m_entries.at(row); }
    QList<qint64> accountIds() const;

    static QString problemText(ErrorCode code);

private:
    ContactStore& m_contacts;
    QList<Entry> m_entries;
    QList<QString> m_contactNames; // parallel to m_entries, read once
};

} // namespace roster
