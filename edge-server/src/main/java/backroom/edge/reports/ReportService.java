package backroom.edge.reports;

import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Permission;
import backroom.edge.web.Json;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /api/v1/reports/sales}: a period's sales by day, hour of day, product, category,
 * payment method or staff member, with the period before it beside, as JSON or CSV; and
 * {@code GET /api/v1/reports/kitchen}: each station's time to ready. The ledger is
 * added up to its head first, so the report holds every sale, void and refund already answered.
 */
public final class ReportService implements ApiRoutes.Resource {

    private final Jdbi jdbi;
    private final Clock clock;
    private final ReportProjection projection;

    public ReportService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.projection = new ReportProjection(jdbi);
    }

    @Override
    public void routes(ApiRoutes routes) {
        routes.get("/sales", Permission.READ_REPORTS, this::sales)
                .get("/kitchen", Permission.READ_REPORTS, this::kitchen);
    }

    private void sales(ServerRequest req, ServerResponse res) {
        ReportQuery query = ReportQuery.from(req.query(), clock.instant());
        projection.catchUp();
        SalesReport report = jdbi.withHandle(handle -> new SalesReport(query.by(), query.zone().getId(),
                ReportRows.labels(handle, Bucket.STORE).get(ReportProjection.CURRENCY), SalesReports.period(handle, query),
                SalesReports.period(handle, query.previous())));
        if (query.csv()) {
            res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8");
            res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"sales-" + query.by() + "-" + query.from() + "-"
                    + query.to() + ".csv\"");
            res.send(ReportCsv.of(report));
        } else {
            Json.ok(res, report);
        }
    }

    /** {@code GET /api/v1/reports/kitchen?from&to&tz}: each station's time to ready, beside the period before. */
    private void kitchen(ServerRequest req, ServerResponse res) {
        ReportQuery query = ReportQuery.period(req.query(), clock.instant());
        projection.catchUp();
        Json.ok(res, jdbi.withHandle(handle -> new KitchenSpeed(query.zone().getId(), KitchenSpeed.of(handle, query),
                KitchenSpeed.of(handle, query.previous()))));
    }
}
