#include "ImportChunker.h"

#include "ImportRowGroups.h"

#include <QFile>

#include <algorithm>
#include <numeric>

namespace roster {

namespace {

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

// Sorts both vectors by line, in place (a sorted copy would hold a second chunk of patches).
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

bool ImportChunkQueue::push(ImportChunk chunk)
{
    std::deque<ImportChunk> spent; // freed after the lock is released
    QMutexLocker lock(&m_mutex);
    spent.swap(m_spent);
    while (!m_abandoned && static_cast<int>(m_chunks.size()) >= m_capacity)
        m_changed.wait(&m_mutex);
    if (m_abandoned)
        return false;
    m_chunks.push_back(std::move(chunk));
    m_changed.wakeAll();
    return true;
}

void ImportChunkQueue::close()
{
    QMutexLocker lock(&m_mutex);
    m_closed = true;
    m_changed.wakeAll();
}

std::optional<ImportChunk> ImportChunkQueue::pop()
{
    QMutexLocker lock(&m_mutex);
    while (m_chunks.empty() && !m_closed && !m_abandoned)
        m_changed.wait(&m_mutex);
    if (m_chunks.empty())
        return std::nullopt;
    ImportChunk chunk = std::move(m_chunks.front());
    m_chunks.pop_front();
    m_changed.wakeAll();
    return chunk;
}

void ImportChunkQueue::recycle(ImportChunk chunk)
{
    QMutexLocker lock(&m_mutex);
    if (!m_abandoned && !m_closed)
        m_spent.push_back(std::move(chunk));
}

void ImportChunkQueue::abandon()
{
    QMutexLocker lock(&m_mutex);
    m_abandoned = true;
    m_chunks.clear();
    m_changed.wakeAll();
}

ImportChunker::ImportChunker(const ImportPlan& plan, const UpsertPolicy& policy, int chunkRows, int batchRows,
                             const QAtomicInt& cancel)
    : m_plan(plan)
    , m_folder(policy)
    , m_chunkRows(std::max(1, chunkRows))
    , m_batchRows(std::max(1, batchRows))
    , m_cancel(cancel)
{
}

// The first pass: which rows are one person, by the hashes of their keys. A file damaged part way is read up to
// the damage, as the import itself will be.
Result<ImportRowGroups> ImportChunker::findGroups()
{
    ImportRowGroups groups;
    QFile file(m_plan.path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::FileUnreadable,
                    QStringLiteral("cannot read %1: %2").arg(m_plan.path, file.errorString()));
    auto source = ImportSource::open(m_plan, &file, ImportSource::Reading::IdentityOnly);
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

ImportChunk ImportChunker::prepare(QVector<ContactPatch>& patches, QVector<qint64>& lines) const
{
    ImportChunk chunk;
    // Rows held for a later row of their group come back in the chunk of that row: file order again, so the rows
    // are created, folded and reported in the order of the file.
    if (!std::is_sorted(lines.cbegin(), lines.cend()))
        sortByLine(patches, lines);
    for (qsizetype i = 0; i < patches.size(); ++i) {
        if (auto fields = damagedFields(patches.at(i)); !fields.isEmpty())
            chunk.damaged.insert(i, std::move(fields));
    }
    // A file that lists one person twice would otherwise flip the contact between its rows on every import;
    // folded into the first row, importing the file again changes nothing.
    chunk.folds = m_folder.fold(patches, lines);
    // The rows that stay go to the engine, moved to the front of the same vector (a second one would hold
    // another chunk of patches).
    chunk.resultOf = QVector<qsizetype>(patches.size(), -1);
    qsizetype kept = 0;
    for (qsizetype i = 0; i < patches.size(); ++i) {
        if (chunk.folds.at(i).head >= 0)
            continue;
        if (kept != i)
            patches[kept] = std::move(patches[i]);
        chunk.resultOf[i] = kept++;
    }
    chunk.heads = kept;
    chunk.patches = std::move(patches);
    chunk.lines = std::move(lines);
    patches.clear();
    lines.clear();
    return chunk;
}

void ImportChunker::run(ImportChunkQueue& queue)
{
    const auto fatal = [&](Error error) {
        ImportChunk chunk;
        chunk.readError = std::move(error);
        chunk.fatal = true;
        queue.push(std::move(chunk));
        queue.close();
    };
    auto groups = findGroups();
    if (!groups)
        return fatal(groups.error());
    QFile file(m_plan.path);
    if (!file.open(QIODevice::ReadOnly))
        return fatal(Error {
            ErrorCode::FileUnreadable, {}, QStringLiteral("cannot read %1: %2").arg(m_plan.path, file.errorString())});
    auto opened = ImportSource::open(m_plan, &file);
    if (!opened)
        return fatal(Error {opened.error().code, {}, m_plan.path + QStringLiteral(": ") + opened.error().detail});
    ImportSource& source = **opened;

    QVector<ContactPatch> patches;
    QVector<qint64> lines;
    QList<ImportIssue> issues;
    qint64 rows = 0;
    qint64 rowsInBatch = 0;
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
    const auto ship = [&](qint64 resumeLine, std::optional<Error> error = {}, qint64 errorLine = 0) {
        rowsInBatch += patches.size();
        ImportChunk chunk = prepare(patches, lines);
        chunk.endsTransaction = rowsInBatch >= m_batchRows;
        if (chunk.endsTransaction)
            rowsInBatch = 0;
        chunk.readIssues = std::move(issues);
        issues.clear();
        chunk.rowsRead = rows;
        chunk.expectedRows = groups->rows();
        chunk.bytes = source.bytes();
        chunk.resumeLine = resumeLine;
        chunk.readError = std::move(error);
        chunk.readErrorLine = errorLine;
        return queue.push(std::move(chunk));
    };
    for (;;) {
        ContactPatch patch;
        qint64 line = 0;
        auto more = source.next(patch, line);
        if (!more && rows == 0)
            return fatal(Error {more.error().code, {}, m_plan.path + QStringLiteral(": ") + more.error().detail});
        if (!more) {
            // Damage part way (a quote never closed): the rows before it are imported, and the report says
            // where reading stopped rather than failing the whole file.
            releaseAll();
            ship(source.errorLine(), more.error(), source.errorLine());
            queue.close();
            return;
        }
        if (!*more)
            break;
        issues.append(source.takeIssues());
        const qint64 row = rows++;
        if (const qint64 last = groups->lastOfGroup(row); last > row) {
            held[last].append({line, std::move(patch)});
        } else {
            if (const auto it = held.find(row); it != held.end()) {
                release(*it);
                held.erase(it);
            }
            lines.append(line);
            patches.append(std::move(patch));
        }
        if (patches.size() >= std::min<qint64>(m_chunkRows, m_batchRows - rowsInBatch)) {
            // Rows read after the chunk are none: the chunk ended with `line`; the next row starts later. A row
            // still waiting for the rest of its group is not in it either.
            qint64 resume = line + 1;
            for (const auto& group : std::as_const(held))
                resume = std::min(resume, group.constFirst().first);
            if (!ship(resume) || m_cancel.loadRelaxed()) {
                queue.close();
                return;
            }
        }
    }
    releaseAll();
    if (!patches.isEmpty() || !issues.isEmpty())
        ship(0);
    queue.close();
}

} // namespace roster
