#include "ContactTable.h"

#include "CollationKeys.h"
#include "Database.h"
#include "SearchRows.h"
#include "SortKeyRefresh.h"
#include "StoreSettings.h"
#include "StoredTime.h"
#include "StoredUid.h"
#include "contact/PhoneNormalizer.h"

#include <QVarLengthArray>

#include <algorithm>
#include <limits>

namespace roster {

namespace {

// Contacts one phone probe returns: a switchboard number shared by thousands should not be read whole.
constexpr qsizetype kSharedPhoneLimit = 20;

QByteArray columnList()
{
    QByteArray list;
    for (const FieldInfo& info : FieldRegistry::all())
        list += QByteArray(info.name) + ", ";
    return list;
}

QByteArray placeholders(int count)
{
    QByteArray text;
    for (int i = 0; i < count; ++i)
        text += i == 0 ? "?" : ", ?";
    return text;
}

QString nullIfEmpty(const QString& value)
{
    return value.isEmpty() ? QString() : value;
}

// What a key column stores for `key` of `value` (see ContactTable::keySql).
QString storedKey(const QString& key, const QString& value)
{
    if (key.isEmpty())
        return {};
    return key == value ? QStringLiteral("") : key;
}

struct KeyColumns
{
    const char* key;
    const char* value;
};

KeyColumns columnsOf(ContactTable::IdentityKey key)
{
    switch (key) {
    case ContactTable::IdentityKey::Email:
        return {"email_norm", "email"};
    case ContactTable::IdentityKey::Linkedin:
        return {"linkedin_norm", "linkedin_url"};
    case ContactTable::IdentityKey::SalesNav:
        return {"salesnav_norm", "sales_nav_url"};
    case ContactTable::IdentityKey::Phone:
        break;
    }
    return {"phone_e164", "phone"};
}

} // namespace

ContactTable::ContactTable(Database& db)
    : m_db(db)
    , m_keys(db)
{
}

QByteArray ContactTable::keySql(IdentityKey key, const char* alias)
{
    const KeyColumns c = columnsOf(key);
    const QByteArray prefix = alias ? QByteArray(alias) + '.' : QByteArray();
    return "IIF(" + prefix + c.key + " = '', " + prefix + c.value + ", " + prefix + c.key + ")";
}

QByteArray ContactTable::hasKeySql(IdentityKey key, const char* alias)
{
    const QByteArray prefix = alias ? QByteArray(alias) + '.' : QByteArray();
    return prefix + columnsOf(key).key + " IS NOT NULL";
}

QByteArray ContactTable::lacksKeySql(IdentityKey key, const char* alias)
{
    const QByteArray prefix = alias ? QByteArray(alias) + '.' : QByteArray();
    return prefix + columnsOf(key).key + " IS NULL";
}

QString ContactTable::phoneKey(const Contact& c)
{
    const QString& phone = c.value(Field::Phone);
    return PhoneNormalizer::looksLikeE164(phone) ? phone : QString();
}

Result<void> ContactTable::prepare()
{
    // The keys already in the file were made for its noted locale (SortKeyRefresh): new ones must match.
    QString locale = StoreSettings(m_db).value(QString::fromLatin1(SortKeyRefresh::kSettingKey));
    m_sortKeys = std::make_shared<CollationKeys>(locale.isEmpty() ? CollationKeys::currentLocale() : locale);
    const QByteArray columns = columnList();
    const QByteArray insert = "INSERT INTO contacts (uid, " + columns
        + "company_id, email_norm, linkedin_norm, salesnav_norm, phone_e164, first_name_key, last_name_key, "
          "company_name_key, created_at, updated_at) VALUES ("
        + placeholders(kFieldCount + 11) + ")";
    QByteArray assignments;
    for (const FieldInfo& info : FieldRegistry::all())
        assignments += QByteArray(info.name) + " = ?, ";
    const QByteArray update = "UPDATE contacts SET " + assignments
        + "company_id = ?, email_norm = ?, linkedin_norm = ?, salesnav_norm = ?, phone_e164 = ?, first_name_key = ?, "
          "last_name_key = ?, company_name_key = ?, updated_at = ? WHERE id = ?";
    const QByteArray load = "SELECT id, uid, " + columns + "company_id, created_at, updated_at, deleted_at "
        + "FROM contacts WHERE id = ?";

    const auto byKey = [](IdentityKey key) -> QByteArray {
        return "SELECT id FROM contacts WHERE " + keySql(key) + " = ? AND " + hasKeySql(key)
            + " AND deleted_at IS NULL";
    };
    m_byEmail = SqlStatement(m_db, byKey(IdentityKey::Email).constData());
    m_byExtraEmail = SqlStatement(m_db,
                                  "SELECT e.contact_id FROM contact_emails e JOIN contacts c ON c.id = "
                                  "e.contact_id WHERE e.email_norm = ? AND c.deleted_at IS NULL LIMIT 1");
    m_byLinkedin = SqlStatement(m_db, byKey(IdentityKey::Linkedin).constData());
    m_bySalesNav = SqlStatement(m_db, byKey(IdentityKey::SalesNav).constData());
    // Two statements rather than one UNION: each reads its index in id order and stops at the limit.
    const QByteArray limit = " LIMIT " + QByteArray::number(kSharedPhoneLimit);
    m_byPhone = SqlStatement(m_db, QByteArray(byKey(IdentityKey::Phone) + " ORDER BY id" + limit).constData());
    m_byOtherPhone = SqlStatement(m_db,
                                  QByteArray("SELECT p.contact_id FROM contact_phones p JOIN contacts c ON c.id = "
                                             "p.contact_id WHERE p.phone_e164 = ? AND c.deleted_at IS NULL ORDER BY "
                                             "p.contact_id"
                                             + limit)
                                      .constData());
    m_isLive = SqlStatement(m_db, "SELECT 1 FROM contacts WHERE id = ? AND deleted_at IS NULL");
    m_inSearch = SqlStatement(m_db, "SELECT 1 FROM contacts_fts_docsize WHERE id = ?");
    m_load = SqlStatement(m_db, QByteArray(load + " AND deleted_at IS NULL").constData());
    m_loadAny = SqlStatement(m_db, load.constData());
    m_extraEmails = SqlStatement(m_db, "SELECT email FROM contact_emails WHERE contact_id = ? ORDER BY position");
    m_extraPhones
        = SqlStatement(m_db, "SELECT number, type FROM contact_phones WHERE contact_id = ? ORDER BY position");
    m_extraWebsites = SqlStatement(m_db, "SELECT url FROM contact_websites WHERE contact_id = ? ORDER BY position");
    m_deletePhones = SqlStatement(m_db, "DELETE FROM contact_phones WHERE contact_id = ?");
    m_insertPhone = SqlStatement(m_db,
                                 "INSERT INTO contact_phones (contact_id, position, number, type, phone_e164) "
                                 "VALUES (?, ?, ?, ?, ?)");
    m_deleteWebsites = SqlStatement(m_db, "DELETE FROM contact_websites WHERE contact_id = ?");
    m_insertWebsite = SqlStatement(m_db, "INSERT INTO contact_websites (contact_id, position, url) VALUES (?, ?, ?)");
    // Ordered here rather than by SQL, which sorted every contact's two or three tags in a temporary b-tree (a
    // re-import of a million tagged rows spent 5 s there); names come from m_tagNames.
    m_tags = SqlStatement(m_db, "SELECT position, tag_id FROM contact_tags WHERE contact_id = ?");
    m_tagName = SqlStatement(m_db, "SELECT name FROM tags WHERE id = ?");
    m_searchHeld = SqlStatement(m_db, "SELECT 1 FROM contacts_fts_docsize WHERE id BETWEEN ? AND ? LIMIT 1");
    m_custom = SqlStatement(m_db, "SELECT key, value FROM contact_custom_values WHERE contact_id = ?");
    m_insert = SqlStatement(m_db, insert.constData());
    m_update = SqlStatement(m_db, update.constData());
    m_deleteEmails = SqlStatement(m_db, "DELETE FROM contact_emails WHERE contact_id = ?");
    m_insertEmail = SqlStatement(m_db,
                                 "INSERT INTO contact_emails (contact_id, position, email, email_norm) "
                                 "VALUES (?, ?, ?, ?)");
    m_deleteTags = SqlStatement(m_db, "DELETE FROM contact_tags WHERE contact_id = ?");
    m_insertTag = SqlStatement(m_db, "INSERT INTO contact_tags (contact_id, tag_id, position) VALUES (?, ?, ?)");
    m_findTag = SqlStatement(m_db, "SELECT id FROM tags WHERE name_norm = ?");
    m_createTag = SqlStatement(m_db, "INSERT INTO tags (name, name_norm) VALUES (?, ?)");
    m_setCustom = SqlStatement(m_db,
                               "INSERT INTO contact_custom_values (contact_id, key, value) VALUES (?, ?, ?) "
                               "ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value");
    m_deleteCustom = SqlStatement(m_db, "DELETE FROM contact_custom_values WHERE contact_id = ? AND key = ?");
    m_setDeleted = SqlStatement(m_db, "UPDATE contacts SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2");
    m_setSortKeys = SqlStatement(m_db,
                                 "UPDATE contacts SET first_name_key = ?, last_name_key = ?, company_name_key = ? "
                                 "WHERE id = ?");
    m_searchRemove = SqlStatement(m_db,
                                  QByteArray(SearchRows::deleteSql()
                                             + " WHERE c.id = ? AND EXISTS (SELECT 1 FROM contacts_fts_docsize d "
                                               "WHERE d.id = c.id)")
                                      .constData());
    m_searchAdd = SqlStatement(m_db,
                               QByteArray(SearchRows::insertSql()
                                          + " WHERE c.id = ? AND c.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
                                            "contacts_fts_docsize d WHERE d.id = c.id)")
                                   .constData());
    m_ftsInsertRange = SqlStatement(
        m_db, QByteArray(SearchRows::insertSql() + " WHERE c.id BETWEEN ? AND ? AND c.deleted_at IS NULL").constData());
    for (const SqlStatement* s :
         {&m_ftsInsertRange, &m_searchHeld,  &m_tagName,        &m_byEmail,       &m_byExtraEmail, &m_byLinkedin,
          &m_bySalesNav,     &m_byPhone,     &m_byOtherPhone,   &m_isLive,        &m_load,         &m_loadAny,
          &m_extraEmails,    &m_tags,        &m_custom,         &m_insert,        &m_update,       &m_deleteEmails,
          &m_insertEmail,    &m_deleteTags,  &m_insertTag,      &m_findTag,       &m_createTag,    &m_setCustom,
          &m_deleteCustom,   &m_setDeleted,  &m_searchRemove,   &m_searchAdd,     &m_extraPhones,  &m_extraWebsites,
          &m_deletePhones,   &m_insertPhone, &m_deleteWebsites, &m_insertWebsite, &m_setSortKeys}) {
        if (!s->isValid())
            return std::unexpected(s->lastError());
    }
    return {};
}

static qint64 firstId(SqlStatement& query, const QString& key)
{
    query.reset();
    query.bind(1, key);
    const qint64 id = query.next() ? query.columnInt(0) : 0;
    query.reset();
    return id;
}

EmailOwner ContactTable::findByEmail(const QString& key)
{
    if (!m_keys.mayHold(static_cast<int>(IdentityKey::Email), key))
        return {};
    if (const qint64 id = firstId(m_byEmail, key))
        return {id, false};
    if (const qint64 id = firstId(m_byExtraEmail, key))
        return {id, true};
    return {};
}

qint64 ContactTable::findByLinkedin(const QString& key)
{
    if (!m_keys.mayHold(static_cast<int>(IdentityKey::Linkedin), key))
        return 0;
    return firstId(m_byLinkedin, key);
}

qint64 ContactTable::findBySalesNav(const QString& key)
{
    if (!m_keys.mayHold(static_cast<int>(IdentityKey::SalesNav), key))
        return 0;
    return firstId(m_bySalesNav, key);
}

QVector<qint64> ContactTable::findByPhone(const QString& key)
{
    QVector<qint64> ids;
    if (!m_keys.mayHold(static_cast<int>(IdentityKey::Phone), key))
        return ids;
    for (SqlStatement* query : {&m_byPhone, &m_byOtherPhone}) {
        query->reset();
        query->bind(1, key);
        while (query->next())
            ids << query->columnInt(0);
        query->reset();
    }
    // Oldest first, each contact once (one may hold the number twice), at most the limit.
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.size() > kSharedPhoneLimit)
        ids.resize(kSharedPhoneLimit);
    return ids;
}

bool ContactTable::inSearch(qint64 id)
{
    return hasRow(m_inSearch, id);
}

bool ContactTable::isLive(qint64 id)
{
    return hasRow(m_isLive, id);
}

bool ContactTable::hasRow(SqlStatement& query, qint64 id)
{
    query.reset();
    query.bind(1, id);
    const bool found = query.next();
    query.reset();
    return found;
}

std::optional<Contact> ContactTable::load(qint64 id, bool includeDeleted, bool withTimes)
{
    SqlStatement& query = includeDeleted ? m_loadAny : m_load;
    query.reset();
    query.bind(1, id);
    if (!query.next()) {
        query.reset();
        return std::nullopt;
    }
    Contact contact;
    contact.id = query.columnInt(0);
    contact.uid = StoredUid::read(query, 1);
    for (int i = 0; i < kFieldCount; ++i)
        contact.values[static_cast<std::size_t>(i)] = query.columnText(2 + i);
    contact.companyId = query.columnInt(2 + kFieldCount);
    if (withTimes) {
        contact.createdAt = StoredTime::read(query, 3 + kFieldCount);
        contact.updatedAt = StoredTime::read(query, 4 + kFieldCount);
    }
    contact.deletedAt = StoredTime::read(query, 5 + kFieldCount);
    query.reset();
    return contact;
}

static QStringList textColumn(SqlStatement& query, qint64 id)
{
    QStringList values;
    query.reset();
    query.bind(1, id);
    while (query.next())
        values << query.columnText(0);
    query.reset();
    return values;
}

QStringList ContactTable::extraEmails(qint64 id)
{
    return textColumn(m_extraEmails, id);
}

PhoneList ContactTable::extraPhones(qint64 id)
{
    PhoneList phones;
    m_extraPhones.reset();
    m_extraPhones.bind(1, id);
    while (m_extraPhones.next())
        phones << PhoneEntry {m_extraPhones.columnText(0),
                              PhoneTypes::fromName(m_extraPhones.columnText(1)).value_or(PhoneType::Other)};
    m_extraPhones.reset();
    return phones;
}

QStringList ContactTable::extraWebsites(qint64 id)
{
    return textColumn(m_extraWebsites, id);
}

QStringList ContactTable::tags(qint64 id)
{
    QVarLengthArray<std::pair<qint64, qint64>, 8> held; // position, tag id
    m_tags.reset();
    m_tags.bind(1, id);
    while (m_tags.next())
        held.append({m_tags.columnInt(0), m_tags.columnInt(1)});
    m_tags.reset();
    std::sort(held.begin(), held.end());
    QStringList names;
    names.reserve(held.size());
    for (const auto& [position, tag] : held) {
        auto it = m_tagNames.constFind(tag);
        if (it == m_tagNames.constEnd()) {
            m_tagName.reset();
            m_tagName.bind(1, tag);
            it = m_tagNames.insert(tag, m_tagName.next() ? m_tagName.columnText(0) : QString());
            m_tagName.reset();
        }
        names << *it;
    }
    return names;
}

QMap<QString, QString> ContactTable::custom(qint64 id)
{
    QMap<QString, QString> values;
    m_custom.reset();
    m_custom.bind(1, id);
    while (m_custom.next())
        values.insert(m_custom.columnText(0), m_custom.columnText(1));
    m_custom.reset();
    return values;
}

void ContactTable::loadLists(Contact& contact)
{
    contact.extraEmails = extraEmails(contact.id);
    contact.extraPhones = extraPhones(contact.id);
    contact.extraWebsites = extraWebsites(contact.id);
    contact.tags = tags(contact.id);
    contact.custom = custom(contact.id);
}

void ContactTable::bindRow(SqlStatement& statement, int first, const Contact& contact)
{
    int index = first;
    for (const QString& value : contact.values)
        statement.bind(index++, nullIfEmpty(value));
    if (contact.companyId > 0)
        statement.bind(index++, contact.companyId);
    else
        statement.bindNull(index++);
    statement.bind(index++, storedKey(emailKey(contact), contact.value(Field::Email)));
    statement.bind(index++, storedKey(contact.value(Field::LinkedinUrl), contact.value(Field::LinkedinUrl)));
    statement.bind(index++, storedKey(contact.value(Field::SalesNavUrl), contact.value(Field::SalesNavUrl)));
    statement.bind(index++, storedKey(phoneKey(contact), contact.value(Field::Phone)));
    for (const Field field : {Field::FirstName, Field::LastName, Field::CompanyName})
        statement.bindBlob(index++, m_sortKeys->key(contact.value(field)));
}

Result<qint64> ContactTable::insert(const Contact& contact, const QDateTime& now)
{
    StoredUid::bind(m_insert, 1, contact.uid);
    bindRow(m_insert, 2, contact);
    m_insert.bind(kFieldCount + 10, StoredTime::fromDateTime(now));
    m_insert.bind(kFieldCount + 11, StoredTime::fromDateTime(now));
    if (auto ok = m_insert.exec(); !ok)
        return std::unexpected(ok.error());
    noteKeys(contact);
    return static_cast<qint64>(m_db.lastInsertId());
}

Result<void> ContactTable::update(const Contact& contact, const QDateTime& now)
{
    bindRow(m_update, 1, contact);
    m_update.bind(kFieldCount + 9, StoredTime::fromDateTime(now));
    m_update.bind(kFieldCount + 10, contact.id);
    if (auto ok = m_update.exec(); !ok)
        return ok;
    noteKeys(contact);
    return {};
}

Result<void> ContactTable::removeLists(SqlStatement& remove, qint64 id, Held held)
{
    if (held == Held::None)
        return {};
    remove.bind(1, id);
    return remove.exec();
}

Result<void> ContactTable::replaceExtraEmails(qint64 id, const QStringList& emails, Held held)
{
    if (auto ok = removeLists(m_deleteEmails, id, held); !ok)
        return ok;
    for (qsizetype i = 0; i < emails.size(); ++i) {
        m_insertEmail.bind(1, id);
        m_insertEmail.bind(2, static_cast<qint64>(i));
        m_insertEmail.bind(3, emails.at(i));
        const QString key = emails.at(i).toLower();
        m_insertEmail.bind(4, key);
        if (auto ok = m_insertEmail.exec(); !ok)
            return ok;
        m_keys.note(static_cast<int>(IdentityKey::Email), key);
    }
    return {};
}

Result<void> ContactTable::replaceExtraPhones(qint64 id, const PhoneList& phones, Held held)
{
    if (auto ok = removeLists(m_deletePhones, id, held); !ok)
        return ok;
    for (qsizetype i = 0; i < phones.size(); ++i) {
        const PhoneEntry& phone = phones.at(i);
        m_insertPhone.bind(1, id);
        m_insertPhone.bind(2, static_cast<qint64>(i));
        m_insertPhone.bind(3, phone.number);
        m_insertPhone.bind(4, nullIfEmpty(PhoneTypes::name(phone.type)));
        const QString key = PhoneNormalizer::looksLikeE164(phone.number) ? phone.number : QString();
        m_insertPhone.bind(5, key);
        if (auto ok = m_insertPhone.exec(); !ok)
            return ok;
        m_keys.note(static_cast<int>(IdentityKey::Phone), key);
    }
    return {};
}

Result<void> ContactTable::replaceExtraWebsites(qint64 id, const QStringList& urls, Held held)
{
    if (auto ok = removeLists(m_deleteWebsites, id, held); !ok)
        return ok;
    for (qsizetype i = 0; i < urls.size(); ++i) {
        m_insertWebsite.bind(1, id);
        m_insertWebsite.bind(2, static_cast<qint64>(i));
        m_insertWebsite.bind(3, urls.at(i));
        if (auto ok = m_insertWebsite.exec(); !ok)
            return ok;
    }
    return {};
}

Result<qint64> ContactTable::tagId(const QString& name)
{
    const QString norm = name.toLower();
    if (const auto it = m_tagIds.constFind(norm); it != m_tagIds.constEnd())
        return *it;
    qint64 id = firstId(m_findTag, norm);
    if (id == 0) {
        m_createTag.bind(1, name);
        m_createTag.bind(2, norm);
        if (auto ok = m_createTag.exec(); !ok)
            return std::unexpected(ok.error());
        id = m_db.lastInsertId();
    }
    m_tagIds.insert(norm, id);
    return id;
}

Result<void> ContactTable::replaceTags(qint64 id, const QStringList& tags, Held held)
{
    if (auto ok = removeLists(m_deleteTags, id, held); !ok)
        return ok;
    for (qsizetype i = 0; i < tags.size(); ++i) {
        auto tag = tagId(tags.at(i));
        if (!tag)
            return std::unexpected(tag.error());
        m_insertTag.bind(1, id);
        m_insertTag.bind(2, *tag);
        m_insertTag.bind(3, static_cast<qint64>(i));
        if (auto ok = m_insertTag.exec(); !ok)
            return ok;
    }
    return {};
}

Result<void> ContactTable::setCustom(qint64 id, const QString& key, const std::optional<QString>& value)
{
    if (!value) {
        m_deleteCustom.bind(1, id);
        m_deleteCustom.bind(2, key);
        return m_deleteCustom.exec();
    }
    m_setCustom.bind(1, id);
    m_setCustom.bind(2, key);
    m_setCustom.bind(3, *value);
    return m_setCustom.exec();
}

Result<void> ContactTable::setDeleted(qint64 id, const QDateTime& deletedAt)
{
    m_setDeleted.bind(1, StoredTime::fromDateTime(deletedAt));
    m_setDeleted.bind(2, id);
    return m_setDeleted.exec();
}

Result<void> ContactTable::setSortKeys(const Contact& contact)
{
    int index = 1;
    for (const Field field : {Field::FirstName, Field::LastName, Field::CompanyName})
        m_setSortKeys.bindBlob(index++, m_sortKeys->key(contact.value(field)));
    m_setSortKeys.bind(index, contact.id);
    return m_setSortKeys.exec();
}

Result<void> ContactTable::removeFromSearch(qint64 id)
{
    m_searchRemove.bind(1, id);
    return m_searchRemove.exec();
}

Result<void> ContactTable::addToSearch(qint64 id)
{
    m_searchAdd.bind(1, id);
    return m_searchAdd.exec();
}

Result<void> ContactTable::addRangeToSearch(qint64 first, qint64 last)
{
    m_ftsInsertRange.bind(1, first);
    m_ftsInsertRange.bind(2, last);
    return m_ftsInsertRange.exec();
}

Result<void> ContactTable::addCreatedToSearch(qint64 first, qint64 last)
{
    m_searchHeld.reset();
    m_searchHeld.bind(1, first);
    m_searchHeld.bind(2, last);
    const bool held = m_searchHeld.next();
    m_searchHeld.reset();
    if (held)
        return rebuildSearch();
    return addRangeToSearch(first, last);
}

void ContactTable::noteKeys(const Contact& contact)
{
    if (!m_keys.active())
        return;
    m_keys.note(static_cast<int>(IdentityKey::Email), emailKey(contact));
    m_keys.note(static_cast<int>(IdentityKey::Linkedin), contact.value(Field::LinkedinUrl));
    m_keys.note(static_cast<int>(IdentityKey::SalesNav), contact.value(Field::SalesNavUrl));
    m_keys.note(static_cast<int>(IdentityKey::Phone), phoneKey(contact));
}

Result<void> ContactTable::rebuildSearch()
{
    return SearchRows::rebuild(m_db);
}

} // namespace roster
