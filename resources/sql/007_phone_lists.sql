-- Roster schema version 7: every phone and every web page a contact has, not only the first.
-- Address books carry two to four phones per card (work, mobile, fax, home) and several web pages; the
-- primary phone stays in contacts.phone (matched, pushed to the CRMs that take one) with its kind in
-- phone_type, the others go here in their order. Existing values stay where they are.
ALTER TABLE contacts ADD COLUMN phone_type TEXT;

CREATE TABLE contact_phones (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    type TEXT,
    phone_e164 TEXT, -- NULL when the number is kept as typed
    PRIMARY KEY (contact_id, position)
);
-- Matching uses every phone of a contact, as it uses every email.
CREATE INDEX contact_phones_e164 ON contact_phones (phone_e164) WHERE phone_e164 IS NOT NULL;

CREATE TABLE contact_websites (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    PRIMARY KEY (contact_id, position)
);

-- The idempotent search-index repair every schema upgrade repeats (see 004).
DELETE FROM contacts_fts WHERE rowid IN (SELECT id FROM contacts WHERE deleted_at IS NOT NULL);
INSERT INTO contacts_fts (rowid, name, emails, company, tags)
SELECT c.id,
       TRIM(COALESCE(c.first_name, '') || ' ' || COALESCE(c.last_name, '')),
       TRIM(COALESCE(c.email, '') || ' ' || COALESCE((SELECT GROUP_CONCAT(e.email, ' ') FROM contact_emails e WHERE e.contact_id = c.id), '')),
       TRIM(COALESCE(c.company_name, '') || ' ' || COALESCE(c.company_domain, '')),
       COALESCE((SELECT GROUP_CONCAT(t.name, ' ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id), '')
FROM contacts c
WHERE c.deleted_at IS NULL AND c.id NOT IN (SELECT rowid FROM contacts_fts);
