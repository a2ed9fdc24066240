/**
 * {@code GET /observe/metrics}: the box's figures in Prometheus' text format (sales, ledger seq,
 * group-commit sizes and sync times, relay backlog and lag, print queues and failures, live-feed
 * clients, JVM memory), public like health. Reads the ledger, relay, printing and live rooms;
 * nothing below calls it.
 */
package backroom.edge.metrics;
