#pragma once

#include <QStringList>

#include <vector>

namespace roster {

// Which rows of a whole file are one person, found in a first pass over it, so that the import can hold a row
// until the last row of its group has been read and fold them all before any is applied (ImportRowFolder), however
// far apart they are. Only 64-bit hashes of the keys are kept (about 16 bytes a key while the file is read, then 4
// bytes a row): a hash collision joins two groups, which merely holds their rows longer, since the folder joins rows
// by the keys themselves.
class ImportRowGroups final
{
public:
    // The next row's identity keys (ImportRowFolder::keys, tagged by field).
    void add(const QStringList& keys);
    // After the last add().
    void finish();

    // The last row (0-based, in file order) of the group `row` belongs to: `row` itself for a row alone.
    qint64 lastOfGroup(qint64 row) const
    {
        return row < static_cast<qint64>(m_last.size()) ? m_last[static_cast<std::size_t>(row)] : row;
    }
    qint64 rows() const { return m_rows; }

private:
    struct Entry
    {
        quint64 hash;
        quint32 row;
    };
    std::vector<Entry> m_entries;
    std::vector<quint32> m_last;
    qint64 m_rows = 0;
};

} // namespace roster
