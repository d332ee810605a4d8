#pragma once

#include "sync/RemoteFieldDefinition.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace roster {

// Which key of lemlist's read shape each column of its CSV export (`GET /contacts/export`) holds.
//
// lemlist does not document the export's column names (PROVIDERS.md §1 says only that it "includes custom
// fields as columns"). Assumed here: a header is either the JSON read name (`firstName`, `linkedinUrl`,
// `_id`) or a human spelling of it ("First name", "LinkedIn URL", "Contact ID"), compared without case,
// spaces or punctuation. A column that is no standard field becomes a custom value only when it names one of
// the account's custom-field definitions (by name or label); anything else (fullName, companyName, lemlist's
// computed leadStatus, a column this version does not know) is ignored, never guessed into a field.
class LemlistExportColumns final
{
public:
    enum class Role : std::uint8_t {
        Ignored,
        Id, // `_id`
        Email, // top-level `email`
        ExtraEmails, // `additionalEmails`, a list in one cell
        Unsubscribed, // `unsubscribed`, a boolean
        Owner, // `contactOwner`
        Field, // a key of the read's `fields` object: a standard field or a custom field's remote key
    };

    struct Column
    {
        Role role = Role::Ignored;
        QString key; // the read-shape key, for Role::Field
    };

    LemlistExportColumns(const QStringList& header, const QList<RemoteFieldDefinition>& customFields);

    const QList<Column>& columns() const { return m_columns; }
    bool hasId() const;
    // The header's names of the columns ignored, for the refusal message and tests.
    QStringList ignored() const { return m_ignored; }

    // Lower case, letters and digits only: "Job Title", "job_title" and "jobTitle" compare equal.
    static QString normalized(const QString& header);

private:
    QList<Column> m_columns;
    QStringList m_ignored;
};

} // namespace roster
