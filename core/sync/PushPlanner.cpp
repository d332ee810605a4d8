#include "PushPlanner.h"

#include "FieldValues.h"
#include "Provider.h"
#include "SyncFingerprint.h"

#include <algorithm>
#include <cmath>

namespace roster {

namespace {

SyncReport::Issue needsConfirmation(qint64 contactId, const QString& remoteId, const QString& why,
                                    bool deletion = false)
{
    return {contactId, remoteId, ErrorCode::NeedsConfirmation, why, deletion};
}

} // namespace

PushPlanner::PushPlanner(const Provider& provider, Settings settings)
    : m_provider(provider)
    , m_settings(settings)
{
}

PushPlanner::Settings PushPlanner::settingsFor(const AccountRecord& account, bool confirmed, bool dryRun)
{
    Settings s;
    s.confirmed = confirmed;
    s.dryRun = dryRun;
    bool ok = false;
    if (const double share = account.options.value(QStringLiteral("guard_share")).toDouble(&ok); ok && share >= 0)
        s.guardShare = share;
    if (const int minimum = account.options.value(QStringLiteral("guard_min")).toInt(&ok); ok && minimum >= 0)
        s.guardMinimum = minimum;
    s.deleteRemote = account.options.value(QStringLiteral("delete_remote")) == QLatin1String("true");
    return s;
}

Contact PushPlanner::sendable(const Contact& contact, const HeldFields& held, const Provider& provider,
                              bool definitionsKnown)
{
    Contact out = withHeldFields(contact, held);
    if (definitionsKnown) {
        for (auto it = out.custom.begin(); it != out.custom.end();) {
            if (!RemoteFieldDefinition::byKey(provider.options().customFields, it.key()))
                it = out.custom.erase(it);
            else
                ++it;
        }
    }
    return out;
}

void PushPlanner::stripUnknownCustom(Contact& contact, const QString& remoteId, SyncReport& report) const
{
    if (!m_settings.definitionsKnown)
        return;
    for (auto it = contact.custom.begin(); it != contact.custom.end();) {
        if (!it.value().isEmpty() && !RemoteFieldDefinition::byKey(m_provider.options().customFields, it.key())) {
            report.warnings << SyncReport::Issue {
                contact.id, remoteId, ErrorCode::UnknownCustomField,
                QStringLiteral("custom.%1: %2 does not define this field; sent without it")
                    .arg(it.key(), m_provider.profile().displayName)};
            it = contact.custom.erase(it);
        } else {
            ++it;
        }
    }
}

SyncReport::PlanEntry PushPlanner::planEntry(const Item& item, const HeldFields& held)
{
    SyncReport::PlanEntry entry {item.contact.id,
                                 item.remoteId,
                                 QStringLiteral("push"),
                                 item.remoteId.isEmpty() ? QStringLiteral("create") : QStringLiteral("update"),
                                 {}};
    const FieldMap before = FieldValues::fromSnapshot(item.previousSnapshot);
    const FieldMap after = FieldValues::fromContact(item.contact);
    QStringList fields = before.keys() + after.keys();
    fields.sort();
    fields.removeDuplicates();
    const QHash<QString, SyncConflict> heldHere = held.value(item.contact.id);
    for (const QString& field : std::as_const(fields)) {
        // A held field goes out at the value the CRM already has: nothing changes there.
        if (heldHere.contains(field))
            continue;
        const QJsonValue b = FieldValues::value(before, field);
        const QJsonValue a = FieldValues::value(after, field);
        if (a != b)
            entry.changes << SyncReport::PlannedChange {field, b, a};
    }
    return entry;
}

PushPlanner::Prepared PushPlanner::prepare(const Contact& original, const RemoteLink& link, const HeldFields& held,
                                           SyncReport& report) const
{
    Prepared out;
    const qsizetype warningsBefore = report.warnings.size();
    Contact contact = withHeldFields(original, held);
    stripUnknownCustom(contact, link.remoteId, report);
    // What the CRM will not get of this contact (tags it has no id for, ...), on every run, unchanged
    // contacts included: the gap stays until the user closes it, and a report should say so.
    const auto spec = m_provider.upsertRequest(contact, link.remoteId);
    if (spec) {
        for (const Error& warning : spec->warnings)
            report.addWarning(contact.id, link.remoteId, warning);
    }
    const QString hash = SyncFingerprint::hash(m_provider, contact);
    if (hash.isEmpty()) {
        // The adapter cannot build the request: say why, with the adapter's own error.
        ++report.pushed.failed;
        report.addError(contact.id, link.remoteId,
                        spec ? Error {ErrorCode::InvalidArgument, {}, QStringLiteral("no request")} : spec.error());
        return out;
    }
    out.readiness = hash == link.syncedHash ? Readiness::Unchanged : Readiness::Send;
    out.item.warned = report.warnings.size() > warningsBefore
        || std::any_of(contact.tags.cbegin(), contact.tags.cend(),
                       [this](const QString& tag) { return m_provider.options().unavailableTags.contains(tag); });
    out.item.contact = std::move(contact);
    out.item.hash = hash;
    out.item.remoteId = link.remoteId;
    out.item.hadLink = link.contactId != 0;
    out.item.previousSnapshot = link.snapshot;
    return out;
}

PushPlanner::PagePlan PushPlanner::planPage(const Page& page, const HeldFields& held, RunState& run,
                                            SyncReport& report) const
{
    PagePlan plan;
    for (const Contact& original : page.contacts) {
        const RemoteLink link = page.links.value(original.id);
        if (auto ok = m_provider.validateForPush(original); !ok) {
            report.skipped << SyncReport::Issue {original.id, link.remoteId, ok.error().code, ok.error().detail};
            continue;
        }
        Prepared prepared = prepare(original, link, held, report);
        if (prepared.readiness == Readiness::Failed)
            continue;
        if (prepared.readiness == Readiness::Unchanged) {
            ++report.pushed.unchanged;
            if (!prepared.item.warned)
                plan.settled << original.id;
            continue;
        }
        const Contact& contact = prepared.item.contact;
        if (run.pendingRemoteDeletion.contains(contact.id)) {
            // Pushing would bring back a record someone deleted there: the user decides first.
            report.skipped << SyncReport::Issue {
                contact.id, link.remoteId, ErrorCode::RemoteDeletionPending,
                QStringLiteral("deleted on the CRM; confirm or dismiss the deletion before it is sent again")};
            continue;
        }
        if (run.phoneOwners && link.remoteId.isEmpty() && !contact.value(Field::Phone).isEmpty()) {
            const QString phone = PhoneTypes::identity(contact.value(Field::Phone));
            if (const qint64 owner = run.phoneOwners->value(phone); owner != 0 && owner != contact.id) {
                ++report.pushed.failed;
                report.addError(
                    contact.id, {},
                    Error {ErrorCode::PossibleDuplicate, FieldRegistry::name(Field::Phone),
                           QStringLiteral("%1 matches contacts by phone, and %2 is also the phone of contact "
                                          "%3: sent, it would overwrite that contact's record. Not sent; "
                                          "merge the two contacts, or give one another phone")
                               .arg(m_provider.profile().displayName, contact.value(Field::Phone))
                               .arg(owner)});
                continue;
            }
            run.phoneOwners->insert(phone, contact.id);
        }
        plan.outgoing.push_back({contact.id, link.remoteId});
    }
    return plan;
}

QString PushPlanner::snapshotAfterPush(const Item& item, const Provider& provider, FieldMap* keptByCrm,
                                       FieldMap* notSent)
{
    QString snapshot = SyncFingerprint::snapshot(item.contact);
    if (item.previousSnapshot.isEmpty())
        return snapshot;
    const FieldMap before = FieldValues::fromSnapshot(item.previousSnapshot);
    const FieldMap sent = FieldValues::fromContact(item.contact);
    if (!item.remoteId.isEmpty() && provider.updatesById()) {
        for (Field field : provider.fieldsNotUpdatedById()) {
            const QString name = FieldRegistry::name(field);
            const QJsonValue was = FieldValues::value(before, name);
            const QJsonValue now = FieldValues::value(sent, name);
            if (was == now)
                continue;
            snapshot = FieldValues::withField(snapshot, name, was);
            if (notSent && !now.isNull())
                notSent->insert(name, now);
        }
    }
    const QSet<QString> readBack = provider.fieldsReadInFull(true);
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (it.value().isNull() || FieldValues::isList(it.key()) || !readBack.contains(it.key())
            || !FieldValues::value(sent, it.key()).isNull())
            continue;
        snapshot = FieldValues::withField(snapshot, it.key(), it.value());
        if (keptByCrm)
            keptByCrm->insert(it.key(), it.value());
    }
    return snapshot;
}

bool PushPlanner::exceedsGuard(qsizetype changes, qsizetype linkedCount, const Settings& settings)
{
    const double allowed = std::floor(settings.guardShare * static_cast<double>(linkedCount));
    return !settings.confirmed && changes > 0 && changes >= settings.guardMinimum
        && static_cast<double>(changes) > allowed;
}

bool PushPlanner::applyGuards(std::vector<Outgoing>& outgoing, QList<RemoteLink>& deletions, qsizetype linkedCount,
                              SyncReport& report) const
{
    if (!m_settings.deleteRemote)
        deletions.clear();
    if (m_settings.confirmed)
        return false;
    bool waiting = false;
    qsizetype updates = 0;
    for (const Outgoing& o : outgoing)
        updates += o.remoteId.isEmpty() ? 0 : 1;
    if (exceedsGuard(updates, linkedCount, m_settings)) {
        const QString why
            = QStringLiteral("would overwrite %1 of %2 remote contacts (more than %3%); confirm with --yes")
                  .arg(updates)
                  .arg(linkedCount)
                  .arg(m_settings.guardShare * 100);
        std::vector<Outgoing> kept;
        for (Outgoing& o : outgoing) {
            if (o.remoteId.isEmpty()) {
                kept.push_back(std::move(o));
            } else {
                report.skipped << needsConfirmation(o.contactId, o.remoteId, why);
                if (m_settings.dryRun)
                    report.plan << SyncReport::PlanEntry {
                        o.contactId, o.remoteId, QStringLiteral("push"), QStringLiteral("held"), {}};
            }
        }
        outgoing = std::move(kept);
        waiting = true;
    }
    if (!deletions.isEmpty()) {
        for (const RemoteLink& link : std::as_const(deletions)) {
            report.skipped << needsConfirmation(link.contactId, link.remoteId,
                                                QStringLiteral("deleted here; deleting it on the CRM needs --yes"),
                                                true);
            if (m_settings.dryRun)
                report.plan << SyncReport::PlanEntry {
                    link.contactId, link.remoteId, QStringLiteral("push"), QStringLiteral("held"), {}};
        }
        deletions.clear();
        waiting = true;
    }
    return waiting;
}

} // namespace roster
