#pragma once

#include "PreparedPatch.h"
#include "UpsertPolicy.h"
#include "contact/PhoneNormalizer.h"

namespace roster {

class CustomFieldRegistry;

// Turns a ContactPatch into a PreparedPatch under a policy: identifiers normalised, values checked, the
// rejections that need no database decided. Pure apart from registering custom fields the policy allows.
class PatchNormalizer final
{
public:
    PatchNormalizer(const PhoneNormalizer& phones, CustomFieldRegistry& customFields);

    Result<PreparedPatch> prepare(const ContactPatch& patch, const UpsertPolicy& policy) const;

    static std::optional<QString> normalizeBoolean(const QString& text);
    static std::optional<QString> normalizeDate(const QString& text);

private:
    Result<void> prepareScalars(const ContactPatch& patch, const UpsertPolicy& policy, PreparedPatch& out) const;
    Result<void> prepareLists(const ContactPatch& patch, const UpsertPolicy& policy, PreparedPatch& out) const;
    void prepareExtraPhones(const ContactPatch& patch, PreparedPatch& out) const;
    Result<void> prepareCustom(const ContactPatch& patch, const UpsertPolicy& policy, PreparedPatch& out) const;
    static Result<void> checkIdentity(const UpsertPolicy& policy, const PreparedPatch& out);

    const PhoneNormalizer& m_phones;
    CustomFieldRegistry& m_customFields;
};

} // namespace roster
