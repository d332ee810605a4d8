-- Roster schema version 17: a contact's id is never given again (AUTOINCREMENT).
--
-- SQLite gives a new row the highest id plus one, so the id of the newest contact comes back once that contact
-- is removed. Roster never removes a contact row, but another program may (the sqlite3 shell, whose foreign keys
-- are off by default): the rows that referred to the removed contact stay, its extra emails, phones, web pages,
-- tags and custom values, its links to CRM records, its change log, and the next contact, given the same id,
-- took them all as its own (a push then wrote the new person over the old one's CRM record). With AUTOINCREMENT
-- SQLite never gives an id twice. The table is built again (the keyword cannot be added in place) with the same
-- columns in the same order and the same ids; Database::migrateTo runs this with foreign keys off.
CREATE TABLE contacts_kept (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL,
    first_name TEXT,
    last_name TEXT,
    email TEXT,
    phone TEXT,
    linkedin_url TEXT,
    sales_nav_url TEXT,
    job_title TEXT,
    job_description TEXT,
    headline TEXT,
    summary TEXT,
    company_name TEXT,
    company_domain TEXT,
    company_linkedin_url TEXT,
    website TEXT,
    address1 TEXT,
    city TEXT,
    state TEXT,
    postal_code TEXT,
    country TEXT,
    location TEXT,
    timezone TEXT,
    industry TEXT,
    languages TEXT,
    skills TEXT,
    picture_url TEXT,
    date_of_birth TEXT,
    gender TEXT,
    owner TEXT,
    source TEXT,
    do_not_contact TEXT,
    notes TEXT,
    company_id INTEGER REFERENCES companies (id) ON DELETE SET NULL,
    email_norm TEXT,
    linkedin_norm TEXT,
    salesnav_norm TEXT,
    phone_e164 TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER,
    phone_type TEXT,
    first_name_key BLOB NOT NULL DEFAULT X'',
    last_name_key BLOB NOT NULL DEFAULT X'',
    company_name_key BLOB NOT NULL DEFAULT X''
);
INSERT INTO contacts_kept (id, uid, first_name, last_name, email, phone, linkedin_url, sales_nav_url, job_title,
    job_description, headline, summary, company_name, company_domain, company_linkedin_url, website, address1,
    city, state, postal_code, country, location, timezone, industry, languages, skills, picture_url, date_of_birth,
    gender, owner, source, do_not_contact, notes, company_id, email_norm, linkedin_norm, salesnav_norm, phone_e164,
    created_at, updated_at, deleted_at, phone_type, first_name_key, last_name_key, company_name_key)
SELECT id, uid, first_name, last_name, email, phone, linkedin_url, sales_nav_url, job_title,
    job_description, headline, summary, company_name, company_domain, company_linkedin_url, website, address1,
    city, state, postal_code, country, location, timezone, industry, languages, skills, picture_url, date_of_birth,
    gender, owner, source, do_not_contact, notes, company_id, email_norm, linkedin_norm, salesnav_norm, phone_e164,
    created_at, updated_at, deleted_at, phone_type, first_name_key, last_name_key, company_name_key
FROM contacts ORDER BY id;
DROP TABLE contacts;
ALTER TABLE contacts_kept RENAME TO contacts;

-- Ids a removal already left behind in a table that refers to contacts are not given either.
DELETE FROM sqlite_sequence WHERE name = 'contacts';
INSERT INTO sqlite_sequence (name, seq)
SELECT 'contacts', max(
    coalesce((SELECT max(id) FROM contacts), 0),
    coalesce((SELECT max(contact_id) FROM contact_emails), 0),
    coalesce((SELECT max(contact_id) FROM contact_phones), 0),
    coalesce((SELECT max(contact_id) FROM contact_websites), 0),
    coalesce((SELECT max(contact_id) FROM contact_tags), 0),
    coalesce((SELECT max(contact_id) FROM contact_custom_values), 0),
    coalesce((SELECT max(contact_id) FROM remote_links), 0),
    coalesce((SELECT max(contact_id) FROM remote_deletions), 0),
    coalesce((SELECT max(contact_id) FROM sync_conflicts), 0),
    coalesce((SELECT max(contact_id) FROM sync_outbox), 0),
    coalesce((SELECT max(contact_id) FROM sync_errors), 0),
    coalesce((SELECT max(max(contact_id, other_contact_id)) FROM duplicate_hints), 0),
    coalesce((SELECT max(contact_id) FROM change_log), 0));

-- The rows a removal left behind go, as SQLite would have removed them with foreign keys on (each of these
-- references its contact ON DELETE CASCADE): Database::migrateTo refuses an upgrade that leaves a broken
-- reference, so until now a file touched that way could not be opened by a newer Roster at all. The change log,
-- the outbox and the sync errors name contacts without a foreign key and keep their rows. A later migration that
-- follows a removal by another program must repeat this block.
DELETE FROM contact_emails WHERE contact_id NOT IN (SELECT id FROM contacts);
DELETE FROM contact_phones WHERE contact_id NOT IN (SELECT id FROM contacts);
DELETE FROM contact_websites WHERE contact_id NOT IN (SELECT id FROM contacts);
DELETE FROM contact_tags WHERE contact_id NOT IN (SELECT id FROM contacts);
DELETE FROM contact_custom_values WHERE contact_id NOT IN (SELECT id FROM contacts);
DELETE FROM remote_links WHERE contact_id NOT IN (SELECT id FROM contacts);
DELETE FROM remote_deletions WHERE contact_id NOT IN (SELECT id FROM contacts);
DELETE FROM sync_conflicts WHERE contact_id NOT IN (SELECT id FROM contacts);
DELETE FROM duplicate_hints
WHERE contact_id NOT IN (SELECT id FROM contacts) OR other_contact_id NOT IN (SELECT id FROM contacts);

-- Every index of contacts as 016 left it. A sort index a killed bulk load had dropped (its note is in settings)
-- is made here too; DeferredIndexes then finds it present and only forgets the note.
CREATE UNIQUE INDEX contacts_email_norm ON contacts (IIF(email_norm = '', email, email_norm))
    WHERE deleted_at IS NULL AND email_norm IS NOT NULL;
CREATE UNIQUE INDEX contacts_linkedin_norm ON contacts (IIF(linkedin_norm = '', linkedin_url, linkedin_norm))
    WHERE deleted_at IS NULL AND linkedin_norm IS NOT NULL;
CREATE UNIQUE INDEX contacts_salesnav_norm ON contacts (IIF(salesnav_norm = '', sales_nav_url, salesnav_norm))
    WHERE deleted_at IS NULL AND salesnav_norm IS NOT NULL;
CREATE INDEX contacts_phone_e164 ON contacts (IIF(phone_e164 = '', phone, phone_e164))
    WHERE deleted_at IS NULL AND phone_e164 IS NOT NULL;
CREATE INDEX contacts_company ON contacts (company_id) WHERE company_id IS NOT NULL;
CREATE INDEX contacts_live ON contacts (id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_first_name ON contacts (first_name_key, last_name_key) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_last_name ON contacts (last_name_key, first_name_key) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_company_name ON contacts (company_name_key, first_name_key) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_no_email ON contacts (id) WHERE deleted_at IS NULL AND email_norm IS NULL;

-- The idempotent search-index repair every schema upgrade repeats (see 004), for the contentless index of
-- this version: contacts_fts_docsize has one row per indexed contact. A deleted contact still indexed is
-- removed with the values it has (the 'delete' command), a live contact missing is added.
INSERT INTO contacts_fts (contacts_fts, rowid, name, emails, company, tags, title, phones)
SELECT 'delete', c.id,
       TRIM(COALESCE(c.first_name, '') || ' ' || COALESCE(c.last_name, '')),
       TRIM(COALESCE(c.email, '') || ' ' || COALESCE((SELECT GROUP_CONCAT(e.email, ' ') FROM contact_emails e WHERE e.contact_id = c.id), '')),
       TRIM(COALESCE(c.company_name, '') || ' ' || COALESCE(c.company_domain, '')),
       COALESCE((SELECT GROUP_CONCAT(t.name, ' ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id), ''),
       COALESCE(c.job_title, ''),
       TRIM(COALESCE(roster_phone_terms(c.phone), '') || ' ' || COALESCE((SELECT GROUP_CONCAT(roster_phone_terms(p.number), ' ') FROM contact_phones p WHERE p.contact_id = c.id), ''))
FROM contacts c
WHERE c.deleted_at IS NOT NULL AND c.id IN (SELECT id FROM contacts_fts_docsize);
INSERT INTO contacts_fts (rowid, name, emails, company, tags, title, phones)
SELECT c.id,
       TRIM(COALESCE(c.first_name, '') || ' ' || COALESCE(c.last_name, '')),
       TRIM(COALESCE(c.email, '') || ' ' || COALESCE((SELECT GROUP_CONCAT(e.email, ' ') FROM contact_emails e WHERE e.contact_id = c.id), '')),
       TRIM(COALESCE(c.company_name, '') || ' ' || COALESCE(c.company_domain, '')),
       COALESCE((SELECT GROUP_CONCAT(t.name, ' ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id), ''),
       COALESCE(c.job_title, ''),
       TRIM(COALESCE(roster_phone_terms(c.phone), '') || ' ' || COALESCE((SELECT GROUP_CONCAT(roster_phone_terms(p.number), ' ') FROM contact_phones p WHERE p.contact_id = c.id), ''))
FROM contacts c
WHERE c.deleted_at IS NULL AND c.id NOT IN (SELECT id FROM contacts_fts_docsize);
