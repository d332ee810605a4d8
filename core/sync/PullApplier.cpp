#include "PullApplier.h"

#include "Provider.h"
#include "PushPlanner.h"
#include "SyncFingerprint.h"
#include "store/PatchNormalizer.h"
#include "store/StoreSession.h"
#include "store/SyncConflictStore.h"
#include "store/UpsertPolicies.h"

#include <vector>

namespace roster {

namespace {

// The local rules, except that a custom field the CRM has and Roster does not yet know is registered
// rather than refused: the remote record is what it is.
UpsertPolicy pullPolicy()
{
    UpsertPolicy policy = UpsertPolicies::local();
    policy.name = QStringLiteral("pull");
    policy.customFields = CustomFieldRule::RegisterUnknown;
    // A record not merged field by field (new, or linked before snapshots) only adds tags: a CRM's read may
    // lack local tags it could not take (Monaco's unknown tag names).
    policy.tags = TagRule::Append;
    return policy;
}

// What the three-way merge decided to write: exact values, lists replaced, clears on purpose.
UpsertPolicy mergePolicy()
{
    UpsertPolicy policy = pullPolicy();
    policy.name = QStringLiteral("merge");
    policy.tags = TagRule::AsRequested;
    policy.keepReplacedEmail = false;
    return policy;
}

SyncReport::PlannedChange change(const ThreeWayMerge::FieldResult& r)
{
    return {r.field, r.local, r.merged};
}

} // namespace

PullApplier::PullApplier(StoreSession& session, RemoteLinkStore& links, SyncConflictStore& conflicts,
                         const Provider& provider, HeldFields& held, Settings settings)
    : m_session(session)
    , m_links(links)
    , m_conflicts(conflicts)
    , m_provider(provider)
    , m_held(held)
    , m_settings(std::move(settings))
{
}

Result<void> PullApplier::begin()
{
    // Links are read a page at a time (loadLinks()): an account of a million contacts is not held here.
    m_byContact.clear();
    m_byRemote.clear();
    return {};
}

Result<void> PullApplier::loadLinks(const QList<RemoteRecord>& records)
{
    m_byContact.clear();
    m_byRemote.clear();
    QStringList ids;
    ids.reserve(records.size());
    for (const RemoteRecord& record : records) {
        if (!record.remoteId.isEmpty())
            ids << record.remoteId;
    }
    auto links = m_links.linksTo(m_settings.accountId, ids);
    if (!links)
        return std::unexpected(links.error());
    for (const RemoteLink& link : std::as_const(*links)) {
        m_byContact.insert(link.contactId, link);
        m_byRemote.insert(link.remoteId, link.contactId);
    }
    return {};
}

Result<RemoteLink> PullApplier::linkOf(qint64 contactId)
{
    if (const auto it = m_byContact.constFind(contactId); it != m_byContact.cend())
        return *it;
    return m_links.find(contactId, m_settings.accountId);
}

Result<qint64> PullApplier::operation()
{
    if (m_operation == 0) {
        auto op = m_session.engine().beginOperation({QStringLiteral("pull:") + m_settings.accountName,
                                                     QStringLiteral("Pull from %1").arg(m_settings.accountName)});
        if (!op)
            return std::unexpected(op.error());
        m_operation = *op;
    }
    return m_operation;
}

FieldMap PullApplier::normalizedRemote(const ContactPatch& patch) const
{
    // The remote values as the engine would store them, so "CEO " or a differently written phone is not
    // mistaken for a change. Custom values and tags are compared as sent (trimmed).
    FieldMap map = FieldValues::fromPatch(patch);
    ContactPatch scalars;
    for (const FieldInfo& info : FieldRegistry::all()) {
        if (patch.has(info.field))
            scalars.set(info.field, patch.value(info.field));
    }
    if (patch.hasExtraEmails())
        scalars.setExtraEmails(patch.extraEmails(), TagMode::Replace);
    UpsertPolicy policy = UpsertPolicies::local();
    policy.requiredAnyOf.clear();
    PatchNormalizer normalizer(m_session.engine().phones(), m_session.engine().customFields());
    const auto prepared = normalizer.prepare(scalars, policy);
    if (!prepared)
        return map;
    for (const FieldInfo& info : FieldRegistry::all()) {
        if (prepared->isSet(info.field))
            map.insert(QString::fromLatin1(info.name), FieldValues::text(prepared->value(info.field)));
    }
    if (prepared->hasExtraEmails)
        map.insert(FieldRegistry::extraEmailsName(), FieldValues::list(prepared->extraEmails));
    return map;
}

QString PullApplier::heldHash(const Contact& contact) const
{
    return SyncFingerprint::hash(m_provider,
                                 PushPlanner::sendable(contact, m_held, m_provider, m_settings.definitionsKnown));
}

Result<void> PullApplier::apply(const QList<RemoteRecord>& records, SyncReport& report, const ErrorSink& sink)
{
    Database& db = m_session.database();
    if (!m_settings.dryRun) {
        if (auto ok = db.begin(); !ok)
            return ok;
    }
    QList<RemoteRecord> unlinked;
    std::vector<Merged> merged;
    if (auto ok = loadLinks(records); !ok) {
        if (!m_settings.dryRun)
            db.rollback();
        return ok;
    }
    for (const RemoteRecord& record : records) {
        if (record.remoteId.isEmpty()) {
            ++report.pulled.failed;
            sink(0, {}, Error {ErrorCode::ParseError, {}, QStringLiteral("a listed record has no id")});
            continue;
        }
        m_seen.insert(record.remoteId);
        if (record.updatedAt.isValid() && (!m_latest.isValid() || record.updatedAt > m_latest))
            m_latest = record.updatedAt;
        const qint64 linked = m_byRemote.value(record.remoteId);
        if (linked == 0) {
            unlinked << record;
            continue;
        }
        const auto before = m_session.contacts().contact(linked);
        if (!before) {
            // Deleted here since the last sync: the push decides whether the deletion goes out; a pull does
            // not bring the contact back.
            ++report.pulled.unchanged;
            continue;
        }
        const RemoteLink link = m_byContact.value(linked);
        if (link.snapshot.isEmpty()) {
            unlinked << record; // linked before snapshots: by key, as before
            continue;
        }
        if (!m_guardSettled && !m_settings.guard.confirmed && overwritesLocal(record, *before, link)) {
            // Counted over the whole run before anything is written: a CRM that suddenly answers with
            // other values for many contacts (a bad import there, a broken gateway) waits for the user.
            m_guarded << record;
            continue;
        }
        auto outcome = mergeLinked(record, *before, link, report);
        if (!outcome) {
            if (!m_settings.dryRun) {
                db.rollback();
                m_session.engine().discardCaches();
            }
            return std::unexpected(outcome.error());
        }
        if (m_settings.dryRun)
            ++(outcome->write ? report.pulled.updated : report.pulled.unchanged);
        else
            merged.push_back(std::move(*outcome));
    }
    auto ok = writeMerged(merged, report, sink);
    if (ok)
        ok = applyUnlinked(unlinked, report, sink);
    if (!ok) {
        if (!m_settings.dryRun) {
            db.rollback();
            m_session.engine().discardCaches();
        }
        return ok;
    }
    if (m_settings.dryRun)
        return {};
    return db.commit();
}

FieldMap PullApplier::remoteValues(const RemoteRecord& record) const
{
    FieldMap remote = normalizedRemote(record.patch);
    if (!record.full) {
        for (auto it = remote.begin(); it != remote.end();)
            it = it.value().isNull() ? remote.erase(it) : std::next(it);
    }
    return remote;
}

bool PullApplier::overwritesLocal(const RemoteRecord& record, const Contact& before, const RemoteLink& link) const
{
    const FieldMap local = FieldValues::fromContact(before);
    const auto held = m_held.constFind(before.id);
    const auto results = ThreeWayMerge::merge(FieldValues::fromSnapshot(link.snapshot), local, remoteValues(record),
                                              m_settings.policy);
    for (const ThreeWayMerge::FieldResult& r : results) {
        if (held != m_held.cend() && held->contains(r.field))
            continue;
        if (r.action == ThreeWayMerge::Action::TakeRemote && !FieldValues::isList(r.field) && !r.local.isNull())
            return true;
    }
    return false;
}

Result<bool> PullApplier::applyGuarded(SyncReport& report, const ErrorSink& sink)
{
    m_guardSettled = true;
    if (m_guarded.isEmpty())
        return false;
    auto linkedCount = m_links.linkedCount(m_settings.accountId);
    if (!linkedCount)
        return std::unexpected(linkedCount.error());
    const qsizetype linked = *linkedCount;
    const QList<RemoteRecord> guarded = std::exchange(m_guarded, {});
    if (!PushPlanner::exceedsGuard(guarded.size(), linked, m_settings.guard)) {
        if (auto ok = apply(guarded, report, sink); !ok)
            return std::unexpected(ok.error());
        return false;
    }
    const QString why = QStringLiteral("the CRM would overwrite or clear local values of %1 of %2 linked contacts "
                                       "(more than %3%); confirm with --yes")
                            .arg(guarded.size())
                            .arg(linked)
                            .arg(m_settings.guard.guardShare * 100);
    for (const RemoteRecord& record : guarded) {
        auto linkedTo = m_links.contactFor(m_settings.accountId, record.remoteId);
        if (!linkedTo)
            return std::unexpected(linkedTo.error());
        const qint64 cid = *linkedTo;
        report.skipped << SyncReport::Issue {cid, record.remoteId, ErrorCode::NeedsConfirmation, why};
        if (m_settings.dryRun)
            report.plan << SyncReport::PlanEntry {
                cid, record.remoteId, QStringLiteral("pull"), QStringLiteral("held"), {}};
    }
    return true;
}

Result<PullApplier::Merged> PullApplier::mergeLinked(const RemoteRecord& record, const Contact& before, RemoteLink link,
                                                     SyncReport& report)
{
    const qint64 cid = before.id;
    const FieldMap local = FieldValues::fromContact(before);
    FieldMap remote = remoteValues(record);
    if (record.patch.hasExtraEmails() && record.patch.extraEmailMode() == TagMode::Append) {
        // A read that names some of the contact's other addresses, not all (GetSales' personal_email): it
        // adds, and says nothing about the rest.
        QStringList emails = before.extraEmails;
        for (const QJsonValue& v : remote.value(FieldRegistry::extraEmailsName()).toArray()) {
            const QString email = v.toString();
            if (email.compare(before.value(Field::Email), Qt::CaseInsensitive) != 0
                && !emails.contains(email, Qt::CaseInsensitive))
                emails << email;
        }
        remote.insert(FieldRegistry::extraEmailsName(), FieldValues::list(emails));
    }
    // A field the reply lacks is unknown, never cleared: list rows omit fields routinely (PROVIDERS.md §7).
    // Only an explicit null or empty value the adapter read as a clear is in `remote` as null.
    const auto remoteValue = [&](const QString& field, const QJsonValue& otherwise) {
        return remote.contains(field) ? remote.value(field) : otherwise;
    };
    const bool inSyncBefore = !link.syncedHash.isEmpty() && link.syncedHash == heldHash(before);
    ContactPatch patch;
    patch.setContactId(cid);
    bool write = false;
    SyncReport::PlanEntry plan {cid, record.remoteId, QStringLiteral("pull"), QStringLiteral("update"), {}};

    // Fields already in the inbox: settled when both sides now agree, else refreshed and still held.
    QSet<QString> open;
    auto heldIt = m_held.find(cid);
    if (heldIt != m_held.end()) {
        for (auto it = heldIt->begin(); it != heldIt->end();) {
            SyncConflict& conflict = it.value();
            open.insert(conflict.field);
            const QJsonValue now = remoteValue(conflict.field, conflict.remote);
            const QJsonValue mine = FieldValues::value(local, conflict.field);
            if (mine == now) {
                if (!m_settings.dryRun) {
                    if (auto ok = m_conflicts.dropOpen(cid, m_settings.accountId, conflict.field); !ok)
                        return std::unexpected(ok.error());
                }
                link.snapshot = FieldValues::withField(link.snapshot, conflict.field, now);
                it = heldIt->erase(it);
                continue;
            }
            if (now != conflict.remote || mine != conflict.local) {
                conflict.remote = now;
                conflict.local = mine;
                if (!m_settings.dryRun) {
                    if (auto ok = m_conflicts.record(conflict); !ok)
                        return std::unexpected(ok.error());
                }
            }
            ++it;
        }
        if (heldIt->isEmpty())
            m_held.erase(heldIt);
    }

    const auto results
        = ThreeWayMerge::merge(FieldValues::fromSnapshot(link.snapshot), local, remote, m_settings.policy);
    for (const ThreeWayMerge::FieldResult& r : results) {
        if (open.contains(r.field))
            continue;
        switch (r.action) {
        case ThreeWayMerge::Action::None:
            break;
        case ThreeWayMerge::Action::TakeRemote:
            FieldValues::putInPatch(patch, r.field, r.merged);
            link.snapshot = FieldValues::withField(link.snapshot, r.field, r.merged);
            plan.changes << change(r);
            write = true;
            break;
        case ThreeWayMerge::Action::Agreed:
            link.snapshot = FieldValues::withField(link.snapshot, r.field, r.local);
            break;
        case ThreeWayMerge::Action::PushLocal:
            break; // the push compares hashes and sends it
        case ThreeWayMerge::Action::Conflict: {
            SyncConflict conflict {0, cid, m_settings.accountId, r.field, r.base, r.local, r.remote, {}, {}, {}};
            if (!m_settings.dryRun) {
                auto id = m_conflicts.record(conflict);
                if (!id)
                    return std::unexpected(id.error());
                conflict.id = *id;
            }
            m_held[cid].insert(r.field, conflict);
            ++report.conflicts;
            report.plan << SyncReport::PlanEntry {cid,
                                                  record.remoteId,
                                                  QStringLiteral("pull"),
                                                  QStringLiteral("conflict"),
                                                  {{r.field, r.local, r.remote}}};
            break;
        }
        }
        if (r.byPolicy) {
            const bool remoteWon = r.action == ThreeWayMerge::Action::TakeRemote;
            report.warnings << SyncReport::Issue {
                cid, record.remoteId, ErrorCode::ConflictSettledByPolicy,
                QStringLiteral("%1: both sides changed it; kept the %2 value (account policy)")
                    .arg(r.field, remoteWon ? QStringLiteral("remote") : QStringLiteral("local"))};
        }
    }
    if (m_settings.dryRun && !plan.changes.isEmpty())
        report.plan << plan;
    return Merged {std::move(patch), write, std::move(link), inSyncBefore};
}

Result<void> PullApplier::writeMerged(std::vector<Merged>& merged, SyncReport& report, const ErrorSink& sink)
{
    std::vector<ContactPatch> patches;
    std::vector<std::size_t> written;
    for (std::size_t i = 0; i < merged.size(); ++i) {
        if (merged[i].write) {
            patches.push_back(merged[i].patch);
            written.push_back(i);
        }
    }
    std::vector<bool> failed(merged.size(), false);
    if (!patches.empty()) {
        auto op = operation();
        if (!op)
            return std::unexpected(op.error());
        auto results = m_session.engine().upsertBatch(patches, mergePolicy(), *op);
        if (!results)
            return std::unexpected(results.error());
        for (std::size_t k = 0; k < written.size(); ++k) {
            const UpsertResult& result = (*results)[static_cast<qsizetype>(k)];
            if (result.status == UpsertResult::Status::Rejected) {
                const Merged& m = merged[written[k]];
                failed[written[k]] = true;
                sink(m.link.contactId, m.link.remoteId,
                     result.error.value_or(Error {ErrorCode::InvalidArgument, {}, QStringLiteral("rejected")}));
            }
        }
    }
    for (std::size_t i = 0; i < merged.size(); ++i) {
        Merged& m = merged[i];
        if (failed[i]) {
            ++report.pulled.failed;
            continue;
        }
        ++(m.write ? report.pulled.updated : report.pulled.unchanged);
        // The hash follows only when the contact was in sync before: then whatever differs locally is
        // nothing the CRM can take (a custom field it lacks) and the write changed only what both sides now
        // agree on. Otherwise the old hash makes the push send the local changes.
        if (m.inSyncBefore) {
            if (const auto after = m_session.contacts().contact(m.link.contactId))
                m.link.syncedHash = heldHash(*after);
        }
        m.link.syncedAt = QDateTime::currentDateTimeUtc();
        if (auto ok = m_links.save(m.link); !ok)
            return std::unexpected(ok.error());
        m_byContact.insert(m.link.contactId, m.link);
    }
    return {};
}

Result<void> PullApplier::keepLocalValuesOfFirstPairing(const QVector<UpsertResult>& results,
                                                        const std::vector<Pending>& pending, SyncReport& report)
{
    // A remote record met a local contact with no snapshot between them (first sync of an existing pair):
    // a value only one side has flows to the other, but a local value the remote one replaced is a
    // conflict with no base. The engine wrote it; the account's policy decides whether it stays.
    std::vector<ContactPatch> reverts;
    for (std::size_t i = 0; i < pending.size(); ++i) {
        const UpsertResult& result = results[static_cast<qsizetype>(i)];
        if (result.status != UpsertResult::Status::Updated)
            continue;
        ContactPatch revert;
        revert.setContactId(result.contactId);
        bool any = false;
        for (const FieldChange& change : result.changes) {
            if (FieldValues::isList(change.field) || change.before.isEmpty() || change.after.isEmpty()
                || !FieldValues::putInPatch(revert, change.field, FieldValues::text(change.before)))
                continue;
            if (m_settings.policy == ThreeWayMerge::Policy::RemoteWins) {
                report.warnings << SyncReport::Issue {
                    result.contactId, pending[i].remoteId, ErrorCode::ConflictSettledByPolicy,
                    QStringLiteral("%1: both sides had a value; kept the remote value (account policy)")
                        .arg(change.field)};
                continue;
            }
            any = true;
            if (m_settings.policy == ThreeWayMerge::Policy::LocalWins) {
                report.warnings << SyncReport::Issue {
                    result.contactId, pending[i].remoteId, ErrorCode::ConflictSettledByPolicy,
                    QStringLiteral("%1: both sides had a value; kept the local value (account policy)")
                        .arg(change.field)};
                continue;
            }
            SyncConflict conflict {0,
                                   result.contactId,
                                   m_settings.accountId,
                                   change.field,
                                   QJsonValue(),
                                   FieldValues::text(change.before),
                                   FieldValues::text(change.after),
                                   {},
                                   {},
                                   {}};
            auto id = m_conflicts.record(conflict);
            if (!id)
                return std::unexpected(id.error());
            conflict.id = *id;
            m_held[result.contactId].insert(change.field, conflict);
            ++report.conflicts;
        }
        if (any)
            reverts.push_back(std::move(revert));
    }
    if (reverts.empty())
        return {};
    auto op = operation();
    if (!op)
        return std::unexpected(op.error());
    auto written = m_session.engine().upsertBatch(reverts, mergePolicy(), *op);
    if (!written)
        return std::unexpected(written.error());
    return {};
}

Result<void> PullApplier::applyUnlinked(const QList<RemoteRecord>& records, SyncReport& report, const ErrorSink& sink)
{
    std::vector<ContactPatch> patches;
    std::vector<Pending> pending;
    for (const RemoteRecord& record : records) {
        Pending p {record.remoteId, m_byRemote.value(record.remoteId), {}};
        ContactPatch patch = record.patch;
        // Without a snapshot there is no base to tell a remote clear from a value never sent: a value only
        // one side has flows to the other.
        for (const FieldInfo& info : FieldRegistry::all()) {
            if (patch.isCleared(info.field))
                patch.remove(info.field);
        }
        if (p.linkedContact != 0) {
            if (const auto before = m_session.contacts().contact(p.linkedContact))
                p.hashBefore = SyncFingerprint::hash(m_provider, *before);
            patch.setContactId(p.linkedContact);
        }
        if (m_settings.dryRun) {
            SyncReport::PlanEntry plan {p.linkedContact,
                                        p.remoteId,
                                        QStringLiteral("pull"),
                                        p.linkedContact ? QStringLiteral("update") : QStringLiteral("create"),
                                        {}};
            const FieldMap values = FieldValues::fromPatch(patch);
            for (auto it = values.cbegin(); it != values.cend(); ++it)
                plan.changes << SyncReport::PlannedChange {it.key(), QJsonValue(), it.value()};
            report.plan << plan;
            continue;
        }
        patches.push_back(std::move(patch));
        pending.push_back(std::move(p));
    }
    if (patches.empty())
        return {};
    auto op = operation();
    if (!op)
        return std::unexpected(op.error());
    auto results = m_session.engine().upsertBatch(patches, pullPolicy(), *op);
    if (!results)
        return std::unexpected(results.error());
    if (auto ok = keepLocalValuesOfFirstPairing(*results, pending, report); !ok)
        return ok;
    for (std::size_t i = 0; i < pending.size(); ++i) {
        const UpsertResult& result = (*results)[static_cast<qsizetype>(i)];
        const Pending& p = pending[i];
        if (result.status == UpsertResult::Status::Rejected) {
            ++report.pulled.failed;
            sink(p.linkedContact, p.remoteId,
                 result.error.value_or(Error {ErrorCode::InvalidArgument, {}, QStringLiteral("rejected")}));
            continue;
        }
        auto oldLink = linkOf(result.contactId);
        if (!oldLink)
            return std::unexpected(oldLink.error());
        const RemoteLink old = *oldLink;
        if (!old.remoteId.isEmpty() && old.remoteId != p.remoteId) {
            ++report.pulled.failed;
            sink(result.contactId, p.remoteId,
                 Error {ErrorCode::PossibleDuplicate,
                        {},
                        QStringLiteral("remote records %1 and %2 both match contact %3; kept the link to %1")
                            .arg(old.remoteId, p.remoteId)
                            .arg(result.contactId)});
            continue;
        }
        switch (result.status) {
        case UpsertResult::Status::Created:
            ++report.pulled.created;
            break;
        case UpsertResult::Status::Updated:
            ++report.pulled.updated;
            break;
        default:
            ++report.pulled.unchanged;
            break;
        }
        RemoteLink link = old;
        link.contactId = result.contactId;
        link.accountId = m_settings.accountId;
        link.remoteId = p.remoteId;
        link.syncedAt = QDateTime::currentDateTimeUtc();
        const bool inSync = p.linkedContact != 0 && !old.syncedHash.isEmpty() && old.syncedHash == p.hashBefore;
        if (result.status == UpsertResult::Status::Created || inSync) {
            if (const auto after = m_session.contacts().contact(result.contactId)) {
                link.syncedHash = SyncFingerprint::hash(m_provider, *after);
                link.snapshot = SyncFingerprint::snapshot(*after);
            }
        }
        if (auto ok = m_links.save(link); !ok) {
            ++report.pulled.failed;
            sink(result.contactId, p.remoteId, ok.error());
            continue;
        }
        // Within the page's transaction: a rollback loses these, and the caller stops the run then.
        m_byContact.insert(link.contactId, link);
        m_byRemote.insert(link.remoteId, link.contactId);
    }
    return {};
}

Result<void> PullApplier::concludeFullScan(SyncReport& report)
{
    QList<std::pair<qint64, QString>> missing;
    auto listed = m_links.forEachLinked(m_settings.accountId, [&](qint64 contactId, const QString& remoteId) {
        if (!m_seen.contains(remoteId))
            missing.append({contactId, remoteId});
    });
    if (!listed)
        return listed;
    for (const auto& [contactId, remoteId] : std::as_const(missing)) {
        if (!m_session.contacts().contact(contactId))
            continue; // deleted on both sides: nothing to ask
        ++report.remoteDeletions;
        report.plan << SyncReport::PlanEntry {
            contactId, remoteId, QStringLiteral("pull"), QStringLiteral("delete"), {}};
        if (!m_settings.dryRun) {
            if (auto ok = m_conflicts.recordDeletion(contactId, m_settings.accountId, remoteId); !ok)
                return std::unexpected(ok.error());
        }
    }
    return {};
}

} // namespace roster
