package backroom.edge.printing;

import backroom.edge.hardware.Connection;
import backroom.edge.hardware.DeviceLink;
import backroom.edge.hardware.DeviceLinks;
import backroom.edge.hardware.DeviceRole;
import backroom.edge.hardware.PrinterStatus;
import backroom.edge.ledger.LedgerWriter;
import backroom.edge.profiles.DrawerProfile;
import backroom.edge.profiles.PrinterProfile;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Sends one printer's jobs. Before a byte goes out they are marked {@code sending}, durably; once
 * the printer has taken them (and, where it can, answered its status again) they are marked
 * {@code done}. A failure puts them back under the same ids, to be tried again after a back-off
 * (0.5 s doubling to 30 s), or on the role's backup printer after
 * {@value #ATTEMPTS_BEFORE_BACKUP} failures, or at once when the printer reports paper out. A job
 * some of whose bytes had gone out is headed REPRINT the next time.
 */
final class PrinterWorker extends JobWorker {

    static final int ATTEMPTS_BEFORE_BACKUP = 3;
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final PrinterProfile profile;
    private final Map<String, DrawerProfile> drawers;
    private final ZoneId zone;
    private final Duration statusEvery;
    private Instant lastAsked = Instant.MIN;

    PrinterWorker(DeviceRole role, Map<String, DrawerProfile> drawers, Jdbi jdbi, LedgerWriter writer, DeviceStatusBoard board,
                  Clock clock, ZoneId zone, Duration statusEvery) {
        super(role, jdbi, writer, board, clock);
        this.profile = PrinterProfile.load(role.profileId());
        this.drawers = drawers;
        this.zone = zone;
        this.statusEvery = statusEvery;
        start();
    }

    @Override
    void send(List<PrintJob> due) {
        List<PrintJob> jobs = due;
        int started = 0;
        try (DeviceLink link = DeviceLinks.open(role.connection(), profile.serial())) {
            PrinterStatus status = status(link);
            // A drawer opens without paper: a kick needs the printer online, a page needs it ready.
            List<PrintJob> sendable = jobs.stream()
                    .filter(job -> status.ready() || job.document() instanceof DrawerKick && status.online()).toList();
            if (sendable.size() < jobs.size()) {
                failAll(jobs.stream().filter(job -> !sendable.contains(job)).toList(), 0, DeviceStatusBoard.problem(status), status.paperOut());
            }
            if (sendable.isEmpty()) {
                return;
            }
            jobs = sendable;
            List<String> ids = jobs.stream().map(PrintJob::id).toList();
            markSending(ids);
            for (PrintJob job : jobs) {
                byte[] bytes = Pages.render(job, profile, drawers.get(job.role()), zone);
                started++;
                link.write(bytes);
            }
            status(link);
            markDone(jobs);
        } catch (IOException e) {
            board.failed(role, e.getMessage());
            failAll(jobs, started, e.getMessage(), false);
        }
    }

    /** Puts {@code jobs} back; the first {@code started} had bytes go out, so they come back headed REPRINT. */
    private void failAll(List<PrintJob> jobs, int started, String error, boolean paperOut) {
        Instant now = clock.instant();
        write(handle -> {
            for (int i = 0; i < jobs.size(); i++) {
                PrintJob job = jobs.get(i);
                int attempts = job.attempts() + 1;
                boolean moves = role.backup() != null && !(job.document() instanceof DrawerKick)
                        && (paperOut || attempts >= ATTEMPTS_BEFORE_BACKUP);
                PrintJobs.retry(handle, job.id(), moves ? role.backup() : role.name(), i < started, role.name() + ": " + error,
                        moves ? now : now.plus(backoff(attempts)), moves ? 0 : attempts);
            }
        });
    }

    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
        return wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
    }

    private PrinterStatus status(DeviceLink link) throws IOException {
        PrinterStatus status = profile.statusReadBack() ? PrinterStatus.read(link) : PrinterStatus.ASSUMED_READY;
        lastAsked = clock.instant();
        board.answered(role, status);
        return status;
    }

    /**
     * Between jobs a printer that answers is asked how it is, so a screen shows paper out before the
     * next sale; only over serial and TCP, the links that can answer.
     */
    @Override
    void idle() {
        boolean answers = role.connection() instanceof Connection.Tcp || role.connection() instanceof Connection.Serial;
        if (!answers || !profile.statusReadBack() || lastAsked.plus(statusEvery).isAfter(clock.instant())) {
            return;
        }
        try (DeviceLink link = DeviceLinks.open(role.connection(), profile.serial())) {
            status(link);
        } catch (IOException e) {
            lastAsked = clock.instant();
            board.failed(role, e.getMessage());
        }
    }
}
