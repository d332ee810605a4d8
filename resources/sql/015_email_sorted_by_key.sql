-- The window sorts by email on the email's identity key (the address in lower case, 013) instead of an index of
-- its own: the key's unique index already holds every live contact with an email in that order, which for an
-- address in ASCII is the order of COLLATE NOCASE. 37 bytes a contact less on the realistic million rows. The
-- contacts without an email (the run shown after them) get a small index of their own, so that run is read in
-- id order without a scan of the table.
DROP INDEX contacts_sort_email;
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
