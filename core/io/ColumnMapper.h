#pragma once

#include "ColumnMapping.h"
#include "CsvRecord.h"
#include "contact/ContactPatch.h"

#include <QStringList>

#include <optional>
#include <vector>

namespace roster {

// Suggests a ColumnMapping for a header, and turns records into ContactPatches through a mapping.
//
// Per record: cells are trimmed and empty ones are absent; several columns on one field give the first
// non-empty cell; every email cell (Google's " ::: " lists, "a; b") feeds `email` then `extra_emails`,
// without repeats; every phone cell feeds `phone` then `extra_phones` with its kind (from the column's
// header, or from the type column beside it), the first of a column of no said kind first, then mobile,
// work, home, other and fax; every web address that is not LinkedIn feeds `website` then `extra_websites`; a web
// address that is a LinkedIn profile, Sales Navigator or company page goes to that field; `full_name` is split into
// first and last name only when the row has neither; tags are split on " ::: ", ',' and ';' (Google's system groups, "*
// myContacts", "* starred", become tags like any other: a tag is never dropped by its name, so Roster's own export
// reads back whole).
class ColumnMapper final
{
public:
    explicit ColumnMapper(const ColumnMapping& mapping);

    // HeaderMatcher's guess per column, then the rules that need the whole header: Outlook's `Title` is
    // an honorific when a job title column exists, LinkedIn's `URL` is the profile, a lone `Name`/`Nom`
    // beside a first name is the last name.
    static ColumnMapping suggest(const QStringList& header);
    // A custom field key for a column nothing matched: "Connected On" -> "connected_on".
    static QString customKeyFor(const QString& header);

    void setTagMode(TagMode mode) { m_tagMode = mode; }
    ContactPatch toPatch(const CsvRecord& record) const;
    // Leaves out every column that cannot give an email, a LinkedIn or a Sales Navigator URL: an import's first
    // pass, which only looks for the rows of one person by those, reads a third of the cells it would.
    void keepIdentityColumnsOnly();

    static QStringList splitMultiValue(QStringView cell);
    static QStringList splitTags(QStringView cell);
    // The field a URL belongs to by its shape (LinkedIn profile, Sales Navigator, company page), if any.
    static std::optional<Field> linkedinFieldForUrl(QStringView url);

private:
    enum class Kind {
        Ignore,
        Scalar,
        Website,
        ExtraWebsites,
        Email,
        ExtraEmails,
        Phone,
        PhoneKind,
        ExtraPhones,
        Tags,
        FullName,
        Custom
    };
    struct Column
    {
        Kind kind = Kind::Ignore;
        Field field = Field::FirstName;
        QString customKey;
        PhoneType phoneType = PhoneType::None; // Kind::Phone: the kind its header says
        qsizetype kindColumn = -1; // Kind::Phone: the column that names each row's kind (Google's "Phone 1 - Type")
        bool paired = false; // Kind::PhoneKind: read with its phone column
    };
    struct RankedPhone
    {
        int rank = 0; // the primary phone is the first of the lowest rank
        PhoneEntry entry;
    };
    void pairPhoneKinds();
    void addPhones(const Column& column, QStringView cell, const CsvRecord& record, QList<RankedPhone>& phones) const;
    static PhoneList primaryFirst(QList<RankedPhone> phones);

    std::vector<Column> m_columns;
    TagMode m_tagMode = TagMode::Append;
};

} // namespace roster
