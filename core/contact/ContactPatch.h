#pragma once

#include "Field.h"
#include "PhoneEntry.h"

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <bitset>
#include <optional>

namespace roster {

enum class TagMode : std::uint8_t { Append, Replace };

// A sparse input for the upsert engine: only the fields an edit, a CSV row or a pulled record carries.
// A field set to an empty value is "absent" unless it was cleared on purpose (clear()) or the policy
// says empty values clear.
class ContactPatch final
{
public:
    void set(Field field, QString value);
    void clear(Field field);
    bool has(Field field) const { return m_present.test(index(field)); }
    bool isCleared(Field field) const { return m_cleared.test(index(field)); }
    const QString& value(Field field) const { return m_values[index(field)]; }
    void remove(Field field);

    // Sets a field by its design.md name, `custom.<key>`, `extra_emails` (comma separated), `extra_phones`
    // ("number (type); number"), `extra_websites` (separated by spaces or commas) or `tags`.
    // Returns false when the name is unknown.
    bool setByName(const QString& name, const QString& value);

    // Append adds to the stored extra emails (imports, pulls); Replace sets the list (the editor).
    void setExtraEmails(QStringList emails, TagMode mode = TagMode::Append);
    bool hasExtraEmails() const { return m_hasExtraEmails; }
    const QStringList& extraEmails() const { return m_extraEmails; }
    TagMode extraEmailMode() const { return m_extraEmailMode; }

    void setExtraPhones(PhoneList phones, TagMode mode = TagMode::Append);
    bool hasExtraPhones() const { return m_hasExtraPhones; }
    const PhoneList& extraPhones() const { return m_extraPhones; }
    TagMode extraPhoneMode() const { return m_extraPhoneMode; }

    void setExtraWebsites(QStringList urls, TagMode mode = TagMode::Append);
    bool hasExtraWebsites() const { return m_hasExtraWebsites; }
    const QStringList& extraWebsites() const { return m_extraWebsites; }
    TagMode extraWebsiteMode() const { return m_extraWebsiteMode; }

    // URLs of a cell or an argument: separated by white space, commas between them dropped.
    static QStringList splitUrls(QStringView text);

    void setTags(QStringList tags, TagMode mode);
    bool hasTags() const { return m_hasTags; }
    const QStringList& tags() const { return m_tags; }
    TagMode tagMode() const { return m_tagMode; }

    void setCustom(const QString& key, QString value) { m_custom.insert(key, std::move(value)); }
    void clearCustom(const QString& key);
    const QMap<QString, QString>& custom() const { return m_custom; }
    const QSet<QString>& clearedCustom() const { return m_clearedCustom; }

    // Targets one stored contact by its local id (the editor's saves, undoable merges).
    void setContactId(qint64 id) { m_contactId = id; }
    std::optional<qint64> contactId() const { return m_contactId; }

    // Links a company by its local id; outranks company_domain and company_linkedin_url.
    void setCompanyId(qint64 id) { m_companyId = id; }
    std::optional<qint64> companyId() const { return m_companyId; }

    bool isEmpty() const;

private:
    static std::size_t index(Field field) { return static_cast<std::size_t>(field); }

    std::array<QString, kFieldCount> m_values;
    std::bitset<kFieldCount> m_present;
    std::bitset<kFieldCount> m_cleared;
    QStringList m_extraEmails;
    PhoneList m_extraPhones;
    QStringList m_extraWebsites;
    QStringList m_tags;
    QMap<QString, QString> m_custom;
    QSet<QString> m_clearedCustom;
    std::optional<qint64> m_contactId;
    std::optional<qint64> m_companyId;
    TagMode m_tagMode = TagMode::Append;
    TagMode m_extraEmailMode = TagMode::Append;
    TagMode m_extraPhoneMode = TagMode::Append;
    TagMode m_extraWebsiteMode = TagMode::Append;
    bool m_hasExtraEmails = false;
    bool m_hasExtraPhones = false;
    bool m_hasExtraWebsites = false;
    bool m_hasTags = false;
};

} // namespace roster
