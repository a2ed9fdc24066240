package backroom.edge.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.WriterStatements;
import backroom.edge.idempotency.IdempotencyKeys.DeviceKey;
import backroom.edge.idempotency.IdempotencyKeys.StoredAnswer;
import backroom.edge.web.Problem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long the box remembers an Idempotency-Key: until the key is both older than 48 hours by
 * the ledger's time and followed by 10,000 newer keys, whichever comes last; and the same after
 * a restart, which reads the keys back from their rows.
 */
class IdempotencyKeysTest {

    static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");
    static final DeviceKey FIRST = new DeviceKey("tablet-1", "first-key");
    static final StoredAnswer ANSWER = new StoredAnswer(201, "{\"saleId\":\"first\"}");
    static final String HASH_1 = hash(1);
    static final String HASH_2 = hash(2);

    @TempDir
    Path dir;
    private LedgerDatabase db;
    private Handle handle;
    private WriterStatements statements;
    private long seq;

    @BeforeEach
    void open() {
        db = LedgerDatabase.open(dir, Clock.systemUTC());
        handle = db.jdbi().open();
        handle.begin();
        statements = new WriterStatements(handle.getConnection());
    }

    @AfterEach
    void close() {
        handle.rollback();
        handle.close();
        db.close();
    }

    @Test
    void theSameKeyAndBodyFromItsDeviceGetTheFirstAnswerAndAnotherBodyIsAConflict() {
        IdempotencyKeys keys = started(T0);
        keys.remember(statements, FIRST, HASH_1, ANSWER, ++seq, T0);

        Problem otherBody = catchThrowableOfType(Problem.class, () -> keys.replay(handle, statements, FIRST, HASH_2, T0));

        assertThat(keys.replay(handle, statements, FIRST, HASH_1, T0)).contains(ANSWER);
        assertThat(keys.replay(handle, statements, new DeviceKey("tablet-2", "first-key"), HASH_1, T0)).isEmpty();
        assertThat(keys.replay(handle, statements, new DeviceKey("tablet-1", "other-key"), HASH_1, T0)).isEmpty();
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.errors()).extracting(error -> error.field() + ": " + error.message())
                .containsExactly("Idempotency-Key: was already used for a different request");
    }

    @Test
    void aKeyOlderThan48HoursIsKeptUntil10000NewerKeysFollowIt() {
        IdempotencyKeys keys = started(T0);
        keys.remember(statements, FIRST, HASH_1, ANSWER, ++seq, T0);

        Instant later = T0.plus(Duration.ofHours(49));
        rememberNewer(keys, 9_999, later);
        Optional<StoredAnswer> after9999 = keys.replay(handle, statements, FIRST, HASH_1, later);
        rememberNewer(keys, 1, later);
        Optional<StoredAnswer> after10000 = keys.replay(handle, statements, FIRST, HASH_1, later);

        assertThat(after9999).contains(ANSWER);
        assertThat(after10000).isEmpty();
    }

    @Test
    void aKeyOfTheLast48HoursIsKeptHoweverManyKeysFollowIt() {
        IdempotencyKeys keys = started(T0);
        keys.remember(statements, FIRST, HASH_1, ANSWER, ++seq, T0);

        Instant exactly48HoursLater = T0.plus(Duration.ofHours(48));
        rememberNewer(keys, 10_001, exactly48HoursLater);

        assertThat(keys.replay(handle, statements, FIRST, HASH_1, exactly48HoursLater)).contains(ANSWER);
    }

    @Test
    void aRestartedBoxReadsBackTheKeysOfTheLast48HoursAndTheNewest10000() {
        IdempotencyKeys before = started(T0);
        before.remember(statements, FIRST, HASH_1, ANSWER, ++seq, T0);
        rememberNewer(before, 9_999, T0);

        Instant justInTime = T0.plus(Duration.ofHours(48));
        Instant tooLate = T0.plus(Duration.ofHours(48)).plusMillis(1);
        assertThat(new IdempotencyKeys().replay(handle, statements, FIRST, HASH_1, tooLate)).as("one of the newest 10,000").contains(ANSWER);
        rememberNewer(before, 1, T0);
        assertThat(new IdempotencyKeys().replay(handle, statements, FIRST, HASH_1, justInTime)).as("48 hours old").contains(ANSWER);
        assertThat(new IdempotencyKeys().replay(handle, statements, FIRST, HASH_1, tooLate)).as("older, and 10,000 newer").isEmpty();
    }

    @Test
    void aKeyWhoseRowWasRolledBackIsNotReplayed() {
        IdempotencyKeys keys = started(T0);
        handle.savepoint("sale");
        keys.remember(statements, FIRST, HASH_1, ANSWER, ++seq, T0);
        handle.rollbackToSavepoint("sale");

        assertThat(keys.replay(handle, statements, FIRST, HASH_1, T0)).isEmpty();
        keys.remember(statements, FIRST, HASH_1, new StoredAnswer(201, "{\"saleId\":\"second\"}"), ++seq, T0);
        assertThat(keys.replay(handle, statements, FIRST, HASH_1, T0)).contains(new StoredAnswer(201, "{\"saleId\":\"second\"}"));
    }

    /** Keys as the ledger writer holds them: it looks a key up (and so reads the table once) before it remembers any. */
    private IdempotencyKeys started(Instant now) {
        IdempotencyKeys keys = new IdempotencyKeys();
        assertThat(keys.replay(handle, statements, new DeviceKey("tablet-1", "nothing-yet"), HASH_1, now)).isEmpty();
        return keys;
    }

    private void rememberNewer(IdempotencyKeys keys, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            long next = ++seq;
            keys.remember(statements, new DeviceKey("tablet-1", "key-" + next), hash(next), ANSWER, next, at);
        }
    }

    /** A request hash as the box writes them: 64 hex digits. */
    private static String hash(long n) {
        return "%064x".formatted(n);
    }
}
