#include "DuplicatesModel.h"

#include "FieldLabels.h"
#include "contact/PhoneNormalizer.h"
#include "store/ContactStore.h"

namespace roster {

DuplicatesModel::DuplicatesModel(ContactStore& store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
{
}

int DuplicatesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_pairs.size());
}

int DuplicatesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DuplicatesModel::reasonText(DuplicateReason reason)
{
    switch (reason) {
    case DuplicateReason::SameEmail:
        return tr("Same email");
    case DuplicateReason::SamePhone:
        return tr("Same phone");
    case DuplicateReason::SameLinkedin:
        return tr("Same LinkedIn profile");
    case DuplicateReason::FlaggedOnImport:
        return tr("Flagged on import");
    case DuplicateReason::SameName:
        return tr("Same name");
    case DuplicateReason::NameSpelling:
        return tr("Same name, spelled differently");
    case DuplicateReason::Nickname:
        return tr("Nickname");
    case DuplicateReason::NameTypo:
        return tr("First names one letter apart");
    case DuplicateReason::Initial:
        return tr("Initial of the first name");
    case DuplicateReason::SameCompany:
        return tr("Same company");
    }
    return {};
}

QString DuplicatesModel::reasonsText(const DuplicatePair& pair)
{
    QStringList texts;
    for (const DuplicateReason reason : pair.reasons)
        texts << reasonText(pair, reason);
    if (texts.isEmpty())
        texts << reasonText(pair, pair.reason);
    return texts.join(tr(", "));
}

QString DuplicatesModel::reasonText(const DuplicatePair& pair, DuplicateReason reason)
{
    if (reason != DuplicateReason::FlaggedOnImport || pair.field.isEmpty())
        return reasonText(reason);
    // The engine names the identifier by its column; the user knows it by its label.
    QString label;
    if (pair.field == FieldRegistry::extraEmailsName())
        label = FieldLabels::extraEmails();
    else if (const auto field = FieldRegistry::fromName(pair.field))
        label = FieldLabels::label(*field);
    else
        label = pair.field;
    return tr("Flagged on import: %1 also matches").arg(label);
}

QString DuplicatesModel::describe(qint64 contactId) const
{
    const auto contact = m_store.contact(contactId);
    if (!contact)
        return tr("(deleted)");
    const QString name = contact->displayName();
    const QString email = contact->value(Field::Email);
    if (name.isEmpty())
        return email.isEmpty() ? tr("Contact %1").arg(contactId) : email;
    return email.isEmpty() ? name : tr("%1 <%2>").arg(name, email);
}

QVariant DuplicatesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::TextAlignmentRole && index.column() == ScoreColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const DuplicatePair& pair = m_pairs.at(index.row());
    switch (index.column()) {
    case FirstColumn:
        return m_names.at(index.row() * 2);
    case SecondColumn:
        return m_names.at(index.row() * 2 + 1);
    case ScoreColumn:
        return pair.score;
    case ReasonColumn:
        return reasonsText(pair);
    case KeyColumn:
        // A flagged pair shares no stored value (the clashing identifier was not applied); the engine's
        // untranslated detail is for the tooltip only.
        if (pair.reason == DuplicateReason::FlaggedOnImport)
            return role == Qt::ToolTipRole ? QVariant(pair.key) : QVariant();
        // A phone as the table shows it (+33 6 12 34 56 78), not as stored.
        if (pair.reason == DuplicateReason::SamePhone)
            return PhoneNormalizer::formatInternational(pair.key);
        return pair.key;
    default:
        return {};
    }
}

QVariant DuplicatesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FirstColumn:
        return tr("Contact");
    case SecondColumn:
        return tr("Possible duplicate");
    case ScoreColumn:
        return tr("Score");
    case ReasonColumn:
        return tr("Why");
    case KeyColumn:
        return tr("Shared value");
    default:
        return {};
    }
}

void DuplicatesModel::removePair(int row)
{
    if (row < 0 || row >= m_pairs.size())
        return;
    beginRemoveRows({}, row, row);
    m_pairs.removeAt(row);
    m_names.remove(row * 2, 2);
    endRemoveRows();
}

void DuplicatesModel::setPairs(QVector<DuplicatePair> pairs)
{
    beginResetModel();
    m_pairs = std::move(pairs);
    m_names.clear();
    m_names.reserve(m_pairs.size() * 2);
    for (const DuplicatePair& pair : std::as_const(m_pairs))
        m_names << describe(pair.first) << describe(pair.second);
    endResetModel();
}

} // namespace roster
