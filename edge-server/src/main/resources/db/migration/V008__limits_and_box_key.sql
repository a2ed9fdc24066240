-- Wrong pairing codes, box-wide, so a restart forgets none: pairing pauses after 20 in ten minutes.
CREATE TABLE pairing_failures (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    failed_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX pairing_failures_at ON pairing_failures (failed_at);

-- Which key in <data>/box.key this database's PIN and pairing-code hashes were made with: an
-- HMAC of a fixed text under the key, never the key. A missing or other key is refused at start.
CREATE TABLE box_key (
    id           INT PRIMARY KEY CHECK (id = 1),
    fingerprint  CHAR(64) NOT NULL
);
