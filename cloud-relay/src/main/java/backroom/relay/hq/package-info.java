/**
 * HQ's end of the relay: sinks that land every store's batches in one database through JDBC,
 * each (store, seq) once, chain-checked, with forks kept aside, and ack each store.
 */
package backroom.relay.hq;
