-- Roster schema version 10: the sync panel reads the errors of one run a page at a time ("keyset" paging:
-- run_id = ? AND id > last ORDER BY id) and counts them. Without this index each page and each count read
-- the errors of every run ever kept; with it, a short range scan (the index holds the row id after run_id).
CREATE INDEX sync_errors_run ON sync_errors (run_id);
