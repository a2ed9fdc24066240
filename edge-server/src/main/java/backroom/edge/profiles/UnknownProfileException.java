package backroom.edge.profiles;

/** A device profile that is not there, is of another kind, or says something the box cannot do. */
public final class UnknownProfileException extends IllegalArgumentException {

    UnknownProfileException(String message) {
        super(message);
    }
}
