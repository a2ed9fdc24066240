package backroom.edge.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.Box;
import backroom.edge.ledger.LedgerDatabase;
import backroom.edge.ledger.OfflineCheck;
import backroom.edge.testing.Api;
import backroom.edge.testing.RebuiltCopy;
import backroom.edge.testing.Reply;
import backroom.edge.testing.TempFolders;
import backroom.edge.testing.TestBox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shifts, their cash movements and the drawer's no-sale opens rebuilt from the ledger alone, as a
 * box whose disk died is rebuilt from HQ's copy: the same rows, and the same X and Z reports read
 * from them. No sale is rung here: a report's sales, voids and refunds come back with the sales
 * tables' own replay.
 */
class ShiftsReplayTest {

    private TestBox box;
    private boolean stopped;
    private Path rebuilt;

    @BeforeEach
    void start() {
        box = TestBox.start();
    }

    @AfterEach
    void removeFolders() {
        if (stopped) {
            box.deleteData();
        } else {
            box.close();
        }
        if (rebuilt != null) {
            TempFolders.delete(rebuilt);
        }
    }

    @Test
    void aClosedShiftAndOpenOnesWithTheirCashAndNoSaleOpensAreRebuiltRowForRowAndReportTheSame() {
        Api technician = box.api();
        Api supervisor = box.signedIn("supervisor");
        noSale(technician, "r1", "no shift open yet");
        String closed = openShift(supervisor, "r1", 300_000);
        box.clock().advance(Duration.ofMinutes(5));
        moveCash(supervisor, closed, "in", 50_000, "coins from the bank");
        box.clock().advance(Duration.ofMinutes(5));
        moveCash(technician, closed, "out", 20_000, "paid the milk supplier");
        noSale(supervisor, "r1", "customer needed change");
        box.clock().advance(Duration.ofHours(8));
        Reply z = supervisor.closeShift(closed, 325_000);
        noSale(supervisor, "r1", "between shifts");
        box.clock().advance(Duration.ofMinutes(1));
        String open = openShift(technician, "r1", 400_000);
        moveCash(supervisor, open, "out", 100_000, "bank drop");
        noSale(technician, "r1", "checked the float");
        String empty = openShift(supervisor, "r2", 0);
        moveCash(supervisor, empty, "in", 1, "one coin");
        assertThat(z.number("expectedCash")).isEqualTo(330_000);
        assertThat(z.number("variance")).as("counted short").isEqualTo(-5_000);

        rebuild();

        RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "shifts", Set.of());
        RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "cash_movements", Set.of());
        RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "drawer_openings", Set.of());
        assertThat(RebuiltCopy.rows(rebuilt, "drawer_openings", Set.of())).as("no-sale opens with no shift open on their register")
                .filteredOn(row -> row.get("shift_id") == null).hasSize(2);
        for (String shiftId : List.of(closed, open, empty)) {
            assertThat(report(rebuilt, shiftId)).as("shift %s's report", shiftId).isEqualTo(report(box.dataDir(), shiftId));
        }
        ShiftReport zAgain = report(rebuilt, closed);
        assertThat(List.of(zAgain.status(), zAgain.expectedCash(), zAgain.countedCash(), zAgain.variance(), zAgain.cashIn(),
                zAgain.cashOut(), zAgain.noSaleOpens())).containsExactly("closed", 330_000L, 325_000L, -5_000L, 50_000L, 20_000L, 1L);
        ShiftReport xAgain = report(rebuilt, open);
        assertThat(List.of(xAgain.status(), xAgain.expectedCash(), xAgain.cashOut(), xAgain.noSaleOpens()))
                .containsExactly("open", 300_000L, 100_000L, 1L);
        assertThat(xAgain.countedCash()).isNull();
        assertThat(OfflineCheck.run(rebuilt, Box.tableAudits()).audit().intact())
                .as("the rebuilt tables held to the entries by their own audits").isTrue();
    }

    @Test
    void aRebuiltBoxStillKnowsWhichRegistersHaveAShiftOpen() {
        Api technician = box.api();
        String first = openShift(technician, "r1", 100_000);
        technician.closeShift(first, 100_000);
        String second = openShift(technician, "r1", 100_000);
        String other = openShift(technician, "r2", 100_000);
        technician.closeShift(other, 90_000);

        rebuild();

        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(rebuilt), "sa", "")) {
            assertThat(Shifts.openOn(handle, "r1")).contains(second);
            assertThat(Shifts.openOn(handle, "r2")).as("its only shift is closed").isEmpty();
        }
        RebuiltCopy.assertSameRows(box.dataDir(), rebuilt, "shifts", Set.of());
    }

    /** Stops the box and rebuilds its ledger's tables from its entries alone into {@link #rebuilt}. */
    private void rebuild() {
        box.stop();
        stopped = true;
        rebuilt = RebuiltCopy.of(box.dataDir());
    }

    private static String openShift(Api api, String registerId, long openingFloat) {
        Reply opened = api.post("/api/v1/shifts", Map.of("registerId", registerId, "openingFloat", openingFloat));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return opened.field("shiftId");
    }

    private static void moveCash(Api api, String shiftId, String kind, long amount, String reason) {
        Reply moved = api.post("/api/v1/shifts/" + shiftId + "/cash-movements",
                Map.of("kind", kind, "amount", amount, "reason", reason));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
    }

    private static void noSale(Api api, String registerId, String reason) {
        Reply opened = api.post("/api/v1/drawer/open", Map.of("registerId", registerId, "reason", reason));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    }

    /** The X or Z report of a stopped box's shift, read from its folder's tables. */
    private static ShiftReport report(Path dataDir, String shiftId) {
        try (Handle handle = Jdbi.open(LedgerDatabase.readOnlyUrlFor(dataDir), "sa", "")) {
            return ShiftReports.report(handle, Shifts.find(handle, shiftId).orElseThrow());
        }
    }
}
