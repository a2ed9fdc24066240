-- Open checks: a dine-in table's (or a named bar tab's) items taken in rounds over the evening and
-- paid later, whole or split into parts. checks: one row a check, its totals as its lines come to
-- now; status open, closed (every part paid) or merged (its lines moved to merged_into).
-- check_lines: its priced lines, numbered in the order taken, each with the round that took it.
-- check_parts: how it is split to be paid (split_by items, equally, amounts, or whole when it is
-- paid in one), each part's share of every total, and the sale that paid it. Every change is a
-- check.* ledger entry written in the same write as the rows.
CREATE TABLE checks (
    id              VARCHAR(64) PRIMARY KEY,
    table_id        VARCHAR(64),
    name            VARCHAR(100),
    order_type      VARCHAR(16) NOT NULL,
    guests          INT,
    status          VARCHAR(16) NOT NULL,
    merged_into     VARCHAR(64),
    rounds          INT NOT NULL,
    split_by        VARCHAR(16),
    subtotal        BIGINT NOT NULL,
    tax_total       BIGINT NOT NULL,
    service_charge  BIGINT NOT NULL,
    rounding        BIGINT NOT NULL,
    grand_total     BIGINT NOT NULL,
    tax_by_rate     VARCHAR(2000) NOT NULL,
    ledger_seq      BIGINT NOT NULL,
    opened_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP(3) WITH TIME ZONE,
    staff_id        VARCHAR(64),
    device_id       VARCHAR(64)
);
CREATE INDEX checks_status ON checks (status, opened_at);
CREATE INDEX checks_seq ON checks (ledger_seq);

CREATE TABLE check_lines (
    check_id      VARCHAR(64) NOT NULL REFERENCES checks (id),
    line_no       INT NOT NULL,
    round_no      INT NOT NULL,
    product_id    VARCHAR(64) NOT NULL,
    product_name  VARCHAR(200) NOT NULL,
    variant_id    VARCHAR(64),
    modifier_ids  VARCHAR(4000) NOT NULL,
    quantity      INT NOT NULL,
    unit_price    BIGINT NOT NULL,
    discount      BIGINT NOT NULL,
    line_total    BIGINT NOT NULL,
    tax_id        VARCHAR(64),
    notes         VARCHAR(500),
    PRIMARY KEY (check_id, line_no)
);

CREATE TABLE check_parts (
    check_id        VARCHAR(64) NOT NULL REFERENCES checks (id),
    part_no         INT NOT NULL,
    line_nos        VARCHAR(4000) NOT NULL,
    subtotal        BIGINT NOT NULL,
    tax_total       BIGINT NOT NULL,
    service_charge  BIGINT NOT NULL,
    rounding        BIGINT NOT NULL,
    grand_total     BIGINT NOT NULL,
    tax_by_rate     VARCHAR(2000) NOT NULL,
    sale_id         VARCHAR(64),
    receipt_number  VARCHAR(80),
    PRIMARY KEY (check_id, part_no)
);
