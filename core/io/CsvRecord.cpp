#include "CsvRecord.h"

namespace roster {

CsvRecord CsvRecord::fromFields(const QStringList& fields, qint64 line)
{
    CsvRecord record;
    record.reset(line);
    for (const QString& field : fields) {
        record.append(field.constData(), field.size());
        record.endCell();
    }
    return record;
}

QStringView CsvRecord::at(qsizetype index) const
{
    if (index < 0 || index >= size())
        return {};
    const auto i = static_cast<std::size_t>(index);
    const qsizetype begin = i == 0 ? 0 : m_ends[i - 1];
    return QStringView(m_chars.data() + begin, m_ends[i] - begin);
}

QStringList CsvRecord::toStringList() const
{
    QStringList list;
    list.reserve(size());
    for (qsizetype i = 0; i < size(); ++i)
        list << value(i);
    return list;
}

} // namespace roster
