#pragma once

#include "contact/Contact.h"

#include <QString>

namespace roster {

class Provider;

// What the outbox compares: the hash of exactly what a push of the contact would send to one CRM (the
// upsert body by natural key, so a remote id learned later does not change it), and the snapshot of the
// contact kept as the base of issue 6's three-way merge.
class SyncFingerprint final
{
public:
    // Empty when the provider cannot build a request for the contact.
    static QString hash(const Provider& provider, const Contact& contact);
    // What every request of the account depends on besides the contact: the CRM, the account's options that
    // go into requests (ProviderCatalog) and the CRM's custom-field definitions. When it changes, every
    // contact's hash may change, so the push looks at every contact once (SyncOutbox). Definitions this run
    // did not read keep their part of `previous`: not reading them is no change.
    static QString accountContext(const Provider& provider, const QString& providerName, bool definitionsKnown,
                                  const QString& previous);
    // The contact as design.md names its fields, without the local id and uid; compact JSON.
    static QString snapshot(const Contact& contact);
};

} // namespace roster
