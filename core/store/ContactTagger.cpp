#include "ContactTagger.h"

#include "ContactStore.h"
#include "UpsertEngine.h"
#include "UpsertPolicies.h"
#include "contact/ContactPatch.h"

#include <vector>

namespace roster {

namespace {

Result<int> writeAll(UpsertEngine& engine, const std::vector<ContactPatch>& patches, const WriteOrigin& origin)
{
    // Nothing to change: no empty operation for Undo to name.
    if (patches.empty())
        return 0;
    auto op = engine.beginOperation(origin);
    if (!op)
        return std::unexpected(op.error());
    auto results = engine.upsertBatch(patches, UpsertPolicies::local(), *op);
    if (!results)
        return std::unexpected(results.error());
    int changed = 0;
    for (const UpsertResult& result : *results) {
        if (result.status == UpsertResult::Status::Updated)
            ++changed;
    }
    return changed;
}

} // namespace

ContactTagger::ContactTagger(UpsertEngine& engine, ContactStore& store)
    : m_engine(engine)
    , m_store(store)
{
}

Result<int> ContactTagger::addTag(const QVector<qint64>& ids, const QString& tag, const WriteOrigin& origin)
{
    const QString name = tag.trimmed();
    if (name.isEmpty())
        return 0;
    std::vector<ContactPatch> patches;
    patches.reserve(static_cast<std::size_t>(ids.size()));
    for (const qint64 id : ids) {
        ContactPatch patch;
        patch.setContactId(id);
        patch.setTags({name}, TagMode::Append);
        patches.push_back(std::move(patch));
    }
    return writeAll(m_engine, patches, origin);
}

Result<int> ContactTagger::removeTag(const QVector<qint64>& ids, const QString& tag, const WriteOrigin& origin)
{
    const QString name = tag.trimmed();
    std::vector<ContactPatch> patches;
    for (const qint64 id : ids) {
        const auto contact = m_store.contact(id);
        if (!contact)
            continue;
        QStringList kept = contact->tags;
        // Tags are one per name whatever the case ("VIP" and "vip" are the same tag).
        kept.removeIf([&name](const QString& t) { return t.compare(name, Qt::CaseInsensitive) == 0; });
        if (kept.size() == contact->tags.size())
            continue;
        ContactPatch patch;
        patch.setContactId(id);
        patch.setTags(kept, TagMode::Replace);
        patches.push_back(std::move(patch));
    }
    return writeAll(m_engine, patches, origin);
}

} // namespace roster
