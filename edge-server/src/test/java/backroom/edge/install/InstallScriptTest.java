package backroom.edge.install;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.install.Installer.Ran;
import backroom.edge.testing.ChildBox;
import backroom.edge.testing.NeededTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install/}: the installer laid out under {@code --root} in a temp folder (twice, then
 * uninstalled), the unit held to {@code systemd-analyze verify} and {@code security}, and every
 * shell script in the repository to shellcheck. Nothing here touches the machine's /etc, /opt,
 * users or systemd: the installer's machine commands are stubs that fail the test if called.
 */
class InstallScriptTest {

    private static final Path SHELLCHECK = Path.of("/usr/bin/shellcheck");
    private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");
    private static final Path SYSTEM_UNITS = Path.of("/usr/lib/systemd/system");
    private static final Path UNIT = Installer.REPO.resolve("install/backroom.service");
    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for backroom\\.service: (\\d+\\.\\d+)");

    @TempDir
    Path work;

    @Test
    void everyShellScriptInTheRepositoryPassesShellcheck() {
        NeededTools.require("shellcheck", SHELLCHECK);
        List<String> scripts = ShellScripts.inRepository();
        assertThat(scripts).contains("backroom", ".ci/run", "install/install.sh");

        List<String> command = new ArrayList<>(List.of(SHELLCHECK.toString(), "--format=gcc"));
        scripts.forEach(script -> command.add(Installer.REPO.resolve(script).toString()));

        Ran shellcheck = Installer.exec(command, Map.of("PATH", "/usr/bin:/bin"));

        assertThat(shellcheck.output()).isEmpty();
        assertThat(shellcheck.exitCode()).isZero();
    }

    @Test
    void theUnitAsInstalledPassesSystemdVerify() {
        NeededTools.require("systemd", SYSTEMD_ANALYZE);
        Path root = work.resolve("root");
        Installer.jdk(root, "temurin-21-jdk-arm64", 21);
        assertThat(new Installer(work).run("--root", root.toString()).exitCode()).isZero();
        // systemd looks up the units the unit names (network.target, modprobe@.service...) under --root too.
        Installer.copyTree(SYSTEM_UNITS, root.resolve("usr/lib/systemd/system"));

        Ran verify = Installer.exec(List.of(SYSTEMD_ANALYZE.toString(), "verify", "--root=" + root,
                "/etc/systemd/system/backroom.service"), Map.of("PATH", "/usr/bin:/bin"));

        assertThat(verify.output()).isEmpty();
        assertThat(verify.exitCode()).isZero();
    }

    @Test
    void theUnitsSandboxRatesAtMostThreeYetLeavesTheJitAndTheStoresDevicesOpen() {
        NeededTools.require("systemd", SYSTEMD_ANALYZE);

        Ran security = Installer.exec(List.of(SYSTEMD_ANALYZE.toString(), "security", "--offline=true", "--no-pager", UNIT.toString()),
                Map.of("PATH", "/usr/bin:/bin", "SYSTEMD_COLORS", "0"));

        Matcher exposure = EXPOSURE.matcher(security.output());
        assertThat(exposure.find()).as(security.output()).isTrue();
        assertThat(Double.parseDouble(exposure.group(1))).isLessThanOrEqualTo(3.0);
        assertThat(lineOf(security.output(), "MemoryDenyWriteExecute=")).as("the JIT writes the code it runs").startsWith("✗");
        assertThat(lineOf(security.output(), "PrivateDevices=")).startsWith("✗");
        assertThat(lineOf(security.output(), "DeviceAllow=")).contains("char-usb:rw", "char-ttyUSB:rw", "char-ttyACM:rw", "char-gpiochip:rw");
    }

    @Test
    void installLaysOutEveryFileWithItsModeAndTouchesNothingOfTheMachine() throws IOException {
        Path root = work.resolve("root");
        Installer.jdk(root, "temurin-21-jdk-arm64", 21);
        Installer installer = new Installer(work);

        Ran install = installer.run("--root", root.toString());

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(install.output()).contains("JDK 21 at /usr/lib/jvm/temurin-21-jdk-arm64",
                "would run: useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin backroom",
                "would run: chown backroom:backroom /var/lib/backroom", "would run: chown root:backroom /etc/backroom",
                "would run: systemctl enable --now backroom");
        assertThat(installer.machineCalls()).isEmpty();
        assertThat(mode(root.resolve("var/lib/backroom"))).isEqualTo("rwx------");
        assertThat(mode(root.resolve("etc/backroom"))).isEqualTo("rwxr-x---");
        assertThat(mode(root.resolve("opt/backroom/backroom"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(root.resolve("opt/backroom/install/install.sh"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(root.resolve("opt/backroom/edge-server/target/edge-server.jar"))).isEqualTo("rw-r--r--");
        assertThat(root.resolve("opt/backroom/edge-server/target/libs/helidon-webserver.jar")).exists();
        assertThat(root.resolve("opt/backroom/device-profiles/epson-tm-t20iii.json")).exists();
        assertThat(mode(root.resolve("etc/systemd/system/backroom.service"))).isEqualTo("rw-r--r--");
        assertThat(root.resolve("etc/systemd/system/backroom.service")).hasSameTextualContentAs(UNIT);
        assertThat(mode(root.resolve("etc/udev/rules.d/99-backroom.rules"))).isEqualTo("rw-r--r--");
        assertThat(root.resolve("etc/udev/rules.d/99-backroom.rules")).hasSameTextualContentAs(Installer.REPO.resolve("install/99-backroom.rules"));
        Path config = root.resolve("etc/backroom/backroom.yaml");
        assertThat(mode(config)).as("the configuration the unit runs from, for the box's group to read").isEqualTo("rw-r-----");
        assertThat(install.output()).contains("would run: chown root:backroom /etc/backroom/backroom.yaml");
        ChildBox.CommandRun provisioned = ChildBox.command("provision", "--config", config.toString(), "--group", "no-such-group",
                "--http-port", "8081");
        assertThat(provisioned.exitCode()).as("provision fills in the empty starter: " + provisioned.output()).isZero();
        assertThat(config).content().contains("port: 8081");
    }

    @Test
    void aSecondInstallSucceedsAndChangesNothing() {
        Path root = work.resolve("root");
        Installer.jdk(root, "temurin-21-jdk-arm64", 21);
        Installer installer = new Installer(work);
        assertThat(installer.run("--root", root.toString()).exitCode()).isZero();
        Map<String, String> before = Installer.tree(root);

        Ran again = installer.run("--root", root.toString());

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("nothing changed").doesNotContain("install.sh: installed", "install.sh: created");
        assertThat(Installer.tree(root)).isEqualTo(before);
        assertThat(installer.machineCalls()).isEmpty();
    }

    @Test
    void uninstallRemovesProgramUnitAndRulesButKeepsTheLedgerAndPurgeDeletesIt() {
        Path root = work.resolve("root");
        Installer.jdk(root, "temurin-21-jdk-arm64", 21);
        Installer installer = new Installer(work);
        assertThat(installer.run("--root", root.toString()).exitCode()).isZero();
        Installer.write(root.resolve("var/lib/backroom/ledger.mv.db"), "the store's every sale");
        Installer.write(root.resolve("etc/backroom/backroom.yaml"), "store: jkt-001\n");

        Ran uninstall = installer.run("--root", root.toString(), "--uninstall");

        assertThat(uninstall.exitCode()).as(uninstall.output()).isZero();
        assertThat(uninstall.output()).contains("would run: systemctl disable --now backroom", "would run: userdel backroom",
                "kept /var/lib/backroom");
        assertThat(root.resolve("opt/backroom")).doesNotExist();
        assertThat(root.resolve("etc/systemd/system/backroom.service")).doesNotExist();
        assertThat(root.resolve("etc/udev/rules.d/99-backroom.rules")).doesNotExist();
        assertThat(root.resolve("var/lib/backroom/ledger.mv.db")).hasContent("the store's every sale");
        assertThat(root.resolve("etc/backroom/backroom.yaml")).exists();

        Ran purge = installer.run("--root", root.toString(), "--uninstall", "--purge");

        assertThat(purge.exitCode()).as(purge.output()).isZero();
        assertThat(root.resolve("var/lib/backroom")).doesNotExist();
        assertThat(root.resolve("etc/backroom")).doesNotExist();
        assertThat(installer.machineCalls()).isEmpty();
    }

    @Test
    void aBookwormBoxWithOnlyJdk17IsToldHowToGetJdk21AndNothingIsLaidOut() {
        Path root = work.resolve("root");
        Installer.osRelease(root, "debian", "12", "bookworm");
        Installer.jdk(root, "java-17-openjdk-arm64", 17);
        Installer installer = new Installer(work);

        Ran install = installer.run("--root", root.toString());

        assertThat(install.exitCode()).isEqualTo(1);
        assertThat(install.output()).contains("no JDK >= 21 here", "bookworm",
                "https://packages.adoptium.net/artifactory/deb bookworm main", "apt-get install -y temurin-21-jdk", "-C /usr/lib/jvm");
        assertThat(root.resolve("opt")).doesNotExist();
        assertThat(root.resolve("var")).doesNotExist();
        assertThat(installer.machineCalls()).isEmpty();
    }

    @Test
    void aTrixieBoxWithoutAJdkGetsOpenJdkFromDebian() {
        Path root = work.resolve("root");
        Installer.osRelease(root, "debian", "13", "trixie");
        Installer installer = new Installer(work);

        Ran install = installer.run("--root", root.toString());

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(install.output()).contains("would run: apt-get update; apt-get install -y openjdk-25-jdk-headless (or openjdk-21-jdk-headless");
        assertThat(root.resolve("opt/backroom/backroom")).exists();
        assertThat(installer.machineCalls()).isEmpty();
    }

    @Test
    void helpNamesEveryFlagAndPurgeAloneIsRefused() {
        Installer installer = new Installer(work);

        Ran help = installer.run("--help");
        Ran purgeAlone = installer.run("--root", work.resolve("root").toString(), "--purge");

        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("--uninstall", "--purge", "--root DIR", "--help");
        assertThat(purgeAlone.exitCode()).isEqualTo(2);
        assertThat(purgeAlone.output()).contains("--purge deletes the ledger and goes only with --uninstall");
        assertThat(work.resolve("root/opt")).doesNotExist();
    }

    private static String lineOf(String output, String setting) {
        return output.lines().filter(line -> line.contains(" " + setting)).findFirst().orElse("").strip();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
