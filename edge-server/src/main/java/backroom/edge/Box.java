package backroom.edge;

import backroom.edge.access.AccessGate;
import backroom.edge.access.ApiRoutes;
import backroom.edge.access.Caller;
import backroom.edge.access.Credentials;
import backroom.edge.access.DeviceKind;
import backroom.edge.access.Role;
import backroom.edge.access.RouteTable;
import backroom.edge.catalog.CatalogService;
import backroom.edge.catalog.CatalogStore;
import backroom.edge.catalog.CatalogWrites;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.catalog.DemoCatalog;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.sales.SalesService;
import backroom.edge.sales.TimeOrderedIds;
import backroom.edge.shifts.ShiftService;
import backroom.edge.stock.StockService;
import backroom.edge.web.JsonBody;
import backroom.edge.web.ProblemResponses;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The composition root: opens the ledger database, builds every capability with what it needs,
 * and serves them over HTTP. Reading this class tells the whole system.
 */
public final class Box implements AutoCloseable {

    /**
     * Helidon's own limit, far above {@link JsonBody#MAX_BYTES}: a body over that is refused by
     * JsonBody with a problem naming the field; Helidon's refusal would be a bare 413.
     */
    private static final long MAX_PAYLOAD = 64L * 1024 * 1024;

    private final LedgerDatabase database;
    private final WebServer server;

    private Box(LedgerDatabase database, WebServer server) {
        this.database = database;
        this.server = server;
    }

    public static Box start(BoxConfig config) {
        Clock clock = Clock.systemUTC();
        return start(config, LedgerDatabase.open(config.dataDir(), clock), new TimeOrderedIds(clock, new SecureRandom()));
    }

    /** Starts on an already opened database; tests pass one on a file system of their own. */
    public static Box start(BoxConfig config, LedgerDatabase database, Supplier<UUID> ids) {
        try {
            seedDemoStoreOnFirstStart(database);
            return new Box(database, serve(config, database, ids));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static WebServer serve(BoxConfig config, LedgerDatabase database, Supplier<UUID> ids) {
        return WebServer.builder()
                .host(config.host())
                .port(config.httpPort())
                .maxPayloadSize(MAX_PAYLOAD)
                .shutdownHook(false)
                .addFeature(ObserveFeature.just(health(database)))
                .routing(routing -> routing(routing, database, ids))
                .build()
                .start();
    }

    static void routing(HttpRouting.Builder routing, LedgerDatabase database, Supplier<UUID> ids) {
        var writer = database.writer();
        var jdbi = database.jdbi();
        var prices = new CurrentPriceList();
        var routes = new RouteTable();
        routing.addFilter(new AccessGate(routes, OPEN_DOOR));
        new ApiRoutes(routing, routes, AccessGate.API_PREFIX)
                .mount("/catalog", new CatalogService(new CatalogStore(jdbi), writer, prices))
                .mount("/stock", new StockService(writer))
                .mount("/shifts", new ShiftService(jdbi, writer, ids))
                .mount("/sales", new SalesService(jdbi, writer, prices, ids));
        ProblemResponses.register(routing);
    }

    // TEMPORARY until device and staff sign-in land (issue 3): any bearer token is a technician.
    private static final Credentials OPEN_DOOR = token -> Optional.of(new Caller(
            new Caller.PairedDevice("open-door", "Any device", DeviceKind.TERMINAL),
            new Caller.SignedInStaff("open-door", "open-door", "Anyone", Role.TECHNICIAN)));

    private static HealthObserver health(LedgerDatabase database) {
        return HealthObserver.builder()
                .details(true)
                .addCheck(() -> HealthCheckResponse.builder()
                        .status(database.writer().isWritable())
                        .detail("headSeq", database.writer().head().seq())
                        .build(), HealthCheckType.READINESS, "ledger")
                .build();
    }

    private static void seedDemoStoreOnFirstStart(LedgerDatabase database) {
        if (!database.jdbi().withHandle(CatalogStore::isSeeded)) {
            database.writer().submit((handle, ledger) -> CatalogWrites.seed(handle, ledger, DemoCatalog.SETTINGS,
                    DemoCatalog.TAXES, DemoCatalog.CATEGORIES, DemoCatalog.PRODUCTS));
        }
    }

    public int port() {
        return server.port();
    }

    public LedgerDatabase database() {
        return database;
    }

    /** Stops taking requests, lets the ledger writer finish its group, then closes the database. */
    @Override
    public void close() {
        server.stop();
        database.close();
    }
}
