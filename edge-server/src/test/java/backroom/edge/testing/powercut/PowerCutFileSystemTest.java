package backroom.edge.testing.powercut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.store.fs.FilePath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code powercut:} file system on its own, through the channels H2 would get. */
class PowerCutFileSystemTest {

    @TempDir
    Path dir;

    PowerCut power;
    Path real;
    FileChannel channel;

    @BeforeEach
    void openAFile() throws IOException {
        power = PowerCut.over(dir);
        real = dir.resolve("ledger.mv.db");
        channel = FilePath.get(power.path("ledger.mv.db")).open("rw");
    }

    @AfterEach
    void unplug() throws IOException {
        try {
            channel.close();
        } finally {
            power.close();
        }
    }

    @Test
    void readsSeeWritesThatTheDiskHasNotSeen() throws IOException {
        write(0, "hello");
        write(10_000, "XY");

        assertThat(read(0, 5)).isEqualTo("hello");
        assertThat(read(9_998, 4)).isEqualTo("\0\0XY");
        assertThat(channel.size()).isEqualTo(10_002);
        assertThat(FilePath.get(power.path("ledger.mv.db")).size()).isEqualTo(10_002);
        assertThat(Files.size(real)).isZero();
    }

    @Test
    void forcedBytesSurviveTheCutAndUnforcedBytesVanish() throws IOException {
        write(0, "hello");
        channel.force(true);
        write(5, " world");
        write(0, "J");

        power.cut();

        assertThat(Files.readString(real)).isEqualTo("hello");
        assertThat(power.forceCalls()).isEqualTo(1);
    }

    @Test
    void aCutSetForTheNthDiskOperationComesAsItBeginsAndItNeverHappens() throws IOException {
        write(0, "hello");
        long before = power.diskOperations();
        power.cutAtDiskOperation(3);
        channel.force(true);
        write(5, " world");

        assertThatThrownBy(() -> channel.force(true)).isInstanceOf(IOException.class).hasMessageContaining("power cut");
        assertThatThrownBy(() -> write(0, "J")).isInstanceOf(IOException.class);
        assertThat(Files.readString(real)).isEqualTo("hello");
        assertThat(power.forceCalls()).isEqualTo(1);
        assertThat(power.diskOperations() - before).as("the force, the write, the force cut, the write after").isEqualTo(4);
        assertThatThrownBy(() -> power.cutAtDiskOperation(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCutUndoesATruncateThatWasNotForced() throws IOException {
        write(0, "hello");
        channel.force(true);
        channel.truncate(3);
        write(6, "Z");

        assertThat(read(0, 7)).isEqualTo("hel\0\0\0Z");
        power.cut();
        assertThat(Files.readString(real)).isEqualTo("hello");
    }

    @Test
    void aForcedTruncateReachesTheDisk() throws IOException {
        write(0, "hello");
        channel.force(true);
        channel.truncate(3);
        write(6, "Z");
        channel.force(true);

        assertThat(Files.readString(real)).isEqualTo("hel\0\0\0Z");
    }

    @Test
    void afterTheCutEveryChannelAndEveryOpenFails() throws IOException {
        write(0, "hello");
        power.cut();

        assertThatThrownBy(() -> channel.size()).isInstanceOf(IOException.class).hasMessageContaining("simulated power cut");
        assertThatThrownBy(() -> write(0, "x")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> channel.force(true)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> FilePath.get(power.path("ledger.mv.db")).open("rw")).isInstanceOf(IOException.class);
        assertThat(power.forceCalls()).isZero();
    }

    @Test
    void theCutFreesTheFileLockSoTheRealFileOpensAgain() throws IOException {
        assertThat(channel.tryLock()).isNotNull();
        power.cut();

        try (FileChannel again = FileChannel.open(real, java.nio.file.StandardOpenOption.WRITE)) {
            assertThat(again.tryLock()).isNotNull();
        }
    }

    @Test
    void aFullDiskTakesWhatFitsThenRefusesUntilSpaceIsFreed() throws IOException {
        power.diskFullAfter(3);

        assertThat(channel.write(ascii("abcdef"), 0)).isEqualTo(3);
        assertThatThrownBy(() -> write(3, "def")).isInstanceOf(IOException.class).hasMessage("No space left on device");
        power.diskSpaceFreed();
        write(3, "def");
        assertThat(read(0, 6)).isEqualTo("abcdef");
    }

    @Test
    void aFolderCanBeOnOnlyOnePowerCut() {
        assertThatThrownBy(() -> PowerCut.over(dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already on a PowerCut");
    }

    private void write(long position, String text) throws IOException {
        ByteBuffer bytes = ascii(text);
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
    }

    private String read(long position, int length) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        while (bytes.hasRemaining() && channel.read(bytes, position + bytes.position()) >= 0) {
            // until full or at the end of the file
        }
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.ISO_8859_1);
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
