-- Roster schema version 9: name columns sorted the way the user's language sorts them, and the user's
-- "not a duplicate" verdicts.
-- NOCASE only folds ASCII: Çelik and Østergaard came after Williams, and equal last names came in whatever
-- order the id gave. Each sortable name column gets a collation key: the ICU sort key bytes of the value
-- for the collation locale (settings.sort_locale), compared byte by byte (BLOB) so the index keeps the
-- language's order and keyset paging stays a range scan. An empty value has the empty key, which the
-- window lists after the others. The keys are computed in C++ (CollationKeys) when the file is opened
-- after this migration, and again whenever the locale changes.
ALTER TABLE contacts ADD COLUMN first_name_key BLOB NOT NULL DEFAULT X'';
ALTER TABLE contacts ADD COLUMN last_name_key BLOB NOT NULL DEFAULT X'';
ALTER TABLE contacts ADD COLUMN company_name_key BLOB NOT NULL DEFAULT X'';
DELETE FROM settings WHERE key = 'sort_locale';

-- Equal keys are ordered by first name (by last name when sorting by first name), then id.
DROP INDEX IF EXISTS contacts_sort_first_name;
DROP INDEX IF EXISTS contacts_sort_last_name;
DROP INDEX IF EXISTS contacts_sort_company_name;
CREATE INDEX contacts_sort_first_name ON contacts (first_name_key, last_name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_last_name ON contacts (last_name_key, first_name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_company_name ON contacts (company_name_key, first_name_key, id) WHERE deleted_at IS NULL;

-- A pair the user said is not one person: never listed again by the duplicate scan, whatever the two
-- contacts later share. first_id < second_id. Undo removes the row (the change log holds a 'verdict' entry).
CREATE TABLE duplicate_verdicts (
    first_id INTEGER NOT NULL,
    second_id INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (first_id, second_id)
);

-- The idempotent search-index repair every schema upgrade repeats (see 004), with 008's columns.
DELETE FROM contacts_fts WHERE rowid IN (SELECT id FROM contacts WHERE deleted_at IS NOT NULL);
INSERT INTO contacts_fts (rowid, name, emails, company, tags, title, phones)
SELECT c.id,
       TRIM(COALESCE(c.first_name, '') || ' ' || COALESCE(c.last_name, '')),
       TRIM(COALESCE(c.email, '') || ' ' || COALESCE((SELECT GROUP_CONCAT(e.email, ' ') FROM contact_emails e WHERE e.contact_id = c.id), '')),
       TRIM(COALESCE(c.company_name, '') || ' ' || COALESCE(c.company_domain, '')),
       COALESCE((SELECT GROUP_CONCAT(t.name, ' ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id), ''),
       COALESCE(c.job_title, ''),
       TRIM(COALESCE(roster_phone_terms(c.phone), '') || ' ' || COALESCE((SELECT GROUP_CONCAT(roster_phone_terms(p.number), ' ') FROM contact_phones p WHERE p.contact_id = c.id), ''))
FROM contacts c
WHERE c.deleted_at IS NULL AND c.id NOT IN (SELECT rowid FROM contacts_fts);
