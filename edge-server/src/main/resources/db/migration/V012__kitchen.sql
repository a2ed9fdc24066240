-- Kitchen. A category may name the station that makes its products (a product's own station wins).
-- kitchen_orders: one per dine-in, takeaway or delivery order with something to make, opened by
-- the write of its first sale (its id is that sale's); a second round on the same open dine-in
-- order adds a ticket. kitchen_items: one per sale line sent to a station, worked through
-- pending -> cooking -> ready -> completed, or cancelled. kitchen_bumps: each item's bumps, by the
-- entry that made them, that a recall may still take back, newest first (a status set, a recall or
-- a cancellation takes them off). Every change is a ledger entry (order.*), written in the same
-- write as the rows.
ALTER TABLE categories ADD COLUMN station VARCHAR(64);

CREATE TABLE kitchen_orders (
    id            VARCHAR(64) PRIMARY KEY,
    order_number  INT NOT NULL,
    order_type    VARCHAR(16) NOT NULL,
    table_id      VARCHAR(64),
    status        VARCHAR(16) NOT NULL,
    rush          BOOLEAN NOT NULL,
    tickets       INT NOT NULL,
    ledger_seq    BIGINT NOT NULL,
    created_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    started_at    TIMESTAMP(3) WITH TIME ZONE,
    ready_at      TIMESTAMP(3) WITH TIME ZONE,
    completed_at  TIMESTAMP(3) WITH TIME ZONE
);
CREATE INDEX kitchen_orders_status ON kitchen_orders (status);
CREATE INDEX kitchen_orders_seq ON kitchen_orders (ledger_seq);
CREATE INDEX kitchen_orders_table ON kitchen_orders (table_id, status);

CREATE TABLE kitchen_items (
    order_id      VARCHAR(64) NOT NULL REFERENCES kitchen_orders (id),
    item_no       INT NOT NULL,
    ticket_no     INT NOT NULL,
    sale_id       VARCHAR(64) NOT NULL,
    line_no       INT NOT NULL,
    station       VARCHAR(64) NOT NULL,
    product_id    VARCHAR(64) NOT NULL,
    name          VARCHAR(200) NOT NULL,
    variant       VARCHAR(200),
    modifiers     VARCHAR(4000) NOT NULL,
    notes         VARCHAR(500),
    quantity      INT NOT NULL,
    status        VARCHAR(16) NOT NULL,
    created_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    started_at    TIMESTAMP(3) WITH TIME ZONE,
    ready_at      TIMESTAMP(3) WITH TIME ZONE,
    completed_at  TIMESTAMP(3) WITH TIME ZONE,
    PRIMARY KEY (order_id, item_no)
);
CREATE INDEX kitchen_items_sale ON kitchen_items (sale_id);
CREATE INDEX kitchen_items_station ON kitchen_items (station, status);

CREATE TABLE kitchen_bumps (
    ledger_seq    BIGINT NOT NULL,
    order_id      VARCHAR(64) NOT NULL,
    item_no       INT NOT NULL,
    PRIMARY KEY (ledger_seq, order_id, item_no),
    FOREIGN KEY (order_id, item_no) REFERENCES kitchen_items (order_id, item_no)
);
CREATE INDEX kitchen_bumps_item ON kitchen_bumps (order_id, item_no);
