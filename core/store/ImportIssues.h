#pragma once

#include "contact/Error.h"

#include <QHash>
#include <QList>
#include <QString>

#include <iterator>
#include <utility>

namespace roster {

struct ImportIssue
{
    qint64 line = 0; // 1-based line of the file where the row starts
    QString field;
    ErrorCode code = ErrorCode::ParseError;
    QString message;
};

// An import's rejections or warnings, every one kept, in little memory: a million-row file can warn on most of
// its rows (a phone without its country code while no phone region is set), and those warnings differ only in
// their line and the value they quote. A message is held as its shape, the text around its first quoted value
// ('06 12 34 56 78' has no country code...), shared by all the messages of that shape, plus the quoted value;
// field names are held once. Every issue reads back exactly as it was appended.
class ImportIssues
{
public:
    class const_iterator
    {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = ImportIssue;
        using difference_type = qsizetype;
        using reference = ImportIssue; // made on demand, so returned by value
        using pointer = void;

        struct Arrow
        {
            ImportIssue issue;
            const ImportIssue* operator->() const { return &issue; }
        };

        const_iterator() = default;
        const_iterator(const ImportIssues* issues, qsizetype index)
            : m_issues(issues)
            , m_index(index)
        {
        }
        ImportIssue operator*() const { return m_issues->at(m_index); }
        Arrow operator->() const { return {m_issues->at(m_index)}; }
        const_iterator& operator++()
        {
            ++m_index;
            return *this;
        }
        const_iterator operator++(int)
        {
            const_iterator before = *this;
            ++m_index;
            return before;
        }
        bool operator==(const const_iterator& other) const { return m_index == other.m_index; }

    private:
        const ImportIssues* m_issues = nullptr;
        qsizetype m_index = 0;
    };

    void append(const ImportIssue& issue);
    void append(const QList<ImportIssue>& issues);
    // Keeps the first `count` issues (those of the rows a failed write did not keep are dropped).
    void truncate(qsizetype count);

    qsizetype size() const { return m_entries.size(); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    ImportIssue at(qsizetype index) const;
    ImportIssue first() const { return at(0); }
    ImportIssue constLast() const { return at(size() - 1); }
    // Without making the message, for grouping and sorting a large list.
    qint64 line(qsizetype index) const { return m_entries.at(index).line; }
    ErrorCode code(qsizetype index) const { return m_entries.at(index).code; }
    // The index of the first issue of each line, in line order (rows held for a later row of their group are
    // reported with it, so issues are not always appended in line order).
    QList<qsizetype> firstOfEachLine() const;
    // The characters held for all the messages and fields (what the sharing saves is measurable).
    qsizetype heldChars() const;

    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, size()}; }
    const_iterator cbegin() const { return begin(); }
    const_iterator cend() const { return end(); }

private:
    struct Entry
    {
        qint64 line = 0;
        qsizetype valueStart = 0;
        quint32 valueLength = 0;
        quint32 shape = 0;
        quint32 field = 0;
        ErrorCode code = ErrorCode::ParseError;
    };
    using Shape = std::pair<QString, QString>; // the text before and after the quoted value

    quint32 shapeOf(Shape shape);
    quint32 fieldOf(const QString& field);

    QList<Entry> m_entries;
    QString m_values; // every entry's quoted value, one after another
    QList<Shape> m_shapes {Shape {}}; // shape 0: the whole message is the value
    QHash<Shape, quint32> m_shapeIds;
    QStringList m_fields;
    QHash<QString, quint32> m_fieldIds;
};

} // namespace roster
