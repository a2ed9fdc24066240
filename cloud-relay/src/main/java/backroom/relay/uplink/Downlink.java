package backroom.relay.uplink;

import backroom.relay.wire.StoreCommands;
import backroom.relay.wire.StoreConfig;

/**
 * What HQ sends down to the box, already checked against the store's secret. Called on the MQTT
 * client's thread, which also carries HQ's acks: an implementation only queues the message.
 * Both topics are retained, so each message comes again on every connect.
 */
public interface Downlink {

    Downlink NONE = new Downlink() {
        @Override
        public void config(StoreConfig config) {
        }

        @Override
        public void commands(StoreCommands commands) {
        }
    };

    void config(StoreConfig config);

    void commands(StoreCommands commands);
}
