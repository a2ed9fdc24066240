package backroom.edge.relay;

import backroom.edge.ledger.LedgerCopy;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerHead;
import backroom.relay.uplink.LedgerDownload;
import backroom.relay.uplink.UplinkSettings;
import backroom.relay.wire.LedgerPage;
import backroom.relay.wire.RelayBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * HQ's copy of this store's ledger, fetched over the relay a page at a time for a box being
 * rebuilt ({@code backroom restore --from-hq}). HQ hands back only what it holds chain-checked, and
 * says how far that is: the copy ends there ({@link #claimedHead}), and an empty page short of it,
 * or a page that does not start where it was asked to, is refused.
 */
public final class HqLedgerCopy implements LedgerCopy, AutoCloseable {

    /** Entries asked for at a time: about a megabyte of JSON, a tenth of that gzip'd. */
    static final int PAGE_ENTRIES = 1_000;
    /** How long a request waits for HQ's answer unless told otherwise; each page is asked for up to {@link #ATTEMPTS} times. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);
    static final int ATTEMPTS = 4;

    private final LedgerDownload download;
    private LedgerPage last;

    private HqLedgerCopy(LedgerDownload download) {
        this.download = download;
    }

    /** HQ's copy of the store {@code settings} names, through the broker they name, signed with its secret. */
    public static HqLedgerCopy of(UplinkSettings settings) {
        return of(settings, ANSWER_TIMEOUT);
    }

    /** The same, each request waiting {@code answerTimeout} for HQ's answer. */
    public static HqLedgerCopy of(UplinkSettings settings, Duration answerTimeout) {
        return new HqLedgerCopy(LedgerDownload.of(settings, answerTimeout, ATTEMPTS));
    }

    /**
     * @throws LedgerDownload.HqSilentException when HQ does not answer
     * @throws IllegalStateException when HQ sends no entry after {@code afterSeq} but says it holds more
     */
    @Override
    public List<LedgerEntry> pageAfter(long afterSeq) {
        LedgerPage page;
        try {
            page = download.pageAfter(afterSeq, PAGE_ENTRIES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching the ledger from HQ", e);
        }
        if (page.entries().isEmpty() && afterSeq < page.heldSeq()) {
            throw new IllegalStateException("HQ says it holds entries up to " + page.heldSeq() + " but sent none after " + afterSeq);
        }
        if (!page.entries().isEmpty() && page.entries().getFirst().seq() != afterSeq + 1) {
            throw new IllegalStateException("HQ was asked for the entries after " + afterSeq + " but sent them from "
                    + page.entries().getFirst().seq());
        }
        last = page;
        return page.entries().stream().map(HqLedgerCopy::fromTheWire).toList();
    }

    /** How far HQ holds the store's chain checked, as its last page said: seq 0 before any page. */
    public long heldSeq() {
        return last == null ? 0 : last.heldSeq();
    }

    /** The hash of the entry at {@link #heldSeq()}, as HQ holds it. */
    public String heldHash() {
        return last == null ? LedgerEntry.GENESIS_HASH : last.heldHash();
    }

    /** HQ's chain-checked head, as its last page said. */
    @Override
    public Optional<LedgerHead> claimedHead() {
        return last == null ? Optional.empty() : Optional.of(new LedgerHead(heldSeq(), heldHash()));
    }

    /** The seq where HQ found this store's ledger forked, if it did: HQ keeps its own chain, the other side aside. */
    public Optional<Long> forkedAtSeq() {
        return last == null ? Optional.empty() : Optional.ofNullable(last.forkedAtSeq());
    }

    static LedgerEntry fromTheWire(RelayBatch.Entry entry) {
        return new LedgerEntry(entry.seq(), entry.type(), Instant.parse(entry.occurredAt()), entry.payload(), entry.prevHash(),
                entry.hash());
    }

    @Override
    public void close() {
        download.close();
    }
}
