package backroom.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.Box;
import backroom.edge.ledger.OfflineCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A replay test's frame: a day on a fresh box, the box stopped, its ledger rebuilt from the entries
 * alone into a new folder, the rebuilt copy's {@code tables} equal to the box's row for row and
 * every table held to the entries; then the test's own look at the copy. Both folders are deleted
 * after.
 */
public final class ReplayedDay {

    private ReplayedDay() {
    }

    public static void rebuildsTheSame(Consumer<Api> day, List<String> tables, Consumer<Path> andThen) {
        TestBox box = TestBox.start();
        Path rebuilt = null;
        try {
            try {
                day.accept(box.api());
            } finally {
                box.stop();
            }
            rebuilt = RebuiltCopy.of(box.dataDir());
            for (String table : tables) {
                RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, table, Set.of());
            }
            OfflineCheck.Result check = OfflineCheck.run(rebuilt, Box.tableAudits());
            assertThat(check.audit().intact()).as("the rebuilt tables held to the entries: %s", check.audit().problem()).isTrue();
            andThen.accept(rebuilt);
        } finally {
            box.deleteData();
            if (rebuilt != null) {
                TempFolders.delete(rebuilt);
            }
        }
    }
}
