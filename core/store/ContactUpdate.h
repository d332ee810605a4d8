#pragma once

#include "PreparedPatch.h"
#include "UpsertPolicy.h"
#include "contact/Contact.h"

#include <QVector>

#include <optional>
#include <utility>

namespace roster {

class ContactTable;

// What one prepared patch changes in one stored contact under a merge policy, worked out before anything is
// written: the contact as it will be, each changed field's old and new value (for the change log and the
// result), and which of its lists and custom values need writing. The stored lists are read only when a rule
// needs them, so a patch that changes nothing costs one comparison per field.
class ContactUpdate final
{
public:
    struct Change
    {
        QString field, oldValue, newValue;
    };

    ContactUpdate(ContactTable& table, const Contact& current);

    // The patch's own fields: an email, phone or web page that replaces another keeps the old one among the
    // contact's others (as the policy says), and one already among them leaves the primary as it is. Adds
    // warnings to the patch for fields the policy ignores.
    void mergeFields(PreparedPatch& p, const UpsertPolicy& policy);
    void setCompany(qint64 companyId);
    // The lists (extra emails, phones, web pages, tags), by each one's mode, and the custom values.
    void mergeLists(const PreparedPatch& p);
    void mergeCustom(const PreparedPatch& p);

    const Contact& next() const { return m_next; }
    const QVector<Change>& changes() const { return m_changes; }
    const QVector<std::pair<QString, std::optional<QString>>>& customWrites() const { return m_customWrites; }
    bool searchChanged() const { return m_searchChanged; }
    bool extraEmailsChanged() const { return m_extraEmailsChanged; }
    bool extraPhonesChanged() const { return m_extraPhonesChanged; }
    bool extraWebsitesChanged() const { return m_extraWebsitesChanged; }
    bool tagsChanged() const { return m_tagsChanged; }

private:
    void ensureLists();

    ContactTable& m_table;
    const Contact& m_current;
    Contact m_next;
    bool m_listsLoaded = false;
    QVector<Change> m_changes;
    QVector<std::pair<QString, std::optional<QString>>> m_customWrites;
    QStringList m_demotedEmails;
    PhoneList m_demotedPhones;
    QStringList m_demotedWebsites;
    bool m_searchChanged = false;
    bool m_extraEmailsChanged = false;
    bool m_extraPhonesChanged = false;
    bool m_extraWebsitesChanged = false;
    bool m_tagsChanged = false;
};

} // namespace roster
