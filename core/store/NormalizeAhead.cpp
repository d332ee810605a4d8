#include "NormalizeAhead.h"

namespace roster {

NormalizeAhead::NormalizeAhead(std::span<const ContactPatch> patches, const UpsertPolicy& policy,
                               const QString& phoneRegion, const CustomFieldRegistry& registry)
    : m_patches(patches)
    , m_normalizer(policy, phoneRegion, registry)
    , m_thread(QThread::create([this] { run(); }))
{
    m_thread->start();
}

NormalizeAhead::~NormalizeAhead()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopped = true;
        m_changed.wakeAll();
    }
    m_thread->wait();
}

void NormalizeAhead::run()
{
    for (std::size_t slice = 0; slice * kSliceRows < m_patches.size(); ++slice) {
        {
            QMutexLocker lock(&m_mutex);
            while (!m_stopped && slice >= m_consumed + kSlicesAhead)
                m_changed.wait(&m_mutex);
            if (m_stopped)
                return;
        }
        // The slice this place held was taken: its leftovers are freed here, off the writer's thread.
        auto& prepared = m_slices[slice % kSlicesAhead];
        prepared.clear();
        const std::size_t end = std::min(m_patches.size(), (slice + 1) * kSliceRows);
        for (std::size_t i = slice * kSliceRows; i < end; ++i)
            prepared.append(m_normalizer.prepare(m_patches[i]));
        QMutexLocker lock(&m_mutex);
        m_produced = slice + 1;
        m_changed.wakeAll();
    }
}

Result<PreparedPatch>* NormalizeAhead::take(std::size_t i)
{
    const std::size_t slice = i / kSliceRows;
    if (slice != m_writerSlice || slice >= m_readyForWriter) {
        QMutexLocker lock(&m_mutex);
        if (slice != m_writerSlice) {
            m_writerSlice = slice;
            m_consumed = slice;
            m_changed.wakeAll();
        }
        while (m_produced <= slice)
            m_changed.wait(&m_mutex);
        m_readyForWriter = m_produced;
    }
    auto& made = m_slices[slice % kSlicesAhead][static_cast<qsizetype>(i % kSliceRows)];
    return made ? &*made : nullptr;
}

} // namespace roster
