package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import backroom.edge.testing.SetClock;
import backroom.edge.testing.powercut.PowerCut;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerWriterTest {

    @TempDir
    Path dir;

    @Test
    void aRefusedWriteFailsAloneAndSeqStaysGapless() throws Exception {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC());
             ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                results.add(pool.submit(() -> db.writer().submit((handle, ledger) -> {
                    long seq = ledger.append("test.event", Map.of("n", n));
                    if (n % 7 == 0) {
                        throw new IllegalStateException("refused " + n);
                    }
                    return seq;
                })));
            }
            List<Long> seqs = new ArrayList<>();
            int refused = 0;
            for (Future<Long> result : results) {
                try {
                    seqs.add(result.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("refused");
                    refused++;
                }
            }

            assertThat(refused).isEqualTo(58);
            assertThat(seqs).hasSize(342).doesNotHaveDuplicates();
            assertThat(seqs.stream().mapToLong(Long::longValue).max().orElseThrow()).isEqualTo(342);
            assertThat(db.writer().head().seq()).isEqualTo(342);
            ChainVerdict verdict = db.verifyChain();
            assertThat(verdict.intact()).isTrue();
            assertThat(verdict.entriesChecked()).isEqualTo(342);
        }
    }

    @Test
    void aRefusedWriteLeavesNoRowBehind() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            assertThatThrownBy(() -> db.writer().submit((handle, ledger) -> {
                handle.execute("INSERT INTO receipt_counters (register_id, last_number) VALUES ('ghost', 1)");
                ledger.append("test.event", Map.of());
                throw new IllegalArgumentException("no");
            })).isInstanceOf(IllegalArgumentException.class);

            int ghosts = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM receipt_counters").mapTo(Integer.class).one());
            assertThat(ghosts).isZero();
            assertThat(db.writer().head().seq()).isZero();
        }
    }

    @Test
    void aWriteRefusedInsideAGroupHandsListenersNoneOfItsEntriesAndTheOthersGapless() throws Exception {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC());
             ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<List<LedgerEntry>> told = new CopyOnWriteArrayList<>();
            db.writer().onCommitted(told::add);
            List<Future<Long>> group = inOneGroup(db, pool, Stream.of("kept-before", "refused", "kept-after").<Write<Long>>map(name ->
                    (handle, ledger) -> {
                        long seq = ledger.append("test." + name, Map.of());
                        ledger.append("test." + name + ".second", Map.of());
                        if (name.equals("refused")) {
                            throw new IllegalStateException("out of stock");
                        }
                        return seq;
                    }).toList());

            assertThat(group.get(0).get()).isEqualTo(2);
            assertThatThrownBy(() -> group.get(1).get()).hasRootCauseMessage("out of stock");
            assertThat(group.get(2).get()).isEqualTo(4);
            awaitTold(told, 2);
            assertThat(told.get(0)).extracting(LedgerEntry::type).containsExactly("test.first");
            assertThat(told.get(1)).extracting(LedgerEntry::seq).containsExactly(2L, 3L, 4L, 5L);
            assertThat(told.get(1)).extracting(LedgerEntry::type)
                    .containsExactly("test.kept-before", "test.kept-before.second", "test.kept-after", "test.kept-after.second");
            assertThat(told.get(1).get(2).prevHash()).as("the entry after the refused write chains to the one before it")
                    .isEqualTo(told.get(1).get(1).hash());
            assertThat(db.writer().head().seq()).isEqualTo(5);
            assertThat(db.verifyChain().intact()).isTrue();
        }
    }

    @Test
    void anEnqueuedWriteReturnsAtOnceAndRunsAheadOfEveryWriteQueuedAfterIt() throws Exception {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC());
             ExecutorService pool = Executors.newSingleThreadExecutor()) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Long> first = db.writer().enqueue((handle, ledger) -> {
                awaitQuietly(release);
                return ledger.append("test.first", Map.of());
            });
            Future<Long> second = pool.submit(() -> db.writer().submit((handle, ledger) -> ledger.append("test.second", Map.of())));

            assertThat(first).as("enqueue returned while its write still waits").isNotDone();
            release.countDown();
            assertThat(first.get()).isEqualTo(1);
            assertThat(second.get()).isEqualTo(2);
            assertThat(db.writer().head().seq()).isEqualTo(2);

            CompletableFuture<Long> refused = db.writer().enqueue((handle, ledger) -> {
                throw new IllegalStateException("out of stock");
            });
            assertThatThrownBy(refused::join).hasRootCauseInstanceOf(IllegalStateException.class).hasRootCauseMessage("out of stock");
            db.close();
            assertThatThrownBy(() -> db.writer().enqueue((handle, ledger) -> 0)).isInstanceOf(LedgerUnavailableException.class);
        }
    }

    @Test
    void eachGroupIsCountedWithItsWritesAndTheTimeItsSyncTook() {
        long started = System.nanoTime();
        GroupCommits.Snapshot figures;
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            long groupsBefore = db.writer().groupsWritten();
            for (int n = 1; n <= 5; n++) {
                int entry = n;
                long beforeWrite = System.nanoTime();
                db.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", entry)));
                assertThat(db.writer().quietFor()).as("quiet since the group just written, no longer")
                        .isLessThanOrEqualTo(Duration.ofNanos(System.nanoTime() - beforeWrite));
            }
            figures = db.writer().groupCommits().snapshot();
            assertThat(db.writer().groupsWritten() - groupsBefore).as("the count the compaction watches").isEqualTo(5);
        }
        long micros = (System.nanoTime() - started) / 1_000;

        assertThat(figures.groups()).as("one caller at a time: a group each").isEqualTo(5);
        assertThat(figures.writes()).isEqualTo(5);
        assertThat(figures.sizeBuckets().getFirst()).as("groups of one write").isEqualTo(5);
        assertThat(figures.syncMicros()).as("the syncs took part of the test's time, no more").isBetween(0L, micros);
    }

    @Test
    void theHeadHashAWriteReadsIsTheHashOfTheEntryItJustAppended() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            db.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", 1)));
            String printed = db.writer().submit((handle, ledger) -> {
                ledger.append("test.event", Map.of("n", 2));
                return ledger.headHash();
            });

            assertThat(printed).isEqualTo(db.jdbi().withHandle(handle -> LedgerTable.hashAt(handle, 2))).hasSize(64);
        }
    }

    /**
     * After its first group the writer's connection is out of autocommit: a task commits what it
     * writes itself (compaction commits H2's store), and the writer forces it to disk.
     */
    @Test
    void whatAMaintenanceTaskCommittedIsOnDiskWhenItReturns() {
        try (PowerCut power = PowerCut.over(dir)) {
            String url = "jdbc:h2:" + power.path(LedgerDatabase.FILE_NAME) + LedgerDatabase.settings();
            LedgerDatabase db = LedgerDatabase.open(url, Clock.systemUTC(), DiskSync.CHECKPOINT_SYNC);
            db.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", 1)));

            int written = db.writer().maintain(handle -> {
                int rows = handle.execute("INSERT INTO receipt_counters (register_id, last_number) VALUES ('maintained', 7)");
                handle.commit();
                return rows;
            });
            power.cut();

            assertThat(written).isEqualTo(1);
            assertTimeoutPreemptively(Duration.ofSeconds(10), db::close);
        }
        String file = "jdbc:h2:file:" + dir.resolve(LedgerDatabase.FILE_NAME).toAbsolutePath() + LedgerDatabase.settings();
        try (LedgerDatabase reopened = LedgerDatabase.open(file, Clock.systemUTC(), DiskSync.CHECKPOINT_SYNC)) {
            List<Integer> kept = reopened.jdbi().withHandle(h -> h.createQuery(
                    "SELECT last_number FROM receipt_counters WHERE register_id = 'maintained'").mapTo(Integer.class).list());
            assertThat(kept).as("survives a power cut right after the task").containsExactly(7);
        }
    }

    @Test
    void eachWriteInAGroupReadsTheClockWhenItStarts() throws Exception {
        Clock ticking = SetClock.ticking(Instant.parse("2026-12-03T09:00:00Z"));
        try (LedgerDatabase db = LedgerDatabase.open(dir, ticking);
             ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<List<LedgerEntry>> told = new CopyOnWriteArrayList<>();
            db.writer().onCommitted(told::add);
            List<Future<Long>> group = inOneGroup(db, pool, Stream.of("one", "two").<Write<Long>>map(name ->
                    (handle, ledger) -> ledger.append("test." + name, Map.of())).toList());
            for (Future<Long> write : group) {
                write.get();
            }

            awaitTold(told, 2);
            List<LedgerEntry> oneGroup = told.get(1);
            assertThat(oneGroup).extracting(LedgerEntry::type).containsExactly("test.one", "test.two");
            assertThat(oneGroup.get(1).occurredAt()).as("not the time of the write before it").isAfter(oneGroup.get(0).occurredAt());
        }
    }

    /**
     * Holds the writer in a write of its own ({@code test.first}) while {@code writes} queue behind
     * it from {@code pool}'s threads, then lets it go: they run as one group. Returns their answers.
     */
    private static List<Future<Long>> inOneGroup(LedgerDatabase db, ExecutorService pool, List<Write<Long>> writes) throws Exception {
        CountDownLatch writerHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread blocker = Thread.ofPlatform().start(() -> db.writer().submit((handle, ledger) -> {
            writerHeld.countDown();
            awaitQuietly(release);
            return ledger.append("test.first", Map.of());
        }));
        writerHeld.await();
        List<Thread> callers = new CopyOnWriteArrayList<>();
        List<Future<Long>> group = new ArrayList<>();
        for (Write<Long> write : writes) {
            group.add(pool.submit(() -> {
                callers.add(Thread.currentThread());
                return db.writer().submit(write);
            }));
            awaitWaiting(callers, group.size());
        }
        release.countDown();
        blocker.join();
        return group;
    }

    /** Listeners are told after the callers are answered: waits (up to ten seconds) until {@code count} groups were told. */
    private static void awaitTold(List<List<LedgerEntry>> told, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (told.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(told).hasSize(count);
    }

    /** Waits until {@code count} callers are parked in submit: their writes are queued for one group. */
    private static void awaitWaiting(List<Thread> callers, int count) throws InterruptedException {
        while (callers.size() < count || callers.stream().anyMatch(t -> t.getState() != Thread.State.WAITING)) {
            Thread.sleep(5);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theVerifiedPointFollowsTheHeadSoStartUpChecksOnlyRecentEntries() throws Exception {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            for (int w = 0; w < 25; w++) {
                db.writer().submit((handle, ledger) -> {
                    for (int i = 0; i < 100; i++) {
                        ledger.append("test.event", Map.of("i", i));
                    }
                    return null;
                });
            }
            LedgerHead verified = db.jdbi().withHandle(VerifiedPoint::read);
            assertThat(verified.seq()).isEqualTo(2_000);
            assertThat(java.nio.file.Files.readString(dir.resolve("ledger.verified"))).startsWith("2000 " + verified.hash());
        }
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            assertThat(db.jdbi().withHandle(VerifiedPoint::read).seq()).isEqualTo(2_500);
        }
    }

    @Test
    void migrationsAreAppliedOnceAcrossRestarts() {
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            db.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", 1)));
        }
        try (LedgerDatabase db = LedgerDatabase.open(dir, Clock.systemUTC())) {
            List<Integer> versions = db.jdbi().withHandle(h -> h.createQuery("SELECT version FROM schema_version ORDER BY version")
                    .mapTo(Integer.class).list());
            assertThat(versions).isEqualTo(IntStream.rangeClosed(1, Migrations.FILES.size()).boxed().toList());
            assertThat(db.writer().head().seq()).isEqualTo(1);
            long second = db.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", 2)));
            assertThat(second).isEqualTo(2);
        }
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    @Test
    void aNewDatabaseIsForcedToDiskAtOnceAndEveryOpenAndCloseRecordsTheVerifiedPoint() {
        try (PowerCut power = PowerCut.over(dir)) {
            String url = "jdbc:h2:" + power.path(LedgerDatabase.FILE_NAME) + LedgerDatabase.settings() + ";TRACE_LEVEL_FILE=0";
            LedgerDatabase db = LedgerDatabase.open(url, Clock.systemUTC(), DiskSync.CHECKPOINT_SYNC);
            assertThat(power.forceCalls()).as("a new file, which H2 never syncs itself").isPositive();
            db.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", 1)));
            long forcedByTheWrite = power.forceCalls();
            db.close();
            assertThat(power.forceCalls()).as("the verified point recorded at close").isGreaterThan(forcedByTheWrite);

            LedgerDatabase again = LedgerDatabase.open(url, Clock.systemUTC(), DiskSync.CHECKPOINT_SYNC);
            again.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", 2)));
            power.cut();
            assertTimeoutPreemptively(Duration.ofSeconds(10), again::close);
        }
        String file = "jdbc:h2:file:" + dir.resolve(LedgerDatabase.FILE_NAME).toAbsolutePath() + LedgerDatabase.settings();
        try (LedgerDatabase reopened = LedgerDatabase.open(file, Clock.systemUTC(), DiskSync.CHECKPOINT_SYNC)) {
            assertThat(reopened.jdbi().withHandle(VerifiedPoint::read).seq()).as("recorded as the open verified it").isEqualTo(2);
        }
    }

    @Test
    void whenTheDiskDiesEveryWriteFailsAtOnceAndTheWriterKeepsAnswering() {
        try (PowerCut power = PowerCut.over(dir)) {
            String url = "jdbc:h2:" + power.path(LedgerDatabase.FILE_NAME) + LedgerDatabase.settings() + ";TRACE_LEVEL_FILE=0";
            LedgerDatabase db = LedgerDatabase.open(url, Clock.systemUTC(), DiskSync.CHECKPOINT_SYNC);
            db.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", 1)));

            power.cut();

            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                for (int n = 2; n <= 4; n++) {
                    int entry = n;
                    assertThatThrownBy(() -> db.writer().submit((handle, ledger) -> ledger.append("test.event", Map.of("n", entry))))
                            .isInstanceOf(LedgerUnavailableException.class)
                            .satisfies(failure -> assertThat(failure.getMessage())
                                    .as("names the cause at the root, not a wrapper").isEqualTo("the ledger could not be written: "
                                            + rootOf(failure.getCause()).getMessage())
                                    .doesNotEndWith(": null"));
                }
            });
            assertThat(db.writer().head().seq()).isEqualTo(1);
            assertThat(db.writer().isWritable()).as("it could not reopen the file on a dead disk").isFalse();
            assertTimeoutPreemptively(Duration.ofSeconds(10), db::close);
        }
    }
}
