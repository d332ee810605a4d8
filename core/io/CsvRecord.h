#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <algorithm>
#include <cstring>
#include <vector>

namespace roster {

// One CSV record: its cells, unquoted, kept in a single string with the cell ends beside it so a reader
// can refill the same record a million times without allocating per cell.
class CsvRecord final
{
public:
    CsvRecord() = default;
    static CsvRecord fromFields(const QStringList& fields, qint64 line = 0);

    qsizetype size() const { return static_cast<qsizetype>(m_ends.size()); }
    // The cell at `index`; empty for a column this (ragged) row lacks.
    QStringView at(qsizetype index) const;
    QString value(qsizetype index) const { return at(index).toString(); }
    QStringList toStringList() const;
    // The 1-based physical line of the file where the record starts.
    qint64 line() const { return m_line; }
    // Every cell empty (a blank line, or a row of delimiters only).
    bool isBlank() const { return m_size == 0; }

    // For readers. The buffers keep their capacity across reset(), so refilling a record costs no allocation.
    void reset(qint64 line)
    {
        m_size = 0;
        m_ends.clear();
        m_line = line;
    }
    void append(const QChar* text, qsizetype length)
    {
        if (length <= 0)
            return;
        reserve(m_size + length);
        std::memcpy(m_chars.data() + m_size, text, static_cast<std::size_t>(length) * sizeof(char16_t));
        m_size += length;
    }
    void append(QChar c)
    {
        reserve(m_size + 1);
        m_chars[static_cast<std::size_t>(m_size++)] = c.unicode();
    }
    void endCell() { m_ends.push_back(m_size); }

private:
    void reserve(qsizetype size)
    {
        if (static_cast<std::size_t>(size) > m_chars.size())
            m_chars.resize(std::max(static_cast<std::size_t>(size), m_chars.size() * 2));
    }

    std::vector<char16_t> m_chars; // the cells one after another; only the first m_size are in use
    qsizetype m_size = 0;
    std::vector<qsizetype> m_ends;
    qint64 m_line = 0;
};

} // namespace roster
