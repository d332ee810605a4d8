#pragma once

#include "WorkerNormalizer.h"

namespace roster {

struct ImportChunk;
class ImportChunkQueue;
struct UpsertPolicy;

// The middle stage of an import: normalises the rows that stay in each chunk (libphonenumber, URL and email rules)
// between the thread that reads and folds the file and the writer, so that on a re-import, where the writer has
// little to do, the normalising and the writing share both cores. Has its own copy of the custom-field registry
// (with the fields the import registers counted as registered) and the phone region the engine uses.
class ImportChunkNormalizer final
{
public:
    ImportChunkNormalizer(const UpsertPolicy& policy, const QString& phoneRegion, const CustomFieldRegistry& registry,
                          const QStringList& customFields);

    // Fills `chunk.prepared`, one entry per head; empty where the writer must normalise the row itself (a custom
    // field the policy would register, which is a write).
    void normalize(ImportChunk& chunk) const;
    // Normalises every chunk of `in` into `out`, in order, then closes `out`. Stops early when the writer abandons
    // `out`, and abandons `in` then so that the reading thread stops too.
    void run(ImportChunkQueue& in, ImportChunkQueue& out) const;

private:
    WorkerNormalizer m_normalizer;
};

} // namespace roster
