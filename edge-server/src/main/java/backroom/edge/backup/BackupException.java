package backroom.edge.backup;

/** A backup could not be made, or a restore was refused; the message says why and what to do. */
public class BackupException extends RuntimeException {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
