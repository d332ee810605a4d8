#include "PushPlanner.h"

#include "FieldValues.h"
#include "Provider.h"
#include "SyncFingerprint.h"

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

SyncReport::PlanEntry PushPlanner::planEntry(const Item& item, const RemoteLink& link, const HeldFields& held)
{
    SyncReport::PlanEntry entry {item.contact.id,
                                 item.remoteId,
                                 QStringLiteral("push"),
                                 item.remoteId.isEmpty() ? QStringLiteral("create") : QStringLiteral("update"),
                                 {}};
    const FieldMap before = FieldValues::fromSnapshot(link.snapshot);
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

PushPlanner::Plan PushPlanner::plan(Input input, const HeldFields& held, SyncReport& report) const
{
    Plan plan;
    qsizetype linkedCount = 0;
    for (const RemoteLink& link : std::as_const(input.links))
        linkedCount += link.remoteId.isEmpty() ? 0 : 1;
    // The phones the CRM already has a record for, and whose: a first push matching one of them by phone
    // would land on that record.
    QHash<QString, qint64> phoneOwners;
    if (m_provider.upsertMatchesByPhone()) {
        for (const RemoteLink& link : std::as_const(input.links)) {
            const QString phone
                = FieldValues::value(FieldValues::fromSnapshot(link.snapshot), FieldRegistry::name(Field::Phone))
                      .toString();
            if (!link.remoteId.isEmpty() && !phone.isEmpty())
                phoneOwners.insert(PhoneTypes::identity(phone), link.contactId);
        }
    }
    for (const Contact& original : input.contacts) {
        const RemoteLink link = input.links.value(original.id);
        if (auto ok = m_provider.validateForPush(original); !ok) {
            report.skipped << SyncReport::Issue {original.id, link.remoteId, ok.error().code, ok.error().detail};
            continue;
        }
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
            continue;
        }
        if (hash == link.syncedHash) {
            ++report.pushed.unchanged;
            continue;
        }
        if (input.pendingRemoteDeletion.contains(contact.id)) {
            // Pushing would bring back a record someone deleted there: the user decides first.
            report.skipped << SyncReport::Issue {
                contact.id, link.remoteId, ErrorCode::RemoteDeletionPending,
                QStringLiteral("deleted on the CRM; confirm or dismiss the deletion before it is sent again")};
            continue;
        }
        if (m_provider.upsertMatchesByPhone() && link.remoteId.isEmpty() && !contact.value(Field::Phone).isEmpty()) {
            const QString phone = PhoneTypes::identity(contact.value(Field::Phone));
            if (const qint64 owner = phoneOwners.value(phone); owner != 0 && owner != contact.id) {
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
            phoneOwners.insert(phone, contact.id);
        }
        Item item;
        item.contact = std::move(contact);
        item.hash = hash;
        item.remoteId = link.remoteId;
        item.hadLink = input.links.contains(original.id);
        item.previousSnapshot = link.snapshot;
        plan.items.push_back(std::move(item));
    }
    if (m_settings.deleteRemote)
        plan.deletions = input.deletedLinks;
    applyGuards(plan, linkedCount, report);
    if (m_settings.dryRun) {
        for (const Item& item : plan.items)
            report.plan << planEntry(item, input.links.value(item.contact.id), held);
        for (const RemoteLink& link : std::as_const(plan.deletions))
            report.plan << SyncReport::PlanEntry {
                link.contactId, link.remoteId, QStringLiteral("push"), QStringLiteral("delete"), {}};
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

void PushPlanner::applyGuards(Plan& plan, qsizetype linkedCount, SyncReport& report) const
{
    if (m_settings.confirmed)
        return;
    qsizetype updates = 0;
    for (const Item& item : plan.items)
        updates += item.remoteId.isEmpty() ? 0 : 1;
    if (exceedsGuard(updates, linkedCount, m_settings)) {
        const QString why
            = QStringLiteral("would overwrite %1 of %2 remote contacts (more than %3%); confirm with --yes")
                  .arg(updates)
                  .arg(linkedCount)
                  .arg(m_settings.guardShare * 100);
        std::vector<Item> kept;
        for (Item& item : plan.items) {
            if (item.remoteId.isEmpty()) {
                kept.push_back(std::move(item));
            } else {
                report.skipped << needsConfirmation(item.contact.id, item.remoteId, why);
                if (m_settings.dryRun)
                    report.plan << SyncReport::PlanEntry {
                        item.contact.id, item.remoteId, QStringLiteral("push"), QStringLiteral("held"), {}};
            }
        }
        plan.items = std::move(kept);
        plan.waiting = true;
    }
    if (!plan.deletions.isEmpty()) {
        for (const RemoteLink& link : std::as_const(plan.deletions)) {
            report.skipped << needsConfirmation(link.contactId, link.remoteId,
                                                QStringLiteral("deleted here; deleting it on the CRM needs --yes"),
                                                true);
            if (m_settings.dryRun)
                report.plan << SyncReport::PlanEntry {
                    link.contactId, link.remoteId, QStringLiteral("push"), QStringLiteral("held"), {}};
        }
        plan.deletions.clear();
        plan.waiting = true;
    }
}

} // namespace roster
