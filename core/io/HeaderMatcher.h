#pragma once

#include "contact/PhoneEntry.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace roster {

// Matches one CSV header to a target on its own, out of context: design.md's field names,
// `extra_emails`, typed phones (`phone:mobile`), `tags`, and `full_name` (a whole name, split by ColumnMapper when a
// row has no first or last name). Headers are compared ignoring case, spaces, punctuation and accents, against the
// synonyms of the common exporters (Google, Outlook, Apple, Thunderbird, LinkedIn, HubSpot, Salesforce,
// lemlist, Apollo) in English, French and German.
class HeaderMatcher final
{
public:
    // "E-mail 1 - Value" -> "email1value", "Prénom" -> "prenom", "Straße" -> "strasse".
    static QString normalize(QStringView header);
    // The suggested target, or empty when nothing matches.
    static QString match(QStringView header);

    static QString fullNameTarget() { return QStringLiteral("full_name"); }
    // Phone columns of a known kind map to "phone:mobile", "phone:work", "phone:home", "phone:fax",
    // "phone:other"; a phone column of no said kind to "phone".
    static QString phoneTarget(PhoneType type);
    // The kind of a phone target (None for "phone"); nullopt when the target is not a phone.
    static std::optional<PhoneType> phoneTargetType(QStringView target);

private:
    static QString lookup(const QString& key);
    static QString lookupQualified(const QString& key);
    static QString matchKey(const QString& key);
    static QString typed(QStringView header, const QString& target);
};

} // namespace roster
