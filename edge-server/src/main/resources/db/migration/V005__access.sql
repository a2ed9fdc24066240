-- Who may use the box: staff with their PIN hashes, paired devices with their token hashes,
-- pairing codes, staff sessions and PIN lockouts. No secret is stored in the clear: tokens and
-- pairing codes as SHA-256 hex (they are long random values or short-lived), PINs as PBKDF2.
CREATE TABLE staff (
    id          VARCHAR(64) PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    role        VARCHAR(16) NOT NULL,
    pin_hash    VARCHAR(200) NOT NULL,
    added_at    TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    removed_at  TIMESTAMP(3) WITH TIME ZONE
);

CREATE TABLE devices (
    id          VARCHAR(64) PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    token_hash  CHAR(64) NOT NULL UNIQUE,
    paired_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP(3) WITH TIME ZONE
);

-- A code's six digits come round again: only one live (unused, unexpired) code may have a hash.
CREATE TABLE pairing_codes (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    code_hash   CHAR(64) NOT NULL,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    made_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP(3) WITH TIME ZONE
);
CREATE INDEX pairing_codes_hash ON pairing_codes (code_hash);

CREATE TABLE staff_sessions (
    id          VARCHAR(64) PRIMARY KEY,
    token_hash  CHAR(64) NOT NULL UNIQUE,
    staff_id    VARCHAR(64) NOT NULL REFERENCES staff (id),
    device_id   VARCHAR(64) NOT NULL REFERENCES devices (id),
    started_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP(3) WITH TIME ZONE
);

-- Wrong PINs in a row on a device; from the fifth on, each locks PIN sign-in there until locked_until.
CREATE TABLE pin_lockouts (
    device_id     VARCHAR(64) PRIMARY KEY REFERENCES devices (id),
    failures      INT NOT NULL,
    locked_until  TIMESTAMP(3) WITH TIME ZONE
);
