package backroom.edge.hardware;

import java.io.IOException;
import java.util.OptionalInt;

/** An open line to one device: bytes out, and for a printer that answers, {@code DLE EOT n} status back. */
public interface DeviceLink extends AutoCloseable {

    /** Writes every byte or throws; a time-out closes the link. */
    void write(byte[] bytes) throws IOException;

    /**
     * Sends {@code DLE EOT n} and returns the printer's one-byte answer, having first dropped
     * anything unread (a late answer to an earlier question); empty when this link cannot read.
     */
    OptionalInt ask(int n) throws IOException;

    @Override
    void close();
}
