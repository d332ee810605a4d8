#pragma once

#include "contact/PhoneEntry.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QVBoxLayout;

namespace roster {

// A contact's other phones, a row each: the kind, the number, a button to remove it; "Add phone" adds a
// row. Empty rows are no phones.
class PhoneListEdit final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhoneListEdit)

public:
    explicit PhoneListEdit(QWidget* parent = nullptr);

    void setPhones(const PhoneList& phones);
    PhoneList phones() const;
    // A kind chooser with every kind, "Phone" (no kind said) first.
    static QComboBox* kindCombo(QWidget* parent);

signals:
    void changed();

private:
    void addRow(const PhoneEntry& phone);
    struct Row
    {
        QWidget* widget = nullptr;
        QComboBox* kind = nullptr;
        QLineEdit* number = nullptr;
    };
    QList<Row> m_rows;
    QVBoxLayout* m_rowsLayout = nullptr;
};

} // namespace roster
