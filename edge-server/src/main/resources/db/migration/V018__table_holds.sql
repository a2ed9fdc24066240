-- A table held by something other than its kitchen orders: an open check keeps its table occupied
-- from the moment it opens until it is paid, moved or merged away, whatever its kitchen orders do.
-- One holder a table; written in the holder's own ledger write, and named by its entries.
CREATE TABLE table_holds (
    table_id    VARCHAR(64) PRIMARY KEY,
    holder_id   VARCHAR(64) NOT NULL,
    ledger_seq  BIGINT NOT NULL
);
CREATE INDEX table_holds_holder ON table_holds (holder_id);

-- An open check's rounds go to the kitchen as orders on its table that do not hold the table
-- themselves: the check does, and lets it go when it is paid, whatever the kitchen has left to do.
ALTER TABLE kitchen_orders ADD COLUMN holds_table BOOLEAN DEFAULT TRUE NOT NULL;
