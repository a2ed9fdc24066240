package backroom.edge.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The writer's group figures: a value on a bound falls in that bucket, buckets add up, totals keep what no bucket holds. */
class GroupCommitsTest {

    @Test
    void eachGroupFallsInTheFirstBucketThatHoldsItAndTheBucketsAreCumulative() {
        GroupCommits commits = new GroupCommits();
        commits.record(1, 250_000);
        commits.record(2, 250_001);
        commits.record(3, 999_999);
        commits.record(512, 2_000_000_000L);

        GroupCommits.Snapshot figures = commits.snapshot();
        assertThat(figures.groups()).isEqualTo(4);
        assertThat(figures.writes()).isEqualTo(518);
        assertThat(figures.syncMicros()).isEqualTo(250 + 250 + 999 + 2_000_000);
        assertThat(figures.sizeBuckets()).containsExactly(1L, 2L, 3L, 3L, 3L, 3L, 3L, 3L, 3L, 4L);
        assertThat(figures.syncBuckets()).as("a 2 s sync is above every bound: in the count, in no bucket")
                .containsExactly(2L, 2L, 3L, 3L, 3L, 3L, 3L, 3L, 3L, 3L, 3L);
    }

    @Test
    void nothingRecordedIsAllZeros() {
        GroupCommits.Snapshot figures = new GroupCommits().snapshot();
        assertThat(figures.groups()).isZero();
        assertThat(figures.sizeBuckets()).hasSize(GroupCommits.SIZE_BOUNDS.size()).containsOnly(0L);
        assertThat(figures.syncBuckets()).hasSize(GroupCommits.SYNC_MICROS_BOUNDS.size()).containsOnly(0L);
    }
}
