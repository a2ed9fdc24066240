package backroom.edge.backup;

import java.time.Instant;

/**
 * What a backup says of itself, kept as {@code manifest.json} in the archive:
 *
 * <pre>
 * {"format":1,"createdAt":"2026-12-05T03:00:00.412Z","headSeq":20412,
 *  "headHash":"5a07...3c","storeId":"kopi-jkt-001","boxKeyFingerprint":"9f2c...e1",
 *  "ledgerSha256":"0b1e...77"}
 * </pre>
 *
 * {@code headSeq} and {@code headHash} are the newest entry of the ledger in the archive, read
 * from it after its whole chain was checked; {@code storeId} (the catalog's) and
 * {@code boxKeyFingerprint} (what the database records of {@code box.key}) are null for a box
 * that has neither yet; {@code ledgerSha256} is the SHA-256 of the archived {@code ledger.mv.db}.
 */
public record Manifest(int format, Instant createdAt, long headSeq, String headHash, String storeId, String boxKeyFingerprint,
                       String ledgerSha256) {

    /** The one format this box writes and reads. */
    public static final int FORMAT = 1;
}
