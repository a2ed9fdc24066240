package backroom.edge.backup;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.ChildBox;
import backroom.edge.testing.ChildBox.CommandRun;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.SalesBurst;
import backroom.edge.testing.SalesBurst.Attempt;
import backroom.edge.testing.SignIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backroom backup} and {@code backroom restore} as a technician runs them on the box's
 * shell, each in a JVM of its own, against the real server in a process of its own.
 */
class BackupRoundTripTest {

    @TempDir
    Path folder;

    @Test
    void aBackupMadeWhileEightTabletsRingRestoresToALedgerThatVerifiesEqualsTheOriginalAndAnswersTheSameSales() throws Exception {
        Path data = folder.resolve("data");
        Path restored = folder.resolve("restored");
        Path file = Files.createDirectories(folder.resolve("usb-stick")).resolve("shop.zip");
        CommandRun backup;
        long before;
        long after;
        List<Attempt> attempts;
        try (ChildBox box = ChildBox.start(data)) {
            String shift = box.api().openShift("r1");
            try (SalesBurst burst = SalesBurst.start(box.api(), "r1", shift, 8)) {
                burst.awaitAnswered(200);
                before = answered(burst);
                backup = ChildBox.command("backup", file.toString(), "--data", data.toString());
                after = answered(burst);
                burst.awaitAnswered((int) after + 50);
                assertThat(box.stop()).isTrue();
                burst.close();
                attempts = burst.attempts();
            }
        }
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        Manifest manifest = BackupArchive.manifestOf(file);
        assertThat(backup.output()).contains("Backup written to " + file + " (made by the running box): ledger head seq "
                + manifest.headSeq() + ", hash " + manifest.headHash() + ", store demo-store.");
        assertThat(after).as("sales answered while the backup was made").isGreaterThan(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.getOwner(file).getName()).isEqualTo(System.getProperty("user.name"));
        assertThat(BackupRestoreTest.names(file.getParent())).containsExactly("shop.zip");
        assertThat(BackupRestoreTest.names(data.resolve(BackupSpool.FOLDER))).isEmpty();

        CommandRun restore = ChildBox.command("restore", file.toString(), "--data", restored.toString());
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("Restored " + file + " into " + restored + ": ledger head seq " + manifest.headSeq());
        CommandRun verify = ChildBox.command("verify-ledger", "--data", restored.toString());
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("ledger OK: " + manifest.headSeq() + " entries, head seq " + manifest.headSeq()
                + ", hash " + manifest.headHash() + "; every table agrees with it");
        assertThat(StoredEntry.all(restored)).hasSize((int) manifest.headSeq()).isEqualTo(StoredEntry.upTo(data, manifest.headSeq()));

        SignIn.sameTechnician(data, restored);
        try (ChildBox again = ChildBox.start(restored)) {
            assertThat(again.api().headSeq()).isEqualTo(manifest.headSeq());
            long inBackup = 0;
            for (Attempt sale : attempts.stream().filter(Attempt::answered201).toList()) {
                Reply there = again.api().get("/api/v1/sales/" + sale.reply().field("saleId"));
                if (sale.reply().number("ledgerSeq") <= manifest.headSeq()) {
                    inBackup++;
                    assertThat(there.status()).as(sale.key()).isEqualTo(200);
                    assertThat(there.field("receiptNumber")).isEqualTo(sale.reply().field("receiptNumber"));
                    assertThat(there.number("grandTotal")).isEqualTo(sale.reply().number("grandTotal"));
                } else {
                    assertThat(there.status()).as(sale.key()).isEqualTo(404);
                }
            }
            assertThat(inBackup).isGreaterThanOrEqualTo(before).isLessThan(attempts.size());
            assertThat(again.stop()).isTrue();
        }
    }

    @Test
    void restoreRefusesARunningBoxChangingNothingAndOnceItIsStoppedPutsTheBackupInPlaceOfItsLedger() throws Exception {
        Path data = folder.resolve("data");
        Path file = folder.resolve("before-the-late-sale.zip");
        Reply kept;
        Reply late;
        try (ChildBox box = ChildBox.start(data)) {
            Api api = box.api();
            String shift = api.openShift("r1");
            kept = api.ringSale(Sales.twoLargeLattesWithExtraShot("r1", shift));
            CommandRun backup = ChildBox.command("backup", file.toString(), "--data", data.toString());
            assertThat(backup.exitCode()).as(backup.output()).isZero();
            late = api.ringSale(Sales.twoLargeLattesWithExtraShot("r1", shift));
            List<String> names = BackupRestoreTest.names(data);
            byte[] key = Files.readAllBytes(data.resolve("box.key"));
            long head = api.headSeq();

            CommandRun refused = ChildBox.command("restore", file.toString(), "--data", data.toString());

            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.output()).contains("restore: refused, nothing in " + data + " was changed: A box is running on the data folder "
                    + data + " (it holds " + data.resolve("ledger.mv.db") + "): stop it first (systemctl stop backroom), then restore");
            assertThat(BackupRestoreTest.names(data)).isEqualTo(names);
            assertThat(Files.readAllBytes(data.resolve("box.key"))).isEqualTo(key);
            assertThat(api.get("/observe/health").status()).isEqualTo(200);
            assertThat(api.headSeq()).isEqualTo(head);
            assertThat(box.stop()).isTrue();
        }

        CommandRun offline = ChildBox.command("backup", folder.resolve("stopped.zip").toString(), "--data", data.toString());
        assertThat(offline.exitCode()).as(offline.output()).isZero();
        assertThat(offline.output()).contains("(from the stopped box's files)");
        assertThat(BackupArchive.manifestOf(folder.resolve("stopped.zip")).headSeq()).isEqualTo(late.number("ledgerSeq") + 1);

        CommandRun restore = ChildBox.command("restore", file.toString(), "--data", data.toString());
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        Path aside = BackupRestoreTest.names(data).stream().filter(name -> name.startsWith("before-restore-")).map(data::resolve)
                .findFirst().orElseThrow();
        assertThat(restore.output()).contains("The ledger and key it replaced are in " + aside + ".");
        assertThat(BackupRestoreTest.names(aside)).containsExactly("box.key", "first-start.txt", "ledger.mv.db", "ledger.provisioned",
                "ledger.verified");
        try (ChildBox again = ChildBox.start(data)) {
            assertThat(again.api().headSeq()).isEqualTo(BackupArchive.manifestOf(file).headSeq());
            assertThat(again.api().get("/api/v1/sales/" + kept.field("saleId")).status()).isEqualTo(200);
            assertThat(again.api().get("/api/v1/sales/" + late.field("saleId")).status()).isEqualTo(404);
            assertThat(again.stop()).isTrue();
        }
    }

    private static long answered(SalesBurst burst) {
        return burst.attempts().stream().filter(Attempt::answered201).count();
    }
}
