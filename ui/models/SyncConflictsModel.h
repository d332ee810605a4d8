#pragma once

#include "store/SyncConflict.h"

#include <QAbstractTableModel>
#include <QHash>

namespace roster {

class ContactStore;

// The conflict inbox: the open conflicts, one field of one contact each, with the value both sides started
// from (base) and what each made of it.
class SyncConflictsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncConflictsModel)

public:
    enum Column { ContactColumn, AccountColumn, FieldColumn, BaseColumn, LocalColumn, RemoteColumn, ColumnCount };
    enum Role { ConflictIdRole = Qt::UserRole + 1 };

    explicit SyncConflictsModel(ContactStore& contacts, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setConflicts(const QList<SyncConflict>& conflicts, const QHash<qint64, QString>& accountNames);
    const SyncConflict& conflict(int row) const { return m_conflicts.at(row); }

    static QString valueText(const QJsonValue& value);
    static QString fieldLabel(const QString& field);

private:
    ContactStore& m_contacts;
    QList<SyncConflict> m_conflicts;
    QList<QString> m_contactNames;
    QHash<qint64, QString> m_accountNames;
};

} // namespace roster
