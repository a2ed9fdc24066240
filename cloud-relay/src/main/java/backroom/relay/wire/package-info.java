/**
 * The store-to-HQ wire format. Nothing here talks to a network; both the edge uplink and the HQ
 * sink build on these types.
 */
package backroom.relay.wire;
