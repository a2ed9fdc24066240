package backroom.edge.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.edge.Box;
import backroom.edge.ledger.LedgerCopy;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerHead;
import backroom.edge.testing.RebuiltCopy;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TempFolders;
import backroom.edge.testing.TestBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rebuild from a copy of the ledger (HQ's) refuses, before it touches the data folder, a copy
 * with an entry changed or missing, one that ends short of where it says, and one that holds
 * nothing; a good copy goes in place with the box's own files set aside. A refused rebuild leaves a
 * box's folder as it was and makes no folder where there was none.
 */
class RebuildRefusalTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static TestBox dead;
    private static List<LedgerEntry> entries;
    private static Path work;

    @BeforeAll
    static void aStoppedBoxWithSales() throws Exception {
        dead = TestBox.start();
        String shift = dead.api().openShift("r1");
        for (int i = 0; i < 3; i++) {
            dead.api().ringSale(Sales.twoLargeLattesWithExtraShot("r1", shift));
        }
        dead.stop();
        entries = RebuiltCopy.entries(dead.dataDir());
        work = Files.createTempDirectory("rebuild-refusals");
    }

    @AfterAll
    static void removeFolders() {
        dead.deleteData();
        TempFolders.delete(work);
    }

    @Test
    void aChangedEntryIsRefusedNamingIt() {
        List<LedgerEntry> changed = new ArrayList<>(entries);
        LedgerEntry fourth = changed.get(3);
        changed.set(3, new LedgerEntry(4, fourth.type(), fourth.occurredAt(), fourth.payload().replace('1', '2'), fourth.prevHash(),
                fourth.hash()));
        refused(pagesOf(changed, Optional.empty()), "entry 4 (" + fourth.type() + ") does not hash to its own hash");
    }

    @Test
    void aMissingEntryIsRefused() {
        List<LedgerEntry> gap = new ArrayList<>(entries);
        gap.remove(5);
        refused(pagesOf(gap, Optional.empty()), "entry 7 came where entry 6 was due");
    }

    @Test
    void aCopyThatEndsShortOfWhereItSaysIsRefused() {
        LedgerEntry last = entries.getLast();
        List<LedgerEntry> short1 = entries.subList(0, entries.size() - 1);
        refused(pagesOf(short1, Optional.of(new LedgerHead(last.seq(), last.hash()))),
                "the copy says it ends at entry " + last.seq());
    }

    @Test
    void anEmptyCopyIsRefused() {
        refused(pagesOf(List.of(), Optional.empty()), "the copy holds no entry of this store");
    }

    @Test
    void aGoodCopyGoesInPlaceAndTheFoldersOwnLedgerIsSetAside() throws Exception {
        Path folder = work.resolve("used-once");
        TestBox once = TestBox.startOn(folder, config -> config);
        once.stop();
        LedgerEntry last = entries.getLast();

        Restore.Rebuilt rebuilt = Restore.rebuild(pagesOf(entries, Optional.of(new LedgerHead(last.seq(), last.hash()))), folder,
                Box.tableReplays(), Box.tableAudits(), CLOCK, seq -> { });

        assertThat(rebuilt.head()).isEqualTo(new LedgerHead(last.seq(), last.hash()));
        assertThat(RebuiltCopy.entries(folder)).isEqualTo(entries);
        assertThat(rebuilt.setAside()).isNotNull();
        assertThat(rebuilt.setAside().resolve("ledger.mv.db")).exists();
        assertThat(folder.resolve(Restore.STAGING)).doesNotExist();
    }

    @Test
    void aFolderWhoseOwnLedgerRunsPastTheCopyIsRebuiltOnlyWhenForced() throws Exception {
        Path ahead = work.resolve("ahead");
        Files.createDirectories(ahead);
        try (var files = Files.list(dead.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, ahead.resolve(file.getFileName()));
            }
        }
        List<LedgerEntry> behind = entries.subList(0, entries.size() - 2);
        LedgerEntry aheadHead = entries.getLast();

        assertThatThrownBy(() -> Restore.rebuild(pagesOf(behind, Optional.empty()), ahead, Box.tableReplays(), Box.tableAudits(), CLOCK,
                seq -> { }))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining("this folder's own ledger runs to entry " + aheadHead.seq() + ", past the copy's " + (aheadHead.seq() - 2));
        assertThat(RebuiltCopy.entries(ahead)).as("left as it was").isEqualTo(entries);

        Restore.Rebuilt forced = Restore.rebuild(pagesOf(behind, Optional.empty()), ahead, Box.tableReplays(), Box.tableAudits(), CLOCK,
                seq -> { }, true);
        assertThat(RebuiltCopy.entries(ahead)).isEqualTo(behind);
        assertThat(RebuiltCopy.entries(forced.setAside())).as("the newer ledger set aside, not deleted").isEqualTo(entries);
    }

    /** Refused with {@code message} in its message, into a new folder: none is made. */
    private static void refused(LedgerCopy copy, String message) {
        Path fresh = work.resolve("fresh");
        assertThatThrownBy(() -> Restore.rebuild(copy, fresh, Box.tableReplays(), Box.tableAudits(), CLOCK, seq -> { }))
                .isInstanceOf(BackupException.class)
                .hasMessageContaining(message);
        assertThat(fresh).doesNotExist();
    }

    private static LedgerCopy pagesOf(List<LedgerEntry> copy, Optional<LedgerHead> claimed) {
        return new LedgerCopy() {
            @Override
            public List<LedgerEntry> pageAfter(long afterSeq) {
                return copy.stream().filter(entry -> entry.seq() > afterSeq).limit(4).toList();
            }

            @Override
            public Optional<LedgerHead> claimedHead() {
                return claimed;
            }
        };
    }
}
