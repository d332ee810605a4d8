#pragma once

#include "contact/Contact.h"
#include "contact/ContactPatch.h"

#include <QJsonValue>
#include <QMap>
#include <QString>

namespace roster {

// A contact as one value per field name, the shape the three-way merge and the conflict inbox compare:
// design.md's names, `extra_emails` and `tags` as sorted arrays (they are sets), `custom.<key>`; a
// string, an array, or null when empty, so "empty" has one spelling whichever side it comes from.
using FieldMap = QMap<QString, QJsonValue>;

class FieldValues final
{
public:
    static bool isList(const QString& field);

    static FieldMap fromContact(const Contact& contact);
    // A remote_links.snapshot (ContactJson, compact); empty when there is none.
    static FieldMap fromSnapshot(const QString& snapshot);
    // Only the fields the patch carries: what a CRM sent. A field absent here says nothing about the
    // remote value (the CRM may not have that field, or skips empty ones).
    static FieldMap fromPatch(const ContactPatch& patch);

    // One field's value as the map holds it (null when empty).
    static QJsonValue value(const FieldMap& map, const QString& field);
    // Sets (or, for null, clears on purpose) one field in an engine patch; lists replace.
    static bool putInPatch(ContactPatch& patch, const QString& field, const QJsonValue& value);
    // Sets one field of a contact in memory.
    static bool putInContact(Contact& contact, const QString& field, const QJsonValue& value);
    // The snapshot with one field replaced by `value`.
    static QString withField(const QString& snapshot, const QString& field, const QJsonValue& value);

    // Canonical forms: a trimmed string or null; a sorted, de-duplicated array or null.
    static QJsonValue text(const QString& value);
    static QJsonValue list(QStringList values);
    static QString display(const QJsonValue& value);
};

} // namespace roster
