-- An Idempotency-Key belongs to the device that sent it: another device sending the same key gets
-- a sale of its own, never the first device's answer. Keys kept before this knew no device; they
-- take the device of the sale or refund they answered.
ALTER TABLE idempotency_keys ADD COLUMN device_id VARCHAR(64);
UPDATE idempotency_keys k SET device_id = COALESCE(
    (SELECT s.device_id FROM sales s WHERE s.ledger_seq = k.ledger_seq),
    (SELECT r.device_id FROM refunds r WHERE r.ledger_seq = k.ledger_seq));
