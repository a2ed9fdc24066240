/**
 * The box's side of the cloud relay: the ledger as the uplink's outbox, the acked point in
 * {@code relay_state}, the settings from the environment, and {@code GET /api/v1/relay}.
 * The uplink itself lives in the {@code cloud-relay} module.
 */
package backroom.edge.relay;
