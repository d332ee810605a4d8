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
// Outbox: a contact goes when the hash of what the CRM would receive differs from the hash stored at its
// last acknowledged push (or pull); held fields (open conflicts) are sent at their remote value. So what
// is left to send is derived from stored state, and a run killed anywhere resends only what was not
// acknowledged.
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

    struct Plan
    {
        std::vector<Item> items;
        QList<RemoteLink> deletions;
        bool waiting = false; // a guard held something back
    };

    struct Input
    {
        std::vector<Contact> contacts; // live contacts to consider
        QHash<qint64, RemoteLink> links;
        QSet<qint64> pendingRemoteDeletion; // contacts whose remote record a scan no longer found
        QList<RemoteLink> deletedLinks; // links of contacts deleted here
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

    Plan plan(Input input, const HeldFields& held, SyncReport& report) const;

private:
    void stripUnknownCustom(Contact& contact, const QString& remoteId, SyncReport& report) const;
    void applyGuards(Plan& plan, qsizetype linkedCount, SyncReport& report) const;
    static SyncReport::PlanEntry planEntry(const Item& item, const RemoteLink& link, const HeldFields& held);

    const Provider& m_provider;
    Settings m_settings;
};

} // namespace roster
