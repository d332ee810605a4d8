-- Roster schema version 16: a contact's times as numbers, and no index the code never reads (issue #15).
--
-- created_at, updated_at and deleted_at become milliseconds since 1970 in UTC (StoredTime), an INTEGER column: 6
-- bytes where the ISO text took 25, 36 bytes a contact less on the realistic million rows. Undoing a large import
-- gains most: setting deleted_at on every contact grew each row by 25 bytes, more than the pages had free, so
-- every page of the table split; 7 bytes fit in the room the pages already have.
-- The table is built again (a column's type cannot change in place, and a TEXT column would turn the numbers
-- back into text), with the same columns in the same order and the same ids; Database::migrateTo runs this with
-- foreign keys off, so dropping the old table touches none of the rows that reference it. A time that does not
-- read as one (roster_time gives NULL) is kept as it was written, and StoredTime reads that text as before.
CREATE TABLE contacts_timed (
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
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER,
    phone_type TEXT,
    first_name_key BLOB NOT NULL DEFAULT X'',
    last_name_key BLOB NOT NULL DEFAULT X'',
    company_name_key BLOB NOT NULL DEFAULT X''
);
INSERT INTO contacts_timed (id, uid, first_name, last_name, email, phone, linkedin_url, sales_nav_url, job_title,
    job_description, headline, summary, company_name, company_domain, company_linkedin_url, website, address1,
    city, state, postal_code, country, location, timezone, industry, languages, skills, picture_url, date_of_birth,
    gender, owner, source, do_not_contact, notes, company_id, email_norm, linkedin_norm, salesnav_norm, phone_e164,
    created_at, updated_at, deleted_at, phone_type, first_name_key, last_name_key, company_name_key)
SELECT id, uid, first_name, last_name, email, phone, linkedin_url, sales_nav_url, job_title, job_description,
    headline, summary, company_name, company_domain, company_linkedin_url, website, address1, city, state,
    postal_code, country, location, timezone, industry, languages, skills, picture_url, date_of_birth, gender,
    owner, source, do_not_contact, notes, company_id, email_norm, linkedin_norm, salesnav_norm, phone_e164,
    COALESCE(roster_time(created_at), created_at), COALESCE(roster_time(updated_at), updated_at),
    COALESCE(roster_time(deleted_at), deleted_at), phone_type, first_name_key, last_name_key, company_name_key
FROM contacts ORDER BY id;
DROP TABLE contacts;
ALTER TABLE contacts_timed RENAME TO contacts;

-- Every index of contacts as 013 and 015 left it. A sort index a killed bulk load had dropped (its note is in
-- settings) is made here too; DeferredIndexes then finds it present and only forgets the note.
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

-- A contact's history by contact: nothing reads the change log that way (undo reads it by operation, sync by
-- id), and the index cost 14 bytes a contact. A view of one contact's history would bring it back.
DROP INDEX change_log_contact;

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
