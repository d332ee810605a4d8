-- Roster schema version 3: indexes for the window's contact table.
-- The table reads a page at a time in a chosen order and continues from the last row of the previous
-- page ("keyset" paging); each index below matches one ORDER BY of ContactQuery exactly (same column,
-- NOCASE collation, id last to break ties), so a page is a short range scan instead of a sort of every
-- live contact. Partial: deleted contacts are never shown, and they stay out of the indexes.

-- Live contacts in creation order: the count shown in the status bar and jumps far down the list
-- scan this narrow index instead of the whole table.
CREATE INDEX contacts_live ON contacts (id) WHERE deleted_at IS NULL;

-- The columns people sort by. Others still sort, by reading every live contact.
CREATE INDEX contacts_sort_first_name ON contacts (first_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_last_name ON contacts (last_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_email ON contacts (email COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_company_name ON contacts (company_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;

-- The window now counts a search in contacts_fts alone, which holds exactly the live contacts when
-- ContactTable keeps it. Make that true of databases written before this version too: drop deleted
-- contacts from it and add any live contact it lacks, with the columns 002 builds.
DELETE FROM contacts_fts WHERE rowid IN (SELECT id FROM contacts WHERE deleted_at IS NOT NULL);
INSERT INTO contacts_fts (rowid, name, emails, company, tags)
SELECT c.id,
       TRIM(COALESCE(c.first_name, '') || ' ' || COALESCE(c.last_name, '')),
       TRIM(COALESCE(c.email, '') || ' ' || COALESCE((SELECT GROUP_CONCAT(e.email, ' ') FROM contact_emails e WHERE e.contact_id = c.id), '')),
       TRIM(COALESCE(c.company_name, '') || ' ' || COALESCE(c.company_domain, '')),
       COALESCE((SELECT GROUP_CONCAT(t.name, ' ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id), '')
FROM contacts c
WHERE c.deleted_at IS NULL AND c.id NOT IN (SELECT rowid FROM contacts_fts);
