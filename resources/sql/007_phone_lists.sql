-- Roster schema version 7: every phone and every web page a contact has, not only the first.
-- Address books carry two to four phones per card (work, mobile, fax, home) and several web pages; the
-- primary phone stays in contacts.phone (matched, pushed to the CRMs that take one) with its kind in
-- phone_type, the others go here in their order. Existing values stay where they are.
ALTER TABLE contacts ADD COLUMN phone_type TEXT;

CREATE TABLE contact_phones (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    type TEXT,
    phone_e164 TEXT, -- NULL when the number is kept as typed
    PRIMARY KEY (contact_id, position)
);
-- Matching uses every phone of a contact, as it uses every email.
CREATE INDEX contact_phones_e164 ON contact_phones (phone_e164) WHERE phone_e164 IS NOT NULL;

CREATE TABLE contact_websites (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    PRIMARY KEY (contact_id, position)
);
