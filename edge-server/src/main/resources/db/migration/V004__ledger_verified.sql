-- The newest ledger entry known to chain correctly: start-up verifies only the entries after it,
-- so start-up time does not grow with the ledger. One row; updated, never the ledger itself.
CREATE TABLE ledger_verified (
    id           INT PRIMARY KEY CHECK (id = 1),
    seq          BIGINT NOT NULL,
    hash         CHAR(64) NOT NULL,
    verified_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
