-- Roster schema version 10: the sync panel reads the errors of one run a page at a time ("keyset" paging:
-- run_id = ? AND id > last ORDER BY id) and counts them. Without these indexes each page and each count read
-- the errors of every run ever kept.
-- A page: a short range of this index (it holds the row id after run_id, so the rows come in id order).
CREATE INDEX sync_errors_run ON sync_errors (run_id);
-- The count of a run's errors but its cancellation, read from the index alone: a run with 200,000 errors
-- is counted without reading their messages.
CREATE INDEX sync_errors_run_code ON sync_errors (run_id, code);
