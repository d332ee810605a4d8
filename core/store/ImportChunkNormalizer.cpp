#include "ImportChunkNormalizer.h"

#include "ImportChunker.h"

namespace roster {

ImportChunkNormalizer::ImportChunkNormalizer(const UpsertPolicy& policy, const QString& phoneRegion,
                                             const CustomFieldRegistry& registry, const QStringList& customFields)
    : m_normalizer(policy, phoneRegion, registry, customFields)
{
}

void ImportChunkNormalizer::normalize(ImportChunk& chunk) const
{
    chunk.prepared.clear();
    chunk.prepared.reserve(chunk.heads);
    for (qsizetype i = 0; i < chunk.heads; ++i)
        chunk.prepared.append(m_normalizer.prepare(chunk.patches.at(i)));
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
