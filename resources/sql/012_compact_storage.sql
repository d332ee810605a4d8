-- Roster schema version 12: a smaller file (issue #15). No second copy of the searchable text, no index the
-- code never reads, nothing stored twice.
-- Database::migrateTo runs migrations with foreign keys off (SQLite's procedure for rebuilding a table):
-- dropping the old contacts table must not cascade to the rows that reference it, which stay as they are.

-- contacts without the unique index on uid: nothing looks a contact up by its uid (it is written once, read
-- back with the row, and exported), and the index cost about 46 bytes a contact. Uids are random (a clash
-- is as likely as two equal version 4 UUIDs), so uniqueness never needed the check. Same columns, same
-- order, same ids; every index of contacts is made again as 001, 003 and 009 define it, the sort indexes
-- without their redundant last column (below).
CREATE TABLE contacts_compact (
    id INTEGER PRIMARY KEY,
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
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    phone_type TEXT,
    first_name_key BLOB NOT NULL DEFAULT X'',
    last_name_key BLOB NOT NULL DEFAULT X'',
    company_name_key BLOB NOT NULL DEFAULT X''
);
INSERT INTO contacts_compact (id, uid, first_name, last_name, email, phone, linkedin_url, sales_nav_url, job_title,
    job_description, headline, summary, company_name, company_domain, company_linkedin_url, website, address1, city,
    state, postal_code, country, location, timezone, industry, languages, skills, picture_url, date_of_birth, gender,
    owner, source, do_not_contact, notes, company_id, email_norm, linkedin_norm, salesnav_norm, phone_e164, created_at,
    updated_at, deleted_at, phone_type, first_name_key, last_name_key, company_name_key)
SELECT id, uid, first_name, last_name, email, phone, linkedin_url, sales_nav_url, job_title,
    job_description, headline, summary, company_name, company_domain, company_linkedin_url, website, address1, city,
    state, postal_code, country, location, timezone, industry, languages, skills, picture_url, date_of_birth, gender,
    owner, source, do_not_contact, notes, company_id, email_norm, linkedin_norm, salesnav_norm, phone_e164, created_at,
    updated_at, deleted_at, phone_type, first_name_key, last_name_key, company_name_key
FROM contacts ORDER BY id;
DROP TABLE contacts;
ALTER TABLE contacts_compact RENAME TO contacts;

CREATE UNIQUE INDEX contacts_email_norm ON contacts (email_norm)
    WHERE deleted_at IS NULL AND email_norm IS NOT NULL;
CREATE UNIQUE INDEX contacts_linkedin_norm ON contacts (linkedin_norm)
    WHERE deleted_at IS NULL AND linkedin_norm IS NOT NULL;
CREATE UNIQUE INDEX contacts_salesnav_norm ON contacts (salesnav_norm)
    WHERE deleted_at IS NULL AND salesnav_norm IS NOT NULL;
CREATE INDEX contacts_phone_e164 ON contacts (phone_e164) WHERE deleted_at IS NULL AND phone_e164 IS NOT NULL;
CREATE INDEX contacts_company ON contacts (company_id) WHERE company_id IS NOT NULL;
CREATE INDEX contacts_live ON contacts (id) WHERE deleted_at IS NULL;
-- The window's sort indexes (003, 009) without their last column, id: SQLite ends every index entry with the
-- row's id already, so it was stored twice, and the order and the query plans of ContactQuery stay the same.
CREATE INDEX contacts_sort_email ON contacts (email COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_first_name ON contacts (first_name_key, last_name_key) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_last_name ON contacts (last_name_key, first_name_key) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_company_name ON contacts (company_name_key, first_name_key) WHERE deleted_at IS NULL;

-- The lists of a contact: each row was stored twice, in the table by rowid and in the index of its primary
-- key. WITHOUT ROWID keeps them once, grouped by contact as every reader asks for them.
CREATE TABLE contact_emails_compact (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    email TEXT NOT NULL,
    email_norm TEXT NOT NULL,
    PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
INSERT INTO contact_emails_compact (contact_id, position, email, email_norm)
SELECT contact_id, position, email, email_norm FROM contact_emails ORDER BY contact_id, position;
DROP TABLE contact_emails;
ALTER TABLE contact_emails_compact RENAME TO contact_emails;
CREATE INDEX contact_emails_norm ON contact_emails (email_norm);

CREATE TABLE contact_tags_compact (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (contact_id, tag_id)
) WITHOUT ROWID;
INSERT INTO contact_tags_compact (contact_id, tag_id, position)
SELECT contact_id, tag_id, position FROM contact_tags ORDER BY contact_id, tag_id;
DROP TABLE contact_tags;
ALTER TABLE contact_tags_compact RENAME TO contact_tags;
CREATE INDEX contact_tags_tag ON contact_tags (tag_id);

CREATE TABLE contact_custom_values_compact (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    key TEXT NOT NULL REFERENCES custom_fields (key) ON DELETE CASCADE,
    value TEXT NOT NULL,
    PRIMARY KEY (contact_id, key)
) WITHOUT ROWID;
INSERT INTO contact_custom_values_compact (contact_id, key, value)
SELECT contact_id, key, value FROM contact_custom_values ORDER BY contact_id, key;
DROP TABLE contact_custom_values;
ALTER TABLE contact_custom_values_compact RENAME TO contact_custom_values;

CREATE TABLE contact_phones_compact (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    type TEXT,
    phone_e164 TEXT, -- NULL when the number is kept as typed
    PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
INSERT INTO contact_phones_compact (contact_id, position, number, type, phone_e164)
SELECT contact_id, position, number, type, phone_e164 FROM contact_phones ORDER BY contact_id, position;
DROP TABLE contact_phones;
ALTER TABLE contact_phones_compact RENAME TO contact_phones;
CREATE INDEX contact_phones_e164 ON contact_phones (phone_e164) WHERE phone_e164 IS NOT NULL;

CREATE TABLE contact_websites_compact (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    PRIMARY KEY (contact_id, position)
) WITHOUT ROWID;
INSERT INTO contact_websites_compact (contact_id, position, url)
SELECT contact_id, position, url FROM contact_websites ORDER BY contact_id, position;
DROP TABLE contact_websites;
ALTER TABLE contact_websites_compact RENAME TO contact_websites;

-- A contact's history, newest last: the change log's id is the row's id, already at the end of each entry.
DROP INDEX change_log_contact;
CREATE INDEX change_log_contact ON change_log (contact_id);

-- The user's "not a duplicate" verdicts: a primary key and nothing else, stored once.
CREATE TABLE duplicate_verdicts_compact (
    first_id INTEGER NOT NULL,
    second_id INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (first_id, second_id)
) WITHOUT ROWID;
INSERT INTO duplicate_verdicts_compact (first_id, second_id, created_at)
SELECT first_id, second_id, created_at FROM duplicate_verdicts ORDER BY first_id, second_id;
DROP TABLE duplicate_verdicts;
ALTER TABLE duplicate_verdicts_compact RENAME TO duplicate_verdicts;

-- The search index without its copy of the text: contentless (content=''), so FTS5 keeps the index and each
-- row's token counts (contacts_fts_docsize), not the values. The values are still in contacts and its lists,
-- which is where ContactTable reads them from: to remove a contact's row, it feeds FTS5's 'delete' command
-- the row as it was indexed, computed from what is stored before anything of it changes. Contentless rather
-- than external content (content='a view'): both keep the same bytes, but FTS5 would read an external table
-- on every DELETE and silently leave stale terms when the stored values had already changed, while a
-- contentless table refuses a plain DELETE outright; and SQLite 3.40's integrity-check compares neither kind
-- with the values. Column values read from contacts_fts are NULL: only rowids and MATCH are used.
DROP TABLE contacts_fts;
CREATE VIRTUAL TABLE contacts_fts USING fts5 (
    name, emails, company, tags, title, phones,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO contacts_fts (rowid, name, emails, company, tags, title, phones)
SELECT c.id,
       TRIM(COALESCE(c.first_name, '') || ' ' || COALESCE(c.last_name, '')),
       TRIM(COALESCE(c.email, '') || ' ' || COALESCE((SELECT GROUP_CONCAT(e.email, ' ') FROM contact_emails e WHERE e.contact_id = c.id), '')),
       TRIM(COALESCE(c.company_name, '') || ' ' || COALESCE(c.company_domain, '')),
       COALESCE((SELECT GROUP_CONCAT(t.name, ' ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id), ''),
       COALESCE(c.job_title, ''),
       TRIM(COALESCE(roster_phone_terms(c.phone), '') || ' ' || COALESCE((SELECT GROUP_CONCAT(roster_phone_terms(p.number), ' ') FROM contact_phones p WHERE p.contact_id = c.id), ''))
FROM contacts c
WHERE c.deleted_at IS NULL;

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
