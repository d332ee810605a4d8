#pragma once

#include "Error.h"

namespace roster {

struct NormalizedEmail
{
    QString display; // as the user typed it, trimmed
    QString key; // the match key: lower-cased
};

class EmailNormalizer final
{
public:
    // Trims, drops a "mailto:" prefix and angle brackets, and checks the syntax; InvalidEmail otherwise.
    static Result<NormalizedEmail> normalize(const QString& input);
    static bool isValid(QStringView email);
    // The part after '@', lower-cased; empty for an invalid address.
    static QString domainOf(const QString& email);
};

} // namespace roster
