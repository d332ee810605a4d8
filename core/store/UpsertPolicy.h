#pragma once

#include "contact/ContactPatch.h"

#include <QSet>
#include <QString>
#include <QVector>

#include <optional>

namespace roster {

enum class MatchKey : std::uint8_t { ContactId, Email, LinkedinUrl, SalesNavUrl, Phone };
enum class EmptyValues : std::uint8_t { Ignore, Clear };
// AsRequested: the input says (an import appends, the editor replaces); the CRMs force one or the other.
enum class TagRule : std::uint8_t { AsRequested, Append, Replace, Unsupported };
enum class CustomFieldRule : std::uint8_t { RejectUnknown, RegisterUnknown };
enum class CompanyRule : std::uint8_t { CreateIfMissing, ExistingOnly, TextOnly };
enum class KeyConflict : std::uint8_t { FirstKeyWins, Reject };

// How one write is matched and merged. Policies are data: the local default and one per CRM contract sit
// side by side (UpsertPolicies), so the engine reproduces each service's rules and tests can compare.
struct UpsertPolicy
{
    QString name;
    QVector<MatchKey> matchKeys;
    // At least one of these must be present, or the input is rejected with MissingIdentifier.
    QVector<MatchKey> requiredAnyOf;
    EmptyValues emptyValues = EmptyValues::Ignore;
    TagRule tags = TagRule::AsRequested;
    CustomFieldRule customFields = CustomFieldRule::RejectUnknown;
    CompanyRule company = CompanyRule::CreateIfMissing;
    bool companyFromEmailDomain = false;
    // Monaco: a contact identified by LinkedIn alone needs an account reference (id or domain).
    bool linkedinOnlyNeedsCompany = false;
    KeyConflict keyConflict = KeyConflict::FirstKeyWins;
    bool createWhenNoMatch = true;
    // New Contact, `upsert --create-only`: an identifier another contact owns rejects the write with
    // IdentifierTaken (naming that contact) instead of updating or renaming the other contact.
    bool createOnly = false;
    // lemlist: a contactId updates only; an unknown id is ContactNotFound instead of a create.
    bool contactIdUpdatesOnly = true;
    bool sourceOnCreateOnly = true;
    QString defaultSource;
    // When a new primary email replaces another, keep the old one as an extra email instead of losing it.
    bool keepReplacedEmail = true;
    // A phone is shared more often than an email: match on it only when no stronger identifier disagrees.
    bool phoneMatchNeedsAgreement = true;
    // When the phone matched another contact than the winner, still set it on the winner (phones may be
    // shared). HighLevel instead ignores the second identifier.
    bool keepSharedPhone = true;
    // Owners the service knows; an owner not in the set is dropped with OwnerIgnored. Empty: any owner.
    QSet<QString> knownOwners;

    bool isRequired(MatchKey key) const { return requiredAnyOf.contains(key); }
};

QString matchKeyName(MatchKey key);

} // namespace roster
