-- Gift cards and store credit: an account of stored value under its card number, and every
-- movement of its balance, each written in the ledger write of the sale, void or refund that made
-- it and named by its own stored_value.* entry. The balance is the sum of the account's movements,
-- kept here so a payment reads it at once; the database refuses a balance below zero.
CREATE TABLE stored_value_accounts (
    card_number  VARCHAR(32) PRIMARY KEY,
    kind         VARCHAR(16) NOT NULL,
    balance      BIGINT NOT NULL CHECK (balance >= 0),
    opened_seq   BIGINT NOT NULL,
    opened_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

CREATE TABLE stored_value_moves (
    ledger_seq   BIGINT PRIMARY KEY,
    card_number  VARCHAR(32) NOT NULL REFERENCES stored_value_accounts (card_number),
    delta        BIGINT NOT NULL,
    reason       VARCHAR(16) NOT NULL,
    sale_id      VARCHAR(64),
    refund_id    VARCHAR(64),
    balance      BIGINT NOT NULL,
    moved_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX stored_value_moves_card ON stored_value_moves (card_number, ledger_seq);
CREATE INDEX stored_value_moves_sale ON stored_value_moves (sale_id);

-- A refund given back onto a gift card or as store credit names the card it went onto.
ALTER TABLE refunds ADD COLUMN reference VARCHAR(32);
