/**
 * The {@code backroom} command line (picocli): run the box, verify a ledger offline, benchmark.
 * The {@code ./backroom} launcher script finds a JDK and calls into here.
 */
package backroom.edge.cli;
