package backroom.edge.access;

import java.time.Instant;

/** A pairing code as the box keeps it: the hash of its digits, and what the device it pairs will be. */
public record PairingCode(String codeHash, String name, DeviceKind kind, Instant madeAt, Instant expiresAt) {
}
