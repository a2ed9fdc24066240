/**
 * The store-to-HQ wire format: topics, store names, signed batches and acks. Nothing here talks
 * to a network; both the box's uplink and HQ's sink build on these types.
 */
package backroom.relay.wire;
