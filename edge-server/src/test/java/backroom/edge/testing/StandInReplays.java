package backroom.edge.testing;

import backroom.edge.Box;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.LedgerRebuild;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import backroom.edge.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RebuiltCopy#of} for a replay's test while the replays of the rows its rows refer to are
 * not in {@link Box#tableReplays()} yet: stock_levels and stock_movements refer to products (the
 * catalog's replay), refunds to shifts (the shifts' replay), and without those rows a rebuild
 * stops on the foreign key. Until then, a stand-in ahead of the box's replays writes the bare rows
 * the keys need (no test compares them); each steps aside once the box's list holds a replay of
 * its package. Delete this class, and call {@code RebuiltCopy.of}, once both are there.
 *
 * <p>The entries go in pages of 7, not 500, so that what a replay keeps between entries is tried
 * across pages.
 */
public final class StandInReplays {

    private static final int PAGE = 7;

    private StandInReplays() {
    }

    /** Rebuilds the ledger of the stopped box in {@code dataDir} into a new folder, which it returns. */
    public static Path rebuild(Path dataDir) {
        List<TableReplay> replays = new ArrayList<>();
        List<String> rebuilt = Box.tableReplays().stream().map(replay -> replay.getClass().getPackageName()).toList();
        if (!rebuilt.contains("backroom.edge.catalog")) {
            replays.add(StandInReplays::products);
        }
        if (!rebuilt.contains("backroom.edge.shifts")) {
            replays.add(StandInReplays::shifts);
        }
        replays.addAll(Box.tableReplays());
        Path folder;
        try {
            folder = Files.createTempDirectory("backroom-rebuilt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<LedgerEntry> entries = RebuiltCopy.entries(dataDir);
        try (LedgerRebuild rebuild = LedgerRebuild.into(folder, replays)) {
            for (int from = 0; from < entries.size(); from += PAGE) {
                rebuild.add(entries.subList(from, Math.min(entries.size(), from + PAGE)));
            }
            rebuild.finish();
        }
        return folder;
    }

    private static void products(RebuiltTables tables, LedgerEntry entry) {
        switch (entry.type()) {
            case "catalog.seeded", "catalog.imported" -> Json.read(entry.payload()).path("products").forEach(p -> product(tables, p));
            case "catalog.product_upserted" -> product(tables, Json.read(entry.payload()));
            default -> { }
        }
    }

    private static void product(RebuiltTables tables, JsonNode product) {
        tables.statements().update("MERGE INTO products (id, name, price, track_stock, position) KEY (id) VALUES (?, ?, ?, ?, 0)",
                product.path("id").asText(), product.path("name").asText(), product.path("price").asLong(),
                product.path("trackStock").asBoolean());
    }

    private static void shifts(RebuiltTables tables, LedgerEntry entry) {
        if (entry.type().equals("shift.opened")) {
            JsonNode shift = Json.read(entry.payload());
            tables.statements().update("INSERT INTO shifts (id, register_id, opening_float, opened_at) VALUES (?, ?, ?, ?)",
                    shift.path("shiftId").asText(), shift.path("registerId").asText(), shift.path("openingFloat").asLong(),
                    entry.occurredAt().atOffset(ZoneOffset.UTC));
        }
    }
}
