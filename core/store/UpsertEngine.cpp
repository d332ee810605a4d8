#include "UpsertEngine.h"

#include "AddedContactsRepair.h"
#include "ContactUpdate.h"
#include "Database.h"
#include "DatabaseConfig.h"
#include "NormalizeAhead.h"

#include <QRandomGenerator>

#include <algorithm>
#include <array>

namespace roster {

namespace {

UpsertResult rejected(Error error)
{
    UpsertResult result;
    result.status = UpsertResult::Status::Rejected;
    result.error = std::move(error);
    return result;
}

} // namespace

UpsertEngine::UpsertEngine(Database& db, const Clock& clock, const QString& phoneRegion)
    : m_db(db)
    , m_clock(clock)
    , m_phones(phoneRegion)
    , m_regionFromDatabase(phoneRegion.isEmpty())
    , m_customFields(db)
    , m_normalizer(m_phones, m_customFields)
    , m_table(db)
    , m_log(db)
    , m_companies(db)
    , m_bulk(db, m_table)
{
}

Result<std::unique_ptr<UpsertEngine>> UpsertEngine::create(Database& db, const Clock& clock, const QString& phoneRegion)
{
    std::unique_ptr<UpsertEngine> engine(new UpsertEngine(db, clock, phoneRegion));
    if (auto ok = engine->prepare(); !ok)
        return std::unexpected(ok.error());
    return engine;
}

void UpsertEngine::reloadPhoneRegion()
{
    if (!m_regionFromDatabase)
        return;
    if (const QString region = DatabaseConfig(m_db).phoneRegion(); region != m_phones.region())
        m_phones = PhoneNormalizer(region);
}

Result<void> UpsertEngine::prepare()
{
    reloadPhoneRegion();
    if (auto ok = m_table.prepare(); !ok)
        return ok;
    if (auto ok = m_log.prepare(); !ok)
        return ok;
    if (auto ok = m_companies.prepare(); !ok)
        return ok;
    // A pair already flagged for the same field keeps its first detail: the hint says that the two
    // contacts clash, not how many times an import noticed it.
    m_insertHint = SqlStatement(m_db,
                                "INSERT INTO duplicate_hints (contact_id, other_contact_id, field, detail, "
                                "created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
    if (!m_insertHint.isValid())
        return std::unexpected(m_insertHint.lastError());
    // A bulk load killed before its end left the window's sort indexes dropped, or contacts out of the search
    // index: made whole now, unless another process is writing (a load still running, which does it when it ends).
    m_bulk.repairAtOpen();
    if (auto added = AddedContactsRepair::run(m_db, m_table); !added)
        qWarning("roster: contacts added by another program not indexed yet: %s", qPrintable(added.error().detail));
    return m_customFields.reload();
}

QString UpsertEngine::newUid() const
{
    // 128 random bits, as many as a version 4 UUID has, in 22 base64url characters (a vCard's UID, a JSON
    // string). Nothing looks a contact up by uid and no index orders them, so they need no time prefix. Each
    // thread's generator is seeded once with 256 bits from the system, so two machines never share a sequence.
    thread_local QRandomGenerator64 random = [] {
        std::array<quint32, 8> seed {};
        QRandomGenerator::system()->fillRange(seed.data(), seed.size());
        return QRandomGenerator64(seed.data(), static_cast<qsizetype>(seed.size()));
    }();
    const std::array<quint64, 2> bits {random.generate64(), random.generate64()};
    const QByteArray bytes(reinterpret_cast<const char*>(bits.data()), sizeof bits);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<void> UpsertEngine::indexPendingCreates()
{
    if (m_firstCreated == 0)
        return {};
    auto ok = m_table.addCreatedToSearch(m_firstCreated, m_lastCreated);
    m_firstCreated = m_lastCreated = 0;
    return ok;
}

Result<void> UpsertEngine::logPendingCreates(qint64 op)
{
    if (m_unloggedFrom == 0)
        return {};
    auto ok = m_log.logCreatedRange(op, m_unloggedFrom, m_lastCreated);
    m_unloggedFrom = 0;
    return ok;
}

void UpsertEngine::resetAfterRollback()
{
    m_firstCreated = m_lastCreated = m_unloggedFrom = 0;
    m_table.resetCaches();
    m_companies.resetCaches();
    m_customFields.reload();
}

Result<qint64> UpsertEngine::beginOperation(const WriteOrigin& origin)
{
    return m_db.transaction([&] {
        reloadPhoneRegion();
        return m_log.beginOperation(origin);
    });
}

Result<void> UpsertEngine::beginBulkLoad(qint64 expectedRows)
{
    return m_bulk.begin(expectedRows);
}

Result<void> UpsertEngine::endBulkLoad()
{
    return m_bulk.end();
}

Result<UpsertResult> UpsertEngine::upsert(const ContactPatch& patch, const UpsertPolicy& policy,
                                          const WriteOrigin& origin)
{
    if (auto ok = m_db.begin(); !ok)
        return std::unexpected(ok.error());
    m_table.keyFilter().transactionBegun();
    reloadPhoneRegion();
    m_at = m_clock.now();
    m_now = m_at.toString(Qt::ISODateWithMs);
    m_firstCreated = m_lastCreated = m_unloggedFrom = 0;
    auto op = m_log.beginOperation(origin);
    Result<UpsertResult> result
        = op ? apply(m_normalizer.prepare(patch, policy), policy, *op) : std::unexpected(op.error());
    if (result) {
        if (auto ok = logPendingCreates(*op); !ok)
            result = std::unexpected(ok.error());
        else if (auto indexed = indexPendingCreates(); !indexed)
            result = std::unexpected(indexed.error());
    }
    if (!result) {
        m_db.rollback();
        resetAfterRollback();
        return result;
    }
    if (auto ok = m_db.commit(); !ok) {
        resetAfterRollback();
        return std::unexpected(ok.error());
    }
    return result;
}

Result<QVector<UpsertResult>> UpsertEngine::upsertBatch(std::span<const ContactPatch> patches,
                                                        const UpsertPolicy& policy, qint64 operationId)
{
    if (auto ok = beginBatch(); !ok)
        return std::unexpected(ok.error());
    Result<QVector<UpsertResult>> results;
    if (patches.size() >= NormalizeAhead::kMinPatches) {
        NormalizeAhead ahead(patches, policy, m_phones.region(), m_customFields);
        results = upsertEach(patches, policy, operationId, [&](std::size_t i) { return ahead.take(i); });
    } else {
        results = upsertEach(patches, policy, operationId, [](std::size_t) { return nullptr; });
    }
    if (!results)
        return results;
    if (auto ok = commitBatch(operationId); !ok)
        return std::unexpected(ok.error());
    return results;
}

Result<void> UpsertEngine::beginBatch()
{
    if (auto ok = m_db.begin(); !ok)
        return ok;
    m_table.keyFilter().transactionBegun();
    m_at = m_clock.now();
    m_now = m_at.toString(Qt::ISODateWithMs);
    m_firstCreated = m_lastCreated = m_unloggedFrom = 0;
    return {};
}

Result<QVector<UpsertResult>> UpsertEngine::upsertPrepared(std::span<const ContactPatch> patches,
                                                           std::span<std::optional<Result<PreparedPatch>>> prepared,
                                                           const UpsertPolicy& policy, qint64 operationId)
{
    return upsertEach(patches, policy, operationId, [&](std::size_t i) -> Result<PreparedPatch>* {
        return i < prepared.size() && prepared[i] ? &*prepared[i] : nullptr;
    });
}

Result<QVector<UpsertResult>> UpsertEngine::upsertEach(std::span<const ContactPatch> patches,
                                                       const UpsertPolicy& policy, qint64 operationId,
                                                       const PreparedSource& prepared)
{
    QVector<UpsertResult> results;
    results.reserve(static_cast<qsizetype>(patches.size()));
    for (std::size_t i = 0; i < patches.size(); ++i) {
        // Taken where it lies: a PreparedPatch is dozens of strings, and a million moves of it show in a profile.
        Result<PreparedPatch>* given = prepared(i);
        auto result = given ? apply(std::move(*given), policy, operationId)
                            : apply(m_normalizer.prepare(patches[i], policy), policy, operationId);
        if (!result) {
            rollbackBatch();
            return std::unexpected(result.error());
        }
        results.append(std::move(*result));
    }
    return results;
}

Result<void> UpsertEngine::commitBatch(qint64 operationId)
{
    const std::pair<qint64, qint64> created {m_firstCreated, m_lastCreated};
    auto ended = logPendingCreates(operationId);
    if (ended && !m_bulk.indexesAside())
        ended = indexPendingCreates();
    if (!ended) {
        rollbackBatch();
        return ended;
    }
    if (auto ok = m_db.commit(); !ok) {
        resetAfterRollback();
        return ok;
    }
    if (m_bulk.indexesAside()) {
        m_firstCreated = m_lastCreated = 0;
        m_bulk.committed(created.first, created.second);
    }
    return {};
}

void UpsertEngine::rollbackBatch()
{
    m_db.rollback();
    resetAfterRollback();
    m_bulk.rolledBack();
}

Result<void> UpsertEngine::recordDuplicateHints(const UpsertResult& result)
{
    if (result.contactId <= 0)
        return {};
    for (const UpsertWarning& warning : result.warnings) {
        if (warning.code != ErrorCode::PossibleDuplicate || warning.otherContactId <= 0
            || warning.otherContactId == result.contactId)
            continue;
        m_insertHint.bind(1, result.contactId);
        m_insertHint.bind(2, warning.otherContactId);
        m_insertHint.bind(3, warning.field);
        m_insertHint.bind(4, warning.detail);
        m_insertHint.bind(5, m_now);
        if (auto ok = m_insertHint.exec(); !ok)
            return ok;
    }
    return {};
}

Result<UpsertResult> UpsertEngine::apply(Result<PreparedPatch>&& prepared, const UpsertPolicy& policy, qint64 op)
{
    // Kept in the same transaction as the write, so a rolled-back batch leaves no hint behind; most
    // results carry no warning and cost one isEmpty().
    auto result = applyPatch(std::move(prepared), policy, op);
    if (result && !result->warnings.isEmpty()) {
        if (auto ok = recordDuplicateHints(*result); !ok)
            return std::unexpected(ok.error());
    }
    return result;
}

Result<UpsertResult> UpsertEngine::applyPatch(Result<PreparedPatch>&& prepared, const UpsertPolicy& policy, qint64 op)
{
    if (!prepared)
        return rejected(prepared.error());
    PreparedPatch& p = *prepared;
    if (policy.createOnly) {
        if (auto taken = identifierTaken(p))
            return *taken;
    }

    // An identifier of the input that another contact already owns as an extra email stays with its owner.
    for (qsizetype i = p.extraEmailKeys.size() - 1; i >= 0; --i) {
        const qint64 owner = m_table.findByEmail(p.extraEmailKeys.at(i)).contactId;
        if (owner == 0)
            continue;
        const qint64 target = p.contactId.value_or(0);
        const qint64 emailOwner = p.emailKey.isEmpty() ? 0 : m_table.findByEmail(p.emailKey).contactId;
        if (owner != target && owner != emailOwner) {
            p.warnings.append(
                {ErrorCode::PossibleDuplicate, FieldRegistry::extraEmailsName(),
                 QStringLiteral("%1 belongs to contact %2; not added").arg(p.extraEmails.at(i)).arg(owner), owner});
            p.extraEmails.removeAt(i);
            p.extraEmailKeys.removeAt(i);
        }
    }

    Error rejection;
    const qint64 match = m_matcher.findMatch(p, policy, &rejection);
    if (match < 0)
        return rejected(rejection);
    m_matcher.dropIdentifiersOwnedElsewhere(p, policy, match);
    if (match == 0) {
        if (!policy.createWhenNoMatch)
            return rejected(Error {ErrorCode::ContactNotFound, {}, QStringLiteral("no contact matches")});
        return createContact(p, policy);
    }
    return updateContact(p, policy, op, match);
}

// The first identifier of the input that another contact owns, as a rejection naming that contact (in a
// warning, which carries its id for "open it").
std::optional<UpsertResult> UpsertEngine::identifierTaken(const PreparedPatch& p)
{
    const auto owned = [&](Field field, const QString& shown, qint64 owner) -> std::optional<UpsertResult> {
        if (owner <= 0)
            return std::nullopt;
        const QString name = FieldRegistry::name(field);
        const QString detail = QStringLiteral("%1 %2 belongs to contact %3").arg(name, shown).arg(owner);
        UpsertResult result = rejected(Error {ErrorCode::IdentifierTaken, name, detail});
        result.warnings.append({ErrorCode::IdentifierTaken, name, detail, owner});
        return result;
    };
    if (!p.emailKey.isEmpty()) {
        if (auto r = owned(Field::Email, p.value(Field::Email), m_table.findByEmail(p.emailKey).contactId))
            return r;
    }
    for (qsizetype i = 0; i < p.extraEmailKeys.size(); ++i) {
        if (auto r = owned(Field::Email, p.extraEmails.at(i), m_table.findByEmail(p.extraEmailKeys.at(i)).contactId))
            return r;
    }
    if (!p.linkedinKey.isEmpty()) {
        if (auto r = owned(Field::LinkedinUrl, p.value(Field::LinkedinUrl), m_table.findByLinkedin(p.linkedinKey)))
            return r;
    }
    if (!p.salesNavKey.isEmpty()) {
        if (auto r = owned(Field::SalesNavUrl, p.value(Field::SalesNavUrl), m_table.findBySalesNav(p.salesNavKey)))
            return r;
    }
    if (!p.phoneKey.isEmpty()) {
        const QVector<qint64> owners = m_table.findByPhone(p.phoneKey);
        if (auto r = owned(Field::Phone, p.value(Field::Phone), owners.isEmpty() ? 0 : owners.first()))
            return r;
    }
    for (qsizetype i = 0; i < p.extraPhoneKeys.size(); ++i) {
        if (p.extraPhoneKeys.at(i).isEmpty())
            continue;
        const QVector<qint64> owners = m_table.findByPhone(p.extraPhoneKeys.at(i));
        if (auto r = owned(Field::Phone, p.extraPhones.at(i).number, owners.isEmpty() ? 0 : owners.first()))
            return r;
    }
    return std::nullopt;
}

Result<UpsertResult> UpsertEngine::createContact(PreparedPatch& p, const UpsertPolicy& policy)
{
    UpsertResult result;
    Contact contact;
    contact.uid = newUid();
    for (const FieldInfo& info : FieldRegistry::all()) {
        if (p.isSet(info.field)) {
            contact.setValue(info.field, p.value(info.field));
            result.changedFields << FieldRegistry::name(info.field);
        }
    }
    if (contact.value(Field::Source).isEmpty() && !policy.defaultSource.isEmpty()) {
        contact.setValue(Field::Source, policy.defaultSource);
        result.changedFields << FieldRegistry::name(Field::Source);
    }
    auto company = m_companies.resolve(p, policy, 0, {}, m_now);
    if (!company)
        return std::unexpected(company.error());
    contact.companyId = *company;
    auto id = m_table.insert(contact, m_at);
    if (!id)
        return std::unexpected(id.error());
    contact.id = *id;
    if (!p.extraEmails.isEmpty()) {
        contact.extraEmails = p.extraEmails;
        if (auto ok = m_table.replaceExtraEmails(contact.id, contact.extraEmails, ContactTable::Held::None); !ok)
            return std::unexpected(ok.error());
        result.changedFields << FieldRegistry::extraEmailsName();
    }
    if (!p.extraPhones.isEmpty()) {
        contact.extraPhones = p.extraPhones;
        if (auto ok = m_table.replaceExtraPhones(contact.id, contact.extraPhones, ContactTable::Held::None); !ok)
            return std::unexpected(ok.error());
        result.changedFields << FieldRegistry::extraPhonesName();
    }
    if (!p.extraWebsites.isEmpty()) {
        contact.extraWebsites = p.extraWebsites;
        if (auto ok = m_table.replaceExtraWebsites(contact.id, contact.extraWebsites, ContactTable::Held::None); !ok)
            return std::unexpected(ok.error());
        result.changedFields << FieldRegistry::extraWebsitesName();
    }
    if (p.hasTags && !p.tags.isEmpty()) {
        contact.tags = p.tags;
        if (auto ok = m_table.replaceTags(contact.id, contact.tags, ContactTable::Held::None); !ok)
            return std::unexpected(ok.error());
        result.changedFields << FieldRegistry::tagsName();
    }
    for (auto it = p.custom.cbegin(); it != p.custom.cend(); ++it) {
        if (!it.value())
            continue;
        if (auto ok = m_table.setCustom(contact.id, it.key(), it.value()); !ok)
            return std::unexpected(ok.error());
        result.changedFields << FieldRegistry::customPrefix() + it.key();
    }
    if (m_unloggedFrom == 0)
        m_unloggedFrom = contact.id;
    // Logged (logPendingCreates) and indexed for search (indexPendingCreates) a run at a time, set-based.
    if (m_firstCreated == 0)
        m_firstCreated = contact.id;
    m_lastCreated = contact.id;
    result.status = UpsertResult::Status::Created;
    result.contactId = contact.id;
    result.warnings = std::move(p.warnings);
    return result;
}

Result<UpsertResult> UpsertEngine::updateContact(PreparedPatch& p, const UpsertPolicy& policy, qint64 op, qint64 id)
{
    const auto loaded = m_table.load(id);
    if (!loaded)
        return fail(ErrorCode::DatabaseError, QStringLiteral("contact %1 vanished during the write").arg(id));
    ContactUpdate update(m_table, *loaded);
    update.mergeFields(p, policy);
    auto company = m_companies.resolve(p, policy, loaded->companyId, loaded->value(Field::CompanyName), m_now);
    if (!company)
        return std::unexpected(company.error());
    update.setCompany(*company);
    update.mergeLists(p);
    update.mergeCustom(p);
    const Contact& next = update.next();
    const bool searchChanged = update.searchChanged();

    UpsertResult result;
    result.contactId = id;
    result.warnings = std::move(p.warnings);
    if (update.changes().isEmpty()) {
        result.status = UpsertResult::Status::Unchanged;
        return result;
    }
    // A contact created earlier in this batch is indexed with its final values when the batch ends. Any other
    // leaves the search index before its values change (see ContactTable::removeFromSearch).
    const bool createdInBatch = m_firstCreated != 0 && id >= m_firstCreated;
    // One the side index holds already is indexed there again after the commit.
    // (Unless another writer has meanwhile put it in the main index, which then keeps it up to date.)
    const bool aside = searchChanged && !createdInBatch && m_bulk.holds(id);
    if (aside)
        m_bulk.changed(id);
    const bool reindex = searchChanged && !createdInBatch && !aside;
    if (reindex) {
        if (auto ok = m_table.removeFromSearch(id); !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = m_table.update(next, m_at); !ok)
        return std::unexpected(ok.error());
    if (update.extraEmailsChanged()) {
        if (auto ok = m_table.replaceExtraEmails(id, next.extraEmails); !ok)
            return std::unexpected(ok.error());
    }
    if (update.extraPhonesChanged()) {
        if (auto ok = m_table.replaceExtraPhones(id, next.extraPhones); !ok)
            return std::unexpected(ok.error());
    }
    if (update.extraWebsitesChanged()) {
        if (auto ok = m_table.replaceExtraWebsites(id, next.extraWebsites); !ok)
            return std::unexpected(ok.error());
    }
    if (update.tagsChanged()) {
        if (auto ok = m_table.replaceTags(id, next.tags); !ok)
            return std::unexpected(ok.error());
    }
    for (const auto& [key, value] : update.customWrites()) {
        if (auto ok = m_table.setCustom(id, key, value); !ok)
            return std::unexpected(ok.error());
    }
    if (m_unloggedFrom != 0 && id >= m_unloggedFrom) {
        if (auto ok = logPendingCreates(op); !ok)
            return std::unexpected(ok.error());
    }
    for (const ContactUpdate::Change& change : update.changes()) {
        if (auto ok = m_log.logUpdate(op, id, change.field, change.oldValue, change.newValue); !ok)
            return std::unexpected(ok.error());
        result.changedFields << change.field;
        result.changes.append({change.field, change.oldValue, change.newValue});
    }
    if (reindex) {
        if (auto ok = m_table.addToSearch(id); !ok)
            return std::unexpected(ok.error());
    }
    result.status = UpsertResult::Status::Updated;
    return result;
}

Result<int> UpsertEngine::remove(const QVector<qint64>& ids, const WriteOrigin& origin)
{
    if (auto ok = m_db.begin(); !ok)
        return std::unexpected(ok.error());
    m_at = m_clock.now();
    m_now = m_at.toString(Qt::ISODateWithMs);
    auto run = [&]() -> Result<int> {
        auto op = m_log.beginOperation(origin);
        if (!op)
            return std::unexpected(op.error());
        int removed = 0;
        for (qint64 id : ids) {
            const auto contact = m_table.load(id);
            if (!contact)
                continue;
            if (auto ok = m_table.removeFromSearch(id); !ok)
                return std::unexpected(ok.error());
            if (auto ok = m_table.setDeleted(id, m_at); !ok)
                return std::unexpected(ok.error());
            if (auto ok = m_log.logDelete(*op, id); !ok)
                return std::unexpected(ok.error());
            ++removed;
        }
        return removed;
    };
    auto removed = run();
    if (!removed) {
        m_db.rollback();
        resetAfterRollback();
        return removed;
    }
    if (auto ok = m_db.commit(); !ok)
        return std::unexpected(ok.error());
    return removed;
}

} // namespace roster
