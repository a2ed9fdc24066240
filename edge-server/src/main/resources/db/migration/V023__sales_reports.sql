-- Sales reports, derived from the ledger after the fact (never in a sale's write): how far the
-- entries have been added up, each sale's entry by its id (for its void and refunds), the names
-- reports show, and per hour (UTC) the sums by dimension (the whole store, payment method, staff
-- member, product, category). Dropping these tables and adding the ledger up again gives the same.
CREATE TABLE report_progress (
    id           INT PRIMARY KEY,
    applied_seq  BIGINT NOT NULL
);
INSERT INTO report_progress (id, applied_seq) VALUES (1, 0);

CREATE TABLE report_sales (
    sale_id     VARCHAR(64) PRIMARY KEY,
    ledger_seq  BIGINT NOT NULL
);

CREATE TABLE report_labels (
    dimension  VARCHAR(16) NOT NULL,
    dim_key    VARCHAR(64) NOT NULL,
    label      VARCHAR(200) NOT NULL,
    PRIMARY KEY (dimension, dim_key)
);

CREATE TABLE report_buckets (
    hour_start      TIMESTAMP(0) WITH TIME ZONE NOT NULL,
    dimension       VARCHAR(16) NOT NULL,
    dim_key         VARCHAR(64) NOT NULL,
    sales_count     BIGINT NOT NULL,
    quantity        BIGINT NOT NULL,
    amount          BIGINT NOT NULL,
    refunds_count   BIGINT NOT NULL,
    refunds_amount  BIGINT NOT NULL,
    PRIMARY KEY (dimension, hour_start, dim_key)
);

-- Each product's category as the catalog entries added up so far say.
CREATE TABLE report_products (
    product_id   VARCHAR(64) PRIMARY KEY,
    category_id  VARCHAR(64)
);

-- Each kitchen item as the order entries sent it, and when it was first ready (bumped to ready or
-- straight to completed); a cancelled item is kept apart. What the kitchen speed report reads.
CREATE TABLE report_kitchen_items (
    order_id   VARCHAR(64) NOT NULL,
    item_no    INT NOT NULL,
    station    VARCHAR(64) NOT NULL,
    sent_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    ready_at   TIMESTAMP(3) WITH TIME ZONE,
    cancelled  BOOLEAN DEFAULT FALSE NOT NULL,
    PRIMARY KEY (order_id, item_no)
);
CREATE INDEX report_kitchen_items_sent ON report_kitchen_items (sent_at);
