#include "ImportChunkNormalizer.h"

#include "ImportChunker.h"

namespace roster {

ImportChunkNormalizer::ImportChunkNormalizer(const UpsertPolicy& policy, const QString& phoneRegion,
                                             const CustomFieldRegistry& registry, const QStringList& customFields)
    : m_policy(policy)
    , m_phones(phoneRegion)
    , m_customFields(registry)
    , m_normalizer(m_phones, m_customFields)
{
    for (const QString& key : customFields)
        m_customFields.assume({key, key, QStringLiteral("text")});
}

void ImportChunkNormalizer::normalize(ImportChunk& chunk) const
{
    chunk.prepared.clear();
    chunk.prepared.reserve(chunk.heads);
    for (qsizetype i = 0; i < chunk.heads; ++i) {
        const ContactPatch& patch = chunk.patches.at(i);
        const bool registers = m_policy.customFields == CustomFieldRule::RegisterUnknown
            && std::any_of(patch.custom().keyBegin(), patch.custom().keyEnd(),
                           [&](const QString& key) { return !m_customFields.contains(key); });
        if (registers)
            chunk.prepared.append(std::nullopt);
        else
            chunk.prepared.append(m_normalizer.prepare(patch, m_policy));
    }
}

void ImportChunkNormalizer::run(ImportChunkQueue& in, ImportChunkQueue& out) const
{
    while (std::optional<ImportChunk> chunk = in.pop()) {
        normalize(*chunk);
        if (!out.push(std::move(*chunk))) {
            in.abandon();
            return;
        }
    }
    out.close();
}

} // namespace roster
