-- Print jobs: receipts, kitchen tickets, drawer kicks and test pages, each written in the write
-- that asks for it (a sale's own) and sent from here by its device's worker. Not a ledger table:
-- it records what was sent where, which no ledger entry says; the entry that asked for a job is
-- its ledger_seq.
--   role    the role the job was asked of (receipt, kitchen.grill, drawer)
--   device  the printer's role that sends it now: the role itself, its backup after a failover, or
--           for a drawer kicked through a printer, that printer
--   state   queued -> sending (recorded before a byte goes out) -> done; or dropped (a drawer kick
--           grown too old to fire). A job found sending at start-up was cut off by a crash: it goes
--           back to queued with reprint set, and prints once more under a REPRINT heading.
CREATE TABLE print_jobs (
    id          VARCHAR(36)  PRIMARY KEY,
    role        VARCHAR(100) NOT NULL,
    device      VARCHAR(100) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    document    CLOB         NOT NULL,
    sale_id     VARCHAR(36),
    ledger_seq  BIGINT       NOT NULL,
    state       VARCHAR(12)  NOT NULL,
    attempts    INT          NOT NULL,
    reprint     BOOLEAN      NOT NULL,
    last_error  VARCHAR(500),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    next_try_at TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX print_jobs_waiting ON print_jobs (device, state, next_try_at);
CREATE INDEX print_jobs_by_sale ON print_jobs (sale_id, kind);
