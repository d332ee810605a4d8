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

    QString value(const QString& key) const { return values.value(key); }
};

} // namespace roster
