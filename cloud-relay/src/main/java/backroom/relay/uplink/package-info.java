/**
 * The box's end of the relay: sends the ledger to HQ in signed batches and moves its acked point
 * only on HQ's ack. The box supplies its ledger ({@link backroom.relay.uplink.Outbox}) and a
 * durable place for the acked point ({@link backroom.relay.uplink.UplinkProgress}).
 */
package backroom.relay.uplink;
