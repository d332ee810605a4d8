#pragma once

#include "UpsertResult.h"
#include "contact/ContactPatch.h"

#include <QMap>

#include <bitset>
#include <optional>

namespace roster {

// A ContactPatch after normalisation under one policy: values cleaned, match keys computed, and the
// fields to clear told apart from the fields that are simply absent.
struct PreparedPatch
{
    std::array<QString, kFieldCount> values;
    std::bitset<kFieldCount> set;
    std::bitset<kFieldCount> clear;

    QString emailKey;
    QString linkedinKey;
    QString salesNavKey;
    QString phoneKey; // E.164; empty when the phone did not parse
    QString companyDomainKey;
    QString companyLinkedinKey;

    bool hasExtraEmails = false;
    TagMode extraEmailMode = TagMode::Append;
    QStringList extraEmails;
    QStringList extraEmailKeys;

    bool hasExtraPhones = false;
    TagMode extraPhoneMode = TagMode::Append;
    PhoneList extraPhones;
    QStringList extraPhoneKeys; // E.164 per entry; empty where the number did not parse

    bool hasExtraWebsites = false;
    TagMode extraWebsiteMode = TagMode::Append;
    QStringList extraWebsites;

    bool hasTags = false;
    TagMode tagMode = TagMode::Append;
    QStringList tags;

    QMap<QString, std::optional<QString>> custom; // nullopt: clear the value
    std::optional<qint64> contactId;
    std::optional<qint64> companyId;

    QVector<UpsertWarning> warnings;

    bool isSet(Field f) const { return set.test(static_cast<std::size_t>(f)); }
    bool isClear(Field f) const { return clear.test(static_cast<std::size_t>(f)); }
    const QString& value(Field f) const { return values[static_cast<std::size_t>(f)]; }
    void drop(Field f)
    {
        set.reset(static_cast<std::size_t>(f));
        clear.reset(static_cast<std::size_t>(f));
    }
};

} // namespace roster
