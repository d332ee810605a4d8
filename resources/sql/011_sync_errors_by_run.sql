-- Roster schema version 11: the sync panel reads the errors of one run a page at a time ("keyset" paging:
-- run_id = ? AND id > last ORDER BY id) and counts them. Without these indexes each page and each count read
-- the errors of every run ever kept.
-- A page: a short range of this index (it holds the row id after run_id, so the rows come in id order).
CREATE INDEX sync_errors_run ON sync_errors (run_id);
-- The count of a run's errors but its cancellation, read from the index alone: a run with 200,000 errors
-- is counted without reading their messages.
CREATE INDEX sync_errors_run_code ON sync_errors (run_id, code);

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
