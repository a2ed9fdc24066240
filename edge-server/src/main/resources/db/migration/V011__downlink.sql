-- What HQ sent down. relay_config: the version of HQ's catalog and settings applied last (one row
-- once any was). relay_commands: each command from HQ done, by its id, so none is done twice.
CREATE TABLE relay_config (
    id         INT PRIMARY KEY CHECK (id = 1),
    version    BIGINT NOT NULL CHECK (version >= 1),
    applied_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE relay_commands (
    id      VARCHAR(64) PRIMARY KEY,
    type    VARCHAR(32) NOT NULL,
    done_at TIMESTAMP WITH TIME ZONE NOT NULL
);
-- The store's secret once HQ rotated it (a rotate-secret command): it then wins over BACKROOM_STORE_SECRET.
ALTER TABLE relay_state ADD COLUMN store_secret VARCHAR(200);
