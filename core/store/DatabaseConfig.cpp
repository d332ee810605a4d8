#include "DatabaseConfig.h"

#include "Database.h"
#include "StoreSettings.h"
#include "contact/PhoneNormalizer.h"

namespace roster {

DatabaseConfig::DatabaseConfig(Database& db)
    : m_db(db)
{
}

const QStringList& DatabaseConfig::keys()
{
    static const QStringList list {phoneRegionKey()};
    return list;
}

QString DatabaseConfig::defaultValue(const QString& key)
{
    if (key == phoneRegionKey()) {
        const QString region = PhoneNormalizer::systemRegion();
        return region.isEmpty() ? noRegion() : region;
    }
    return {};
}

Result<QString> DatabaseConfig::check(const QString& key, const QString& value)
{
    if (!keys().contains(key))
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("unknown setting '%1' (settings: %2)").arg(key, keys().join(QStringLiteral(", "))),
                    key);
    const QString trimmed = value.trimmed();
    if (key == phoneRegionKey()) {
        if (trimmed.compare(noRegion(), Qt::CaseInsensitive) == 0)
            return noRegion();
        const QString region = trimmed.toUpper();
        if (!PhoneNormalizer::isSupportedRegion(region))
            return fail(ErrorCode::InvalidArgument,
                        QStringLiteral("'%1' is not a phone region: give a two-letter country code libphonenumber "
                                       "knows, like FR, US or DE, or %2")
                            .arg(value, noRegion()),
                        key);
        return region;
    }
    return trimmed;
}

Result<ConfigValue> DatabaseConfig::get(const QString& key)
{
    if (!keys().contains(key))
        return std::unexpected(check(key, {}).error());
    const QString stored = StoreSettings(m_db).value(key);
    // A value stored by hand (or by a later Roster) that no longer passes the check falls back to the default.
    if (!stored.isEmpty()) {
        if (auto valid = check(key, stored); valid && *valid == stored)
            return ConfigValue {key, stored, false};
    }
    return ConfigValue {key, defaultValue(key), true};
}

QVector<ConfigValue> DatabaseConfig::list()
{
    QVector<ConfigValue> values;
    for (const QString& key : keys()) {
        if (auto value = get(key))
            values << *value;
    }
    return values;
}

Result<QString> DatabaseConfig::set(const QString& key, const QString& value)
{
    auto normal = check(key, value);
    if (!normal)
        return normal;
    if (m_db.isReadOnly())
        return fail(ErrorCode::ReadOnlyDatabase,
                    QStringLiteral("%1 is read-only: %2 was not changed").arg(m_db.path(), key));
    if (auto ok = StoreSettings(m_db).setValue(key, *normal); !ok)
        return std::unexpected(ok.error());
    return normal;
}

QString DatabaseConfig::phoneRegion()
{
    const auto value = get(phoneRegionKey());
    return !value || value->value == noRegion() ? QString() : value->value;
}

} // namespace roster
