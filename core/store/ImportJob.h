#pragma once

#include "ChangeLog.h"
#include "ImportSource.h"
#include "PreparedPatch.h"
#include "UpsertPolicies.h"
#include "UpsertResult.h"
#include "io/ImportPlan.h"

#include <QAtomicInt>
#include <QMap>
#include <QObject>

#include <functional>
#include <optional>
#include <span>

namespace roster {

struct ImportChunk;
class StoreSession;

struct ImportOptions
{
    // How to read the file, decided once (ImportJob::plan): the dialog's, after the user's changes, or the command
    // line's. When absent, the job makes it from `path`, `encoding` and `mapping`, as ImportJob::plan does.
    std::optional<ImportPlan> plan;
    QString path;
    // Column choices by header text ("E-mail 1 - Value" -> "email", "Notes" -> "custom.notes", "X" -> "" to
    // leave out), applied over the remembered or suggested mapping, and remembered for this header.
    QMap<QString, QString> mapping;
    UpsertPolicy policy = UpsertPolicies::local();
    bool dryRun = false;
    int batchSize = 50000;
    QByteArray encoding; // empty: detect
};

// What one row did (or, in a dry run, would do).
struct ImportRowOutcome
{
    qint64 line = 0;
    UpsertResult result;
};

struct ImportSummary
{
    QString format; // "csv" or "vcard"
    QByteArray encoding;
    QChar delimiter;
    QStringList header;
    QStringList mapping; // target per column ("" when left out)
    QStringList unmapped;
    qint64 rows = 0, created = 0, updated = 0, unchanged = 0, rejected = 0;
    qint64 merged = 0; // rows folded into an earlier row of the same file (same person)
    ImportIssues errors;
    ImportIssues warnings;
    bool dryRun = false;
    bool cancelled = false;
    bool incomplete = false; // the file could not be read to its end (see the last error)
    qint64 stoppedAtLine = 0; // first line not imported when cancelled or incomplete
    // Why the import is incomplete when the database refused a batch (a full disk). The counts and issues are
    // those of the batches before it, which are saved; the same import again adds the rest. Not among `errors`:
    // no row of the file was at fault.
    std::optional<Error> writeError;
    // Every row is saved, but building the indexes the load had set aside failed (a full disk): Roster builds
    // them again when it next opens the file.
    std::optional<Error> indexesPending;
    qint64 operationId = 0; // the undo step of this import
};

// Reads a CSV or vCard file in a streaming way, as its ImportPlan says, and writes it through the engine, one
// transaction per batch. The reading, the folding of the rows that are one person (ImportRowFolder, however far
// apart: a first pass finds them) run on one thread (ImportChunker), the normalising on another
// (ImportChunkNormalizer), a few chunks ahead; this thread only writes. Cancel stops at the end of the chunk being
// written and keeps what is written; a dry run writes nothing and reports per row what would happen, computed by the
// same code as the real run. Blocking: run it on a worker thread with a StoreSession of that thread.
class ImportJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportJob)

public:
    ImportJob(StoreSession& session, ImportOptions options, QObject* parent = nullptr);

    // The plan of the file at `path` (ImportPlanner), with the mapping remembered for its header, else the
    // suggested one, and then `choices` by header text (`--map`, which the plan then remembers). Errors: those of
    // ImportPlanner::plan, OwnDatabaseFile, UnknownField / InvalidArgument (field `--map`) for a bad choice.
    static Result<ImportPlan> plan(StoreSession& session, const QString& path, const QByteArray& encoding = {},
                                   const QMap<QString, QString>& choices = {});

    Result<ImportSummary> run();
    // Thread-safe: stops at the end of the chunk being written (at most 2,000 rows), which is committed.
    void cancel() { m_cancel.storeRelaxed(1); }
    // Called for every row, in file order (the dry run's per-row report).
    void setRowSink(std::function<void(const ImportRowOutcome&)> sink) { m_sink = std::move(sink); }

signals:
    void progress(qint64 rows, qint64 bytes, qint64 totalBytes);

private:
    Result<void> apply(ImportChunk& chunk, ImportSummary& summary);
    Result<QVector<UpsertResult>> checkBatch(std::span<const ContactPatch> patches,
                                             std::span<std::optional<Result<PreparedPatch>>> prepared);
    Result<void> registerCustomFields();

    StoreSession& m_session;
    ImportOptions m_options;
    QAtomicInt m_cancel;
    std::function<void(const ImportRowOutcome&)> m_sink;
    WriteOrigin m_origin;
    QStringList m_newCustomFields; // mapped to by the file and not registered yet
};

} // namespace roster
