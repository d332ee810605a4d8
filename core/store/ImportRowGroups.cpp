#include "ImportRowGroups.h"

#include "KeyHash.h"

#include <algorithm>
#include <numeric>

namespace roster {

void ImportRowGroups::add(const QStringList& keys)
{
    const auto row = static_cast<quint32>(m_rows++);
    for (const QString& key : keys)
        m_entries.push_back({keyHash(key), row});
}

void ImportRowGroups::finish()
{
    const auto n = static_cast<std::size_t>(m_rows);
    std::vector<quint32> parent(n);
    std::iota(parent.begin(), parent.end(), quint32(0));
    const auto find = [&](quint32 i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    };
    std::sort(m_entries.begin(), m_entries.end(),
              [](const Entry& a, const Entry& b) { return a.hash < b.hash || (a.hash == b.hash && a.row < b.row); });
    bool any = false;
    for (std::size_t i = 1; i < m_entries.size(); ++i) {
        if (m_entries[i].hash != m_entries[i - 1].hash)
            continue;
        const quint32 a = find(m_entries[i].row), b = find(m_entries[i - 1].row);
        if (a != b) {
            parent[std::max(a, b)] = std::min(a, b);
            any = true;
        }
    }
    std::vector<Entry>().swap(m_entries);
    if (!any)
        return; // every row alone: lastOfGroup() answers the row itself
    // The last row of each group, noted at its root, then handed to every member.
    std::vector<quint32> last(n);
    for (quint32 i = 0; i < n; ++i) {
        const quint32 root = find(i);
        last[root] = i; // rows come in order: the last one seen is the last one
    }
    m_last.resize(n);
    for (quint32 i = 0; i < n; ++i)
        m_last[i] = last[find(i)];
}

} // namespace roster
