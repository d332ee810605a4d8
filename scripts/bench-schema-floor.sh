#!/usr/bin/env bash
# What Roster's schema costs by itself for a million contacts, in the sqlite3 shell: rows staged in a plain
# table first, then copied into `contacts` with no index, then every index and the search index built
# once, as a bulk path that deferred all of them would. Prints one timer line per step.
#   scripts/bench-schema-floor.sh [ROWS]
set -euo pipefail
rows="${1:-1000000}"
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/floor.sqlite"
{
    echo "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144;"
    cat "$here"/resources/sql/0*.sql
    cat <<SQL
CREATE TABLE staged AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
SELECT i, 'Jürgen' || (i % 30) AS fn, 'Müller' || (i % 20) AS ln,
       'user' || i || '.mul@company' || (i % 5000) || '.com' AS em, '+331' || printf('%08d', i) AS ph,
       CASE WHEN i % 2 = 0 THEN 'https://www.linkedin.com/in/user-' || i END AS li, 'Head of Sales' AS jt,
       'München' AS city, 'Company ' || (i % 5000) AS co, 'company' || (i % 5000) || '.com' AS dom,
       printf('%032x', i * 7919) AS uid
FROM n;
SQL
} | sqlite3 "$db" >/dev/null
sqlite3 "$db" <<'SQL' | grep -v '^wal$'
PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144;
DROP INDEX contacts_email_norm; DROP INDEX contacts_linkedin_norm; DROP INDEX contacts_salesnav_norm;
DROP INDEX contacts_phone_e164; DROP INDEX contacts_company; DROP INDEX contacts_live;
DROP INDEX contacts_sort_first_name; DROP INDEX contacts_sort_last_name; DROP INDEX contacts_sort_no_email;
DROP INDEX contacts_sort_company_name;
.timer on
.print 'rows into contacts, no index'
INSERT INTO contacts (uid, first_name, last_name, email, phone, linkedin_url, job_title, city, company_name,
                      company_domain, company_id, email_norm, linkedin_norm, phone_e164, created_at, updated_at)
SELECT uid, fn, ln, em, ph, li, jt, city, co, dom, i % 5000 + 1, em, li, ph, '2026-01-01T00:00:00.000Z',
       '2026-01-01T00:00:00.000Z' FROM staged;
.print 'identity indexes (6)'
CREATE UNIQUE INDEX contacts_email_norm ON contacts (email_norm) WHERE deleted_at IS NULL AND email_norm IS NOT NULL;
CREATE UNIQUE INDEX contacts_linkedin_norm ON contacts (linkedin_norm) WHERE deleted_at IS NULL AND linkedin_norm IS NOT NULL;
CREATE UNIQUE INDEX contacts_salesnav_norm ON contacts (salesnav_norm) WHERE deleted_at IS NULL AND salesnav_norm IS NOT NULL;
CREATE INDEX contacts_phone_e164 ON contacts (phone_e164) WHERE deleted_at IS NULL AND phone_e164 IS NOT NULL;
CREATE INDEX contacts_company ON contacts (company_id) WHERE company_id IS NOT NULL;
CREATE INDEX contacts_live ON contacts (id) WHERE deleted_at IS NULL;
.print 'sort indexes (4)'
CREATE INDEX contacts_sort_first_name ON contacts (first_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_last_name ON contacts (last_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_sort_no_email ON contacts (id) WHERE deleted_at IS NULL AND email_norm IS NULL;
CREATE INDEX contacts_sort_company_name ON contacts (company_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;
.print 'change log'
INSERT INTO change_log (op_id, contact_id, action) SELECT 1, id, 'create' FROM contacts;
.print 'search index as the schema has it'
INSERT INTO contacts_fts (rowid, name, emails, company, tags)
SELECT id, trim(first_name || ' ' || last_name), email, trim(company_name || ' ' || company_domain), '' FROM contacts;
.print 'search index, no prefix indexes'
CREATE VIRTUAL TABLE fts_plain USING fts5 (name, emails, company, tags, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO fts_plain (rowid, name, emails, company, tags)
SELECT id, trim(first_name || ' ' || last_name), email, trim(company_name || ' ' || company_domain), '' FROM contacts;
.print 'search index, contentless, detail=column'
CREATE VIRTUAL TABLE fts_light USING fts5 (name, emails, company, tags, tokenize = 'unicode61 remove_diacritics 2',
                                           content = '', detail = column);
INSERT INTO fts_light (rowid, name, emails, company, tags)
SELECT id, trim(first_name || ' ' || last_name), email, trim(company_name || ' ' || company_domain), '' FROM contacts;
SQL
