package backroom.edge.sales;

import backroom.edge.web.Problem;
import io.helidon.common.parameters.Parameters;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * One page of {@code GET /api/v1/sales?from&to&limit&cursor}, newest first. The cursor is opaque
 * to clients: it encodes the ledger seq of the last sale on the previous page.
 */
record SalesPage(List<SaleTables.SaleSummary> items, String nextCursor) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    static SalesPage read(Handle handle, Query query) {
        List<SaleTables.SaleSummary> items = SaleTables.list(handle, query.from(), query.to(), query.beforeSeq(), query.limit() + 1);
        if (items.size() <= query.limit()) {
            return new SalesPage(items, null);
        }
        List<SaleTables.SaleSummary> page = items.subList(0, query.limit());
        return new SalesPage(page, encode(page.getLast().ledgerSeq()));
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("seq:" + seq).getBytes(StandardCharsets.UTF_8));
    }

    record Query(Instant from, Instant to, long beforeSeq, int limit) {

        /** What the database's timestamps can hold; beyond it a time overflows on its way in. */
        private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
        private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

        static Query from(Parameters params) {
            Instant from = params.first("from").map(v -> instant("from", v)).orElse(Instant.EPOCH);
            Instant to = params.first("to").map(v -> instant("to", v)).orElse(LATEST);
            int limit = params.first("limit").map(Query::limit).orElse(DEFAULT_LIMIT);
            long before = params.first("cursor").map(Query::cursor).orElse(Long.MAX_VALUE);
            return new Query(from, to, before, limit);
        }

        private static Instant instant(String field, String value) {
            Instant instant;
            try {
                instant = Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw Problem.malformed(field, "must be an ISO-8601 UTC time such as 2026-11-23T00:00:00Z");
            }
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw Problem.malformed(field, "must be a time from " + EARLIEST + " to " + LATEST);
            }
            return instant;
        }

        private static int limit(String value) {
            try {
                int limit = Integer.parseInt(value);
                if (limit >= 1 && limit <= MAX_LIMIT) {
                    return limit;
                }
            } catch (NumberFormatException e) {
                // falls through to the refusal below
            }
            throw Problem.malformed("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }

        private static long cursor(String value) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
                if (decoded.startsWith("seq:")) {
                    return Long.parseLong(decoded.substring(4));
                }
            } catch (IllegalArgumentException e) {
                // falls through to the refusal below
            }
            throw Problem.malformed("cursor", "is not a cursor this box handed out");
        }
    }
}
