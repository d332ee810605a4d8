#include "PhoneListEdit.h"

#include "models/FieldLabels.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>

namespace roster {

PhoneListEdit::PhoneListEdit(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_rowsLayout = new QVBoxLayout;
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(4);
    layout->addLayout(m_rowsLayout);
    auto* add = new QPushButton(tr("Add phone"), this);
    add->setObjectName(QStringLiteral("addPhoneButton"));
    connect(add, &QPushButton::clicked, this, [this] {
        addRow({});
        m_rows.last().number->setFocus();
    });
    auto* buttonRow = new QHBoxLayout;
    buttonRow->addWidget(add);
    buttonRow->addStretch(1);
    layout->addLayout(buttonRow);
}

QComboBox* PhoneListEdit::kindCombo(QWidget* parent)
{
    auto* combo = new QComboBox(parent);
    for (PhoneType type :
         {PhoneType::None, PhoneType::Mobile, PhoneType::Work, PhoneType::Home, PhoneType::Fax, PhoneType::Other})
        combo->addItem(FieldLabels::phoneType(type), PhoneTypes::name(type));
    return combo;
}

void PhoneListEdit::setPhones(const PhoneList& phones)
{
    for (const Row& row : std::as_const(m_rows))
        delete row.widget;
    m_rows.clear();
    for (const PhoneEntry& phone : phones)
        addRow(phone);
}

PhoneList PhoneListEdit::phones() const
{
    PhoneList list;
    for (const Row& row : m_rows) {
        const QString number = row.number->text().trimmed();
        if (!number.isEmpty())
            list << PhoneEntry {number,
                                PhoneTypes::fromName(row.kind->currentData().toString()).value_or(PhoneType::None)};
    }
    return list;
}

void PhoneListEdit::addRow(const PhoneEntry& phone)
{
    Row row;
    row.widget = new QWidget(this);
    auto* layout = new QHBoxLayout(row.widget);
    layout->setContentsMargins(0, 0, 0, 0);
    row.kind = kindCombo(row.widget);
    row.kind->setObjectName(QStringLiteral("extraPhoneKind_%1").arg(m_rows.size()));
    row.kind->setCurrentIndex(qMax(0, row.kind->findData(PhoneTypes::name(phone.type))));
    row.number = new QLineEdit(phone.number, row.widget);
    row.number->setObjectName(QStringLiteral("extraPhone_%1").arg(m_rows.size()));
    row.number->setPlaceholderText(tr("+33 6 12 34 56 78"));
    auto* remove = new QToolButton(row.widget);
    remove->setText(QStringLiteral("✕"));
    remove->setToolTip(tr("Remove this phone"));
    remove->setAccessibleName(tr("Remove this phone"));
    layout->addWidget(row.kind);
    layout->addWidget(row.number, 1);
    layout->addWidget(remove);
    m_rowsLayout->addWidget(row.widget);
    connect(row.kind, &QComboBox::currentIndexChanged, this, &PhoneListEdit::changed);
    connect(row.number, &QLineEdit::textChanged, this, &PhoneListEdit::changed);
    QWidget* widget = row.widget;
    connect(remove, &QToolButton::clicked, this, [this, widget] {
        m_rows.removeIf([widget](const Row& r) { return r.widget == widget; });
        widget->deleteLater();
        emit changed();
    });
    m_rows << row;
    emit changed();
}

} // namespace roster
