-- The relay's place in the ledger: HQ holds every entry up to acked_seq (it said so, chain-checked).
-- halted: why the box stopped sending (its ledger forked from HQ's copy); null while it sends.
CREATE TABLE relay_state (
    id        INT PRIMARY KEY CHECK (id = 1),
    acked_seq BIGINT NOT NULL CHECK (acked_seq >= 0),
    halted    VARCHAR(1000)
);
INSERT INTO relay_state (id, acked_seq, halted) VALUES (1, 0, NULL);
