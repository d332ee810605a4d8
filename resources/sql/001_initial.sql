-- Roster schema version 1: contacts, companies, tags, custom fields and the change log.
CREATE TABLE companies (
    id INTEGER PRIMARY KEY,
    name TEXT,
    domain TEXT,
    linkedin_url TEXT,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX companies_domain ON companies (domain) WHERE domain IS NOT NULL;
CREATE UNIQUE INDEX companies_linkedin_url ON companies (linkedin_url) WHERE linkedin_url IS NOT NULL;

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    first_name TEXT,
    last_name TEXT,
    email TEXT,
    phone TEXT,
    linkedin_url TEXT,
    sales_nav_url TEXT,
    job_title TEXT,
    job_description TEXT,
    headline TEXT,
    summary TEXT,
    company_name TEXT,
    company_domain TEXT,
    company_linkedin_url TEXT,
    website TEXT,
    address1 TEXT,
    city TEXT,
    state TEXT,
    postal_code TEXT,
    country TEXT,
    location TEXT,
    timezone TEXT,
    industry TEXT,
    languages TEXT,
    skills TEXT,
    picture_url TEXT,
    date_of_birth TEXT,
    gender TEXT,
    owner TEXT,
    source TEXT,
    do_not_contact TEXT,
    notes TEXT,
    company_id INTEGER REFERENCES companies (id) ON DELETE SET NULL,
    email_norm TEXT,
    linkedin_norm TEXT,
    salesnav_norm TEXT,
    phone_e164 TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
-- Identity keys are unique among live contacts; a soft-deleted contact gives its keys back. Contacts
-- without a key stay out of its index, which keeps bulk inserts cheap.
CREATE UNIQUE INDEX contacts_email_norm ON contacts (email_norm)
    WHERE deleted_at IS NULL AND email_norm IS NOT NULL;
CREATE UNIQUE INDEX contacts_linkedin_norm ON contacts (linkedin_norm)
    WHERE deleted_at IS NULL AND linkedin_norm IS NOT NULL;
CREATE UNIQUE INDEX contacts_salesnav_norm ON contacts (salesnav_norm)
    WHERE deleted_at IS NULL AND salesnav_norm IS NOT NULL;
-- Phones are shared (a switchboard, a household): indexed for matching and the duplicates scan, not unique.
CREATE INDEX contacts_phone_e164 ON contacts (phone_e164) WHERE deleted_at IS NULL AND phone_e164 IS NOT NULL;
CREATE INDEX contacts_company ON contacts (company_id) WHERE company_id IS NOT NULL;

CREATE TABLE contact_emails (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    email TEXT NOT NULL,
    email_norm TEXT NOT NULL,
    PRIMARY KEY (contact_id, position)
);
CREATE INDEX contact_emails_norm ON contact_emails (email_norm);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    name_norm TEXT NOT NULL UNIQUE
);
CREATE TABLE contact_tags (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (contact_id, tag_id)
);
CREATE INDEX contact_tags_tag ON contact_tags (tag_id);

CREATE TABLE custom_fields (
    key TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT 'text'
);
CREATE TABLE contact_custom_values (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    key TEXT NOT NULL REFERENCES custom_fields (key) ON DELETE CASCADE,
    value TEXT NOT NULL,
    PRIMARY KEY (contact_id, key)
);

-- One row per accepted write (an edit, an import, a pull, a merge); its field changes in change_log.
-- state: done | undone | dead (undone, then superseded by a new operation) | system (an undo or redo).
CREATE TABLE operations (
    id INTEGER PRIMARY KEY,
    origin TEXT NOT NULL,
    label TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'done',
    created_at TEXT NOT NULL
);
CREATE INDEX operations_state ON operations (state, id);

-- action: create | update | delete | restore. field/old/new are set for update; lists are JSON arrays.
CREATE TABLE change_log (
    id INTEGER PRIMARY KEY,
    op_id INTEGER NOT NULL REFERENCES operations (id),
    contact_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    field TEXT,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX change_log_op ON change_log (op_id);
CREATE INDEX change_log_contact ON change_log (contact_id, id);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT
);
