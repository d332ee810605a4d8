#include "ImportIssues.h"

#include <algorithm>
#include <numeric>

namespace roster {

namespace {

// Beyond this many distinct shapes (messages with nothing quoted that all differ), messages are kept whole: the
// table of shapes must not become a second copy of them.
constexpr qsizetype kMaxShapes = 4096;

// Where the value quoted first in `message` starts and ends: after its opening quote, before the first quote
// that is followed by the end or by something that is neither a letter nor a digit (so O'Brien stays whole).
std::pair<qsizetype, qsizetype> quotedValue(const QString& message)
{
    const qsizetype open = message.indexOf(u'\'');
    if (open < 0)
        return {-1, -1};
    for (qsizetype close = message.indexOf(u'\'', open + 1); close >= 0; close = message.indexOf(u'\'', close + 1)) {
        if (close + 1 == message.size() || !message.at(close + 1).isLetterOrNumber())
            return {open + 1, close};
    }
    return {-1, -1};
}

} // namespace

void ImportIssues::append(const ImportIssue& issue)
{
    Entry entry;
    entry.line = issue.line;
    entry.code = issue.code;
    entry.field = fieldOf(issue.field);
    QStringView value = issue.message;
    const auto [start, end] = quotedValue(issue.message);
    const Shape shape
        = start < 0 ? Shape {issue.message, QString()} : Shape {issue.message.left(start), issue.message.mid(end)};
    entry.shape = shapeOf(shape);
    if (entry.shape != 0)
        value = start < 0 ? QStringView() : QStringView(issue.message).sliced(start, end - start);
    entry.valueStart = m_values.size();
    entry.valueLength = static_cast<quint32>(value.size());
    m_values.append(value);
    m_entries.append(entry);
}

void ImportIssues::append(const QList<ImportIssue>& issues)
{
    for (const ImportIssue& issue : issues)
        append(issue);
}

void ImportIssues::truncate(qsizetype count)
{
    if (count >= m_entries.size())
        return;
    m_values.truncate(m_entries.at(count).valueStart);
    m_entries.resize(count);
}

ImportIssue ImportIssues::at(qsizetype index) const
{
    const Entry& entry = m_entries.at(index);
    const Shape& shape = m_shapes.at(entry.shape);
    const QStringView value = QStringView(m_values).sliced(entry.valueStart, entry.valueLength);
    return {entry.line, m_fields.at(entry.field), entry.code, shape.first + value + shape.second};
}

QList<qsizetype> ImportIssues::firstOfEachLine() const
{
    QList<qsizetype> order(size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](qsizetype a, qsizetype b) { return line(a) < line(b); });
    order.erase(
        std::unique(order.begin(), order.end(), [this](qsizetype a, qsizetype b) { return line(a) == line(b); }),
        order.end());
    return order;
}

qsizetype ImportIssues::heldChars() const
{
    qsizetype chars = m_values.size();
    for (const Shape& shape : m_shapes)
        chars += shape.first.size() + shape.second.size();
    for (const QString& field : m_fields)
        chars += field.size();
    return chars;
}

quint32 ImportIssues::shapeOf(Shape shape)
{
    if (const auto found = m_shapeIds.constFind(shape); found != m_shapeIds.cend())
        return *found;
    if (m_shapes.size() >= kMaxShapes)
        return 0;
    const auto id = static_cast<quint32>(m_shapes.size());
    m_shapeIds.insert(shape, id);
    m_shapes.append(std::move(shape));
    return id;
}

quint32 ImportIssues::fieldOf(const QString& field)
{
    if (const auto found = m_fieldIds.constFind(field); found != m_fieldIds.cend())
        return *found;
    const auto id = static_cast<quint32>(m_fields.size());
    m_fieldIds.insert(field, id);
    m_fields.append(field);
    return id;
}

} // namespace roster
