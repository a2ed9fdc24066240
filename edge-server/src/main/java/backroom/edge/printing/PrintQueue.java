package backroom.edge.printing;

import backroom.edge.access.Actor;
import backroom.edge.access.Pairing;
import backroom.edge.hardware.Connection;
import backroom.edge.hardware.DeviceRole;
import backroom.edge.ledger.LedgerAppender;
import backroom.edge.web.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * Asks for prints inside a write on the ledger writer: each job is a row of that write, so it
 * exists exactly when the sale (or open, or request) that asked for it does. A register prints to
 * {@code receipt.REGISTER} if the store has one, else to {@code receipt} (and so for drawers); a
 * station to {@code kitchen.STATION}, else to {@code kitchen}; with no such role nothing is queued.
 */
public final class PrintQueue {

    private final Map<String, DeviceRole> roles = new LinkedHashMap<>();
    private final Supplier<UUID> ids;

    public PrintQueue(List<DeviceRole> roles, Supplier<UUID> ids) {
        roles.forEach(role -> this.roles.put(role.name(), role));
        this.ids = ids;
    }

    /**
     * Queues a sale's receipt on its register's printer, and for {@code kickDrawer} its drawer's kick.
     * The receipt is built only if a printer will take it: a box without one does no work per sale.
     */
    public void receipt(LedgerAppender ledger, long seq, String saleId, String registerId, String receiptNumber,
                        Supplier<Receipt> receipt, boolean kickDrawer) {
        printerFor("receipt", registerId).ifPresent(printer -> queue(ledger, printer.name(), printer.name(), receipt.get(), saleId, seq));
        if (kickDrawer) {
            kickDrawer(ledger, seq, registerId, "cash sale " + receiptNumber, saleId);
        }
    }

    /** Queues a station's ticket on its kitchen printer. */
    public void kitchen(LedgerAppender ledger, long seq, KitchenSlip slip) {
        printerFor("kitchen", slip.station()).ifPresent(printer -> queue(ledger, printer.name(), printer.name(), slip, null, seq));
    }

    /** Queues a kick of the register's drawer: sent through its printer, or pulsed on its relay. */
    public void kickDrawer(LedgerAppender ledger, long seq, String registerId, String why, String saleId) {
        role("drawer", registerId).filter(role -> role.kind() == DeviceRole.Kind.DRAWER)
                .ifPresent(drawer -> queue(ledger, drawer.name(), deviceOf(drawer), new DrawerKick(registerId, why), saleId, seq));
    }

    /**
     * Prints the sale's receipt again, headed COPY, on request; logged as {@code receipt.reprinted}.
     * 409 when no receipt was ever printed for it (the store had no receipt printer then).
     */
    public String reprint(Handle handle, LedgerAppender ledger, String saleId, String registerId, Actor by) {
        Receipt receipt = PrintJobs.firstReceiptOf(handle, saleId).map(Receipt.class::cast)
                .orElseThrow(() -> Problem.conflict("saleId", "sale " + saleId + " has no receipt to print again: none was printed for it"));
        DeviceRole printer = printerFor("receipt", registerId)
                .orElseThrow(() -> Problem.conflict("saleId", "the store has no receipt printer for register " + registerId));
        Map<String, Object> entry = new LinkedHashMap<>();
        String jobId = ids.get().toString();
        entry.put("saleId", saleId);
        entry.put("receiptNumber", receipt.receiptNumber());
        entry.put("jobId", jobId);
        entry.put("role", printer.name());
        entry.put("by", by);
        queue(ledger, jobId, printer.name(), printer.name(), receipt.asCopy(), saleId, ledger.append("receipt.reprinted", entry));
        return jobId;
    }

    /** A technician's test of a role: a test page on a printer, a kick of a drawer; logged as {@code hardware.tested}. */
    public String test(LedgerAppender ledger, String roleName, Actor by) {
        DeviceRole role = roles.get(roleName);
        if (role == null || role.kind() == DeviceRole.Kind.POLE_DISPLAY) {
            throw Problem.notFound("printer or drawer role " + roleName);
        }
        String jobId = ids.get().toString();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("role", roleName);
        entry.put("jobId", jobId);
        entry.put("by", by);
        long seq = ledger.append("hardware.tested", entry);
        String who = by.staffName() == null ? by.deviceName() : by.staffName();
        PrintDocument document = role.kind() == DeviceRole.Kind.DRAWER ? new DrawerKick(null, "test by " + who)
                : new TestPage(roleName, role.profileId(), ConnectionText.of(role.connection()), who, ledger.now());
        queue(ledger, jobId, roleName, deviceOf(role), document, null, seq);
        return jobId;
    }

    /**
     * A pairing code printed on printer {@code roleName}, in the write that records the code;
     * logged as {@code pairing.code_printed} (the code itself is never in an entry).
     */
    public String pairingSlip(LedgerAppender ledger, String roleName, Pairing.MadeCode made, Actor by) {
        DeviceRole role = roles.get(roleName);
        if (role == null || role.kind() != DeviceRole.Kind.PRINTER) {
            throw Problem.notFound("printer role " + roleName);
        }
        String jobId = ids.get().toString();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("role", roleName);
        entry.put("jobId", jobId);
        entry.put("deviceName", made.name());
        entry.put("deviceKind", made.kind().wireName());
        entry.put("by", by);
        long seq = ledger.append("pairing.code_printed", entry);
        String who = by.staffName() == null ? by.deviceName() : by.staffName();
        queue(ledger, jobId, roleName, roleName, new PairingSlip(made.code(), made.name(), made.kind().wireName(), made.expiresAt(), who),
                null, seq);
        return jobId;
    }

    private void queue(LedgerAppender ledger, String role, String device, PrintDocument document, String saleId, long seq) {
        queue(ledger, ids.get().toString(), role, device, document, saleId, seq);
    }

    private static void queue(LedgerAppender ledger, String jobId, String role, String device, PrintDocument document, String saleId,
                              long seq) {
        PrintJobs.insert(ledger.statements(), new PrintJob(jobId, role, device, document, saleId, seq, PrintJob.QUEUED, 0, false, null,
                ledger.now()));
    }

    /** The role whose worker sends a role's jobs: a drawer's printer, else the role itself. */
    private static String deviceOf(DeviceRole role) {
        return role.connection() instanceof Connection.ViaPrinter(String printer) ? printer : role.name();
    }

    private Optional<DeviceRole> printerFor(String base, String qualifier) {
        return role(base, qualifier).filter(role -> role.kind() == DeviceRole.Kind.PRINTER);
    }

    private Optional<DeviceRole> role(String base, String qualifier) {
        return Optional.ofNullable(qualifier == null ? null : roles.get(base + "." + qualifier)).or(() -> Optional.ofNullable(roles.get(base)));
    }
}
