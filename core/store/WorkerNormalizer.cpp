#include "WorkerNormalizer.h"

#include <algorithm>

namespace roster {

WorkerNormalizer::WorkerNormalizer(const UpsertPolicy& policy, const QString& phoneRegion,
                                   const CustomFieldRegistry& registry, const QStringList& customFields)
    : m_policy(policy)
    , m_phones(phoneRegion)
    , m_customFields(registry)
    , m_normalizer(m_phones, m_customFields)
{
    for (const QString& key : customFields)
        m_customFields.assume({key, key, QStringLiteral("text")});
}

std::optional<Result<PreparedPatch>> WorkerNormalizer::prepare(const ContactPatch& patch) const
{
    const bool registers = m_policy.customFields == CustomFieldRule::RegisterUnknown
        && std::any_of(patch.custom().keyBegin(), patch.custom().keyEnd(),
                       [&](const QString& key) { return !m_customFields.contains(key); });
    if (registers)
        return std::nullopt;
    return m_normalizer.prepare(patch, m_policy);
}

} // namespace roster
