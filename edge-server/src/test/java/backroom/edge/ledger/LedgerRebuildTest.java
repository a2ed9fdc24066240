package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ledger written again from a copy of its entries: taken only as sealed, a page at a time, each page whole or not at all. */
class LedgerRebuildTest {

    @TempDir
    Path dir;
    private List<LedgerEntry> original;

    @BeforeEach
    void writeTwelveEntries() {
        try (LedgerDatabase db = LedgerDatabase.open(dir.resolve("original"), Clock.systemUTC())) {
            for (int i = 1; i <= 12; i++) {
                int n = i;
                db.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", n)));
            }
            original = db.jdbi().withHandle(handle -> LedgerTable.between(handle, 0, Long.MAX_VALUE, 100));
        }
        assertThat(original).hasSize(12);
    }

    @Test
    void aWholeCopyComesBackEntryForEntryAndEveryReplaySeesEveryEntryOnceInOrder() {
        Recording replay = new Recording();
        List<Long> progress = new ArrayList<>();
        try (LedgerRebuild rebuild = LedgerRebuild.into(dir.resolve("rebuilt"), List.of(replay))) {
            LedgerHead head = rebuild.copy(pagesOf(original, 5), progress::add);
            assertThat(head).isEqualTo(new LedgerHead(12, original.getLast().hash()));
        }
        assertThat(progress).containsExactly(5L, 10L, 12L);
        assertThat(replay.seen).isEqualTo(original.stream().map(LedgerEntry::seq).toList());
        assertThat(replay.finished).isEqualTo(1);
        assertThat(entriesIn(dir.resolve("rebuilt"))).isEqualTo(original);
        try (LedgerDatabase reopened = LedgerDatabase.open(dir.resolve("rebuilt"), Clock.systemUTC())) {
            assertThat(reopened.verifyChain().intact()).isTrue();
            assertThat(reopened.writer().head().seq()).as("the next entry goes on from the copy's head").isEqualTo(12);
            long next = reopened.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", 13)));
            assertThat(next).isEqualTo(13);
        }
    }

    @Test
    void aMissingEntryStopsTheRebuildThereAndKeepsNothingOfItsPage() {
        List<LedgerEntry> gap = new ArrayList<>(original);
        gap.remove(7);
        assertRefusedOnSecondPage(gap, "the copy of the ledger is broken: entry 9 came where entry 8 was due");
    }

    @Test
    void aChangedEntryIsRefused() {
        List<LedgerEntry> changed = new ArrayList<>(original);
        LedgerEntry eighth = changed.get(7);
        changed.set(7, new LedgerEntry(8, eighth.type(), eighth.occurredAt(), "{\"n\":800}", eighth.prevHash(), eighth.hash()));
        assertRefusedOnSecondPage(changed, "entry 8 (test.event) does not hash to its own hash: it was changed");
    }

    @Test
    void anEntrySealedAgainOnAnotherChainIsRefused() {
        List<LedgerEntry> forged = new ArrayList<>(original);
        LedgerEntry eighth = forged.get(7);
        forged.set(7, LedgerEntry.seal(8, eighth.type(), eighth.occurredAt(), eighth.payload(), "f".repeat(64)));
        assertRefusedOnSecondPage(forged, "entry 8 does not chain on entry 7");
    }

    @Test
    void aFailingReplayRollsItsPageBack() {
        TableReplay failsAtNine = (tables, entry) -> {
            if (entry.seq() == 9) {
                throw new IllegalStateException("cannot replay entry 9");
            }
        };
        try (LedgerRebuild rebuild = LedgerRebuild.into(dir.resolve("rebuilt"), List.of(failsAtNine))) {
            rebuild.add(original.subList(0, 5));
            assertThatThrownBy(() -> rebuild.add(original.subList(5, 10))).isInstanceOf(ReplayFailedException.class)
                    .hasMessageStartingWith("entry 9 (test.event) could not be replayed by ")
                    .hasMessageEndingWith(": cannot replay entry 9")
                    .cause().isInstanceOf(IllegalStateException.class);
            assertThat(rebuild.head().seq()).isEqualTo(5);
        }
        assertThat(entriesIn(dir.resolve("rebuilt"))).isEqualTo(original.subList(0, 5));
    }

    @Test
    void aFolderThatHoldsALedgerIsNotRebuiltOver() {
        assertThatThrownBy(() -> LedgerRebuild.into(dir.resolve("original"), List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already holds a ledger");
        assertThat(entriesIn(dir.resolve("original"))).isEqualTo(original);
    }

    @Test
    void aRebuiltLedgerIsTheBoxUsersAloneAndLetGoOnceClosed() throws Exception {
        Path staging = dir.resolve("staging").resolve("rebuilt");
        try (LedgerRebuild rebuild = LedgerRebuild.into(staging, List.of())) {
            rebuild.copy(pagesOf(original, 5), seq -> { });
        }

        assertThat(Files.getPosixFilePermissions(dir.resolve("staging"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(staging)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        try (FileChannel file = FileChannel.open(staging.resolve(LedgerFolder.DATABASE), StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = file.tryLock()) {
            assertThat(lock).as("nothing in this process still holds the rebuilt database").isNotNull();
        }
    }

    private void assertRefusedOnSecondPage(List<LedgerEntry> copy, String problem) {
        try (LedgerRebuild rebuild = LedgerRebuild.into(dir.resolve("rebuilt"), List.of())) {
            rebuild.add(copy.subList(0, 5));
            assertThatThrownBy(() -> rebuild.add(copy.subList(5, 10)))
                    .isInstanceOf(BrokenCopyException.class).hasMessageContaining(problem);
            assertThat(rebuild.head()).isEqualTo(new LedgerHead(5, original.get(4).hash()));
        }
        assertThat(entriesIn(dir.resolve("rebuilt"))).isEqualTo(original.subList(0, 5));
    }

    private static LedgerCopy pagesOf(List<LedgerEntry> entries, int size) {
        return afterSeq -> entries.stream().filter(entry -> entry.seq() > afterSeq).limit(size).toList();
    }

    private static List<LedgerEntry> entriesIn(Path folder) {
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(folder), "sa", "")) {
            return LedgerTable.between(handle, 0, Long.MAX_VALUE, 100);
        }
    }

    private static final class Recording implements TableReplay {
        private final List<Long> seen = new ArrayList<>();
        private int finished;

        @Override
        public void replay(RebuiltTables tables, LedgerEntry entry) {
            seen.add(entry.seq());
        }

        @Override
        public void finish(RebuiltTables tables) {
            finished++;
        }
    }
}
