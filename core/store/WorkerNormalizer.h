#pragma once

#include "CustomFieldRegistry.h"
#include "PatchNormalizer.h"

#include <optional>

namespace roster {

struct UpsertPolicy;

// A PatchNormalizer for a thread other than the writer's, so that libphonenumber, URL and email rules run on the
// second core: its own phone rules and its own copy of the custom-field registry (with `customFields` counted as
// registered: the fields an import registers before its rows). Only registering a custom field is a write, so a
// patch that would register one is left to the writer.
class WorkerNormalizer final
{
public:
    WorkerNormalizer(const UpsertPolicy& policy, const QString& phoneRegion, const CustomFieldRegistry& registry,
                     const QStringList& customFields = {});
    WorkerNormalizer(const WorkerNormalizer&) = delete;
    WorkerNormalizer& operator=(const WorkerNormalizer&) = delete;

    // What the writer's PatchNormalizer would make of `patch`; nothing when the writer must normalise it itself.
    std::optional<Result<PreparedPatch>> prepare(const ContactPatch& patch) const;

private:
    const UpsertPolicy& m_policy;
    PhoneNormalizer m_phones;
    CustomFieldRegistry m_customFields;
    PatchNormalizer m_normalizer;
};

} // namespace roster
