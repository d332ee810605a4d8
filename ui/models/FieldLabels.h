#pragma once

#include "contact/Field.h"
#include "contact/PhoneEntry.h"

#include <QCoreApplication>

namespace roster {

// The translated name of each field, for column headers, the editor and the merge dialog.
class FieldLabels final
{
    Q_DECLARE_TR_FUNCTIONS(FieldLabels)

public:
    static QString label(Field field);
    static QString extraEmails() { return tr("Other emails"); }
    static QString extraPhones() { return tr("Other phones"); }
    static QString extraWebsites() { return tr("Other web pages"); }
    static QString tags() { return tr("Tags"); }
    // A form row's label: "Company:" in English, "Société :" in French, whose typography puts a no-break
    // space before the colon. Labels made of a field's name go through here, so every form writes it the
    // same way.
    static QString formLabel(const QString& text) { return tr("%1:", "form row label").arg(text); }
    static QString phoneType(PhoneType type);
};

} // namespace roster
