package backroom.edge.relay;

import backroom.edge.access.DeviceRevoker;
import backroom.edge.ledger.LedgerWriter;
import backroom.relay.wire.BadMessageException;
import backroom.relay.wire.SecretSealing;
import backroom.relay.wire.StoreCommand;
import backroom.relay.wire.StoreCommands;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Does each of HQ's commands once: the command, its id in {@code relay_commands} and a
 * {@code command.done} entry go in one ledger write, so a command delivered again (every connect
 * brings the retained list back), or after a crash, finds itself done. What must follow the write
 * (the uplink rewinding, the keyring forgetting a device, the uplink signing with a new secret)
 * follows it, and is harmless to repeat. A new secret is kept in {@code relay_state}, never in
 * the entry, which goes to HQ like every other.
 */
final class RemoteCommands {

    private static final Logger LOG = Logger.getLogger(RemoteCommands.class.getName());

    private final Jdbi jdbi;
    private final LedgerWriter writer;
    private final DeviceRevoker revoker;
    private final UplinkControl link;

    RemoteCommands(Jdbi jdbi, LedgerWriter writer, DeviceRevoker revoker, UplinkControl link) {
        this.jdbi = jdbi;
        this.writer = writer;
        this.revoker = revoker;
        this.link = link;
    }

    void run(StoreCommands commands) {
        for (StoreCommand command : commands.commands()) {
            try {
                if (doOnce(command)) {
                    LOG.info("did HQ's command " + command.id() + " (" + command.type() + ")");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "HQ's command " + command.id() + " failed; it is tried again on the next connect", e);
            }
        }
    }

    /** Returns whether the command was done now (false: done before). */
    private boolean doOnce(StoreCommand command) {
        if (jdbi.withHandle(handle -> isDone(handle, command.id()))) {
            return false;
        }
        String newSecret = command.type().equals(StoreCommand.ROTATE_SECRET) ? openSealed(command) : null;
        Map<String, Object> entry = new LinkedHashMap<>();
        boolean done = writer.submit((handle, ledger) -> {
            if (isDone(handle, command.id())) {
                return false;
            }
            entry.put("id", command.id());
            entry.put("type", command.type());
            switch (command.type()) {
                case StoreCommand.RESEND -> {
                    handle.createUpdate("UPDATE relay_state SET acked_seq = LEAST(acked_seq, :before) WHERE id = 1")
                            .bind("before", command.fromSeq() - 1)
                            .execute();
                    entry.put("fromSeq", command.fromSeq());
                }
                case StoreCommand.REVOKE_DEVICE -> {
                    entry.put("deviceId", command.deviceId());
                    entry.put("revoked", revoker.revokeIn(handle, ledger, command.deviceId()));
                }
                case StoreCommand.ROTATE_SECRET -> handle.createUpdate("UPDATE relay_state SET store_secret = :secret WHERE id = 1")
                        .bind("secret", newSecret)
                        .execute();
                default -> throw new IllegalStateException("no such command type: " + command.type());
            }
            recordDone(handle, command.id(), command.type(), ledger.now());
            ledger.append("command.done", entry);
            return true;
        });
        if (done) {
            switch (command.type()) {
                case StoreCommand.RESEND -> link.resendFrom(command.fromSeq());
                case StoreCommand.REVOKE_DEVICE -> revoker.forget(command.deviceId());
                case StoreCommand.ROTATE_SECRET -> link.rotateSecret(newSecret);
                default -> { }
            }
        }
        return done;
    }

    /** The row of a {@code command.done} entry: the command's id and type, and when it was done. */
    static void recordDone(Handle handle, String commandId, String type, Instant at) {
        handle.createUpdate("INSERT INTO relay_commands (id, type, done_at) VALUES (:id, :type, :at)")
                .bind("id", commandId)
                .bind("type", type)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .execute();
    }

    private static boolean isDone(Handle handle, String commandId) {
        return handle.createQuery("SELECT COUNT(*) FROM relay_commands WHERE id = :id").bind("id", commandId).mapTo(Integer.class).one() > 0;
    }

    /** The new secret, sealed under the one the box holds; one sealed under another is refused (and tried on the next connect). */
    private String openSealed(StoreCommand command) {
        try {
            String secret = SecretSealing.open(command.sealedSecret(), link.secret());
            if (secret.length() < 16) {
                throw new IllegalArgumentException("HQ's new secret for this store is shorter than 16 characters");
            }
            return secret;
        } catch (BadMessageException e) {
            throw new IllegalArgumentException("rotate-secret " + command.id() + ": " + e.getMessage(), e);
        }
    }
}
