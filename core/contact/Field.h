#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <optional>

namespace roster {

// The scalar fields of a contact, in design.md's order. Each is one column of `contacts` and one key of
// `roster export --format json`. List fields (extra_emails, extra_phones, extra_websites, tags) and custom fields live
// beside them.
enum class Field : std::uint8_t {
    FirstName,
    LastName,
    Email,
    Phone,
    LinkedinUrl,
    SalesNavUrl,
    JobTitle,
    JobDescription,
    Headline,
    Summary,
    CompanyName,
    CompanyDomain,
    CompanyLinkedinUrl,
    Website,
    Address1,
    City,
    State,
    PostalCode,
    Country,
    Location,
    Timezone,
    Industry,
    Languages,
    Skills,
    PictureUrl,
    DateOfBirth,
    Gender,
    Owner,
    Source,
    DoNotContact,
    Notes,
    PhoneType, // the primary phone's kind: mobile, work, home, fax, other, or empty when not said
};

inline constexpr int kFieldCount = static_cast<int>(Field::PhoneType) + 1;

// How a field's text is checked and normalised.
enum class FieldKind : std::uint8_t {
    Text,
    Email,
    Phone,
    LinkedinProfile,
    SalesNavProfile,
    Domain,
    Url,
    Date,
    Boolean,
    PhoneKind
};

struct FieldInfo
{
    Field field;
    const char* name; // snake_case, the one name used everywhere
    FieldKind kind;
};

// The field registry: names, kinds and lookups for the fixed fields. Custom fields have their own registry
// in the store (`custom_fields`); their keys are written `custom.<key>` wherever a field name is expected.
class FieldRegistry final
{
public:
    static const std::array<FieldInfo, kFieldCount>& all();
    static const FieldInfo& info(Field field) { return all()[static_cast<int>(field)]; }
    // Built once: the engine names each field it writes for every row of an import.
    static const QString& name(Field field);
    static std::optional<Field> fromName(QStringView name);

    static QString extraEmailsName() { return QStringLiteral("extra_emails"); }
    static QString extraPhonesName() { return QStringLiteral("extra_phones"); }
    static QString extraWebsitesName() { return QStringLiteral("extra_websites"); }
    static QString tagsName() { return QStringLiteral("tags"); }
    static QString customPrefix() { return QStringLiteral("custom."); }
    static bool isValidCustomKey(QStringView key);

    // Every field name a user or script may write, fixed fields first, then the list fields.
    static QStringList names();
};

} // namespace roster
