package backroom.edge.relay;

import backroom.edge.access.DeviceRevoker;
import backroom.edge.ledger.LedgerWriter;
import backroom.relay.wire.StoreCommand;
import backroom.relay.wire.StoreCommands;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Does each of HQ's commands once: the command, its id in {@code relay_commands} and a
 * {@code command.done} entry go in one ledger write, so a command delivered again (every connect
 * brings the retained list back), or after a crash, finds itself done. What must follow the write
 * (the uplink rewinding, the keyring forgetting a device) follows it, and is harmless to repeat.
 */
final class RemoteCommands {

    private static final Logger LOG = Logger.getLogger(RemoteCommands.class.getName());

    private final LedgerWriter writer;
    private final DeviceRevoker revoker;
    private final LongConsumer resendFrom;

    RemoteCommands(LedgerWriter writer, DeviceRevoker revoker, LongConsumer resendFrom) {
        this.writer = writer;
        this.revoker = revoker;
        this.resendFrom = resendFrom;
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
        Map<String, Object> entry = new LinkedHashMap<>();
        boolean done = writer.submit((handle, ledger) -> {
            boolean doneBefore = handle.createQuery("SELECT COUNT(*) FROM relay_commands WHERE id = :id").bind("id", command.id())
                    .mapTo(Integer.class).one() > 0;
            if (doneBefore) {
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
                default -> throw new IllegalStateException("no such command type: " + command.type());
            }
            handle.createUpdate("INSERT INTO relay_commands (id, type, done_at) VALUES (:id, :type, :at)")
                    .bind("id", command.id())
                    .bind("type", command.type())
                    .bind("at", ledger.now().atOffset(ZoneOffset.UTC))
                    .execute();
            ledger.append("command.done", entry);
            return true;
        });
        if (done) {
            switch (command.type()) {
                case StoreCommand.RESEND -> resendFrom.accept(command.fromSeq());
                case StoreCommand.REVOKE_DEVICE -> revoker.forget(command.deviceId());
                default -> { }
            }
        }
        return done;
    }
}
