#pragma once

#include "VcardProperty.h"
#include "contact/ContactPatch.h"

#include <QMap>
#include <QStringList>

namespace roster {

// Collects the properties of one vCard and turns them into a ContactPatch once the card ends, because
// several choices need the whole card: the preferred EMAIL, TEL and ADR win (the other emails, phones with
// their kinds and web addresses are kept too); URLs go to LinkedIn fields
// by their shape unless X-SOCIALPROFILE or X-ROSTER-* already set them; FN is split only without N.
class VcardContactBuilder final
{
public:
    void add(const VcardProperty& property);
    // The contact, and starts over. `notKept` receives what the card held that Roster does not keep (a second
    // address, a property it does not model), so the report can list it instead of dropping it.
    ContactPatch finish(QStringList* notKept = nullptr);

    // "19800517", "1980-05-17T00:00:00Z" -> "1980-05-17"; "--0517" -> "--05-17"; anything else unchanged.
    static QString normalizeDate(const QString& value);
    // X-ROSTER-SALES-NAV-URL <-> sales_nav_url.
    static QString propertyNameFor(Field field);
    static std::optional<Field> fieldForPropertyName(QStringView name);
    static QString customPropertyName() { return QStringLiteral("X-ROSTER-CUSTOM"); }
    static QString customKeyParam() { return QStringLiteral("X-KEY"); }

private:
    static bool isMetadata(const QString& name);
    struct Ranked
    {
        QString value;
        bool preferred = false;
    };
    static QStringList ranked(const QList<Ranked>& items);
    struct Phone
    {
        PhoneEntry entry;
        bool preferred = false;
    };
    void setOnce(Field field, const QString& value);

    ContactPatch m_patch;
    QStringList m_unmodelled; // property names with no field
    QString m_fullName;
    QList<Ranked> m_emails;
    QList<Phone> m_phones;
    QStringList m_urls;
    QStringList m_socialUrls;
    QStringList m_notes;
    QStringList m_tags;
    QStringList m_languages;
    QList<std::pair<bool, QStringList>> m_addresses; // preferred, ADR components
    QMap<Field, QString> m_overrides;
    QMap<QString, QString> m_custom;
};

} // namespace roster
