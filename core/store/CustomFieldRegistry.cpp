#include "CustomFieldRegistry.h"

#include "SqlStatement.h"
#include "contact/Field.h"

#include <QDate>

#include <algorithm>

namespace roster {

CustomFieldRegistry::CustomFieldRegistry(Database& db)
    : m_db(db)
{
}

Result<void> CustomFieldRegistry::reload()
{
    m_fields.clear();
    SqlStatement query(m_db, "SELECT key, label, type FROM custom_fields");
    while (query.next()) {
        CustomFieldDefinition def {query.columnText(0), query.columnText(1), query.columnText(2)};
        m_fields.insert(def.key, def);
    }
    if (query.hasError())
        return std::unexpected(query.lastError());
    return {};
}

QVector<CustomFieldDefinition> CustomFieldRegistry::all() const
{
    QVector<CustomFieldDefinition> list(m_fields.cbegin(), m_fields.cend());
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
    return list;
}

bool CustomFieldRegistry::isValidType(const QString& type)
{
    return type == QLatin1String("text") || type == QLatin1String("number") || type == QLatin1String("boolean")
        || type == QLatin1String("date");
}

Result<void> CustomFieldRegistry::add(const CustomFieldDefinition& definition)
{
    if (!FieldRegistry::isValidCustomKey(definition.key))
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("'%1' is not a valid custom field key (letters, digits, _ and -)").arg(definition.key));
    if (!isValidType(definition.type))
        return fail(
            ErrorCode::InvalidArgument,
            QStringLiteral("'%1' is not a custom field type (text, number, boolean, date)").arg(definition.type));
    SqlStatement insert(m_db,
                        "INSERT INTO custom_fields (key, label, type) VALUES (?, ?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET label = excluded.label, type = excluded.type");
    insert.bind(1, definition.key);
    insert.bind(2, definition.label.isEmpty() ? definition.key : definition.label);
    insert.bind(3, definition.type);
    if (auto ok = insert.exec(); !ok)
        return ok;
    m_fields.insert(definition.key, definition);
    return {};
}

Result<void> CustomFieldRegistry::checkValue(const QString& key, const QString& type, const QString& value)
{
    const QString field = FieldRegistry::customPrefix() + key;
    bool ok = true;
    if (type == QLatin1String("number")) {
        value.toDouble(&ok);
    } else if (type == QLatin1String("boolean")) {
        static const QStringList accepted {QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("1"),
                                           QStringLiteral("0"),    QStringLiteral("yes"),   QStringLiteral("no")};
        ok = accepted.contains(value.toLower());
    } else if (type == QLatin1String("date")) {
        ok = QDate::fromString(value, Qt::ISODate).isValid();
    }
    if (!ok)
        return fail(ErrorCode::InvalidCustomFieldValue,
                    QStringLiteral("'%1' is not a valid %2 for %3").arg(value, type, field), field);
    return {};
}

} // namespace roster
