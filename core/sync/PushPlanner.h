#pragma once

#include "FieldValues.h"
#include "HeldFields.h"
#include "SyncReport.h"
#include "contact/Contact.h"
#include "store/AccountRecord.h"
#include "store/RemoteLink.h"

#include <QHash>
#include <QSet>

#include <vector>

namespace roster {

class Provider;

// Decides what a push sends, before anything is sent: the outbox, the guards, and a dry run's plan.
//
// Outbox: of the contacts SyncJob reads from the account's outbox, a page at a time, one goes when the hash of
// what the CRM would receive differs from the hash stored at its last acknowledged push (or pull); held
// fields (open conflicts) are sent at their remote value. So what is left to send is derived from stored
// state, and a run killed anywhere resends only what was not acknowledged.
//
// Guards, each holding records back as skipped with ErrorCode::NeedsConfirmation unless confirmed (--yes):
//  - overwrite: updates of already linked remote records above `guard_share` (account option, default
//    0.2) of the account's linked records. Below `guard_min` updates (default 5) it never triggers, so
//    editing 2 of an account's 3 contacts needs no confirmation while a script rewriting a large share
//    of a big account does. Creates are never held: they overwrite nothing.
//  - deletion: every remote delete (only sent at all where the account option delete_remote is true).
// A custom value whose field the CRM does not define is reported (warning "UnknownCustomField") and the
// contact is sent without it, once the definitions are known.
class PushPlanner final
{
public:
    struct Settings
    {
        bool confirmed = false;
        bool dryRun = false;
        double guardShare = 0.2;
        int guardMinimum = 5;
        bool deleteRemote = false;
        bool definitionsKnown = false; // the CRM's custom-field definitions were fetched
    };

    struct Item
    {
        Contact contact; // as it will be sent (held fields at their remote value)
        QString hash;
        QString remoteId;
        bool hadLink = false;
        bool retriedWithoutId = false;
        QString previousSnapshot; // the link's snapshot before this push
        QString goneRemoteId; // the linked record answered "not found": relinked by key
        int resends = 0; // creates sent again after their reply was lost and a lookup found nothing
        bool foundByLookup = false; // a create's reply was lost and a lookup by key found the record
        // Part of it cannot go (a tag without an id, a field the CRM lacks): it stays in the outbox once sent,
        // so every run says so again until the user closes the gap.
        bool warned = false;
    };

    // What both sides hold once the CRM acknowledged `item`: what was sent, except that a field emptied
    // here keeps its earlier value where the CRM reads it back, since every contract ignores empty values
    // on an upsert. Taking the empty value as agreed would let the next pull bring the old value back as
    // a remote change. Each such field lands in `keptByCrm` with the value the CRM keeps.
    // A field the update by id could not carry (Provider::fieldsNotUpdatedById()) keeps its earlier value
    // too: the CRM still has it, and taking the local value as agreed would let the next pull bring the
    // CRM's back over it. Each such field that changed here lands in `notSent` with the value not sent.
    static QString snapshotAfterPush(const Item& item, const Provider& provider, FieldMap* keptByCrm,
                                     FieldMap* notSent = nullptr);

    // A contact the push will send, as planned before anything goes: what the guards count. The contact itself
    // is read again when its turn comes (prepare()), so a push of a million contacts does not hold them all.
    struct Outgoing
    {
        qint64 contactId = 0;
        QString remoteId;
    };

    // One page of the outbox: its live contacts and their links on the account.
    struct Page
    {
        std::vector<Contact> contacts;
        QHash<qint64, RemoteLink> links;
    };

    struct PagePlan
    {
        std::vector<Outgoing> outgoing;
        QList<qint64> settled; // nothing to send: they leave the outbox
    };

    // What the run knows beyond one page.
    struct RunState
    {
        QSet<qint64> pendingRemoteDeletion; // contacts whose remote record a scan no longer found
        // Set when the CRM matches an upsert by phone: phone identity -> the contact whose record holds it.
        QHash<QString, qint64>* phoneOwners = nullptr;
    };

    enum class Readiness {
        Send,
        Unchanged, // the hash stored at the last acknowledged push or pull is the hash of what would go
        Failed, // no request can be built (the error is in the report)
    };
    struct Prepared
    {
        Readiness readiness = Readiness::Failed;
        Item item;
    };

    PushPlanner(const Provider& provider, Settings settings);
    // The contact as a push sends it: held fields at their remote value, custom values the CRM does not
    // define left out (once the definitions are known). Pull and push hash this same variant.
    static Contact sendable(const Contact& contact, const HeldFields& held, const Provider& provider,
                            bool definitionsKnown);
    static Settings settingsFor(const AccountRecord& account, bool confirmed, bool dryRun);
    // The overwrite guard's rule, shared with the pull: `changes` of `linkedCount` linked records need
    // confirmation (unless confirmed).
    static bool exceedsGuard(qsizetype changes, qsizetype linkedCount, const Settings& settings);

    // Decides for one page of the outbox which contacts go; skipped ones and errors land in the report.
    PagePlan planPage(const Page& page, const HeldFields& held, RunState& run, SyncReport& report) const;
    // The contact as it goes out now, with its hash: also used when its turn to be sent comes, from the
    // contact as it is then. Warnings (fields the CRM cannot take) land in `report`.
    Prepared prepare(const Contact& original, const RemoteLink& link, const HeldFields& held, SyncReport& report) const;
    // The guards, over the whole plan: those held back leave `outgoing` and `deletions` (and are reported).
    // True when something was held back.
    bool applyGuards(std::vector<Outgoing>& outgoing, QList<RemoteLink>& deletions, qsizetype linkedCount,
                     SyncReport& report) const;
    // A dry run's line for a contact it would send.
    static SyncReport::PlanEntry planEntry(const Item& item, const HeldFields& held);

private:
    void stripUnknownCustom(Contact& contact, const QString& remoteId, SyncReport& report) const;

    const Provider& m_provider;
    Settings m_settings;
};

} // namespace roster
