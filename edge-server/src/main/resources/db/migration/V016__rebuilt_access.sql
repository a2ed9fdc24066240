-- A box rebuilt from HQ's copy of its ledger gets its staff and devices back without PIN and token
-- hashes, which no entry carries: a staff member with no PIN cannot sign in until a manager sets
-- one, and a device with no token cannot connect (its tablet pairs again, as a new device).
ALTER TABLE staff ALTER COLUMN pin_hash SET NULL;
ALTER TABLE devices ALTER COLUMN token_hash SET NULL;
