#pragma once

#include "WorkerNormalizer.h"

#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <array>
#include <memory>
#include <span>

namespace roster {

// Normalises a large batch of patches on another thread, a few slices ahead of the writer, which takes them in
// order: a large batch call (tagging a selection of thousands, a client's bulk load such as bench_upsert) then uses
// both cores as an import does. A sync pull writes a page at a time, below kMinPatches. Memory stays bounded: at most
// kSlicesAhead slices of prepared patches are held at once.
class NormalizeAhead final
{
public:
    // Below this many patches a thread costs more than it saves.
    static constexpr std::size_t kMinPatches = 2048;

    // `patches` must outlive this object and stay unchanged.
    NormalizeAhead(std::span<const ContactPatch> patches, const UpsertPolicy& policy, const QString& phoneRegion,
                   const CustomFieldRegistry& registry);
    // Stops the thread, whether or not every patch was taken.
    ~NormalizeAhead();
    NormalizeAhead(const NormalizeAhead&) = delete;
    NormalizeAhead& operator=(const NormalizeAhead&) = delete;

    // What became of patches[i], for the caller to move from; null where the caller must normalise it itself
    // (see WorkerNormalizer). Indexes must come in increasing order, each at most once; the result stays valid
    // until the next call.
    Result<PreparedPatch>* take(std::size_t i);

private:
    static constexpr std::size_t kSliceRows = 256;
    static constexpr std::size_t kSlicesAhead = 16;

    void run();

    std::span<const ContactPatch> m_patches;
    WorkerNormalizer m_normalizer;
    std::array<QVector<std::optional<Result<PreparedPatch>>>, kSlicesAhead> m_slices;
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::size_t m_produced = 0; // slices ready to take
    std::size_t m_consumed = 0; // slices the writer is done with: their places can be refilled
    bool m_stopped = false;
    // The writer's own copies, to take most patches without the lock.
    std::size_t m_readyForWriter = 0;
    std::size_t m_writerSlice = 0;
    std::unique_ptr<QThread> m_thread;
};

} // namespace roster
