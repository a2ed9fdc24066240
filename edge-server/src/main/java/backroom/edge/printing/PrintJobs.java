package backroom.edge.printing;

import backroom.edge.ledger.WriterStatements;
import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The {@code print_jobs} table: every statement that reads or moves a job. Moves run on the ledger writer. */
final class PrintJobs {

    private PrintJobs() {
    }

    static void insert(WriterStatements statements, PrintJob job) {
        statements.update("""
                        INSERT INTO print_jobs (id, role, device, kind, sale_id, ledger_seq, state, attempts, reprint, created_at, next_try_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, FALSE, ?, ?)""",
                job.id(), job.role(), job.device(), job.document().kind(), job.saleId(), job.ledgerSeq(), utc(job.createdAt()),
                utc(job.createdAt()));
        statements.update("INSERT INTO print_documents (job_id, document) VALUES (?, ?)", job.id(), Json.write(job.document()));
    }

    /**
     * The jobs {@code device} should send now, in the order they were asked for: queued ones whose
     * retry time has come. Ordered by the index's own columns, so H2 reads just those rows; ordered
     * by position alone, it read and sorted every queued job (thousands, behind a busy printer).
     * Their documents are read by id in a second query.
     */
    static List<PrintJob> due(Jdbi jdbi, String device, Instant now, int limit) {
        return jdbi.withHandle(handle -> {
            List<PrintJob> jobs = handle.createQuery("""
                            SELECT * FROM print_jobs WHERE device = :device AND state = 'queued' AND next_try_at <= :now
                            ORDER BY device, state, position LIMIT :limit""")
                    .bind("device", device).bind("now", utc(now)).bind("limit", limit).map((rs, ctx) -> job(rs)).list();
            if (jobs.isEmpty()) {
                return jobs;
            }
            Map<String, PrintDocument> documents = new HashMap<>();
            handle.createQuery("SELECT job_id, document FROM print_documents WHERE job_id IN (<ids>)")
                    .bindList("ids", jobs.stream().map(PrintJob::id).toList())
                    .map((rs, ctx) -> Map.entry(rs.getString(1), document(rs.getString(1), rs.getString(2))))
                    .forEach(document -> documents.put(document.getKey(), document.getValue()));
            return jobs.stream().map(job -> job.with(documents.get(job.id()))).toList();
        });
    }

    /** The receipt first printed for a sale: what a reprint prints again. */
    static Optional<PrintDocument> firstReceiptOf(Handle handle, String saleId) {
        return handle.createQuery("SELECT id FROM print_jobs WHERE sale_id = :sale AND kind = 'receipt' ORDER BY position LIMIT 1")
                .bind("sale", saleId).mapTo(String.class).findOne()
                .map(id -> handle.createQuery("SELECT document FROM print_documents WHERE job_id = :id").bind("id", id)
                        .map((rs, ctx) -> document(id, rs.getString(1))).one());
    }

    /**
     * Recorded durably before any byte goes out, so a crash mid-send is known at the next start.
     * On the writer's prepared statements, one per job: an {@code IN} list was a new statement to
     * parse for every size of batch, on the writer's thread.
     */
    static void markSending(WriterStatements statements, List<String> ids) {
        statements.batch("UPDATE print_jobs SET state = 'sending' WHERE id = ? AND state = 'queued'",
                ids.stream().map(id -> new Object[] {id}).toList());
    }

    /** The documents of printed jobs that keep less than they printed ({@link PrintDocument#keptOncePrinted}). */
    static void keepOncePrinted(WriterStatements statements, List<PrintJob> printed) {
        statements.batch("UPDATE print_documents SET document = ? WHERE job_id = ?", printed.stream()
                .map(job -> new Object[] {Json.write(job.document().keptOncePrinted()), job.id()}).toList());
    }

    static void markDone(WriterStatements statements, List<String> ids, Instant at) {
        OffsetDateTime doneAt = utc(at);
        statements.batch("UPDATE print_jobs SET state = 'done', done_at = ?, last_error = NULL WHERE id = ?",
                ids.stream().map(id -> new Object[] {doneAt, id}).toList());
    }

    /** Back in the queue for {@code device} (the same printer, or the backup), under the same id. */
    static void retry(Handle handle, String id, String device, boolean reprint, String error, Instant nextTry, int attempts) {
        handle.createUpdate("""
                        UPDATE print_jobs SET state = 'queued', device = :device, reprint = reprint OR :reprint, last_error = :error,
                               next_try_at = :next, attempts = :attempts
                        WHERE id = :id""")
                .bind("id", id).bind("device", device).bind("reprint", reprint).bind("error", clip(error)).bind("next", utc(nextTry))
                .bind("attempts", attempts).execute();
    }

    static void drop(Handle handle, String id, String why, Instant at) {
        handle.createUpdate("UPDATE print_jobs SET state = 'dropped', last_error = :why, done_at = :at WHERE id = :id")
                .bind("id", id).bind("why", clip(why)).bind("at", utc(at)).execute();
    }

    /**
     * After a crash: a job that was being sent may have printed in part or in whole, so it goes
     * out once more headed REPRINT; a drawer kick is dropped instead, for a drawer that springs
     * open minutes later is worse than one that did not.
     */
    static int recover(Handle handle, Instant at) {
        int dropped = handle.createUpdate("""
                        UPDATE print_jobs SET state = 'dropped', done_at = :at,
                               last_error = 'was being sent when the box stopped; a drawer is not kicked late'
                        WHERE state = 'sending' AND kind = 'drawer'""")
                .bind("at", utc(at)).execute();
        return dropped + handle.createUpdate("UPDATE print_jobs SET state = 'queued', reprint = TRUE WHERE state = 'sending'").execute();
    }

    /** Jobs not yet done or dropped, by the device that will send them. */
    static Map<String, Long> waitingByDevice(Jdbi jdbi) {
        Map<String, Long> waiting = new LinkedHashMap<>();
        jdbi.useHandle(handle -> handle.createQuery(
                        "SELECT device, COUNT(*) AS n FROM print_jobs WHERE state IN ('queued', 'sending') GROUP BY device")
                .map((rs, ctx) -> Map.entry(rs.getString("device"), rs.getLong("n")))
                .forEach(entry -> waiting.put(entry.getKey(), entry.getValue())));
        return waiting;
    }

    /** A job's row, its document still to be read. */
    private static PrintJob job(ResultSet rs) throws SQLException {
        return new PrintJob(rs.getString("id"), rs.getString("role"), rs.getString("device"), null, rs.getString("sale_id"),
                rs.getLong("ledger_seq"), rs.getString("state"), rs.getInt("attempts"), rs.getBoolean("reprint"), rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static PrintDocument document(String jobId, String json) {
        try {
            return Json.MAPPER.readValue(json, PrintDocument.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("print job " + jobId + " holds a document that cannot be read", e);
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
