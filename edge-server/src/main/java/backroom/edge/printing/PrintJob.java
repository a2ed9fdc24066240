package backroom.edge.printing;

import java.time.Instant;

/** A print job's row (see {@code V014__print_jobs.sql}). */
record PrintJob(String id, String role, String device, PrintDocument document, String saleId, long ledgerSeq, String state,
                int attempts, boolean reprint, String lastError, Instant createdAt) {

    static final String QUEUED = "queued";

    PrintJob with(PrintDocument printed) {
        return new PrintJob(id, role, device, printed, saleId, ledgerSeq, state, attempts, reprint, lastError, createdAt);
    }
}
