package backroom.edge.relay;

import backroom.edge.ledger.LedgerAudit;
import backroom.edge.ledger.LedgerEntry;
import backroom.edge.ledger.RebuiltTables;
import backroom.edge.ledger.TableReplay;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The relay's tables written again from the ledger, so that what HQ keeps retained for the store,
 * and sends again on every connect, is not applied or done a second time by the rebuilt box:
 * <ul>
 *   <li>{@code config.applied}: {@code relay_config}, the version applied and when (the entry's
 *       time), by the same method as live. The catalog rows of that write are in the
 *       {@code catalog.imported} entry before it, which the catalog's replay writes.</li>
 *   <li>{@code command.done}: a {@code relay_commands} row, the command's id, type and when. A
 *       revoke-device's revocation is its {@code device.revoked} entry, the access replay's.</li>
 *   <li>{@code relay_state}, once every entry is in: HQ acked up to the last of them (it holds every
 *       entry the rebuild was made from), and the relay is not halted (the rebuilt ledger is HQ's
 *       own copy, so it cannot have forked from it).</li>
 * </ul>
 * {@code relay_state.store_secret} stays null. A rotate-secret command keeps its new secret there
 * and never in an entry, which goes to HQ like every other, so the rebuilt box signs with the
 * secret its configuration file gives ({@code store.secret}, {@code BACKROOM_STORE_SECRET}). After
 * a rotation that is the old secret: HQ's sinks still take it while its stores file keeps it as
 * the previous one, but HQ signs its config and commands with the new one, which the box then
 * refuses, and once HQ drops the old secret it refuses the box's batches too. Doing the rotation
 * again would not help, as the box cannot check the command that brings it; so the technician who
 * rebuilds a box whose secret was rotated puts HQ's current secret in its configuration file
 * ({@code backroom provision --store-secret}), which is also the only secret HQ hands the ledger
 * back to.
 */
public final class RelayReplay implements TableReplay {

    private long head;

    @Override
    public void replay(RebuiltTables tables, LedgerEntry entry) {
        head = entry.seq();
        switch (entry.type()) {
            case "config.applied" -> RemoteConfig.recordApplied(tables.handle(), LedgerAudit.payload(entry).path("version").asLong(),
                    entry.occurredAt());
            case "command.done" -> {
                JsonNode done = LedgerAudit.payload(entry);
                RemoteCommands.recordDone(tables.handle(), done.path("id").asText(), done.path("type").asText(), entry.occurredAt());
            }
            default -> { }
        }
    }

    @Override
    public void finish(RebuiltTables tables) {
        tables.handle().createUpdate("UPDATE relay_state SET acked_seq = :head WHERE id = 1")
                .bind("head", head)
                .execute();
    }
}
