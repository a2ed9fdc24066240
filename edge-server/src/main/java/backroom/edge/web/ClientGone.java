package backroom.edge.web;

import io.helidon.common.buffers.DataReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Whether a failure only means the client went away mid-request (it closed the connection before
 * its body arrived, or while the answer was written). Nothing is wrong with the box then, and
 * nobody is left to answer: such a failure is worth one quiet log line, never a stack trace.
 */
public final class ClientGone {

    private ClientGone() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataReader.InsufficientDataAvailableException
                    || cause instanceof UncheckedIOException && cause.getCause() instanceof IOException io && isBrokenLink(io)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBrokenLink(IOException io) {
        String message = String.valueOf(io.getMessage());
        return message.contains("Broken pipe") || message.contains("Connection reset") || message.contains("Socket closed");
    }
}
