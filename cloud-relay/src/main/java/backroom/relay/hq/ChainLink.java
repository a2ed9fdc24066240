package backroom.relay.hq;

import backroom.relay.wire.RelayBatch;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * HQ's own check of a store's hash chain, from the formula the box documents (edge-server's
 * {@code LedgerEntry}): SHA-256 over {@code prev_hash \n seq \n type \n occurredAtEpochMillis \n payload},
 * 64 lower-case hex digits, 64 zeros before entry 1. HQ recomputes it rather than trusting the box's.
 */
final class ChainLink {

    static final String GENESIS = "0".repeat(64);

    private ChainLink() {
    }

    /** Why {@code entry} does not follow an entry whose hash is {@code previousHash}, or null if it does. */
    static String flaw(RelayBatch.Entry entry, String previousHash) {
        if (!entry.prevHash().equals(previousHash)) {
            return "entry " + entry.seq() + " does not follow the hash of entry " + (entry.seq() - 1);
        }
        if (!entry.hash().equals(hashOf(entry))) {
            return "entry " + entry.seq() + "'s hash does not match its columns";
        }
        return null;
    }

    static String hashOf(RelayBatch.Entry entry) {
        String material = entry.prevHash() + "\n" + entry.seq() + "\n" + entry.type() + "\n"
                + Instant.parse(entry.occurredAt()).toEpochMilli() + "\n" + entry.payload();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
