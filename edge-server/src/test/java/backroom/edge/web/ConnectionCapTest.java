package backroom.edge.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How many connections a box takes at once, from what the technician asked and the file descriptors it has. */
class ConnectionCapTest {

    static final Optional<OpenFiles> PLENTY = Optional.of(new OpenFiles(524_288, 90));
    static final Optional<OpenFiles> FOUR_HUNDRED = Optional.of(new OpenFiles(400, 90));

    @Test
    void aBoxWithPlentyOfDescriptorsTakesFiveHundred() {
        assertThat(ConnectionCap.choose(OptionalInt.empty(), PLENTY)).isEqualTo(500);
    }

    @Test
    void aLowOpenFileLimitCapsConnectionsAtWhatItLeavesAfterTheOpenDescriptorsAndTheReserve() {
        assertThat(ConnectionCap.choose(OptionalInt.empty(), FOUR_HUNDRED)).isEqualTo(400 - 90 - 128);
    }

    @Test
    void aNumberTheTechnicianSetIsTakenAsSetEvenAboveWhatTheDescriptorsAllow() {
        assertThat(ConnectionCap.choose(OptionalInt.of(50), FOUR_HUNDRED)).isEqualTo(50);
        assertThat(ConnectionCap.choose(OptionalInt.of(2_000), FOUR_HUNDRED)).isEqualTo(2_000);
        assertThat(ConnectionCap.choose(OptionalInt.of(2_000), PLENTY)).isEqualTo(2_000);
    }

    @Test
    void aLimitThatLeavesNoRoomAfterTheReserveStillTakesSixteen() {
        assertThat(ConnectionCap.choose(OptionalInt.empty(), Optional.of(new OpenFiles(200, 150)))).isEqualTo(16);
    }

    @Test
    void whereTheDescriptorsCannotBeCountedTheBoxTakesFiveHundredOrWhatWasSet() {
        assertThat(ConnectionCap.choose(OptionalInt.empty(), Optional.empty())).isEqualTo(500);
        assertThat(ConnectionCap.choose(OptionalInt.of(40), Optional.empty())).isEqualTo(40);
    }
}
