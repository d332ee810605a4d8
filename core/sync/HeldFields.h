#pragma once

#include "FieldValues.h"
#include "store/SyncConflict.h"

#include <QHash>

namespace roster {

// Fields held at their remote value while a conflict on them is open: contact id -> field -> conflict.
// The push sends these values, so a remote value the user has not chosen is never overwritten.
using HeldFields = QHash<qint64, QHash<QString, SyncConflict>>;

// The contact as a push may send it: each held field at the value the CRM holds.
inline Contact withHeldFields(Contact contact, const HeldFields& held)
{
    const auto it = held.constFind(contact.id);
    if (it == held.cend())
        return contact;
    for (const SyncConflict& conflict : *it)
        FieldValues::putInContact(contact, conflict.field, conflict.remote);
    return contact;
}

} // namespace roster
