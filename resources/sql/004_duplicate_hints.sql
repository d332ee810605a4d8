-- Roster schema version 4: possible duplicates the upsert engine noticed while writing.
-- When one input matches two contacts by different identifiers (an email of one, the LinkedIn URL of the
-- other), the engine writes to one and reports the other as a PossibleDuplicate warning. A warning is
-- shown once; this table keeps it so the duplicates view can list the pair later, when no shared value
-- is left for a scan to find (the clashing identifier was not applied).
-- A hint is never removed when a contact is merged or soft-deleted: the view joins both contacts and
-- skips deleted ones, so undoing the merge brings the hint back with the contact. Should a contact row
-- ever be removed outright, its hints go with it.
CREATE TABLE duplicate_hints (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    other_contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    field TEXT NOT NULL,
    detail TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (contact_id, other_contact_id, field)
) WITHOUT ROWID;

-- The cascade from other_contact_id looks hints up by that column.
CREATE INDEX duplicate_hints_other ON duplicate_hints (other_contact_id);

-- The window counts a search in contacts_fts alone, so the index must hold exactly the live contacts.
-- Rows that reached contacts without going through ContactTable (another tool, rows copied in by hand,
-- the upgrade tests' old databases) are missing from it; 003 repaired that once, and each schema upgrade
-- repeats the same idempotent repair, since it is the one moment Roster rewrites the file anyway. It costs
-- one pass over the contacts and changes nothing on a database Roster kept itself.
DELETE FROM contacts_fts WHERE rowid IN (SELECT id FROM contacts WHERE deleted_at IS NOT NULL);
INSERT INTO contacts_fts (rowid, name, emails, company, tags)
SELECT c.id,
       TRIM(COALESCE(c.first_name, '') || ' ' || COALESCE(c.last_name, '')),
       TRIM(COALESCE(c.email, '') || ' ' || COALESCE((SELECT GROUP_CONCAT(e.email, ' ') FROM contact_emails e WHERE e.contact_id = c.id), '')),
       TRIM(COALESCE(c.company_name, '') || ' ' || COALESCE(c.company_domain, '')),
       COALESCE((SELECT GROUP_CONCAT(t.name, ' ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id), '')
FROM contacts c
WHERE c.deleted_at IS NULL AND c.id NOT IN (SELECT rowid FROM contacts_fts);
