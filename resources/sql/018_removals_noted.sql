-- Roster schema version 18: a contact row another program removes is noted, so the next open can clean up after it.
--
-- Roster never removes a contact row (a deletion sets deleted_at), but another program may (the sqlite3 shell).
-- The search index is contentless: taking a contact out of it needs the values it was indexed with, gone with the
-- row, so its words stayed in the index under its id. A search never showed it (searches join contacts), but the
-- count the window reads from the index alone did: a search listed blank rows at its end, and the window, reading
-- a page near the end backwards from that count, showed a row twice. With foreign keys off (the shell's default)
-- the removed contact's extra emails, phones, tags and links stayed too. The trigger notes the id before the row
-- goes (before the cascades, if foreign keys are on); it is plain SQL, so the other program needs nothing of
-- Roster's. RemovedContactsRepair, at the next open, removes what was left and builds the search index again.
-- A later migration that builds contacts again (as 017 did) drops the trigger with the table and must make it again.
CREATE TABLE removed_contacts (contact_id INTEGER PRIMARY KEY);
CREATE TRIGGER contacts_note_removal BEFORE DELETE ON contacts
BEGIN
    INSERT OR IGNORE INTO removed_contacts (contact_id) VALUES (OLD.id);
END;

-- Removals before this version left their words in the index too: each id the index holds without a contact row
-- is noted, and the repair after this migration treats it as any other.
INSERT INTO removed_contacts (contact_id)
SELECT id FROM contacts_fts_docsize WHERE id NOT IN (SELECT id FROM contacts);

-- As in 017: the rows a removal left behind go, as SQLite would have removed them with foreign keys on, or the
-- upgrade's reference check refuses the file. A later migration must repeat this block: the repair at open runs
-- after the migrations.
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

-- The idempotent search-index repair every schema upgrade repeats (see 004, 017): a deleted contact still indexed
-- is removed with the values it has (the 'delete' command), a live contact missing is added.
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
