package backroom.edge;

import backroom.edge.about.AboutService;
import backroom.edge.access.AccessGate;
import backroom.edge.access.AccessReplay;
import backroom.edge.access.ApiRoutes;
import backroom.edge.access.BoxKey;
import backroom.edge.access.DeviceRevoker;
import backroom.edge.access.DeviceService;
import backroom.edge.access.FirstStart;
import backroom.edge.access.Keyring;
import backroom.edge.access.Pairing;
import backroom.edge.access.PairingCodeSpool;
import backroom.edge.access.Permission;
import backroom.edge.access.RouteTable;
import backroom.edge.access.SecretTokens;
import backroom.edge.access.SessionService;
import backroom.edge.access.SignIns;
import backroom.edge.access.StaffService;
import backroom.edge.backup.Backups;
import backroom.edge.bumpbar.BumpBarWatch;
import backroom.edge.bumpbar.BumpBars;
import backroom.edge.catalog.CatalogReplay;
import backroom.edge.catalog.CatalogService;
import backroom.edge.catalog.CatalogStore;
import backroom.edge.catalog.CatalogWrites;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.catalog.DemoCatalog;
import backroom.edge.catalog.ProvisionedStore;
import backroom.edge.checks.CheckService;
import backroom.edge.giftcards.GiftCardService;
import backroom.edge.ingredients.IngredientAudit;
import backroom.edge.ingredients.IngredientReplay;
import backroom.edge.ingredients.IngredientService;
import backroom.edge.ingredients.RecipeService;
import backroom.edge.checks.TableOrders;
import backroom.edge.loyalty.CustomerService;
import backroom.edge.loyalty.LoyaltyAudit;
import backroom.edge.loyalty.LoyaltyReplay;
import backroom.edge.loyalty.LoyaltyService;
import backroom.edge.reports.ReportService;
import backroom.edge.checks.ChecksAudit;
import backroom.edge.checks.ChecksReplay;
import backroom.edge.drawer.DrawerAudit;
import backroom.edge.drawer.DrawerReplay;
import backroom.edge.drawer.DrawerService;
import backroom.edge.hardware.DeviceRole;
import backroom.edge.idempotency.IdempotencyKeys;
import backroom.edge.kitchen.KdsPage;
import backroom.edge.kitchen.KdsSettingsService;
import backroom.edge.kitchen.KitchenAudit;
import backroom.edge.kitchen.KitchenBumps;
import backroom.edge.kitchen.KitchenReplay;
import backroom.edge.kitchen.KitchenService;
import backroom.edge.kitchen.TableService;
import backroom.edge.ledger.LedgerCompaction;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.TableAudit;
import backroom.edge.ledger.TableReplay;
import backroom.edge.ledger.WholeLedgerAudit;
import backroom.edge.live.LiveUpdates;
import backroom.edge.metrics.BoxMetrics;
import backroom.edge.metrics.MetricsService;
import backroom.edge.pos.PosPage;
import backroom.edge.printing.DeviceStatusBoard;
import backroom.edge.printing.HardwareService;
import backroom.edge.printing.PoleDisplayService;
import backroom.edge.printing.PoleDisplays;
import backroom.edge.printing.PrintQueue;
import backroom.edge.printing.PrintWorkers;
import backroom.edge.relay.Relay;
import backroom.edge.relay.RelayReplay;
import backroom.edge.relay.RelayService;
import backroom.edge.sales.SalesAudit;
import backroom.edge.sales.SalesReplay;
import backroom.edge.sales.SalesService;
import backroom.edge.sales.TimeOrderedIds;
import backroom.edge.setup.SetupPage;
import backroom.edge.shifts.ShiftService;
import backroom.edge.shifts.ShiftsAudit;
import backroom.edge.shifts.ShiftsReplay;
import backroom.edge.selforder.OrderPage;
import backroom.edge.selforder.SelfOrderAudit;
import backroom.edge.selforder.SelfOrderReplay;
import backroom.edge.selforder.SelfOrderService;
import backroom.edge.stock.StockAudit;
import backroom.edge.stock.StockReplay;
import backroom.edge.storedvalue.StoredValueAudit;
import backroom.edge.storedvalue.StoredValueReplay;
import backroom.edge.stock.StockService;
import backroom.edge.web.ConnectionCap;
import backroom.edge.web.HalfSentRequests;
import backroom.edge.web.JsonBody;
import backroom.edge.web.ListenerWatch;
import backroom.edge.web.OpenFiles;
import backroom.edge.web.Problem;
import backroom.edge.web.ProblemResponses;
import backroom.edge.web.StalledRequests;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.websocket.WsConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The composition root: opens the ledger database, builds every capability with what it needs,
 * and serves them over HTTP. Reading this class tells the whole system.
 */
public final class Box implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Box.class.getName());

    /**
     * Helidon's own limit, far above {@link JsonBody#MAX_BYTES}: a body over that is refused by
     * JsonBody with a problem naming the field; Helidon's refusal would be a bare 413.
     */
    private static final long MAX_PAYLOAD = 64L * 1024 * 1024;
    /** The watch has logged it already; an in-process box (tests, benches) carries on. */
    private static final Runnable ONLY_LOG = () -> { };
    /** How often a printer that answers is asked its status between jobs. */
    private static final Duration STATUS_EVERY = Duration.ofSeconds(5);

    private final LedgerDatabase database;
    private final WholeLedgerAudit audit;
    private final LiveUpdates live;
    private final Listener listener;
    private final RouteTable routes;
    private final FirstStart firstStart;
    private final Relay relay;
    private final BumpBars bumpBars;
    private final PrintWorkers printWorkers;
    private final PoleDisplays poles;
    private final LedgerCompaction compaction;
    private Backups backups;

    private Box(LedgerDatabase database, WholeLedgerAudit audit, LiveUpdates live, Listener listener, RouteTable routes,
                FirstStart firstStart, Relay relay, BumpBars bumpBars, PrintWorkers printWorkers, PoleDisplays poles,
                LedgerCompaction compaction) {
        this.poles = poles;
        this.compaction = compaction;
        this.relay = relay;
        this.bumpBars = bumpBars;
        this.printWorkers = printWorkers;
        this.database = database;
        this.audit = audit;
        this.live = live;
        this.listener = listener;
        this.routes = routes;
        this.firstStart = firstStart;
    }

    public static Box start(BoxConfig config) {
        return start(config, ONLY_LOG);
    }

    /**
     * {@code whenDeaf} runs if the listener dies and nothing can connect any more ({@link ListenerWatch});
     * {@code backroom run} exits then, for its service manager to start it again.
     */
    public static Box start(BoxConfig config, Runnable whenDeaf) {
        Clock clock = Clock.systemUTC();
        return start(config, LedgerDatabase.open(config.dataDir(), clock, tableAudits()), new TimeOrderedIds(clock, new SecureRandom()),
                clock, whenDeaf);
    }

    /** Every capability's tables, held to the ledger's entries at start-up and by verify-ledger; fresh for each walk. */
    public static List<TableAudit> tableAudits() {
        return List.of(new SalesAudit(), new ShiftsAudit(), new StockAudit(), new DrawerAudit(), new KitchenAudit(), new ChecksAudit(),
                new StoredValueAudit(), new IngredientAudit(), new LoyaltyAudit(), new SelfOrderAudit());
    }

    /** Every capability's tables, written again from the ledger's entries when a box is rebuilt from HQ; fresh for each rebuild. */
    public static List<TableReplay> tableReplays() {
        // Each replay sees each entry in this order. The catalog's comes first: a catalog entry's stock_levels
        // rows (StockReplay) refer to the products it writes.
        return List.of(
                new CatalogReplay(),
                new AccessReplay(),
                new RelayReplay(),
                new ShiftsReplay(),
                new DrawerReplay(),
                new SalesReplay(),
                new StockReplay(),
                new StoredValueReplay(),
                new IngredientReplay(),
                new LoyaltyReplay(),
                new KitchenReplay(),
                new ChecksReplay(),
                new SelfOrderReplay());
    }

    /** Starts on an already opened database; tests pass one on a file system of their own, and their own clock. */
    public static Box start(BoxConfig config, LedgerDatabase database, Supplier<UUID> ids, Clock clock) {
        return start(config, database, ids, clock, ONLY_LOG);
    }

    private static Box start(BoxConfig config, LedgerDatabase database, Supplier<UUID> ids, Clock clock, Runnable whenDeaf) {
        LiveUpdates live = null;
        WholeLedgerAudit audit = null;
        Relay relay = null;
        BumpBars bumpBars = null;
        PrintWorkers printWorkers = null;
        PoleDisplays poles = null;
        try {
            List<DeviceRole> hardware = config.hardware().roles(config.dataDir());
            seedDemoStoreOnFirstStart(database);
            CurrentPriceList prices = new CurrentPriceList();
            config.store().ifPresent(store -> applyProvisionedStore(database, store, prices));
            Keyring keyring = database.jdbi().withHandle(handle -> Keyring.load(handle, clock));
            RouteTable routes = new RouteTable();
            AccessGate gate = new AccessGate(routes, keyring);
            KitchenBumps kitchenBumps = new KitchenBumps(database.writer());
            live = new LiveUpdates(gate, database, config.idleTimeout(), kitchenBumps::bump);
            database.writer().onCommitted(live);
            keyring.onRevocation(live::disconnect);
            BoxKey key = BoxKey.openOrMake(config.dataDir(), database.jdbi(), database.writer(), new SecureRandom());
            audit = WholeLedgerAudit.prepare(database.jdbi(), Box::tableAudits);
            LiveUpdates feed = live;
            relay = Relay.start(config.relay(), database, new DeviceRevoker(keyring), prices, clock,
                    status -> feed.notice("relay.status", status, Permission.READ_RELAY));
            DeviceStatusBoard devices = new DeviceStatusBoard(hardware, clock,
                    status -> feed.notice("device.status", status, Permission.READ_HARDWARE));
            Parts parts = new Parts(config, database, ids, clock, SecretTokens.strong(), key, keyring, routes, gate, live, audit, relay,
                    prices, new PrintQueue(hardware, ids), devices, poles = new PoleDisplays(hardware, devices),
                    new BoxMetrics(database, relay::status, devices, live::openSockets, clock));
            FirstStart firstStart = FirstStart.provisionIfNew(database.jdbi(), database.writer(), parts.tokens(), key, ids, clock,
                    config.bootstrapPin()).orElse(null);
            config.bumpBars().bindings().forEach(bar -> devices.addBumpBar(bar.station(), bar.profileId(), bar.address()));
            bumpBars = BumpBars.start(config.bumpBars(), kitchenBumps, new BumpBarWatch(devices::bumpBarReached, devices::bumpBarLost));
            printWorkers = PrintWorkers.start(hardware, database, devices, clock, ZoneId.systemDefault(), STATUS_EVERY,
                    config.hardware().gpio());
            Box box = new Box(database, audit, live, serve(parts, whenDeaf), routes, firstStart, relay, bumpBars, printWorkers, poles,
                    LedgerCompaction.whenQuiet(database.writer(), config.compactAfterQuiet()));
            box.backups = Backups.start(config.backups(), config.dataDir(), database.jdbi(), clock, ZoneId.systemDefault());
            audit.start();
            return box;
        } catch (RuntimeException e) {
            if (printWorkers != null) {
                printWorkers.close();
            }
            if (poles != null) {
                poles.close();
            }
            if (bumpBars != null) {
                bumpBars.close();
            }
            if (relay != null) {
                relay.close();
            }
            if (audit != null) {
                audit.close();
            }
            if (live != null) {
                live.close();
            }
            database.close();
            throw e;
        }
    }

    /** What the capabilities are built from. */
    private record Parts(BoxConfig config, LedgerDatabase database, Supplier<UUID> ids, Clock clock, SecretTokens tokens,
                         BoxKey key, Keyring keyring, RouteTable routes, AccessGate gate, LiveUpdates live, WholeLedgerAudit audit,
                         Relay relay, CurrentPriceList prices, PrintQueue printing, DeviceStatusBoard devices, PoleDisplays poles,
                         BoxMetrics metrics) {
    }

    /** What takes the box's connections. The watch stops first, so the port the box closes itself is not reported dead. */
    private record Listener(WebServer server, int connectionCap, StalledRequests stalledRequests, ListenerWatch watch) {
        void close() {
            watch.close();
            stalledRequests.close();
            server.stop();
        }
    }

    private static Listener serve(Parts parts, Runnable whenDeaf) {
        BoxConfig config = parts.config();
        int connectionCap = ConnectionCap.choose(config.maxConnections(), OpenFiles.ofThisProcess());
        StalledRequests stalledRequests = StalledRequests.start(config.idleTimeout(), config.idleCheckEvery());
        HalfSentRequests.keepOutOfHelidonsLog();
        WebServer server = WebServer.builder()
                .host(config.host())
                .port(config.httpPort())
                .maxTcpConnections(connectionCap)
                .idleConnectionTimeout(config.idleTimeout())
                .idleConnectionPeriod(config.idleCheckEvery())
                // Nagle's algorithm held each small live-feed frame sent right after another for the
                // screen's delayed ACK: a kitchen order reached 20 screens in 15 ms at the median, 50 ms
                // at p99, against under a millisecond for one sent alone (bench kds).
                .connectionOptions(options -> options.tcpNoDelay(true))
                // Listed, not discovered: a discovered HTTP/1 beside this one would be a second candidate, and
                // Helidon reads a connection's first bytes to choose between candidates before the idle timeout
                // can see it, so a connection that sends nothing would never be closed.
                .protocolsDiscoverServices(false)
                .addProtocol(Http1Config.builder().addReceiveListener(stalledRequests).addSendListener(stalledRequests).build())
                .addProtocol(WsConfig.create())
                .maxPayloadSize(MAX_PAYLOAD)
                .shutdownHook(false)
                .addFeature(ObserveFeature.just(BoxHealth.observer(parts.database().writer(), parts.clock(), parts.audit(),
                        parts.relay(), parts.devices())))
                .routing(routing -> routing(routing, parts))
                .addRouting(parts.live().wsRouting())
                .build()
                .start();
        return new Listener(server, connectionCap, stalledRequests, ListenerWatch.start(config.host(), server.port(), whenDeaf));
    }

    private static void routing(HttpRouting.Builder routing, Parts parts) {
        var writer = parts.database().writer();
        var jdbi = parts.database().jdbi();
        var ids = parts.ids();
        var keyring = parts.keyring();
        var prices = parts.prices();
        var keys = IdempotencyKeys.loadingOn(writer);
        var sales = new SalesService(jdbi, writer, prices, ids, keys, parts.printing(), parts.poles());
        var pairing = new Pairing(writer, keyring, parts.tokens(), parts.key(), new PairingCodeSpool(parts.config().dataDir()), ids,
                parts.clock());
        var hardware = new HardwareService(jdbi, writer, parts.printing(), parts.devices(), pairing);
        routing.addFilter(parts.gate());
        new ApiRoutes(routing, parts.routes(), AccessGate.API_PREFIX)
                .mount("/devices/hardware", hardware.statuses())
                .mount("/devices", new DeviceService(jdbi, writer, keyring, pairing))
                .mount("/hardware", hardware.tests())
                .mount("/sessions", new SessionService(new SignIns(jdbi, writer, keyring, parts.tokens(), parts.key(), ids, parts.clock())))
                .mount("/staff", new StaffService(jdbi, writer, keyring, parts.tokens(), parts.key(), ids))
                .mount("/catalog", new CatalogService(new CatalogStore(jdbi), writer, prices))
                .mount("/stock", new StockService(writer))
                .mount("/ingredients", new IngredientService(jdbi, writer, keys))
                .mount("/recipes", new RecipeService(jdbi, writer))
                .mount("/customers", new CustomerService(jdbi, writer, ids))
                .mount("/loyalty", new LoyaltyService(jdbi, writer))
                .mount("/shifts", new ShiftService(jdbi, writer, ids))
                .mount("/sales", sales)
                .mount("/checks", new CheckService(jdbi, writer, prices, ids, keys, sales.laterPayments(), parts.printing()))
                .mount("/gift-cards", new GiftCardService(jdbi, writer, ids, keys, sales.laterPayments()))
                .mount("/self-order", SelfOrderService.of(jdbi, writer, prices, new TableOrders(prices, sales.laterPayments(),
                        parts.printing()), parts.key(), parts.clock(), ids, keys))
                .mount("/reports", new ReportService(jdbi, parts.clock()))
                .mount("/orders", new KitchenService(jdbi, writer))
                .mount("/kds", new KdsSettingsService(jdbi))
                .mount("/tables", new TableService(jdbi))
                .mount("/drawer", new DrawerService(writer, ids, parts.printing()))
                .mount("/pole-display", new PoleDisplayService(parts.poles()))
                .mount("/relay", new RelayService(parts.relay()));
        new ApiRoutes(routing, parts.routes(), "")
                .mount(AccessGate.LIVE_PATH, parts.live())
                .mount("", new AboutService())
                .mount("", new KdsPage())
                .mount("", new PosPage())
                .mount("", new OrderPage())
                .mount("", new SetupPage());
        new MetricsService(parts.metrics()).register(routing);
        ProblemResponses.register(routing);
    }

    /**
     * The store's settings and taxes from the configuration file, in one ledger write, unless the
     * file said the same when they were last applied. Settings the catalog refuses stop the start,
     * each named as the file names it.
     */
    private static void applyProvisionedStore(LedgerDatabase database, ProvisionedStore store, CurrentPriceList prices) {
        try {
            if (database.writer().submit((handle, ledger) -> store.applyIfChanged(handle, ledger, prices))) {
                LOG.info("the store's settings and taxes from the configuration file were applied");
            }
        } catch (Problem refused) {
            throw new IllegalArgumentException("the configuration file's store settings are refused: " + refused.errors().stream()
                    .map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")), refused);
        }
    }

    private static void seedDemoStoreOnFirstStart(LedgerDatabase database) {
        if (!database.jdbi().withHandle(CatalogStore::isSeeded)) {
            database.writer().submit((handle, ledger) -> CatalogWrites.seed(handle, ledger, DemoCatalog.SETTINGS,
                    DemoCatalog.TAXES, DemoCatalog.CATEGORIES, DemoCatalog.PRODUCTS));
        }
    }

    public int port() {
        return listener.server().port();
    }

    public LedgerDatabase database() {
        return database;
    }

    /** The technician PIN and pairing code made on this start, if the box was never provisioned before. */
    public Optional<FirstStart> firstStart() {
        return Optional.ofNullable(firstStart);
    }

    /** How many connections the box takes at once; later ones wait until one closes. */
    public int connectionCap() {
        return listener.connectionCap();
    }

    /** How many screens and tablets follow the live feed now. */
    public int liveSockets() {
        return live.openSockets();
    }

    /** The live feed's hub: every screen and tablet following the ledger. */
    public LiveUpdates live() {
        return live;
    }

    /** How far the walk of the whole ledger after this start has got, and what it found. */
    public WholeLedgerAudit.Report startUpAudit() {
        return audit.report();
    }

    /** How far HQ holds this store's ledger. */
    public Relay relay() {
        return relay;
    }

    /** Every API route with the access it needs. */
    public RouteTable routes() {
        return routes;
    }

    /** Stops taking requests, lets the ledger writer finish its group, then closes the database. */
    @Override
    public void close() {
        backups.close();
        printWorkers.close();
        poles.close();
        bumpBars.close();
        relay.close();
        audit.close();
        live.close();
        listener.close();
        compaction.close();
        database.close();
    }
}
