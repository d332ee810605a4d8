#pragma once

#include "LoadKeyFilter.h"
#include "SqlStatement.h"
#include "contact/Contact.h"

#include <QHash>

#include <memory>
#include <optional>

namespace roster {

class CollationKeys;
class Database;

struct EmailOwner
{
    qint64 contactId = 0;
    bool viaExtraEmail = false;
};

// The SQL that reads and writes one contact's rows (contacts, contact_emails, contact_tags,
// contact_custom_values, contacts_fts), as prepared statements on the raw handle. It knows no rules:
// the engine and its siblings decide what to write.
class ContactTable final
{
public:
    explicit ContactTable(Database& db);
    Result<void> prepare();
    // Forget cached tag ids, for example after a rolled-back transaction created some.
    void resetCaches()
    {
        m_tagIds.clear();
        m_tagNames.clear();
    }

    EmailOwner findByEmail(const QString& key);
    qint64 findByLinkedin(const QString& key);
    qint64 findBySalesNav(const QString& key);
    // Live contacts with this E.164 phone as their primary or another phone, oldest first (a shared phone
    // can have several).
    QVector<qint64> findByPhone(const QString& key);
    bool isLive(qint64 id);

    // A bulk load's filter of the identity keys: the lookups above skip the index for a key it rules out, and the
    // writes below tell it theirs.
    LoadKeyFilter& keyFilter() { return m_keys; }

    // Whether the search index holds the contact.
    bool inSearch(qint64 id);

    // The contact's scalar fields and company link; extras, tags and custom values on demand below.
    // Timestamps are parsed only when asked: the engine compares values and never needs them.
    std::optional<Contact> load(qint64 id, bool includeDeleted = false, bool withTimes = false);
    QStringList extraEmails(qint64 id);
    PhoneList extraPhones(qint64 id);
    QStringList extraWebsites(qint64 id);
    QStringList tags(qint64 id);
    QMap<QString, QString> custom(qint64 id);
    void loadLists(Contact& contact);

    Result<qint64> insert(const Contact& contact, const QDateTime& now);
    Result<void> update(const Contact& contact, const QDateTime& now);
    // A contact's lists. `held` None is for a contact just inserted: no list row can hold its id, which SQLite
    // never gave before (AUTOINCREMENT, schema 17), so there is nothing to remove first.
    enum class Held { Some, None };
    Result<void> replaceExtraEmails(qint64 id, const QStringList& emails, Held held = Held::Some);
    Result<void> replaceExtraPhones(qint64 id, const PhoneList& phones, Held held = Held::Some);
    Result<void> replaceExtraWebsites(qint64 id, const QStringList& urls, Held held = Held::Some);
    Result<void> replaceTags(qint64 id, const QStringList& tags, Held held = Held::Some);
    Result<void> setCustom(qint64 id, const QString& key, const std::optional<QString>& value);
    Result<void> setDeleted(qint64 id, const QDateTime& deletedAt);
    // The names' sort keys alone, from the contact's values (a row another program wrote without them).
    Result<void> setSortKeys(const Contact& contact);
    // The search index is contentless (012): it keeps no copy of the values, so a contact's row is removed
    // with the values it was indexed with, computed from what is stored. Every write that changes a contact's
    // searchable values (its row, emails, phones, tags) or deletes it calls removeFromSearch before it changes
    // anything, and addToSearch once it is done. Both are no-ops when there is nothing to do: the first when
    // the contact is not indexed, the second when it is already indexed or deleted.
    Result<void> removeFromSearch(qint64 id);
    Result<void> addToSearch(qint64 id);
    // Indexes every live contact with an id in [first, last] from what is stored, in one statement.
    Result<void> addRangeToSearch(qint64 first, qint64 last);
    // For contacts just created: an id of theirs the index already holds was a contact another program removed
    // with foreign keys off (SQLite gives the newest id again), whose words are still there and cannot be taken
    // out without its values: the whole index is built again instead.
    Result<void> addCreatedToSearch(qint64 first, qint64 last);
    // Drops the search index and builds it again from the live contacts (SearchRows::rebuild).
    Result<void> rebuildSearch();

    // Match keys; they follow from the canonical values the engine writes.
    static QString emailKey(const Contact& c) { return c.value(Field::Email).toLower(); }
    static QString phoneKey(const Contact& c);

    // A key is stored once (schema 13): its column (email_norm, linkedin_norm, salesnav_norm, phone_e164) holds
    // '' when the key is the displayed value itself (a LinkedIn or Sales Navigator URL, a phone in E.164, an
    // email without capitals), the key when it differs, NULL when there is none. keySql() is the key as SQL,
    // spelled as the unique and lookup indexes are built on it (013), so that queries use them.
    enum class IdentityKey { Email, Linkedin, SalesNav, Phone };
    static QByteArray keySql(IdentityKey key, const char* alias = nullptr);
    // The column's `key IS NOT NULL` under `alias`, which a query needs to read the partial indexes.
    static QByteArray hasKeySql(IdentityKey key, const char* alias = nullptr);
    // `key IS NULL`: the rows without one (the email's sort runs, 015).
    static QByteArray lacksKeySql(IdentityKey key, const char* alias = nullptr);

private:
    Result<qint64> tagId(const QString& name);
    // One list's rows of contact `id` go before its new ones are written; none to remove when `held` is None.
    static Result<void> removeLists(SqlStatement& remove, qint64 id, Held held);
    // Whether `query` (one parameter, the id) returns a row.
    static bool hasRow(SqlStatement& query, qint64 id);
    void bindRow(SqlStatement& statement, int first, const Contact& contact);
    void noteKeys(const Contact& contact);

    Database& m_db;
    SqlStatement m_byEmail, m_byExtraEmail, m_byLinkedin, m_bySalesNav, m_byPhone, m_byOtherPhone, m_isLive, m_inSearch;
    SqlStatement m_load, m_loadAny, m_extraEmails, m_tags, m_tagName, m_custom;
    SqlStatement m_insert, m_update, m_deleteEmails, m_insertEmail, m_deleteTags, m_insertTag;
    SqlStatement m_extraPhones, m_extraWebsites, m_deletePhones, m_insertPhone, m_deleteWebsites, m_insertWebsite;
    SqlStatement m_findTag, m_createTag, m_setCustom, m_deleteCustom, m_setDeleted, m_setSortKeys;
    SqlStatement m_searchRemove, m_searchAdd, m_ftsInsertRange;
    QHash<QString, qint64> m_tagIds;
    // A tag's name by id: a tag row is never renamed or removed, so only a rollback can make an entry wrong.
    QHash<qint64, QString> m_tagNames;
    SqlStatement m_searchHeld;
    std::shared_ptr<CollationKeys> m_sortKeys; // the name columns' collation keys
    LoadKeyFilter m_keys;
};

} // namespace roster
