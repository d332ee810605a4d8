#pragma once

#include "contact/Error.h"
#include "contact/Field.h"

#include <QCoreApplication>

namespace roster {

class PhoneNormalizer;

// Checks what the user types into the editor with the same normalisers the engine uses, and says why a
// value is refused in the user's language. Also the translated text of the engine's error codes.
class FieldValidator final
{
    Q_DECLARE_TR_FUNCTIONS(FieldValidator)

public:
    explicit FieldValidator(const PhoneNormalizer& phones);

    // Empty when the value can be saved; otherwise the reason. An empty value is always valid.
    QString check(Field field, const QString& text) const;
    // One address of the "other emails" list.
    QString checkEmail(const QString& text) const;

    static QString errorText(ErrorCode code);

private:
    const PhoneNormalizer& m_phones;
};

} // namespace roster
