#include "SyncConflictsModel.h"

#include "FieldLabels.h"
#include "store/ContactStore.h"

#include <QJsonArray>

namespace roster {

SyncConflictsModel::SyncConflictsModel(ContactStore& contacts, QObject* parent)
    : QAbstractTableModel(parent)
    , m_contacts(contacts)
{
}

int SyncConflictsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_conflicts.size());
}

int SyncConflictsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SyncConflictsModel::valueText(const QJsonValue& value)
{
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue& item : value.toArray())
            parts << item.toVariant().toString();
        return parts.isEmpty() ? tr("(empty)") : parts.join(QStringLiteral(", "));
    }
    if (value.isNull() || value.isUndefined())
        return tr("(empty)");
    const QString text = value.toVariant().toString();
    return text.isEmpty() ? tr("(empty)") : text;
}

QString SyncConflictsModel::fieldLabel(const QString& field)
{
    if (field == FieldRegistry::extraEmailsName())
        return FieldLabels::extraEmails();
    if (field == QLatin1String("tags"))
        return FieldLabels::tags();
    if (const auto known = FieldRegistry::fromName(field))
        return FieldLabels::label(*known);
    return field;
}

QVariant SyncConflictsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SyncConflict& c = m_conflicts.at(index.row());
    if (role == ConflictIdRole)
        return c.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case ContactColumn:
        return m_contactNames.at(index.row());
    case AccountColumn:
        return m_accountNames.value(c.accountId, tr("Account %1").arg(c.accountId));
    case FieldColumn:
        return fieldLabel(c.field);
    case BaseColumn:
        return valueText(c.base);
    case LocalColumn:
        return valueText(c.local);
    case RemoteColumn:
        return valueText(c.remote);
    default:
        return {};
    }
}

QVariant SyncConflictsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ContactColumn:
        return tr("Contact");
    case AccountColumn:
        return tr("Account");
    case FieldColumn:
        return tr("Field");
    case BaseColumn:
        return tr("Before");
    case LocalColumn:
        return tr("Here");
    case RemoteColumn:
        return tr("In the service");
    default:
        return {};
    }
}

void SyncConflictsModel::setConflicts(const QList<SyncConflict>& conflicts, const QHash<qint64, QString>& accountNames)
{
    beginResetModel();
    m_conflicts = conflicts;
    m_accountNames = accountNames;
    m_contactNames.clear();
    for (const SyncConflict& c : conflicts) {
        QString name;
        if (const auto contact = m_contacts.contact(c.contactId)) {
            name = contact->displayName();
            if (name.isEmpty())
                name = contact->value(Field::Email);
        }
        m_contactNames << (name.isEmpty() ? tr("Contact %1").arg(c.contactId) : name);
    }
    endResetModel();
}

} // namespace roster
