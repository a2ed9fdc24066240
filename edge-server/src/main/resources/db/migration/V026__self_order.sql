-- Ordering from the table: each table that takes orders from guests' phones, its QR code's
-- version (the code is an HMAC of the table and version under the box key, so no secret is kept
-- here or in the ledger; a new version makes the old code and its sessions useless) and whether
-- its orders go straight to the kitchen (paid later, on the table's check) or wait for the till;
-- the allergens the menu shows; and every order a guest placed.
CREATE TABLE self_order_tables (
    table_id    VARCHAR(64) PRIMARY KEY,
    version     INT NOT NULL,
    pay_later   BOOLEAN NOT NULL,
    set_seq     BIGINT NOT NULL
);

CREATE TABLE menu_allergens (
    product_id  VARCHAR(64) PRIMARY KEY,
    allergens   VARCHAR(500) NOT NULL,
    set_seq     BIGINT NOT NULL
);

CREATE TABLE self_orders (
    id           VARCHAR(64) PRIMARY KEY,
    order_no     INT NOT NULL,
    table_id     VARCHAR(64) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    items        VARCHAR(20000) NOT NULL,
    total        BIGINT NOT NULL,
    check_id     VARCHAR(64),
    sale_id      VARCHAR(64),
    placed_seq   BIGINT NOT NULL,
    placed_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX self_orders_table ON self_orders (table_id, placed_seq);
CREATE INDEX self_orders_status ON self_orders (status);
