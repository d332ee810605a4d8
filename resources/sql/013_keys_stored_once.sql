-- Roster schema version 13: each identity key stored once (issue #15). The key columns hold '' when the key is
-- the displayed value itself, which it always is for a LinkedIn or Sales Navigator URL and a phone in E.164 and
-- mostly is for an email (its lower-case form); the key itself when it differs; NULL when there is none. The
-- indexes are built on the key as SQL (ContactTable::keySql), with the same names and conditions as before, so
-- they refuse and find exactly what they did.
--
-- The rows already stored keep their keys as they are: a key written out in full is read the same way, and a
-- contact written again stores the short form. Rewriting every row here would make the upgrade of a large
-- file much longer without making it smaller (SQLite keeps the pages the rows shrink in).
--
-- An empty key never matched anything (the engine never looks up an empty key) and would now mean "the value
-- itself": such a key, if any file has one, becomes none.
UPDATE contacts SET email_norm = NULLIF(email_norm, ''), linkedin_norm = NULLIF(linkedin_norm, ''),
    salesnav_norm = NULLIF(salesnav_norm, ''), phone_e164 = NULLIF(phone_e164, '')
WHERE email_norm = '' OR linkedin_norm = '' OR salesnav_norm = '' OR phone_e164 = '';

DROP INDEX contacts_email_norm;
DROP INDEX contacts_linkedin_norm;
DROP INDEX contacts_salesnav_norm;
DROP INDEX contacts_phone_e164;
CREATE UNIQUE INDEX contacts_email_norm ON contacts (IIF(email_norm = '', email, email_norm))
    WHERE deleted_at IS NULL AND email_norm IS NOT NULL;
CREATE UNIQUE INDEX contacts_linkedin_norm ON contacts (IIF(linkedin_norm = '', linkedin_url, linkedin_norm))
    WHERE deleted_at IS NULL AND linkedin_norm IS NOT NULL;
CREATE UNIQUE INDEX contacts_salesnav_norm ON contacts (IIF(salesnav_norm = '', sales_nav_url, salesnav_norm))
    WHERE deleted_at IS NULL AND salesnav_norm IS NOT NULL;
CREATE INDEX contacts_phone_e164 ON contacts (IIF(phone_e164 = '', phone, phone_e164))
    WHERE deleted_at IS NULL AND phone_e164 IS NOT NULL;


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
