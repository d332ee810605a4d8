#include "CsvWriter.h"

namespace roster {

CsvWriter::CsvWriter(QIODevice* device, QChar delimiter)
    : m_device(device)
    , m_delimiter(delimiter)
{
}

QString CsvWriter::escapeCell(const QString& cell, QChar delimiter)
{
    QString text = cell;
    if (!text.isEmpty()) {
        const QChar first = text.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
            text.prepend(QLatin1Char('\''));
    }
    const bool quote = text.contains(delimiter) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n'))
        || text.contains(QLatin1Char('\r')) || text.startsWith(QLatin1Char(' ')) || text.endsWith(QLatin1Char(' '));
    if (!quote)
        return text;
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

void CsvWriter::writeRow(const QStringList& cells)
{
    QString line;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line += m_delimiter;
        line += escapeCell(cells.at(i), m_delimiter);
    }
    line += QLatin1String("\r\n");
    const QByteArray bytes = line.toUtf8();
    if (m_device->write(bytes) != bytes.size())
        m_error = true;
}

} // namespace roster
