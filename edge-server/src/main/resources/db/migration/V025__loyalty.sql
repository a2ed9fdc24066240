-- Loyalty: the store's program (how much spent earns a point, what a point pays, the tiers and
-- their multipliers), its members, and every movement of a member's points and spend, each a row
-- here and a loyalty.moved entry written in the ledger write of the sale, void or refund that made
-- it. A member's points are the sum of their movements; the database refuses a balance below zero.
CREATE TABLE loyalty_program (
    id                INT PRIMARY KEY CHECK (id = 1),
    amount_per_point  BIGINT NOT NULL CHECK (amount_per_point > 0),
    point_value       BIGINT NOT NULL CHECK (point_value > 0),
    tiers             VARCHAR(4000) NOT NULL,
    set_seq           BIGINT NOT NULL
);

CREATE TABLE customers (
    id               VARCHAR(64) PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    phone            VARCHAR(20) UNIQUE,
    card_number      VARCHAR(32) UNIQUE,
    points           BIGINT NOT NULL CHECK (points >= 0),
    lifetime_spend   BIGINT NOT NULL,
    tier             VARCHAR(32) NOT NULL,
    joined_seq       BIGINT NOT NULL,
    joined_at        TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

CREATE TABLE loyalty_moves (
    ledger_seq        BIGINT PRIMARY KEY,
    customer_id       VARCHAR(64) NOT NULL REFERENCES customers (id),
    points            BIGINT NOT NULL,
    spend             BIGINT NOT NULL,
    kind              VARCHAR(16) NOT NULL,
    sale_id           VARCHAR(64),
    refund_id         VARCHAR(64),
    balance           BIGINT NOT NULL,
    lifetime_spend    BIGINT NOT NULL,
    tier              VARCHAR(32) NOT NULL,
    multiplier_bp     INT NOT NULL,
    amount_per_point  BIGINT NOT NULL,
    moved_at          TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX loyalty_moves_customer ON loyalty_moves (customer_id, ledger_seq);
CREATE INDEX loyalty_moves_sale ON loyalty_moves (sale_id);
