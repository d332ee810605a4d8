#pragma once

#include "RemoteFieldDefinition.h"

#include <QList>
#include <QMap>
#include <QString>

namespace roster {

// What an adapter knows about one account beyond the contract: its options (GetSales `list_uuid`,
// HighLevel `location_id`), the custom-field definitions fetched at connect time, and Monaco's tag ids.
struct ProviderOptions
{
    QMap<QString, QString> values;
    QList<RemoteFieldDefinition> customFields;
    QMap<QString, QString> tagIds; // tag name -> remote id (Monaco takes ids on input, returns names)
    // Tags the account lacks and this run did not create, each with why: the run says so once, so the
    // contacts carrying them go without them silently instead of repeating it on every contact.
    QMap<QString, QString> unavailableTags;

    QString value(const QString& key) const { return values.value(key); }
};

} // namespace roster
