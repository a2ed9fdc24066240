-- A tip taken with a card or cash payment, on top of what the payment puts toward the sale: the
-- Z report adds the tips up by the staff member who rang the sale. Payments kept before tips were
-- taken had none.
ALTER TABLE sale_payments ADD COLUMN tip BIGINT DEFAULT 0 NOT NULL;
