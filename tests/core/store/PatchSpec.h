#pragma once

#include "contact/ContactPatch.h"
#include "store/ContactTable.h"

#include <QStringList>

namespace roster::test {

// "first_name=Jane|email=jane@acme.com|tags+=a,b|custom.x=1|id=3" -> a ContactPatch. "field=" carries an
// empty value (absent, as a blank CSV cell); "!field" clears on purpose (as the editor does).
inline ContactPatch patchFrom(const QString& spec)
{
    ContactPatch patch;
    for (const QString& part : spec.split(QLatin1Char('|'), Qt::SkipEmptyParts)) {
        if (part.startsWith(QLatin1Char('!'))) {
            const QString name = part.mid(1);
            if (const auto field = FieldRegistry::fromName(name))
                patch.clear(*field);
            else if (name.startsWith(QLatin1String("custom.")))
                patch.clearCustom(name.mid(7));
            else
                qFatal("bad clear spec %s", qPrintable(part));
            continue;
        }
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        QString name = part.left(eq);
        const QString value = part.mid(eq + 1);
        const bool append = name.endsWith(QLatin1Char('+'));
        if (append)
            name.chop(1);
        QStringList list;
        for (const QString& item : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            list << item.trimmed();
        if (name == QLatin1String("id"))
            patch.setContactId(value.toLongLong());
        else if (name == QLatin1String("company_id"))
            patch.setCompanyId(value.toLongLong());
        else if (name == QLatin1String("tags"))
            patch.setTags(list, append ? TagMode::Append : TagMode::Replace);
        else if (name == QLatin1String("extra_emails"))
            patch.setExtraEmails(list, append ? TagMode::Append : TagMode::Replace);
        else if (name == QLatin1String("extra_phones"))
            patch.setExtraPhones(PhoneTypes::fromText(value), append ? TagMode::Append : TagMode::Replace);
        else if (name == QLatin1String("extra_websites"))
            patch.setExtraWebsites(ContactPatch::splitUrls(value), append ? TagMode::Append : TagMode::Replace);
        else if (const auto field = FieldRegistry::fromName(name))
            patch.set(*field, value);
        else if (name.startsWith(QLatin1String("custom.")))
            patch.setCustom(name.mid(7), value);
        else
            qFatal("bad patch spec %s", qPrintable(part));
    }
    return patch;
}

// The value of one field of a contact as the specs write it: lists comma-joined.
inline QString fieldText(const Contact& c, const QString& name)
{
    if (name == QLatin1String("tags"))
        return c.tags.join(QLatin1Char(','));
    if (name == QLatin1String("extra_emails"))
        return c.extraEmails.join(QLatin1Char(','));
    if (name == QLatin1String("extra_phones"))
        return PhoneTypes::toText(c.extraPhones);
    if (name == QLatin1String("extra_websites"))
        return c.extraWebsites.join(QLatin1Char(','));
    if (name == QLatin1String("company_id"))
        return c.companyId ? QString::number(c.companyId) : QString();
    if (name.startsWith(QLatin1String("custom.")))
        return c.custom.value(name.mid(7));
    return c.value(*FieldRegistry::fromName(name));
}

} // namespace roster::test
