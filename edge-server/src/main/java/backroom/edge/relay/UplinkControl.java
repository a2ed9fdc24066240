package backroom.edge.relay;

import backroom.relay.uplink.Uplink;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What HQ's commands change in the running uplink, and the store's secret as the box holds it now.
 * Set before the uplink starts, so no command can arrive before it is there.
 */
final class UplinkControl {

    private final AtomicReference<Uplink> uplink = new AtomicReference<>();
    private volatile String secret;

    UplinkControl(String secret) {
        this.secret = secret;
    }

    void attach(Uplink started) {
        uplink.set(started);
    }

    String secret() {
        return secret;
    }

    void resendFrom(long seq) {
        uplink.get().resendFrom(seq);
    }

    /** Once the new secret is on disk: the uplink signs with it from now on. */
    void rotateSecret(String newSecret) {
        secret = newSecret;
        uplink.get().rotateSecret(newSecret);
    }
}
