#include "ContactTableModel.h"

#include "store/ContactStore.h"

namespace roster {

ContactTableModel::ContactTableModel(ContactStore& store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_pages(64)
{
    m_rowCount = m_store.count();
}

QList<Field> ContactTableModel::columns()
{
    return {Field::FirstName, Field::LastName, Field::Email,    Field::Phone,
            Field::CompanyName, Field::JobTitle, Field::LinkedinUrl, Field::City};
}

int ContactTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rowCount);
}

int ContactTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(columns().size());
}

const QVector<Contact>* ContactTableModel::page(int row) const
{
    const int number = row / kPageSize;
    if (auto* cached = m_pages.object(number))
        return cached;
    auto* rows = new QVector<Contact>(m_store.page(static_cast<qint64>(number) * kPageSize, kPageSize));
    m_pages.insert(number, rows);
    return rows;
}

QVariant ContactTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
        return {};
    const QVector<Contact>* rows = page(index.row());
    const int offset = index.row() % kPageSize;
    if (offset >= rows->size())
        return {};
    return rows->at(offset).value(columns().at(index.column()));
}

QVariant ContactTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= columns().size())
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (columns().at(section)) {
    case Field::FirstName:
        return tr("First name");
    case Field::LastName:
        return tr("Last name");
    case Field::Email:
        return tr("Email");
    case Field::Phone:
        return tr("Phone");
    case Field::CompanyName:
        return tr("Company");
    case Field::JobTitle:
        return tr("Job title");
    case Field::LinkedinUrl:
        return tr("LinkedIn");
    case Field::City:
        return tr("City");
    default:
        return FieldRegistry::name(columns().at(section));
    }
}

void ContactTableModel::reload()
{
    beginResetModel();
    m_pages.clear();
    m_rowCount = m_store.count();
    endResetModel();
}

qint64 ContactTableModel::contactId(int row) const
{
    const QVector<Contact>* rows = page(row);
    const int offset = row % kPageSize;
    return offset < rows->size() ? rows->at(offset).id : 0;
}

} // namespace roster
