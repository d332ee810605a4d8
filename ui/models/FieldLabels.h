#pragma once

#include "contact/Field.h"

#include <QCoreApplication>

namespace roster {

// The translated name of each field, for column headers, the editor and the merge dialog.
class FieldLabels final
{
    Q_DECLARE_TR_FUNCTIONS(FieldLabels)

public:
    static QString label(Field field);
    static QString extraEmails() { return tr("Other emails"); }
    static QString tags() { return tr("Tags"); }
};

} // namespace roster
