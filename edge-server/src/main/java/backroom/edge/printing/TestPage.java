package backroom.edge.printing;

import java.time.Instant;

/** A technician's test of a printer: its role, model and connection, the code page's characters, a cut. */
public record TestPage(String role, String profileId, String connection, String requestedBy, Instant requestedAt) implements PrintDocument {
}
