#pragma once

#include <QIODevice>
#include <QStringList>

namespace roster {

// RFC 4180 CSV, UTF-8, CRLF line ends. Cells that a spreadsheet would run as a formula (starting with
// '=', '+', '-', '@', tab or carriage return) are prefixed with an apostrophe (OWASP "CSV injection").
class CsvWriter final
{
public:
    explicit CsvWriter(QIODevice* device, QChar delimiter = QLatin1Char(','));

    void writeRow(const QStringList& cells);
    bool hasError() const { return m_error; }

    static QString escapeCell(const QString& cell, QChar delimiter = QLatin1Char(','));

private:
    QIODevice* m_device;
    QChar m_delimiter;
    bool m_error = false;
};

} // namespace roster
