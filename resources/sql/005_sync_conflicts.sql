-- Roster schema version 5: the conflict inbox and remote deletions awaiting the user.
-- A conflict is one field both sides changed since the snapshot of the last sync (remote_links.snapshot).
-- Values are JSON texts (a string, a list for tags and extra_emails, null when empty) so a list or an
-- empty value reads back exactly. While a conflict is open the sync leaves that field alone on both
-- sides; resolving it keeps one value and the next sync carries it to the other side.
CREATE TABLE sync_conflicts (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    field TEXT NOT NULL, -- design.md's field name, or "custom.<key>"
    base_value TEXT NOT NULL,
    local_value TEXT NOT NULL,
    remote_value TEXT NOT NULL,
    found_at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT -- "local" or "remote" once resolved
);
-- One open conflict per field: a later sync that finds the same disagreement updates it in place.
CREATE UNIQUE INDEX sync_conflicts_open ON sync_conflicts (contact_id, account_id, field) WHERE resolved_at IS NULL;
CREATE INDEX sync_conflicts_account ON sync_conflicts (account_id, resolved_at);

-- A remote record a full scan no longer found although it was linked: shown to the user, never applied
-- blindly. "pending" until the user confirms (the local contact is deleted) or dismisses it (the link is
-- dropped and the next push recreates the record).
CREATE TABLE remote_deletions (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    found_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' -- pending, confirmed, dismissed
);
CREATE UNIQUE INDEX remote_deletions_pending ON remote_deletions (account_id, remote_id) WHERE state = 'pending';

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
