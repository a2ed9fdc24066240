-- Cash accountability: who rang and voided each sale, refunds, cash put in or taken out of a
-- shift's drawer, and no-sale drawer opens. Each row names the staff member and the device.
ALTER TABLE sales ADD COLUMN staff_id VARCHAR(64);
ALTER TABLE sales ADD COLUMN device_id VARCHAR(64);
ALTER TABLE sale_voids ADD COLUMN staff_id VARCHAR(64);
ALTER TABLE sale_voids ADD COLUMN device_id VARCHAR(64);

CREATE TABLE refunds (
    id           VARCHAR(64) PRIMARY KEY,
    sale_id      VARCHAR(64) NOT NULL REFERENCES sales (id),
    shift_id     VARCHAR(64) NOT NULL REFERENCES shifts (id),
    method       VARCHAR(16) NOT NULL,
    amount       BIGINT NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    staff_id     VARCHAR(64),
    device_id    VARCHAR(64),
    ledger_seq   BIGINT NOT NULL,
    refunded_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX refunds_sale ON refunds (sale_id);
CREATE INDEX refunds_shift ON refunds (shift_id);

CREATE TABLE refund_lines (
    refund_id  VARCHAR(64) NOT NULL REFERENCES refunds (id),
    line_no    INT NOT NULL,
    quantity   INT NOT NULL,
    amount     BIGINT NOT NULL,
    PRIMARY KEY (refund_id, line_no)
);

CREATE TABLE cash_movements (
    id          VARCHAR(64) PRIMARY KEY,
    shift_id    VARCHAR(64) NOT NULL REFERENCES shifts (id),
    kind        VARCHAR(3) NOT NULL CHECK (kind IN ('in', 'out')),
    amount      BIGINT NOT NULL CHECK (amount > 0),
    reason      VARCHAR(500) NOT NULL,
    staff_id    VARCHAR(64),
    device_id   VARCHAR(64),
    ledger_seq  BIGINT NOT NULL,
    moved_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX cash_movements_shift ON cash_movements (shift_id);

CREATE TABLE drawer_openings (
    id           VARCHAR(64) PRIMARY KEY,
    register_id  VARCHAR(64) NOT NULL,
    shift_id     VARCHAR(64),
    reason       VARCHAR(500) NOT NULL,
    staff_id     VARCHAR(64),
    device_id    VARCHAR(64),
    ledger_seq   BIGINT NOT NULL,
    opened_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX drawer_openings_shift ON drawer_openings (shift_id);
