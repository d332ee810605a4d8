#include "SyncErrorsModel.h"

#include "store/ContactStore.h"
#include "widgets/FieldValidator.h"

namespace roster {

SyncErrorsModel::SyncErrorsModel(ContactStore& contacts, QObject* parent)
    : QAbstractTableModel(parent)
    , m_contacts(contacts)
{
}

int SyncErrorsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int SyncErrorsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SyncErrorsModel::problemText(ErrorCode code)
{
    switch (code) {
    case ErrorCode::AuthenticationFailed:
        return tr("API key refused");
    case ErrorCode::NetworkError:
        return tr("Service unreachable");
    case ErrorCode::Timeout:
        return tr("No answer in time");
    case ErrorCode::RateLimited:
        return tr("Too many requests");
    case ErrorCode::RemoteValidation:
        return tr("Refused by the service");
    case ErrorCode::SecretUnavailable:
        return tr("No API key stored");
    case ErrorCode::InsecureUrl:
        return tr("Address is not https");
    case ErrorCode::Cancelled:
        return tr("Cancelled");
    case ErrorCode::HttpError:
        return tr("Service error");
    case ErrorCode::UnknownCustomField:
        return tr("Unknown custom field");
    case ErrorCode::NeedsConfirmation:
        return tr("Waiting for confirmation");
    case ErrorCode::ConflictSettledByPolicy:
        return tr("Settled by the conflict policy");
    case ErrorCode::RemoteDeletionPending:
        return tr("Deleted on the service");
    default:
        return FieldValidator::errorText(code);
    }
}

QVariant SyncErrorsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries.at(index.row());
    if (role == AccountIdRole)
        return entry.accountId;
    if (role == ContactIdRole)
        return entry.error.contactId;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case AccountColumn:
        return entry.accountName;
    case ContactColumn:
        return m_contactNames.at(index.row());
    case ProblemColumn:
        return problemText(entry.error.code);
    case DetailColumn:
        return entry.error.message;
    default:
        return {};
    }
}

QVariant SyncErrorsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AccountColumn:
        return tr("Account");
    case ContactColumn:
        return tr("Contact");
    case ProblemColumn:
        return tr("Problem");
    case DetailColumn:
        return tr("Details");
    default:
        return {};
    }
}

void SyncErrorsModel::setErrors(qint64 accountId, const QString& accountName, const QList<SyncRunLog::RunError>& errors)
{
    beginResetModel();
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        if (m_entries.at(i).accountId == accountId) {
            m_entries.removeAt(i);
            m_contactNames.removeAt(i);
        }
    }
    for (const SyncRunLog::RunError& error : errors) {
        m_entries << Entry {accountId, accountName, error};
        QString name;
        if (error.contactId <= 0) {
            name = tr("(whole account)");
        } else if (const auto contact = m_contacts.contact(error.contactId)) {
            name = contact->displayName();
            if (name.isEmpty())
                name = contact->value(Field::Email);
        }
        if (name.isEmpty())
            name = tr("Contact %1").arg(error.contactId);
        m_contactNames << name;
    }
    endResetModel();
}

void SyncErrorsModel::removeAccount(qint64 accountId)
{
    setErrors(accountId, {}, {});
}

void SyncErrorsModel::clear()
{
    beginResetModel();
    m_entries.clear();
    m_contactNames.clear();
    endResetModel();
}

QList<qint64> SyncErrorsModel::accountIds() const
{
    QList<qint64> ids;
    for (const Entry& entry : m_entries) {
        if (!ids.contains(entry.accountId))
            ids << entry.accountId;
    }
    return ids;
}

} // namespace roster
