#pragma once

#include "contact/Error.h"

#include <QHash>
#include <QString>
#include <QVector>

namespace roster {

class Database;

struct CustomFieldDefinition
{
    QString key;
    QString label;
    QString type; // text | number | boolean | date
};

// The registry of custom fields (`custom_fields`): an unknown key is an error unless a policy registers it.
class CustomFieldRegistry final
{
public:
    explicit CustomFieldRegistry(Database& db);

    Result<void> reload();
    bool contains(const QString& key) const { return m_fields.contains(key); }
    QString type(const QString& key) const { return m_fields.value(key).type; }
    QVector<CustomFieldDefinition> all() const;
    Result<void> add(const CustomFieldDefinition& definition);
    // Known to this copy only, not stored: a dry run's reader checks rows against the fields the import would
    // register.
    void assume(const CustomFieldDefinition& definition) { m_fields.insert(definition.key, definition); }

    static bool isValidType(const QString& type);
    // Checks a value against its field's type; the error names the field.
    static Result<void> checkValue(const QString& key, const QString& type, const QString& value);

private:
    Database& m_db;
    QHash<QString, CustomFieldDefinition> m_fields;
};

} // namespace roster
