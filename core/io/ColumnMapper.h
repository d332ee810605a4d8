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
// without repeats; a web address that is a LinkedIn profile, Sales Navigator or company page goes to
// that field; `full_name` is split into first and last name only when the row has neither; tags are
// split on " ::: ", ',' and ';' (Google's system groups, "* myContacts", "* starred", become tags like any other: a tag
// is never dropped by its name, so Roster's own export reads back whole).
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

    static QStringList splitMultiValue(QStringView cell);
    static QStringList splitTags(QStringView cell);
    // The field a URL belongs to by its shape (LinkedIn profile, Sales Navigator, company page), if any.
    static std::optional<Field> linkedinFieldForUrl(QStringView url);

private:
    enum class Kind { Ignore, Scalar, Website, Email, ExtraEmails, Tags, FullName, Custom };
    struct Column
    {
        Kind kind = Kind::Ignore;
        Field field = Field::FirstName;
        QString customKey;
    };

    std::vector<Column> m_columns;
    TagMode m_tagMode = TagMode::Append;
};

} // namespace roster
