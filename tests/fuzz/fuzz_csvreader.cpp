// libFuzzer entry point for CsvReader (and the column mapping that follows it in an import): any bytes
// must give either an error or records, never a crash, a hang or unbounded memory.
#include "io/ColumnMapper.h"
#include "io/CsvReader.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>

using namespace roster;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    // Tiny chunk and sample sizes, varying with the input (which stays a plain CSV file in the corpus), so
    // chunk boundaries fall everywhere: inside a quoted cell, between CR and LF, inside a UTF-8 or UTF-16
    // sequence.
    const int knob = static_cast<int>((size * 31 + data[size / 2]) & 0xFF);
    QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);

    CsvReader reader(&buffer);
    reader.setChunkSize(16 + (knob & 0x3F));
    reader.setSampleSize(16 + (knob >> 6) * 256);
    reader.setMaxRecordLength(64 * 1024);
    if (!reader.open())
        return 0;

    const ColumnMapper mapper(ColumnMapper::suggest(reader.header()));
    CsvRecord record;
    qint64 previousLine = reader.headerLine();
    for (int n = 0; n < 100000; ++n) {
        const auto got = reader.readRecord(record);
        if (!got || !*got)
            break;
        if (record.line() <= previousLine || record.size() == 0)
            __builtin_trap(); // line numbers only grow, and a record has at least one cell
        previousLine = record.line();
        const ContactPatch patch = mapper.toPatch(record);
        (void)patch.isEmpty();
    }
    if (reader.bytesConsumed() > bytes.size() + 4)
        __builtin_trap();
    return 0;
}
