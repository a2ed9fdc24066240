-- The store's settings and taxes as the box's configuration file gives them (backroom provision)
-- are applied once per change of the file: this is the SHA-256 of what was applied last.
ALTER TABLE store_settings ADD COLUMN provisioned_hash CHAR(64);
