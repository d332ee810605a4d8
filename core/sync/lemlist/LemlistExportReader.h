#pragma once

#include "LemlistExportColumns.h"
#include "io/CsvReader.h"
#include "sync/RemoteExportReader.h"

#include <QBuffer>

#include <memory>

namespace roster {

class LemlistProvider;

// The records of lemlist's CSV export, read with CsvReader one row at a time and turned into the same
// RemoteRecord a page of `GET /contacts` gives: each row becomes a read-shape object (`_id`, `email`,
// `fields{…}`) that LemlistProvider::readRecord() maps, so the two paths cannot drift apart.
//
// An empty cell is left out of that object, i.e. read as "unknown", never as "cleared" (PROVIDERS.md §7): a
// CSV has no way to tell a value lemlist holds empty from a column it did not fill for this row (an export
// writes every column of every row), so reading empty cells as cleared would let an export whose column
// lemlist leaves blank wipe that field from every local contact. The paged read can clear a field, since its
// JSON tells an explicit empty value from a missing key; a cleared value reaches Roster at the next paged
// read or is kept here, which loses nothing.
//
// The export is trusted only whole: every row must have as many cells as the header, so a reply cut in the
// middle of a row (or of a quoted cell) is a ParseError, never a short record.
class LemlistExportReader final : public RemoteExportReader
{
public:
    // Errors: ParseError for a body that is not a CSV table with a contact id column; EmptyFile-free: a
    // header alone is an export of no contact.
    static Result<std::unique_ptr<LemlistExportReader>> open(const LemlistProvider& provider, const QByteArray& body);

    Result<bool> next(RemoteRecord& record) override;

    const LemlistExportColumns& columns() const { return m_columns; }

private:
    LemlistExportReader(const LemlistProvider& provider, const QByteArray& body);

    const LemlistProvider& m_provider;
    QBuffer m_buffer;
    CsvReader m_reader;
    LemlistExportColumns m_columns;
    CsvRecord m_row;
    bool m_empty = false;
};

} // namespace roster
