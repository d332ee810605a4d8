#include "ImportJob.h"

#include "StoreSession.h"
#include "StoreSettings.h"
#include "contact/LinkedinUrlNormalizer.h"
#include "io/ColumnMapper.h"
#include "io/ColumnMapping.h"
#include "io/CsvReader.h"
#include "io/VcardReader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace roster {

namespace {

// Roster's CSV export guards cells a spreadsheet would run ("'=SUM(...)"); reading them back removes it.
// Other exporters keep a phone's leading zero from a spreadsheet by writing it as a text formula,
// ="0612345678", which a spreadsheet shows as the text inside; so does Roster.
QString unguard(const QString& value)
{
    if (value.size() >= 2 && value.front() == u'\'') {
        const QChar next = value.at(1);
        if (next == u'=' || next == u'+' || next == u'-' || next == u'@' || next == u'\t' || next == u'\r')
            return value.mid(1);
    }
    if (value.size() >= 3 && value.startsWith(u"=\"") && value.back() == u'"') {
        QString inner = value.mid(2, value.size() - 3);
        if (!QString(inner).remove(u"\"\""_qs).contains(u'"'))
            return inner.replace(u"\"\""_qs, u"\""_qs);
    }
    return value;
}

bool mayBeGuarded(const QString& value)
{
    return value.startsWith(u'\'') || value.startsWith(u'=');
}

void unguard(ContactPatch& patch)
{
    for (const FieldInfo& info : FieldRegistry::all()) {
        if (patch.has(info.field) && mayBeGuarded(patch.value(info.field)))
            patch.set(info.field, unguard(patch.value(info.field)));
    }
    for (auto it = patch.custom().cbegin(); it != patch.custom().cend(); ++it) {
        if (mayBeGuarded(it.value()))
            patch.setCustom(it.key(), unguard(it.value()));
    }
}

} // namespace

namespace {

// Where the rows come from: a CSV file through a column mapping, or a vCard file.
class ImportSource
{
public:
    virtual ~ImportSource() = default;
    virtual Result<bool> next(ContactPatch& patch, qint64& line) = 0;
    virtual qint64 bytes() const = 0;
    // Where the file could not be read on (after next() failed), 0 when unknown.
    virtual qint64 errorLine() const { return 0; }
    // What the last row read lost or how it was damaged, for the report.
    virtual QList<ImportIssue> takeIssues() { return {}; }
};

class CsvSource final : public ImportSource
{
public:
    explicit CsvSource(QIODevice* device)
        : m_reader(device)
    {
    }

    Result<void> open(const QByteArray& encoding)
    {
        if (!encoding.isEmpty())
            m_reader.setEncoding(encoding);
        return m_reader.open();
    }
    CsvReader& reader() { return m_reader; }
    void setMapping(const ColumnMapping& mapping) { m_mapper.emplace(mapping); }

    Result<bool> next(ContactPatch& patch, qint64& line) override
    {
        auto more = m_reader.readRecord(m_record);
        if (!more || !*more)
            return more;
        patch = m_mapper->toPatch(m_record);
        unguard(patch);
        line = m_record.line();
        return true;
    }
    qint64 bytes() const override { return m_reader.bytesConsumed(); }
    qint64 errorLine() const override { return m_reader.errorLine(); }

private:
    CsvReader m_reader;
    CsvRecord m_record;
    std::optional<ColumnMapper> m_mapper;
};

class VcardSource final : public ImportSource
{
public:
    explicit VcardSource(QIODevice* device)
        : m_reader(device)
    {
    }
    Result<void> open(const QByteArray& encoding)
    {
        if (!encoding.isEmpty())
            m_reader.setEncoding(encoding);
        return m_reader.open();
    }
    VcardReader& reader() { return m_reader; }

    Result<bool> next(ContactPatch& patch, qint64& line) override
    {
        VcardReader::Card card;
        auto more = m_reader.readCard(card);
        if (!more || !*more)
            return more;
        patch = std::move(card.patch);
        line = card.line;
        if (!card.problem.isEmpty())
            m_issues.append({card.line, {}, ErrorCode::ParseError, card.problem});
        if (!card.notKept.isEmpty())
            m_issues.append({card.line,
                             {},
                             ErrorCode::FieldIgnored,
                             QStringLiteral("not imported: %1").arg(card.notKept.join(QStringLiteral("; ")))});
        return true;
    }
    qint64 bytes() const override { return m_reader.bytesConsumed(); }
    QList<ImportIssue> takeIssues() override { return std::exchange(m_issues, {}); }

private:
    VcardReader m_reader;
    QList<ImportIssue> m_issues;
};

QString mappingKey(const QString& headerHash)
{
    return QStringLiteral("import.mapping.") + headerHash;
}

} // namespace

ImportJob::ImportJob(StoreSession& session, ImportOptions options, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_options(std::move(options))
{
}

namespace {

// The identity a row is known by inside one file: its email (any letter case) or its LinkedIn profile.
QString rowKey(const ContactPatch& patch)
{
    if (patch.has(Field::Email) && !patch.value(Field::Email).trimmed().isEmpty())
        return QStringLiteral("e:") + patch.value(Field::Email).trimmed().toLower();
    if (patch.has(Field::LinkedinUrl) && !patch.value(Field::LinkedinUrl).trimmed().isEmpty()) {
        if (auto url = LinkedinUrlNormalizer::profile(patch.value(Field::LinkedinUrl)))
            return QStringLiteral("l:") + *url;
    }
    return {};
}

// Folds a later row for the same person into the first: its non-empty values win, lists add up.
void foldInto(ContactPatch& first, const ContactPatch& later)
{
    for (const FieldInfo& info : FieldRegistry::all()) {
        if (later.has(info.field) && !later.value(info.field).trimmed().isEmpty())
            first.set(info.field, later.value(info.field));
    }
    if (later.hasExtraEmails()) {
        QStringList emails = first.extraEmails();
        for (const QString& e : later.extraEmails()) {
            if (!emails.contains(e, Qt::CaseInsensitive))
                emails << e;
        }
        first.setExtraEmails(emails, first.hasExtraEmails() ? first.extraEmailMode() : later.extraEmailMode());
    }
    if (later.hasExtraPhones()) {
        first.setExtraPhones(PhoneTypes::appendMissing(first.extraPhones(), later.extraPhones()),
                             first.hasExtraPhones() ? first.extraPhoneMode() : later.extraPhoneMode());
    }
    if (later.hasExtraWebsites()) {
        QStringList urls = first.extraWebsites();
        for (const QString& u : later.extraWebsites()) {
            if (!urls.contains(u, Qt::CaseInsensitive))
                urls << u;
        }
        first.setExtraWebsites(urls, first.hasExtraWebsites() ? first.extraWebsiteMode() : later.extraWebsiteMode());
    }
    if (later.hasTags()) {
        QStringList tags = first.tags();
        for (const QString& t : later.tags()) {
            if (!tags.contains(t, Qt::CaseInsensitive))
                tags << t;
        }
        first.setTags(tags, first.hasTags() ? first.tagMode() : later.tagMode());
    }
    for (auto it = later.custom().cbegin(); it != later.custom().cend(); ++it) {
        if (!it.value().trimmed().isEmpty())
            first.setCustom(it.key(), it.value());
    }
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

} // namespace

Result<void> ImportJob::flush(QVector<ContactPatch>& patches, QVector<qint64>& lines, ImportSummary& summary)
{
    if (patches.isEmpty())
        return {};
    // A file that lists one person twice would otherwise flip the contact between its rows on every
    // import; folded into the first row, importing the file again changes nothing.
    QVector<qsizetype> foldedInto(patches.size(), -1);
    QHash<qsizetype, QList<std::pair<QString, QString>>> damaged;
    QHash<QString, qsizetype> firstRow;
    for (qsizetype i = 0; i < patches.size(); ++i) {
        if (const auto fields = damagedFields(patches.at(i)); !fields.isEmpty())
            damaged.insert(i, fields);
        const QString key = rowKey(patches.at(i));
        if (key.isEmpty())
            continue;
        const auto it = firstRow.constFind(key);
        if (it == firstRow.constEnd()) {
            firstRow.insert(key, i);
            continue;
        }
        foldInto(patches[*it], patches.at(i));
        foldedInto[i] = *it;
        patches[i] = ContactPatch(); // rejected by the engine as empty; replaced below
    }
    auto results = m_options.dryRun ? checkBatch(patches)
                                    : m_session.engine().upsertBatch(patches, m_options.policy, summary.operationId);
    if (!results)
        return std::unexpected(results.error());
    for (qsizetype i = 0; i < results->size(); ++i) {
        if (foldedInto.at(i) >= 0) {
            const UpsertResult& first = results->at(foldedInto.at(i));
            UpsertResult folded;
            folded.status = first.status == UpsertResult::Status::Rejected ? UpsertResult::Status::Rejected
                                                                           : UpsertResult::Status::Unchanged;
            folded.contactId = first.contactId;
            folded.error = first.error;
            folded.warnings.append(
                {ErrorCode::DuplicateInFile, QStringLiteral("email"),
                 QStringLiteral("same person as line %1; merged into it").arg(lines.at(foldedInto.at(i))),
                 first.contactId});
            (*results)[i] = folded;
        }
        for (const auto& [field, value] : damaged.value(i)) {
            (*results)[i].warnings.append({ErrorCode::InvalidEncoding, field,
                                           QStringLiteral("'%1': bytes that are not valid %2 were replaced by \uFFFD")
                                               .arg(value, QString::fromLatin1(summary.encoding)),
                                           0});
        }
        const UpsertResult& r = results->at(i);
        const qint64 line = lines.at(i);
        switch (r.status) {
        case UpsertResult::Status::Created:
            ++summary.created;
            break;
        case UpsertResult::Status::Updated:
            ++summary.updated;
            break;
        case UpsertResult::Status::Unchanged:
            // A row folded into an earlier one of the file added its values there: it was merged, not unchanged.
            if (foldedInto.at(i) >= 0)
                ++summary.merged;
            else
                ++summary.unchanged;
            break;
        case UpsertResult::Status::Rejected:
            ++summary.rejected;
            summary.errors.append({line, r.error->field, r.error->code, r.error->detail});
            break;
        }
        for (const UpsertWarning& w : r.warnings)
            summary.warnings.append({line, w.field, w.code, w.detail});
        if (m_sink)
            m_sink({line, r});
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
Result<QVector<UpsertResult>> ImportJob::checkBatch(const QVector<ContactPatch>& patches)
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

Result<ImportSummary> ImportJob::run()
{
    const QFileInfo info(m_options.path);
    if (!info.exists())
        return fail(ErrorCode::FileNotFound, QStringLiteral("%1: no such file").arg(m_options.path));
    if (info.isDir())
        return fail(ErrorCode::FileUnreadable, QStringLiteral("%1 is a folder, not a file").arg(m_options.path));
    // Reading the database through a QFile of our own would also drop this process's locks on it when closed.
    if (Database::isDatabaseFile(m_session.database().path(), m_options.path))
        return fail(
            ErrorCode::OwnDatabaseFile,
            QStringLiteral("%1 is Roster's own database, not a file of contacts to import").arg(m_options.path));
    QFile file(m_options.path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::FileUnreadable,
                    QStringLiteral("cannot read %1: %2").arg(m_options.path, file.errorString()));
    const qint64 totalBytes = file.size();

    ImportSummary summary;
    summary.dryRun = m_options.dryRun;
    std::unique_ptr<ImportSource> source;
    const QString suffix = info.suffix().toLower();
    const bool vcard = suffix == QLatin1String("vcf") || suffix == QLatin1String("vcard")
        || VcardReader::looksLikeVcard(file.peek(4096));
    StoreSettings settings(m_session.database());
    if (vcard) {
        auto cards = std::make_unique<VcardSource>(&file);
        if (auto ok = cards->open(m_options.encoding); !ok)
            return std::unexpected(
                Error {ok.error().code, {}, m_options.path + QStringLiteral(": ") + ok.error().detail});
        summary.format = QStringLiteral("vcard");
        summary.encoding = cards->reader().encoding();
        source = std::move(cards);
    } else {
        auto csv = std::make_unique<CsvSource>(&file);
        if (auto ok = csv->open(m_options.encoding); !ok)
            return std::unexpected(
                Error {ok.error().code, {}, m_options.path + QStringLiteral(": ") + ok.error().detail});
        const QStringList header = csv->reader().header();
        ColumnMapping mapping = ColumnMapper::suggest(header);
        const QString saved = settings.value(mappingKey(ColumnMapping::hashHeader(header)));
        if (!saved.isEmpty()) {
            if (auto remembered = ColumnMapping::fromJson(QJsonDocument::fromJson(saved.toUtf8()).object(), header))
                mapping = *remembered;
        }
        for (auto it = m_options.mapping.cbegin(); it != m_options.mapping.cend(); ++it) {
            if (auto ok = mapping.setTarget(it.key(), it.value()); !ok)
                return std::unexpected(Error {ok.error().code, QStringLiteral("--map"), ok.error().detail});
        }
        csv->setMapping(mapping);
        summary.format = QStringLiteral("csv");
        summary.encoding = csv->reader().encoding();
        summary.delimiter = csv->reader().delimiter();
        summary.header = header;
        summary.mapping = mapping.targets();
        summary.unmapped = mapping.unmappedHeaders();
        if (!m_options.mapping.isEmpty() && !m_options.dryRun)
            settings.setValue(mappingKey(mapping.headerHash()),
                              QString::fromUtf8(QJsonDocument(mapping.toJson()).toJson(QJsonDocument::Compact)));
        // A column the user sent to a custom field registers that field: the choice was explicit.
        for (const QString& target : mapping.targets()) {
            if (target.startsWith(FieldRegistry::customPrefix())) {
                const QString key = target.mid(FieldRegistry::customPrefix().size());
                if (!m_session.engine().customFields().contains(key))
                    m_newCustomFields << key;
            }
        }
        source = std::move(csv);
    }

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

    m_origin = {QStringLiteral("import:") + info.absoluteFilePath(), QStringLiteral("Import %1").arg(info.fileName())};
    if (!m_options.dryRun) {
        auto op = m_session.engine().beginOperation(m_origin);
        if (!op)
            return finish(std::unexpected(op.error()));
        summary.operationId = *op;
    }

    // Once the first batch is read, its bytes per row tell how many rows the file holds: a load large
    // against the table takes the engine's bulk path (the window's sort indexes built once at the end).
    bool sized = false;
    auto startBulk = [&]() -> Result<void> {
        if (sized || m_options.dryRun)
            return {};
        sized = true;
        const qint64 consumed = std::max<qint64>(source->bytes(), 1);
        const qint64 expected = static_cast<qint64>(static_cast<double>(totalBytes) * static_cast<double>(summary.rows)
                                                    / static_cast<double>(consumed));
        if (auto ok = m_session.engine().beginBulkLoad(expected); !ok)
            return ok;
        bulk = true;
        return {};
    };

    QVector<ContactPatch> patches;
    QVector<qint64> lines;
    // A dry run's batch is what another writer may have to wait for: a few thousand rows take well under a second.
    constexpr int kDryRunBatch = 5000;
    const int batchSize
        = std::max(1, m_options.dryRun ? std::min(m_options.batchSize, kDryRunBatch) : m_options.batchSize);
    patches.reserve(batchSize);
    lines.reserve(batchSize);
    for (;;) {
        ContactPatch patch;
        qint64 line = 0;
        auto more = source->next(patch, line);
        if (!more && summary.rows > 0) {
            // Damage part way (a quote never closed): the rows before it are imported, and the report says
            // where reading stopped rather than failing the whole file.
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
            return finish(std::unexpected(
                Error {more.error().code, {}, m_options.path + QStringLiteral(": ") + more.error().detail}));
        if (!*more)
            break;
        summary.warnings.append(source->takeIssues());
        patches.append(std::move(patch));
        lines.append(line);
        ++summary.rows;
        if (summary.rows % 10000 == 0)
            emit progress(summary.rows, source->bytes(), totalBytes);
        if (patches.size() >= batchSize) {
            const qint64 nextLine = line;
            if (auto ok = startBulk(); !ok)
                return finish(std::unexpected(ok.error()));
            if (auto ok = flush(patches, lines, summary); !ok)
                return finish(std::unexpected(ok.error()));
            if (m_cancel.loadRelaxed()) {
                summary.cancelled = true;
                // Rows read after the batch are none: the batch ended with `line`; the next row starts later.
                summary.stoppedAtLine = nextLine + 1;
                break;
            }
        }
    }
    if (!summary.cancelled) {
        if (auto ok = startBulk(); !ok)
            return finish(std::unexpected(ok.error()));
        if (auto ok = flush(patches, lines, summary); !ok)
            return finish(std::unexpected(ok.error()));
    }
    emit progress(summary.rows, source->bytes(), totalBytes);
    if (summary.rows == 0 && !summary.cancelled)
        return finish(fail(ErrorCode::EmptyFile, QStringLiteral("%1 holds no contacts").arg(m_options.path)));
    return finish(summary);
}

} // namespace roster
