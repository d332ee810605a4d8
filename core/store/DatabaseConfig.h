#pragma once

#include "contact/Error.h"

#include <QString>
#include <QStringList>
#include <QVector>

namespace roster {

class Database;

struct ConfigValue
{
    QString key;
    QString value;
    bool isDefault = false; // not set in this database: the default applies
};

// The settings a user chooses for one database (`roster config`, the window's Preferences), each with its
// default and its check. Stored in the `settings` table (StoreSettings), so they travel with the file and
// the window, the command line, imports and sync pulls all read the same value.
//
// phone_region: the ISO 3166 country whose national numbers a phone without a country code is read as
// ("FR": 06 12 34 56 78 is +33612345678), `none` for no region, and by default the system locale's
// country (none under the C locale).
class DatabaseConfig final
{
public:
    static QString phoneRegionKey() { return QStringLiteral("phone_region"); }
    // The value of phone_region that means "no region".
    static QString noRegion() { return QStringLiteral("none"); }

    explicit DatabaseConfig(Database& db);

    // Every known key, in the order `roster config list` prints them.
    static const QStringList& keys();
    static QString defaultValue(const QString& key);

    // InvalidArgument naming the key when it is not a known setting.
    Result<ConfigValue> get(const QString& key);
    QVector<ConfigValue> list();
    // Checks the value (InvalidArgument naming it), stores it in its normal form ("fr" is stored "FR") and
    // returns that form. ReadOnlyDatabase when the file cannot be written.
    Result<QString> set(const QString& key, const QString& value);

    // The region a PhoneNormalizer takes: the stored or default one, empty for none.
    QString phoneRegion();

private:
    static Result<QString> check(const QString& key, const QString& value);

    Database& m_db;
};

} // namespace roster
