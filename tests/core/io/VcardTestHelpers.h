#pragma once

#include "contact/ContactPatch.h"
#include "io/VcardReader.h"

#include <QBuffer>
#include <QMap>

namespace roster::test {

using FieldMap = QMap<QString, QString>;

// A patch as name -> value, lists joined with '|', so a test can compare it field by field.
inline FieldMap flatten(const ContactPatch& patch)
{
    FieldMap map;
    for (const FieldInfo& info : FieldRegistry::all()) {
        if (patch.has(info.field))
            map.insert(QString::fromLatin1(info.name), patch.value(info.field));
    }
    if (patch.hasExtraEmails())
        map.insert(FieldRegistry::extraEmailsName(), patch.extraEmails().join(QLatin1Char('|')));
    if (patch.hasExtraPhones())
        map.insert(FieldRegistry::extraPhonesName(), PhoneTypes::toText(patch.extraPhones()));
    if (patch.hasExtraWebsites())
        map.insert(FieldRegistry::extraWebsitesName(), patch.extraWebsites().join(QLatin1Char('|')));
    if (patch.hasTags())
        map.insert(FieldRegistry::tagsName(), patch.tags().join(QLatin1Char('|')));
    for (auto it = patch.custom().cbegin(); it != patch.custom().cend(); ++it)
        map.insert(FieldRegistry::customPrefix() + it.key(), it.value());
    return map;
}

inline Result<QList<VcardReader::Card>> readCards(QIODevice* device)
{
    VcardReader reader(device);
    if (const auto ok = reader.open(); !ok)
        return std::unexpected(ok.error());
    QList<VcardReader::Card> cards;
    VcardReader::Card card;
    for (;;) {
        const auto got = reader.readCard(card);
        if (!got)
            return std::unexpected(got.error());
        if (!*got)
            break;
        cards << card;
    }
    return cards;
}

inline Result<QList<VcardReader::Card>> readCards(const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return readCards(&buffer);
}

} // namespace roster::test
