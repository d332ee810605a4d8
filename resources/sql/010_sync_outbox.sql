-- Roster schema version 10: the sync outbox, fed by the change log.
-- A push used to read and fingerprint every contact, twice per account, to find the few that changed. Now
-- each account keeps a mark in the change log (accounts.sync_mark, the last change_log id whose contacts
-- were moved into its outbox) and the outbox itself: the contacts a push of that account must still look
-- at. A contact leaves the outbox when the CRM acknowledged it, or when its fingerprint shows there is
-- nothing to send; a contact that failed, was skipped or held back stays until it is sent. So the work of
-- a push grows with what changed, and a run killed anywhere still finds every unsent contact here.
-- accounts.outbox_context: the hash of what every request of the account depends on besides the contact
-- (its options and the CRM's custom-field definitions). When it changes, every contact is put in the
-- outbox once, as for a new account (sync_mark 0).
CREATE TABLE sync_outbox (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL,
    PRIMARY KEY (account_id, contact_id)
) WITHOUT ROWID;
ALTER TABLE accounts ADD COLUMN outbox_context TEXT;

-- The idempotent search-index repair every schema upgrade repeats (see 004).
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
