package backroom.edge.ledger;

import java.time.Instant;

/**
 * One row of the {@code ledger} table. A sample row:
 *
 * <pre>
 *   seq          42
 *   type         sale.completed
 *   occurred_at  2026-11-23T09:15:02.117Z
 *   payload      {"change":31000,"grandTotal":69000,"receiptNumber":"r1-000007",...}
 *   prev_hash    9f2c...e1   (hash of entry 41; 64 zeros for entry 1)
 *   hash         5a07...3c
 * </pre>
 *
 * The payload is canonical JSON (keys sorted, no spaces), so the same facts always give the same
 * text. The hash is SHA-256 over the UTF-8 bytes of
 * {@code prev_hash + "\n" + seq + "\n" + type + "\n" + occurredAtEpochMillis + "\n" + payload},
 * written as 64 lower-case hex digits. Changing any column of any entry, or removing or inserting
 * one, breaks the chain from that entry on.
 */
public record LedgerEntry(long seq, String type, Instant occurredAt, String payload, String prevHash, String hash) {

    public static final String GENESIS_HASH = "0".repeat(64);

    static LedgerEntry seal(long seq, String type, Instant occurredAt, String payload, String prevHash) {
        return new LedgerEntry(seq, type, occurredAt, payload, prevHash, hashOf(seq, type, occurredAt, payload, prevHash));
    }

    /** Whether the stored hash matches what this entry's columns hash to. */
    boolean hashMatches() {
        return hash.equals(hashOf(seq, type, occurredAt, payload, prevHash));
    }

    static String hashOf(long seq, String type, Instant occurredAt, String payload, String prevHash) {
        String material = prevHash + "\n" + seq + "\n" + type + "\n" + occurredAt.toEpochMilli() + "\n" + payload;
        return Sha256.hex(material);
    }
}
