#include "ContactUpdate.h"

#include "ChangeLog.h"
#include "ContactMatcher.h"
#include "ContactTable.h"
#include "contact/PhoneEntry.h"

namespace roster {

namespace {

QStringList appendMissing(QStringList list, const QStringList& additions)
{
    for (const QString& item : additions) {
        if (!list.contains(item, Qt::CaseInsensitive))
            list << item;
    }
    return list;
}

bool isSearchField(Field f)
{
    return f == Field::FirstName || f == Field::LastName || f == Field::Email || f == Field::CompanyName
        || f == Field::CompanyDomain || f == Field::JobTitle || f == Field::Phone;
}

} // namespace

ContactUpdate::ContactUpdate(ContactTable& table, const Contact& current)
    : m_table(table)
    , m_current(current)
    , m_next(current)
{
}

void ContactUpdate::ensureLists()
{
    if (m_listsLoaded)
        return;
    m_next.extraEmails = m_table.extraEmails(m_current.id);
    m_next.extraPhones = m_table.extraPhones(m_current.id);
    m_next.extraWebsites = m_table.extraWebsites(m_current.id);
    m_next.tags = m_table.tags(m_current.id);
    m_listsLoaded = true;
}

void ContactUpdate::mergeFields(PreparedPatch& p, const UpsertPolicy& policy)
{
    for (const FieldInfo& info : FieldRegistry::all()) {
        const Field f = info.field;
        QString value;
        if (p.isClear(f))
            value.clear();
        else if (p.isSet(f))
            value = p.value(f);
        else
            continue;
        const QString& old = m_current.value(f);
        if (value == old)
            continue;
        if (f == Field::Source && policy.sourceOnCreateOnly && !old.isEmpty()) {
            p.warnings.append({ErrorCode::FieldIgnored, FieldRegistry::name(f),
                               QStringLiteral("source is set when a contact is created only"), 0});
            continue;
        }
        if (f == Field::Email && !value.isEmpty()) {
            if (old.compare(value, Qt::CaseInsensitive) == 0)
                continue; // same address in other letter case: keep what is stored, so re-imports change nothing
            ensureLists();
            if (ContactMatcher::containsKey(m_next.extraEmails, p.emailKey))
                continue; // already this contact's extra email: the primary stays as it is
            if (policy.keepReplacedEmail && !old.isEmpty())
                m_demotedEmails << old;
        }
        if (f == Field::Phone && !value.isEmpty() && !(p.hasExtraPhones && p.extraPhoneMode == TagMode::Replace)) {
            // Another of this contact's phones named again (a CRM that keeps one phone, a row with its
            // columns in another order): the primary stays as it is. A new number takes the primary's place
            // and the old one is kept among the others.
            ensureLists();
            // The stored number as its own country writes it ("06 12 34 56 78" for +33612345678: a file read
            // without the phone region, a CRM that keeps national numbers): the same phone, kept as stored.
            if (!old.isEmpty() && PhoneTypes::isSame(old, value))
                continue;
            if (PhoneTypes::contains(m_next.extraPhones, value)) {
                p.drop(Field::PhoneType);
                continue;
            }
            if (!old.isEmpty())
                m_demotedPhones << PhoneEntry {
                    old, PhoneTypes::fromName(m_current.value(Field::PhoneType)).value_or(PhoneType::Other)};
        }
        // The old number's kind went with it: a new number of no said kind is not the old one's fax.
        if (f == Field::Phone && !p.isSet(Field::PhoneType) && !m_current.value(Field::PhoneType).isEmpty())
            p.clear.set(static_cast<std::size_t>(Field::PhoneType));
        if (f == Field::Website && !value.isEmpty()
            && !(p.hasExtraWebsites && p.extraWebsiteMode == TagMode::Replace)) {
            ensureLists();
            if (m_next.extraWebsites.contains(value, Qt::CaseInsensitive))
                continue;
            if (!old.isEmpty())
                m_demotedWebsites << old;
        }
        m_next.setValue(f, value);
        m_changes.append({FieldRegistry::name(f), old, value});
        m_searchChanged = m_searchChanged || isSearchField(f);
    }
}

void ContactUpdate::setCompany(qint64 companyId)
{
    if (companyId == m_current.companyId)
        return;
    m_next.companyId = companyId;
    m_changes.append({QStringLiteral("company_id"),
                      m_current.companyId ? QString::number(m_current.companyId) : QString(),
                      companyId ? QString::number(companyId) : QString()});
}

void ContactUpdate::mergeLists(const PreparedPatch& p)
{
    if (p.hasExtraEmails || !m_demotedEmails.isEmpty()) {
        ensureLists();
        QStringList wanted = (p.hasExtraEmails && p.extraEmailMode == TagMode::Replace)
            ? p.extraEmails
            : appendMissing(m_next.extraEmails, p.extraEmails);
        wanted = appendMissing(wanted, m_demotedEmails);
        wanted.removeIf(
            [&](const QString& e) { return e.compare(m_next.value(Field::Email), Qt::CaseInsensitive) == 0; });
        if (wanted != m_next.extraEmails) {
            m_changes.append({FieldRegistry::extraEmailsName(), ChangeLog::encodeList(m_next.extraEmails),
                              ChangeLog::encodeList(wanted)});
            m_next.extraEmails = wanted;
            m_extraEmailsChanged = m_searchChanged = true;
        }
    }
    if (p.hasExtraPhones || !m_demotedPhones.isEmpty()) {
        ensureLists();
        PhoneList wanted = (p.hasExtraPhones && p.extraPhoneMode == TagMode::Replace)
            ? p.extraPhones
            : PhoneTypes::appendMissing(m_next.extraPhones, p.extraPhones);
        wanted = PhoneTypes::appendMissing(wanted, m_demotedPhones);
        const QString& primary = m_next.value(Field::Phone);
        wanted.removeIf([&](const PhoneEntry& e) { return PhoneTypes::isSame(e.number, primary); });
        if (wanted != m_next.extraPhones) {
            m_changes.append(
                {FieldRegistry::extraPhonesName(), PhoneTypes::toJson(m_next.extraPhones), PhoneTypes::toJson(wanted)});
            m_next.extraPhones = wanted;
            m_extraPhonesChanged = m_searchChanged = true;
        }
    }
    if (p.hasExtraWebsites || !m_demotedWebsites.isEmpty()) {
        ensureLists();
        QStringList wanted = (p.hasExtraWebsites && p.extraWebsiteMode == TagMode::Replace)
            ? p.extraWebsites
            : appendMissing(m_next.extraWebsites, p.extraWebsites);
        wanted = appendMissing(wanted, m_demotedWebsites);
        wanted.removeIf(
            [&](const QString& u) { return u.compare(m_next.value(Field::Website), Qt::CaseInsensitive) == 0; });
        if (wanted != m_next.extraWebsites) {
            m_changes.append({FieldRegistry::extraWebsitesName(), ChangeLog::encodeList(m_next.extraWebsites),
                              ChangeLog::encodeList(wanted)});
            m_next.extraWebsites = wanted;
            m_extraWebsitesChanged = true;
        }
    }
    if (p.hasTags) {
        ensureLists();
        const QStringList wanted = p.tagMode == TagMode::Replace ? p.tags : appendMissing(m_next.tags, p.tags);
        if (wanted != m_next.tags) {
            m_changes.append(
                {FieldRegistry::tagsName(), ChangeLog::encodeList(m_next.tags), ChangeLog::encodeList(wanted)});
            m_next.tags = wanted;
            m_tagsChanged = m_searchChanged = true;
        }
    }
}

void ContactUpdate::mergeCustom(const PreparedPatch& p)
{
    if (!p.custom.isEmpty()) {
        const QMap<QString, QString> stored = m_table.custom(m_current.id);
        for (auto it = p.custom.cbegin(); it != p.custom.cend(); ++it) {
            const QString old = stored.value(it.key());
            const QString wanted = it.value().value_or(QString());
            if (old == wanted)
                continue;
            m_customWrites.append({it.key(), it.value()});
            m_changes.append({FieldRegistry::customPrefix() + it.key(), old, wanted});
        }
    }
}

} // namespace roster
