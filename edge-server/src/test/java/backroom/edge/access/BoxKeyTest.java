package backroom.edge.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.edge.testing.TestBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** PINs and pairing codes are keyed with box.key: a box without its own key refuses to start rather than turn every PIN away. */
class BoxKeyTest {

    @Test
    void aNewBoxMakesItsKeyOwnerOnlyAndKeepsItAcrossRestarts() throws Exception {
        TestBox box = TestBox.start();
        Path key = box.dataDir().resolve("box.key");
        String made = Files.readString(key);
        box.stop();

        try (TestBox again = TestBox.restart(box)) {
            assertThat(Files.readString(key)).isEqualTo(made);
            assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(again.api().get("/api/v1/staff").status()).isEqualTo(200);
        }
    }

    @Test
    void aBoxWhoseKeyIsMissingRefusesToStartAndSaysWhy() throws Exception {
        TestBox box = TestBox.start();
        box.stop();
        Files.delete(box.dataDir().resolve("box.key"));

        try {
            assertThatThrownBy(() -> TestBox.restart(box))
                    .isInstanceOf(BoxKey.BoxKeyException.class)
                    .hasMessageContaining("box.key")
                    .hasMessageContaining("missing");
            assertThat(box.dataDir().resolve("box.key")).doesNotExist();
        } finally {
            box.deleteData();
        }
    }

    @Test
    void anotherBoxsKeyIsRefused() throws Exception {
        TestBox box = TestBox.start();
        TestBox other = TestBox.start();
        box.stop();
        other.stop();
        Files.copy(other.dataDir().resolve("box.key"), box.dataDir().resolve("box.key"), StandardCopyOption.REPLACE_EXISTING);
        other.deleteData();

        try {
            assertThatThrownBy(() -> TestBox.restart(box))
                    .isInstanceOf(BoxKey.BoxKeyException.class)
                    .hasMessageContaining("not the key");
        } finally {
            box.deleteData();
        }
    }
}
