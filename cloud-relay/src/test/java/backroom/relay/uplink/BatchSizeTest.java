package backroom.relay.uplink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchSizeTest {

    @Test
    void batchesHalveToTenWhileNothingIsAckedAndDoubleBackToTheSettingsSize() {
        BatchSize size = new BatchSize(1_000);
        assertThat(size.entries()).isEqualTo(1_000);

        for (int expected : new int[] {500, 250, 125, 62, 31, 15, 10}) {
            assertThat(size.nothingAcked()).isTrue();
            assertThat(size.entries()).isEqualTo(expected);
        }
        assertThat(size.nothingAcked()).as("never below ten").isFalse();
        assertThat(size.entries()).isEqualTo(10);

        for (int expected : new int[] {20, 40, 80, 160, 320, 640, 1_000, 1_000}) {
            size.acked();
            assertThat(size.entries()).isEqualTo(expected);
        }
    }
}
