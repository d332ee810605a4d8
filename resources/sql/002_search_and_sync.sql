-- Roster schema version 2: full-text search and the sync bookkeeping.
CREATE VIRTUAL TABLE contacts_fts USING fts5 (
    name, emails, company, tags,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO contacts_fts (rowid, name, emails, company, tags)
SELECT c.id,
       TRIM(COALESCE(c.first_name, '') || ' ' || COALESCE(c.last_name, '')),
       TRIM(COALESCE(c.email, '') || ' ' || COALESCE((SELECT GROUP_CONCAT(e.email, ' ') FROM contact_emails e WHERE e.contact_id = c.id), '')),
       TRIM(COALESCE(c.company_name, '') || ' ' || COALESCE(c.company_domain, '')),
       COALESCE((SELECT GROUP_CONCAT(t.name, ' ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id), '')
FROM contacts c
WHERE c.deleted_at IS NULL;

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    provider TEXT NOT NULL,
    base_url TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '{}',
    conflict_policy TEXT NOT NULL DEFAULT 'ask',
    sync_mark INTEGER NOT NULL DEFAULT 0,
    pull_watermark TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE remote_links (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    remote_id TEXT,
    synced_hash TEXT,
    snapshot TEXT,
    synced_at TEXT,
    PRIMARY KEY (contact_id, account_id)
);
CREATE UNIQUE INDEX remote_links_remote ON remote_links (account_id, remote_id) WHERE remote_id IS NOT NULL;

CREATE TABLE sync_runs (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    state TEXT NOT NULL DEFAULT 'running',
    pushed INTEGER NOT NULL DEFAULT 0,
    pulled INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    summary TEXT
);

CREATE TABLE sync_errors (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
    contact_id INTEGER,
    remote_id TEXT,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    resolved INTEGER NOT NULL DEFAULT 0
);
