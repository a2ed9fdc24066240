-- The ledger: append-only, hash-chained. See LedgerEntry for the row format and the hash.
CREATE TABLE ledger (
    seq         BIGINT PRIMARY KEY,
    type        VARCHAR(64) NOT NULL,
    occurred_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    payload     VARCHAR(1000000) NOT NULL,
    prev_hash   CHAR(64) NOT NULL,
    hash        CHAR(64) NOT NULL
);

CREATE TRIGGER ledger_append_only BEFORE UPDATE, DELETE ON ledger
    FOR EACH ROW CALL 'backroom.edge.ledger.AppendOnlyTrigger';
