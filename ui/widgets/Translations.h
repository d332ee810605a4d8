#pragma once

#include <QString>

namespace roster {

// Loads Roster's translation (embedded at :/i18n) and Qt's own for a language: "fr", "de", "en", or empty
// for the system language. Returns false when Roster has no translation for it (English is then shown).
class Translations final
{
public:
    static bool install(const QString& language = {});
    static QStringList available();
};

} // namespace roster
