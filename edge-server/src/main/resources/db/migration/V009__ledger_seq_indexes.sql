-- The start-up audit counts the rows written after the verified point in each table an entry
-- writes; without an index on ledger_seq that count reads the whole table, and start-up would
-- grow with the ledger. Each index only appends (ledger_seq only grows), and these tables are
-- written rarely, except stock_movements (one row per sold line of a product that tracks stock).
CREATE INDEX sale_voids_seq ON sale_voids (ledger_seq);
CREATE INDEX refunds_seq ON refunds (ledger_seq);
CREATE INDEX cash_movements_seq ON cash_movements (ledger_seq);
CREATE INDEX stock_movements_seq ON stock_movements (ledger_seq);
CREATE INDEX drawer_openings_seq ON drawer_openings (ledger_seq);
-- A void and a refund read the stock their sale took; so does the audit of each.
CREATE INDEX stock_movements_sale ON stock_movements (sale_id);
