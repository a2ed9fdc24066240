package backroom.relay.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * The newest commands HQ gave one store (at most {@value #KEPT}), on {@code .../cmd}, retained and
 * signed: a box that was offline reads them all when it connects, and does each one it has not
 * done yet. HQ adds a command by publishing the list again with it at the end.
 */
public record StoreCommands(List<StoreCommand> commands) {

    public static final int KEPT = 50;
    public static final StoreCommands NONE = new StoreCommands(List.of());

    public StoreCommands {
        commands = List.copyOf(commands == null ? List.of() : commands);
    }

    /** These commands and {@code added}, the oldest let go past {@value #KEPT}. */
    public StoreCommands with(StoreCommand added) {
        List<StoreCommand> all = new ArrayList<>(commands);
        all.add(added);
        return new StoreCommands(all.subList(Math.max(0, all.size() - KEPT), all.size()));
    }

    public byte[] encode(Signature signature) {
        return SignedJson.encode(this, signature);
    }

    public static StoreCommands decode(byte[] message, Signature signature) throws BadMessageException {
        return SignedJson.decode(message, signature, StoreCommands.class, "store commands");
    }
}
