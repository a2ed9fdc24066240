package backroom.edge.access;

import backroom.edge.ledger.LedgerAppender;
import org.jdbi.v3.core.Handle;

/**
 * Revokes a device for a capability other than the devices API (HQ's {@code revoke-device}
 * command): in the caller's ledger write, then, once that write is on disk, in the keyring.
 */
public final class DeviceRevoker {

    private final Keyring keyring;

    public DeviceRevoker(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * Revokes {@code deviceId} and ends its sessions in the caller's write ({@code device.revoked},
     * {@code by} null: no one at the box did it). Returns false, writing nothing, for a device
     * that is unknown or revoked already.
     */
    public boolean revokeIn(Handle handle, LedgerAppender ledger, String deviceId) {
        boolean live = Devices.find(handle, deviceId).filter(device -> device.revokedAt() == null).isPresent();
        if (live) {
            Devices.revoke(handle, ledger, deviceId, null);
        }
        return live;
    }

    /** After the write that revoked {@code deviceId} committed: its token and sessions stop working at once. */
    public void forget(String deviceId) {
        keyring.deviceRevoked(deviceId);
    }
}
