#include "ImportJob.h"

#include "ImportChunkNormalizer.h"
#include "ImportChunker.h"
#include "StoreSession.h"
#include "StoreSettings.h"
#include "io/ImportPlanner.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QThread>

#include <algorithm>

namespace roster {

namespace {

QString mappingKey(const QString& headerHash)
{
    return QStringLiteral("import.mapping.") + headerHash;
}

// The part of a summary the commits so far have kept, and the first line after it.
struct SavedPart
{
    explicit SavedPart(const ImportSummary& s, qint64 resume = 0)
        : rows(s.rows)
        , created(s.created)
        , updated(s.updated)
        , unchanged(s.unchanged)
        , rejected(s.rejected)
        , merged(s.merged)
        , errors(s.errors.size())
        , warnings(s.warnings.size())
        , resumeLine(resume)
    {
    }
    void restore(ImportSummary& s) const
    {
        s.rows = rows;
        s.created = created;
        s.updated = updated;
        s.unchanged = unchanged;
        s.rejected = rejected;
        s.merged = merged;
        s.errors.truncate(errors);
        s.warnings.truncate(warnings);
    }

    qint64 rows, created, updated, unchanged, rejected, merged;
    qsizetype errors, warnings;
    qint64 resumeLine;
};

} // namespace

ImportJob::ImportJob(StoreSession& session, ImportOptions options, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_options(std::move(options))
{
}

Result<ImportPlan> ImportJob::plan(StoreSession& session, const QString& path, const QByteArray& encoding,
                                   const QMap<QString, QString>& choices)
{
    // Reading the database through a QFile of our own would also drop this process's locks on it when closed.
    if (Database::isDatabaseFile(session.database().path(), path))
        return fail(ErrorCode::OwnDatabaseFile,
                    QStringLiteral("%1 is Roster's own database, not a file of contacts to import").arg(path));
    auto plan = ImportPlanner::plan(path, encoding);
    if (!plan || !plan->isCsv())
        return plan;
    const QString saved = StoreSettings(session.database()).value(mappingKey(ColumnMapping::hashHeader(plan->header)));
    if (!saved.isEmpty()) {
        if (auto remembered = ColumnMapping::fromJson(QJsonDocument::fromJson(saved.toUtf8()).object(), plan->header))
            plan->mapping = *remembered;
    }
    for (auto it = choices.cbegin(); it != choices.cend(); ++it) {
        if (auto ok = plan->mapping.setTarget(it.key(), it.value()); !ok)
            return std::unexpected(Error {ok.error().code, QStringLiteral("--map"), ok.error().detail});
    }
    plan->rememberMapping = !choices.isEmpty();
    return plan;
}

Result<void> ImportJob::apply(ImportChunk& chunk, ImportSummary& summary)
{
    const std::span<const ContactPatch> heads(chunk.patches.constData(), static_cast<std::size_t>(chunk.heads));
    const std::span<std::optional<Result<PreparedPatch>>> prepared(chunk.prepared.data(),
                                                                   static_cast<std::size_t>(chunk.prepared.size()));
    auto results = m_options.dryRun
        ? checkBatch(heads, prepared)
        : m_session.engine().upsertPrepared(heads, prepared, m_options.policy, summary.operationId);
    if (!results)
        return std::unexpected(results.error());
    for (qsizetype i = 0; i < chunk.lines.size(); ++i) {
        const qint64 line = chunk.lines.at(i);
        const ImportRowFolder::Outcome& fold = chunk.folds.at(i);
        UpsertResult folded;
        UpsertResult* r = nullptr;
        if (fold.head < 0) {
            r = &(*results)[chunk.resultOf.at(i)];
        } else {
            const UpsertResult& first = results->at(chunk.resultOf.at(fold.head));
            folded.status = first.status == UpsertResult::Status::Rejected ? UpsertResult::Status::Rejected
                                                                           : UpsertResult::Status::Unchanged;
            folded.contactId = first.contactId;
            folded.error = first.error;
            folded.warnings = fold.warnings;
            for (UpsertWarning& w : folded.warnings)
                w.otherContactId = first.contactId;
            r = &folded;
        }
        for (const auto& [field, value] : chunk.damaged.value(i)) {
            r->warnings.append(
                {ErrorCode::InvalidEncoding, field,
                 QStringLiteral("'%1': bytes that are not valid %2 text (a damaged character or a NUL byte) "
                                "were replaced by \uFFFD")
                     .arg(value, QString::fromLatin1(summary.encoding)),
                 0});
        }
        switch (r->status) {
        case UpsertResult::Status::Created:
            ++summary.created;
            break;
        case UpsertResult::Status::Updated:
            ++summary.updated;
            break;
        case UpsertResult::Status::Unchanged:
            // A row folded into an earlier one of the file added its values there: it was merged, not unchanged.
            if (fold.head >= 0)
                ++summary.merged;
            else
                ++summary.unchanged;
            break;
        case UpsertResult::Status::Rejected:
            ++summary.rejected;
            summary.errors.append({line, r->error->field, r->error->code, r->error->detail});
            break;
        }
        for (const UpsertWarning& w : r->warnings)
            summary.warnings.append({line, w.field, w.code, w.detail});
        if (m_sink)
            m_sink({line, *r});
    }
    return {};
}

Result<void> ImportJob::registerCustomFields()
{
    for (const QString& key : std::as_const(m_newCustomFields)) {
        if (auto ok = m_session.engine().customFields().add({key, key, QStringLiteral("text")}); !ok)
            return ok;
    }
    return {};
}

// A dry run writes each batch as the real run would, in a transaction it then rolls back: the write lock is
// held for one batch at a time, so the window and other processes keep writing while a large file is checked.
Result<QVector<UpsertResult>> ImportJob::checkBatch(std::span<const ContactPatch> patches,
                                                    std::span<std::optional<Result<PreparedPatch>>> prepared)
{
    Database& db = m_session.database();
    if (auto ok = db.begin(); !ok)
        return std::unexpected(ok.error());
    auto results = [&]() -> Result<QVector<UpsertResult>> {
        if (auto ok = registerCustomFields(); !ok)
            return std::unexpected(ok.error());
        auto op = m_session.engine().beginOperation(m_origin);
        if (!op)
            return std::unexpected(op.error());
        UpsertEngine& engine = m_session.engine();
        if (auto ok = engine.beginBatch(); !ok)
            return std::unexpected(ok.error());
        auto checked = engine.upsertPrepared(patches, prepared, m_options.policy, *op);
        if (checked) {
            if (auto ok = engine.commitBatch(*op); !ok)
                return std::unexpected(ok.error());
        }
        return checked;
    }();
    db.rollback();
    m_session.engine().discardCaches();
    return results;
}

Result<ImportSummary> ImportJob::run()
{
    std::optional<ImportPlan> given = m_options.plan;
    if (!given) {
        auto made = plan(m_session, m_options.path, m_options.encoding, m_options.mapping);
        if (!made)
            return std::unexpected(made.error());
        given = std::move(*made);
    }
    const ImportPlan& plan = *given;
    if (Database::isDatabaseFile(m_session.database().path(), plan.path))
        return fail(ErrorCode::OwnDatabaseFile,
                    QStringLiteral("%1 is Roster's own database, not a file of contacts to import").arg(plan.path));
    const qint64 totalBytes = QFileInfo(plan.path).size();

    ImportSummary summary;
    summary.dryRun = m_options.dryRun;
    summary.format = plan.formatName();
    summary.encoding = plan.encoding;
    if (plan.isCsv()) {
        summary.delimiter = plan.delimiter;
        summary.header = plan.header;
        summary.mapping = plan.mapping.targets();
        summary.unmapped = plan.mapping.unmappedHeaders();
        // A column the user sent to a custom field registers that field: the choice was explicit.
        for (const QString& target : plan.mapping.targets()) {
            if (target.startsWith(FieldRegistry::customPrefix())) {
                const QString key = target.mid(FieldRegistry::customPrefix().size());
                if (!m_session.engine().customFields().contains(key) && !m_newCustomFields.contains(key))
                    m_newCustomFields << key;
            }
        }
    }

    UpsertEngine& engine = m_session.engine();
    Database& db = m_session.database();
    // A million-row import must stay under 400 MiB whatever the file's size: the page cache is most of it.
    // The session's own setting (the window's is smaller) comes back when the import ends.
    const int previousCacheKiB = db.cacheSizeKiB();
    db.setCacheSizeKiB(std::min(previousCacheKiB, 128 * 1024));
    bool bulk = false;
    auto finish = [&](Result<ImportSummary> result) -> Result<ImportSummary> {
        if (bulk) {
            // The rows are committed by then: the summary stays true, and says the indexes are still to build.
            if (auto ok = engine.endBulkLoad(); !ok && result)
                result->indexesPending = ok.error();
        }
        db.setCacheSizeKiB(previousCacheKiB);
        return result;
    };

    const QFileInfo info(plan.path);
    m_origin = {QStringLiteral("import:") + info.absoluteFilePath(), QStringLiteral("Import %1").arg(info.fileName())};
    engine.reloadPhoneRegion();
    if (!m_options.dryRun) {
        if (auto ok = registerCustomFields(); !ok)
            return finish(std::unexpected(ok.error()));
        if (plan.isCsv() && plan.rememberMapping)
            StoreSettings(db).setValue(
                mappingKey(plan.mapping.headerHash()),
                QString::fromUtf8(QJsonDocument(plan.mapping.toJson()).toJson(QJsonDocument::Compact)));
        auto op = engine.beginOperation(m_origin);
        if (!op)
            return finish(std::unexpected(op.error()));
        summary.operationId = *op;
    }

    // The rows are read and folded on one thread and normalised on another, chunks ahead of this one, which only
    // writes: three stages that share two cores (the writer is busiest on a first import, the other two when a
    // file comes again and little is written).
    // A chunk is small enough for the progress to move smoothly; a transaction holds `batchSize` rows. A dry run
    // checks a batch at a time in a transaction it rolls back, which another writer may have to wait for: a few
    // thousand rows, well under a second.
    constexpr int kChunkRows = 2000;
    constexpr int kChunksAhead = 4;
    constexpr int kDryRunBatch = 5000;
    const int batchSize
        = std::max(1, m_options.dryRun ? std::min(m_options.batchSize, kDryRunBatch) : m_options.batchSize);
    ImportChunker chunker(plan, m_options.policy, m_options.dryRun ? batchSize : kChunkRows, batchSize, m_cancel);
    const ImportChunkNormalizer normalizer(m_options.policy, engine.phones().region(), engine.customFields(),
                                           m_newCustomFields);
    ImportChunkQueue folded(kChunksAhead);
    ImportChunkQueue queue(kChunksAhead);
    std::unique_ptr<QThread> reader(QThread::create([&] { chunker.run(folded); }));
    std::unique_ptr<QThread> normalizing(QThread::create([&] { normalizer.run(folded, queue); }));
    reader->start();
    normalizing->start();

    bool open = false; // a transaction of the real run is open
    bool sized = false;
    bool unreadable = false; // the file could not be read at all
    // What the last commit kept, for a write that fails later: the summary is taken back to it.
    SavedPart saved {summary};
    auto written = [&]() -> Result<void> {
        while (std::optional<ImportChunk> chunk = queue.pop()) {
            if (chunk->fatal) {
                unreadable = true;
                return std::unexpected(*chunk->readError);
            }
            if (saved.resumeLine == 0 && !chunk->lines.isEmpty())
                saved.resumeLine = chunk->lines.constFirst();
            summary.rows = chunk->rowsRead;
            summary.warnings.append(chunk->readIssues);
            if (!m_options.dryRun && !open) {
                // A load large against the table takes the engine's bulk path (the window's sort indexes built
                // once at the end); the first pass counted the rows.
                if (!sized) {
                    sized = true;
                    if (auto ok = engine.beginBulkLoad(chunk->expectedRows); !ok)
                        return ok;
                    bulk = true;
                }
                if (auto ok = engine.beginBatch(); !ok)
                    return ok;
                open = true;
            }
            if (auto ok = apply(*chunk, summary); !ok) {
                open = false; // the engine rolled the transaction back
                return ok;
            }
            // A cancel stops at the end of the chunk: what was written so far is committed.
            const bool cancelled = m_cancel.loadRelaxed() && chunk->resumeLine > 0;
            if (open && (chunk->endsTransaction || cancelled || chunk->readError)) {
                open = false;
                if (auto ok = engine.commitBatch(summary.operationId); !ok)
                    return ok;
                saved = SavedPart {summary, chunk->resumeLine};
            }
            emit progress(summary.rows, chunk->bytes, totalBytes);
            if (chunk->readError) {
                summary.incomplete = true;
                summary.stoppedAtLine = chunk->readErrorLine;
                summary.errors.append({chunk->readErrorLine, {}, chunk->readError->code, chunk->readError->detail});
                break;
            }
            if (cancelled) {
                summary.cancelled = true;
                summary.stoppedAtLine = chunk->resumeLine;
                break;
            }
            // Freed by the reading thread, the least busy of the three.
            folded.recycle(std::move(*chunk));
        }
        if (open) {
            open = false;
            return engine.commitBatch(summary.operationId);
        }
        return {};
    }();
    queue.abandon();
    folded.abandon();
    normalizing->wait();
    reader->wait();
    if (open)
        engine.rollbackBatch();
    if (!written && !m_options.dryRun && !unreadable) {
        // A batch the database refused (a full disk) is rolled back whole; the batches before it are saved and
        // part of this import's undo step. Saying so, with the line to resume from, is what the user needs.
        saved.restore(summary);
        summary.incomplete = true;
        summary.writeError = written.error();
        summary.stoppedAtLine = saved.resumeLine;
        return finish(summary);
    }
    if (!written)
        return finish(std::unexpected(written.error()));
    if (summary.rows == 0 && !summary.cancelled)
        return finish(fail(ErrorCode::EmptyFile, QStringLiteral("%1 holds no contacts").arg(plan.path)));
    return finish(summary);
}

} // namespace roster
