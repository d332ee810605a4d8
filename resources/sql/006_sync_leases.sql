-- Roster schema version 6: one sync per account at a time, whichever process runs it.
-- The window, a cron job's `roster sync` and a terminal all open the same file; two syncs of one account
-- at once would both send every change and share one rate limit (the CRM answers 429 to both). A run
-- takes the account's lease first and gives it back when it ends; while it runs it moves heartbeat_at
-- and expires_at forward every few seconds. A lease whose expiry has passed, or whose process is gone
-- from this host, is free to take: a run killed or crashed never blocks the account for long.
-- Times are UTC ISO 8601 text, as elsewhere. `token` tells two runs of one process apart, so a run only
-- ever renews or releases its own lease.
CREATE TABLE sync_leases (
    account_id INTEGER PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    started_at TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    token TEXT NOT NULL
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
