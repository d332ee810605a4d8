#include "ImportPlanner.h"

#include "ColumnMapper.h"
#include "CsvReader.h"
#include "VcardReader.h"

#include <QFile>
#include <QFileInfo>

namespace roster {

Result<ImportPlan> ImportPlanner::plan(const QString& path, const QByteArray& forcedEncoding)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fail(ErrorCode::FileNotFound, QStringLiteral("%1: no such file").arg(path));
    if (info.isDir())
        return fail(ErrorCode::FileUnreadable, QStringLiteral("%1 is a folder, not a file").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::FileUnreadable, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    // The import reads the file twice (ImportJob's first pass finds the rows that are one person).
    if (file.isSequential())
        return fail(
            ErrorCode::FileUnreadable,
            QStringLiteral("%1 is not a regular file (a pipe?): save it to a file, then import that").arg(path));
    const auto located = [&](const Error& error) {
        return std::unexpected(Error {error.code, error.field, path + QStringLiteral(": ") + error.detail});
    };

    ImportPlan plan;
    plan.path = path;
    if (VcardReader::looksLikeVcard(file.peek(4096))) {
        VcardReader reader(&file);
        reader.setEncoding(forcedEncoding);
        if (auto ok = reader.open(); !ok)
            return located(ok.error());
        plan.format = ImportPlan::Format::Vcard;
        plan.encoding = reader.encoding();
        plan.encodingMayChange = reader.encodingMayChange();
        return plan;
    }
    CsvReader reader(&file);
    reader.setEncoding(forcedEncoding);
    if (auto ok = reader.open(); !ok)
        return located(ok.error());
    plan.format = ImportPlan::Format::Csv;
    plan.encoding = reader.encoding();
    plan.encodingMayChange = reader.encodingMayChange();
    plan.delimiter = reader.delimiter();
    plan.header = reader.header();
    plan.headerLine = reader.headerLine();
    plan.mapping = ColumnMapper::suggest(plan.header);
    return plan;
}

Result<void> ImportPlanner::open(const ImportPlan& plan, CsvReader& reader)
{
    reader.setEncoding(plan.encoding, plan.encodingMayChange);
    reader.setDelimiter(plan.delimiter);
    reader.setHeaderLine(plan.headerLine);
    if (auto ok = reader.open(); !ok)
        return ok;
    if (reader.header() != plan.header)
        return fail(ErrorCode::ParseError,
                    QStringLiteral("the file changed since it was read: its header is no "
                                   "longer the one the columns were mapped for"));
    return {};
}

Result<void> ImportPlanner::open(const ImportPlan& plan, VcardReader& reader)
{
    reader.setEncoding(plan.encoding, plan.encodingMayChange);
    return reader.open();
}

} // namespace roster
