#pragma once

#include <QList>
#include <QString>

namespace roster {

// One custom field as a CRM defines it, tied to the local key it is stored under (`custom.<key>`).
struct RemoteFieldDefinition
{
    // One allowed value of a choice field: what the wire takes (Monaco's option `key`, a HighLevel picklist
    // entry) and what a person reads (Monaco's `display_value`; the same text where the CRM has one only).
    struct Option
    {
        QString key;
        QString label;
    };

    QString key; // the local key
    QString remoteId; // HighLevel id, GetSales uuid, Monaco uuid; empty for lemlist (names only)
    QString remoteKey; // the key on the wire: lemlist name, GetSales name, HighLevel key, `custom_field_<uuid>`
    QString label;
    QString type;
    QList<Option> options; // empty unless the field is a choice (enum, select, checkbox)
    bool multiple = false; // the wire value is a list of strings (HighLevel checkbox, multi-select)

    // The option `value` names, by key or by label (case-insensitive); nullptr when none does.
    const Option* option(const QString& value) const { return findOption(options, value); }
    static const Option* findOption(const QList<Option>& options, const QString& value);

    // A local key from a remote name or label: lower case, runs of other characters as '_', at most 64.
    static QString keyFromName(const QString& name);

    static const RemoteFieldDefinition* byKey(const QList<RemoteFieldDefinition>& list, const QString& key);
    static const RemoteFieldDefinition* byRemoteId(const QList<RemoteFieldDefinition>& list, const QString& id);
    static const RemoteFieldDefinition* byRemoteKey(const QList<RemoteFieldDefinition>& list, const QString& key);
};

} // namespace roster
