-- The print queue's recovery at start looks for the jobs that were being sent: by state. Without
-- this index it scanned every job (three a sale): 300,000 of them after 100,000 sales, 3-11 s
-- before the box was ready.
CREATE INDEX print_jobs_by_state ON print_jobs (state);
