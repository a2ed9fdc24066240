package backroom.edge.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Applies the numbered SQL files under {@code db/migration/} in order, each once, recording each
 * in {@code schema_version}. A file that has shipped is never edited: a change is a new file.
 */
final class Migrations {

    /** In order. Add a file here and under resources/db/migration; never change a shipped one. */
    static final List<String> FILES = List.of(
            "V001__ledger.sql",
            "V002__catalog.sql",
            "V003__shifts_and_sales.sql",
            "V004__ledger_verified.sql",
            "V005__access.sql",
            "V006__cash.sql",
            "V007__idempotency_by_device.sql",
            "V008__limits_and_box_key.sql",
            "V009__ledger_seq_indexes.sql",
            "V010__relay.sql",
            "V011__downlink.sql",
            "V012__kitchen.sql",
            "V013__kitchen_screen_times.sql",
            "V014__print_jobs.sql",
            "V015__provisioned_store.sql",
            "V016__rebuilt_access.sql",
            "V017__print_jobs_by_state.sql",
            "V018__table_holds.sql",
            "V019__checks.sql",
            "V020__tips.sql",
            "V021__check_discounts.sql",
            "V022__stored_value.sql",
            "V023__sales_reports.sql",
            "V024__ingredients.sql",
            "V025__loyalty.sql",
            "V026__self_order.sql");

    private Migrations() {
    }

    static void apply(Handle handle) {
        handle.execute("""
                CREATE TABLE IF NOT EXISTS schema_version (
                    version    INT PRIMARY KEY,
                    file       VARCHAR(200) NOT NULL,
                    applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
                )""");
        Set<Integer> applied = new HashSet<>(handle.createQuery("SELECT version FROM schema_version").mapTo(Integer.class).list());
        for (String file : FILES) {
            int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
            if (applied.contains(version)) {
                continue;
            }
            handle.useTransaction(tx -> {
                for (String statement : statements(read(file))) {
                    tx.execute(statement);
                }
                tx.createUpdate("INSERT INTO schema_version (version, file) VALUES (:version, :file)")
                        .bind("version", version)
                        .bind("file", file)
                        .execute();
            });
        }
    }

    private static List<String> statements(String sql) {
        return java.util.Arrays.stream(sql.split(";\\s*(\\n|$)"))
                .map(String::strip)
                .filter(s -> !s.isEmpty() && !s.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("--")))
                .toList();
    }

    private static String read(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration " + file + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
