-- A discount on a whole open check, a fixed amount or a percentage in basis points (one of them),
-- with its reason; discount_total is what it takes off the check's lines now (its totals are
-- after it). A line's price overridden by a supervisor is written over its unit_price and
-- line_total in check_lines.
ALTER TABLE checks ADD COLUMN discount_amount BIGINT;
ALTER TABLE checks ADD COLUMN discount_bp INT;
ALTER TABLE checks ADD COLUMN discount_reason VARCHAR(200);
ALTER TABLE checks ADD COLUMN discount_total BIGINT DEFAULT 0 NOT NULL;
