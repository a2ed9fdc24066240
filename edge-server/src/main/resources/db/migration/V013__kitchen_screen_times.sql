-- When a kitchen screen calls an order late: amber after this many seconds on screen, red after that.
ALTER TABLE store_settings ADD COLUMN kds_amber_seconds INT NOT NULL DEFAULT 300;
ALTER TABLE store_settings ADD COLUMN kds_red_seconds INT NOT NULL DEFAULT 600;
