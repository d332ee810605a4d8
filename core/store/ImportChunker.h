#pragma once

#include "ImportRowFolder.h"
#include "ImportRowGroups.h"
#include "ImportSource.h"
#include "PreparedPatch.h"

#include <QAtomicInt>
#include <QHash>
#include <QMutex>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <optional>

namespace roster {

// A few thousand rows of an import, read, folded and normalised, ready for the writer.
struct ImportChunk
{
    // The rows that stay (heads) first, in file order: [0, heads); rows folded into a head are not sent.
    QVector<ContactPatch> patches;
    qsizetype heads = 0;
    // What PatchNormalizer made of each head (ImportChunkNormalizer fills it); empty where the writer must
    // normalise it itself (a custom field the policy would register).
    QVector<std::optional<Result<PreparedPatch>>> prepared;
    // One entry per row of the chunk, in file order.
    QVector<qint64> lines;
    QVector<ImportRowFolder::Outcome> folds;
    QVector<qsizetype> resultOf; // the head index of each row that stays, -1 for a folded row
    // Fields that lost characters to the decoder (U+FFFD), by row index: field name and value.
    QHash<qsizetype, QList<std::pair<QString, QString>>> damaged;
    QList<ImportIssue> readIssues; // what the reader noticed in these rows (a cell cut, a column too many)

    bool endsTransaction = false; // the last chunk of a batch: the writer commits after it
    qint64 rowsRead = 0; // rows of the file read so far
    qint64 expectedRows = 0; // rows in the file (the first pass counted them)
    qint64 bytes = 0; // bytes of the file read so far
    // Where an import cancelled after this chunk stops: the first line not imported.
    qint64 resumeLine = 0;
    // The file could not be read on after this chunk's rows (a quote never closed): the error and its line.
    // With `fatal`, the file could not be read at all: the error is the import's.
    std::optional<Error> readError;
    bool fatal = false;
    qint64 readErrorLine = 0;
};

// Bounded hand-over of chunks from one stage of an import to the next (reading and folding, normalising, writing),
// so the stages share both cores while the writer does only SQLite work, and memory stays flat: a producer waits
// when `capacity` chunks are ahead. A chunk the writer is done with is handed back (recycle) to the queue whose
// producer is least busy, which frees it: the writer does not spend its time freeing thousands of strings.
class ImportChunkQueue final
{
public:
    explicit ImportChunkQueue(int capacity)
        : m_capacity(capacity)
    {
    }
    // False when the writer has stopped listening: the reader should stop.
    bool push(ImportChunk chunk);
    // The reader has no more chunks (its last one may carry an error).
    void close();
    // The next chunk, or nothing when the producer is done or the queue was abandoned.
    std::optional<ImportChunk> pop();
    // A chunk someone is done with, freed by the producer's next push.
    void recycle(ImportChunk chunk);
    // The consumer stops: a waiting producer wakes up and stops.
    void abandon();

private:
    QMutex m_mutex;
    QWaitCondition m_changed;
    std::deque<ImportChunk> m_chunks;
    std::deque<ImportChunk> m_spent;
    int m_capacity;
    bool m_closed = false;
    bool m_abandoned = false;
};

// The reading side of an import: a first pass finds the rows of one person (ImportRowGroups), then the file is read
// again and cut into chunks; a row waits for the last row of its group and the rows of a group are folded
// (ImportRowFolder). ImportChunkNormalizer normalises the chunks next. Runs on its own thread.
class ImportChunker final
{
public:
    // Chunks hold at most `chunkRows` rows and never straddle a transaction of `batchRows` rows: the last chunk
    // of each says so (endsTransaction), so a killed import keeps whole batches. `customFields` are the fields
    // the import registers before it writes (a dry run does not register them).
    ImportChunker(const ImportPlan& plan, const UpsertPolicy& policy, int chunkRows, int batchRows,
                  const QAtomicInt& cancel);

    // Reads the whole file into `queue`, then closes it. A file that cannot be read at all ends with a chunk
    // carrying only `readError` (and no row).
    void run(ImportChunkQueue& queue);

private:
    Result<ImportRowGroups> findGroups();
    ImportChunk prepare(QVector<ContactPatch>& patches, QVector<qint64>& lines) const;

    const ImportPlan& m_plan;
    ImportRowFolder m_folder;
    int m_chunkRows;
    int m_batchRows;
    const QAtomicInt& m_cancel;
};

} // namespace roster
