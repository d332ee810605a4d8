#include "ImportJob.h"

#include "StoreSession.h"
#include "StoreSettings.h"
#include "io/ImportPlanner.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <algorithm>
#include <numeric>

namespace roster {

namespace {

QString mappingKey(const QString& headerHash)
{
    return QStringLiteral("import.mapping.") + headerHash;
}

// Bytes the decoder could not read (a UTF-8 file with a letter cut in half) arrive as U+FFFD: the row is kept,
// and the report names each field that lost a character.
// Field name and value, for each field that holds one.
QList<std::pair<QString, QString>> damagedFields(const ContactPatch& patch)
{
    const QChar replacement = QChar::ReplacementCharacter;
    QList<std::pair<QString, QString>> fields;
    for (const FieldInfo& info : FieldRegistry::all()) {
        if (patch.has(info.field) && patch.value(info.field).contains(replacement))
            fields.append({QString::fromLatin1(info.name), patch.value(info.field)});
    }
    if (const QString extras = patch.extraEmails().join(u", "_qs); extras.contains(replacement))
        fields.append({FieldRegistry::extraEmailsName(), extras});
    if (const QString tags = patch.tags().join(u", "_qs); tags.contains(replacement))
        fields.append({FieldRegistry::tagsName(), tags});
    for (auto it = patch.custom().cbegin(); it != patch.custom().cend(); ++it) {
        if (it.value().contains(replacement))
            fields.append({FieldRegistry::customPrefix() + it.key(), it.value()});
    }
    return fields;
}

// Sorts both vectors by line, in place (a sorted copy would hold a second batch of patches).
void sortByLine(QVector<ContactPatch>& patches, QVector<qint64>& lines)
{
    QVector<qsizetype> order(lines.size());
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return lines.at(a) < lines.at(b); });
    // order[k] is the row that belongs at k: follow each cycle of the permutation once.
    QVector<bool> placed(order.size(), false);
    for (qsizetype start = 0; start < order.size(); ++start) {
        if (placed.at(start))
            continue;
        ContactPatch patch = std::move(patches[start]);
        const qint64 line = lines.at(start);
        qsizetype k = start;
        while (order.at(k) != start) {
            patches[k] = std::move(patches[order.at(k)]);
            lines[k] = lines.at(order.at(k));
            placed[k] = true;
            k = order.at(k);
        }
        patches[k] = std::move(patch);
        lines[k] = line;
        placed[k] = true;
    }
}

QStringList taggedKeys(const QVector<ImportRowFolder::Key>& keys)
{
    QStringList tagged;
    tagged.reserve(keys.size());
    for (const ImportRowFolder::Key& key : keys)
        tagged << FieldRegistry::name(key.field) + u':' + key.key;
    return tagged;
}

} // namespace

ImportJob::ImportJob(StoreSession& session, ImportOptions options, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_options(std::move(options))
    , m_folder(m_options.policy)
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

Result<void> ImportJob::flush(QVector<ContactPatch>& patches, QVector<qint64>& lines, ImportSummary& summary)
{
    if (patches.isEmpty())
        return {};
    // Rows held for a later row of their group come back in the batch of that row: file order again, so the rows
    // are created, folded and reported in the order of the file.
    if (!std::is_sorted(lines.cbegin(), lines.cend()))
        sortByLine(patches, lines);
    QHash<qsizetype, QList<std::pair<QString, QString>>> damaged;
    for (qsizetype i = 0; i < patches.size(); ++i) {
        if (const auto fields = damagedFields(patches.at(i)); !fields.isEmpty())
            damaged.insert(i, fields);
    }
    // A file that lists one person twice would otherwise flip the contact between its rows on every import;
    // folded into the first row, importing the file again changes nothing.
    const QVector<ImportRowFolder::Outcome> folds = m_folder.fold(patches, lines);
    // The rows that stay go to the engine, moved to the front of the same vector (a second one would hold
    // another batch of patches).
    QVector<qsizetype> resultOf(patches.size(), -1);
    qsizetype kept = 0;
    for (qsizetype i = 0; i < patches.size(); ++i) {
        if (folds.at(i).head >= 0)
            continue;
        if (kept != i)
            patches[kept] = std::move(patches[i]);
        resultOf[i] = kept++;
    }
    const std::span<const ContactPatch> heads(patches.constData(), static_cast<std::size_t>(kept));
    auto results = m_options.dryRun ? checkBatch(heads)
                                    : m_session.engine().upsertBatch(heads, m_options.policy, summary.operationId);
    if (!results)
        return std::unexpected(results.error());
    for (qsizetype i = 0; i < patches.size(); ++i) {
        const qint64 line = lines.at(i);
        const ImportRowFolder::Outcome& fold = folds.at(i);
        UpsertResult folded;
        UpsertResult* r = nullptr;
        if (fold.head < 0) {
            r = &(*results)[resultOf.at(i)];
        } else {
            const UpsertResult& first = results->at(resultOf.at(fold.head));
            folded.status = first.status == UpsertResult::Status::Rejected ? UpsertResult::Status::Rejected
                                                                           : UpsertResult::Status::Unchanged;
            folded.contactId = first.contactId;
            folded.error = first.error;
            folded.warnings = fold.warnings;
            for (UpsertWarning& w : folded.warnings)
                w.otherContactId = first.contactId;
            r = &folded;
        }
        for (const auto& [field, value] : damaged.value(i)) {
            r->warnings.append({ErrorCode::InvalidEncoding, field,
                                QStringLiteral("'%1': bytes that are not valid %2 were replaced by \uFFFD")
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
    patches.clear();
    lines.clear();
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
Result<QVector<UpsertResult>> ImportJob::checkBatch(std::span<const ContactPatch> patches)
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
        return m_session.engine().upsertBatch(patches, m_options.policy, *op);
    }();
    db.rollback();
    m_session.engine().discardCaches();
    return results;
}

// The first pass: which rows are one person, by the hashes of their keys. A file damaged part way is read up to
// the damage, as the import itself will be.
Result<ImportRowGroups> ImportJob::findGroups(const ImportPlan& plan)
{
    ImportRowGroups groups;
    QFile file(plan.path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::FileUnreadable, QStringLiteral("cannot read %1: %2").arg(plan.path, file.errorString()));
    auto source = ImportSource::open(plan, &file);
    if (!source)
        return std::unexpected(source.error());
    ContactPatch patch;
    qint64 line = 0;
    for (;;) {
        const auto more = (*source)->next(patch, line);
        if (!more || !*more || (groups.rows() % 10000 == 0 && m_cancel.loadRelaxed()))
            break;
        groups.add(taggedKeys(m_folder.keys(patch)));
    }
    groups.finish();
    return groups;
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
    QFile file(plan.path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::FileUnreadable, QStringLiteral("cannot read %1: %2").arg(plan.path, file.errorString()));
    const qint64 totalBytes = file.size();
    auto opened = ImportSource::open(plan, &file);
    if (!opened)
        return std::unexpected(
            Error {opened.error().code, {}, plan.path + QStringLiteral(": ") + opened.error().detail});
    std::unique_ptr<ImportSource> source = std::move(*opened);

    ImportSummary summary;
    summary.dryRun = m_options.dryRun;
    summary.format = plan.formatName();
    summary.encoding = plan.encoding;
    if (plan.isCsv()) {
        summary.delimiter = plan.delimiter;
        summary.header = plan.header;
        summary.mapping = plan.mapping.targets();
        summary.unmapped = plan.mapping.unmappedHeaders();
        if (plan.rememberMapping && !m_options.dryRun)
            StoreSettings(m_session.database())
                .setValue(mappingKey(plan.mapping.headerHash()),
                          QString::fromUtf8(QJsonDocument(plan.mapping.toJson()).toJson(QJsonDocument::Compact)));
        // A column the user sent to a custom field registers that field: the choice was explicit.
        for (const QString& target : plan.mapping.targets()) {
            if (target.startsWith(FieldRegistry::customPrefix())) {
                const QString key = target.mid(FieldRegistry::customPrefix().size());
                if (!m_session.engine().customFields().contains(key) && !m_newCustomFields.contains(key))
                    m_newCustomFields << key;
            }
        }
    }
    auto found = findGroups(plan);
    if (!found)
        return std::unexpected(found.error());
    const ImportRowGroups groups = std::move(*found);

    Database& db = m_session.database();
    if (!m_options.dryRun) {
        if (auto ok = registerCustomFields(); !ok)
            return std::unexpected(ok.error());
    }
    // A million-row import must stay under 400 MiB whatever the file's size: the page cache is most of it.
    // The session's own setting (the window's is smaller) comes back when the import ends.
    const int previousCacheKiB = db.cacheSizeKiB();
    db.setCacheSizeKiB(std::min(previousCacheKiB, 128 * 1024));
    bool bulk = false;
    auto finish = [&](Result<ImportSummary> result) -> Result<ImportSummary> {
        if (bulk) {
            if (auto ok = m_session.engine().endBulkLoad(); !ok && result)
                result = std::unexpected(ok.error());
        }
        db.setCacheSizeKiB(previousCacheKiB);
        return result;
    };

    const QFileInfo info(plan.path);
    m_origin = {QStringLiteral("import:") + info.absoluteFilePath(), QStringLiteral("Import %1").arg(info.fileName())};
    if (!m_options.dryRun) {
        auto op = m_session.engine().beginOperation(m_origin);
        if (!op)
            return finish(std::unexpected(op.error()));
        summary.operationId = *op;
    }

    // A load large against the table takes the engine's bulk path (the window's sort indexes built once at the
    // end); the first pass counted the rows.
    bool sized = false;
    auto startBulk = [&]() -> Result<void> {
        if (sized || m_options.dryRun)
            return {};
        sized = true;
        if (auto ok = m_session.engine().beginBulkLoad(groups.rows()); !ok)
            return ok;
        bulk = true;
        return {};
    };

    QVector<ContactPatch> patches;
    QVector<qint64> lines;
    // Rows waiting for a later row of their group, by that row's number (0-based, in file order).
    QHash<qint64, QVector<std::pair<qint64, ContactPatch>>> held;
    const auto release = [&](QVector<std::pair<qint64, ContactPatch>>& group) {
        for (auto& [line, patch] : group) {
            lines.append(line);
            patches.append(std::move(patch));
        }
    };
    const auto releaseAll = [&] {
        for (auto it = held.begin(); it != held.end(); ++it)
            release(*it);
        held.clear();
    };
    // A dry run's batch is what another writer may have to wait for: a few thousand rows take well under a second.
    constexpr int kDryRunBatch = 5000;
    const int batchSize
        = std::max(1, m_options.dryRun ? std::min(m_options.batchSize, kDryRunBatch) : m_options.batchSize);
    patches.reserve(batchSize);
    lines.reserve(batchSize);
    for (qint64 row = 0;; ++row) {
        ContactPatch patch;
        qint64 line = 0;
        auto more = source->next(patch, line);
        if (!more && summary.rows > 0) {
            // Damage part way (a quote never closed): the rows before it are imported, and the report says
            // where reading stopped rather than failing the whole file.
            releaseAll();
            if (auto ok = startBulk(); !ok)
                return finish(std::unexpected(ok.error()));
            if (auto ok = flush(patches, lines, summary); !ok)
                return finish(std::unexpected(ok.error()));
            summary.incomplete = true;
            summary.stoppedAtLine = source->errorLine();
            summary.errors.append({source->errorLine(), {}, more.error().code, more.error().detail});
            break;
        }
        if (!more)
            return finish(
                std::unexpected(Error {more.error().code, {}, plan.path + QStringLiteral(": ") + more.error().detail}));
        if (!*more)
            break;
        summary.warnings.append(source->takeIssues());
        ++summary.rows;
        if (const qint64 last = groups.lastOfGroup(row); last > row) {
            held[last].append({line, std::move(patch)});
        } else {
            if (const auto it = held.find(row); it != held.end()) {
                release(*it);
                held.erase(it);
            }
            lines.append(line);
            patches.append(std::move(patch));
        }
        if (summary.rows % 10000 == 0)
            emit progress(summary.rows, source->bytes(), totalBytes);
        if (patches.size() >= batchSize) {
            if (auto ok = startBulk(); !ok)
                return finish(std::unexpected(ok.error()));
            if (auto ok = flush(patches, lines, summary); !ok)
                return finish(std::unexpected(ok.error()));
            if (m_cancel.loadRelaxed()) {
                summary.cancelled = true;
                // Rows read after the batch are none: the batch ended with `line`; the next row starts later. A row
                // still waiting for the rest of its group was not imported either.
                summary.stoppedAtLine = line + 1;
                for (const auto& group : std::as_const(held))
                    summary.stoppedAtLine = std::min(summary.stoppedAtLine, group.constFirst().first);
                break;
            }
        }
    }
    if (!summary.cancelled) {
        releaseAll();
        if (auto ok = startBulk(); !ok)
            return finish(std::unexpected(ok.error()));
        if (auto ok = flush(patches, lines, summary); !ok)
            return finish(std::unexpected(ok.error()));
    }
    emit progress(summary.rows, source->bytes(), totalBytes);
    if (summary.rows == 0 && !summary.cancelled)
        return finish(fail(ErrorCode::EmptyFile, QStringLiteral("%1 holds no contacts").arg(plan.path)));
    return finish(summary);
}

} // namespace roster
