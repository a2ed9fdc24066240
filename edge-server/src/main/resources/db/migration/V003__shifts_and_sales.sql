-- Shifts: open_register holds the register id while the shift is open, NULL after, so the
-- unique index allows one open shift per register and any number of closed ones.
CREATE TABLE shifts (
    id              VARCHAR(64) PRIMARY KEY,
    register_id     VARCHAR(64) NOT NULL,
    open_register   VARCHAR(64) UNIQUE,
    opening_float   BIGINT NOT NULL,
    opened_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP(3) WITH TIME ZONE,
    counted_cash    BIGINT,
    expected_cash   BIGINT
);

CREATE TABLE receipt_counters (
    register_id  VARCHAR(64) PRIMARY KEY,
    last_number  BIGINT NOT NULL
);

-- The hot tables of a sale carry no foreign keys and few indexes: only the ledger writer inserts
-- into them, after checking the shift itself, and every index map is more pages for H2 to write
-- at each group commit (a third of the writer's time went to writing pages).
CREATE TABLE sales (
    id              VARCHAR(64) PRIMARY KEY,
    receipt_number  VARCHAR(80) NOT NULL UNIQUE,
    register_id     VARCHAR(64) NOT NULL,
    shift_id        VARCHAR(64) NOT NULL,
    order_type      VARCHAR(16) NOT NULL,
    table_id        VARCHAR(64),
    customer_id     VARCHAR(64),
    currency        CHAR(3) NOT NULL,
    subtotal        BIGINT NOT NULL,
    tax_total       BIGINT NOT NULL,
    service_charge  BIGINT NOT NULL,
    rounding        BIGINT NOT NULL,
    grand_total     BIGINT NOT NULL,
    paid            BIGINT NOT NULL,
    change_due      BIGINT NOT NULL,
    ledger_seq      BIGINT NOT NULL UNIQUE,
    sold_at         TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX sales_shift ON sales (shift_id);

CREATE TABLE sale_lines (
    sale_id       VARCHAR(64) NOT NULL,
    line_no       INT NOT NULL,
    product_id    VARCHAR(64) NOT NULL,
    product_name  VARCHAR(200) NOT NULL,
    variant_id    VARCHAR(64),
    modifier_ids  VARCHAR(2000) NOT NULL,
    quantity      INT NOT NULL,
    unit_price    BIGINT NOT NULL,
    discount      BIGINT NOT NULL,
    line_total    BIGINT NOT NULL,
    tax_id        VARCHAR(64),
    notes         VARCHAR(500),
    PRIMARY KEY (sale_id, line_no)
);

CREATE TABLE sale_payments (
    sale_id    VARCHAR(64) NOT NULL,
    line_no    INT NOT NULL,
    method     VARCHAR(16) NOT NULL,
    amount     BIGINT NOT NULL,
    reference  VARCHAR(200),
    PRIMARY KEY (sale_id, line_no)
);

CREATE TABLE sale_voids (
    sale_id     VARCHAR(64) PRIMARY KEY REFERENCES sales (id),
    reason      VARCHAR(500) NOT NULL,
    ledger_seq  BIGINT NOT NULL,
    voided_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

-- A sale's Idempotency-Key, the hash of its request body and the answer it got, so a retry gets
-- the same answer and writes nothing. Keyed by the sale's ledger seq, so every insert appends:
-- a primary key on the clients' random keys cost the writer 40% of its time per sale (a random
-- index page rewritten per sale at every group commit). Keys are found through the ledger
-- writer's memory of the last 48 hours (IdempotencyKeys), loaded by created_at at first use.
CREATE TABLE idempotency_keys (
    ledger_seq    BIGINT PRIMARY KEY,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  CHAR(64) NOT NULL,
    status        INT NOT NULL,
    response      VARCHAR(100000) NOT NULL,
    created_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
