package backroom.edge.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code BACKROOM_HARDWARE}: roles bound to a profile and a connection, checked against each other as the box starts. */
class HardwareSetupTest {

    private static final Path DATA = Path.of("/var/lib/backroom");

    @Test
    void eachConnectionKindIsReadWithItsOptions() {
        List<DeviceRole> roles = new HardwareSetup("""
                receipt=epson-tm-t20iii@usb:/dev/usb/lp0;
                kitchen.grill=epson-tm-t88vi@tcp:192.168.1.50:9100?backup=kitchen.bar&connectMs=800&replyMs=1500;
                kitchen.bar=generic-80mm@serial:/dev/ttyUSB0?baud=38400
                drawer=drawer-via-printer@printer:receipt;
                drawer.r2=drawer-gpio-relay@gpio:17?sensor=22;
                pole=pd3000-2x20@serial:/dev/ttyUSB1""").roles(DATA);

        assertThat(roles).containsExactly(
                new DeviceRole("receipt", DeviceRole.Kind.PRINTER, "epson-tm-t20iii", new Connection.Usb(Path.of("/dev/usb/lp0")), null),
                new DeviceRole("kitchen.grill", DeviceRole.Kind.PRINTER, "epson-tm-t88vi",
                        new Connection.Tcp("192.168.1.50", 9100, Duration.ofMillis(800), Duration.ofMillis(1500)), "kitchen.bar"),
                new DeviceRole("kitchen.bar", DeviceRole.Kind.PRINTER, "generic-80mm", new Connection.Serial("/dev/ttyUSB0", 38400), null),
                new DeviceRole("drawer", DeviceRole.Kind.DRAWER, "drawer-via-printer", new Connection.ViaPrinter("receipt"), null),
                new DeviceRole("drawer.r2", DeviceRole.Kind.DRAWER, "drawer-gpio-relay", new Connection.Gpio(17, 22), null),
                new DeviceRole("pole", DeviceRole.Kind.POLE_DISPLAY, "pd3000-2x20", new Connection.Serial("/dev/ttyUSB1", null), null));
        assertThat(roles.get(1).backupRole()).contains("kitchen.bar");
        assertThat(roles.get(0).backupRole()).isEmpty();
    }

    @Test
    void unsetTheBoxSimulatesItsDevicesAsFilesUnderItsDataFolderAndNoneMeansNone() {
        List<DeviceRole> simulated = HardwareSetup.SIMULATED.roles(DATA);

        assertThat(simulated).extracting(DeviceRole::name).containsExactly("receipt", "kitchen", "drawer", "pole");
        assertThat(simulated.getFirst().connection()).isEqualTo(new Connection.File(DATA.resolve("devices/receipt.prn")));
        assertThat(simulated.get(2).connection()).isEqualTo(new Connection.ViaPrinter("receipt"));
        assertThat(HardwareSetup.NONE.roles(DATA)).isEmpty();
        assertThat(new HardwareSetup(" none ").roles(DATA)).isEmpty();
        assertThat(new HardwareSetup("receipt=generic-58mm@tcp:printer.local:9100").roles(DATA).getFirst().connection())
                .isEqualTo(new Connection.Tcp("printer.local", 9100, Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    @Test
    void aWrongBindingIsRefusedNamingTheVariableAndWhatIsWrong() {
        assertRefused("receipt=generic-80mm", "must be role=profile@connection");
        assertRefused("Receipt=generic-80mm@usb:/dev/usb/lp0", "role must be lower-case");
        assertRefused("receipt=no-such-printer@usb:/dev/usb/lp0", "no device profile no-such-printer");
        assertRefused("receipt=logic-controls-kb1700@serial:/dev/ttyUSB0", "bump bars are bound in BACKROOM_BUMP_BARS");
        assertRefused("receipt=generic-80mm@lpt:1", "connection must be usb:, serial:, tcp:, gpio:, file: or printer:");
        assertRefused("receipt=generic-80mm@usb:", "names no usb address");
        assertRefused("receipt=generic-80mm@tcp:9100", "a tcp connection is tcp:HOST:PORT");
        assertRefused("receipt=generic-80mm@tcp:host:70000", "the port must be a whole number from 1 to 65535");
        assertRefused("receipt=generic-80mm@serial:/dev/ttyS0?baud=fast", "baud must be a whole number from 300 to 921600");
        assertRefused("receipt=generic-80mm@usb:/dev/usb/lp0?speed=1", "takes no option [speed]");
        assertRefused("receipt=generic-80mm@usb:/dev/usb/lp0?backup", "each option is name=value");
        assertRefused("receipt=generic-80mm@usb:/dev/usb/lp0;receipt=generic-58mm@usb:/dev/usb/lp1", "names role receipt twice");
        assertRefused("=generic-80mm@usb:/dev/usb/lp0", "must be role=profile@connection");
        assertRefused("receipt=generic-80mm@?baud=9600", "names no connection");
        assertRefused("receipt=generic-80mm@usb:/dev/usb/lp0?=1", "each option is name=value");
        assertRefused("receipt=generic-80mm@tcp:host:0", "the port must be a whole number from 1 to 65535");
        assertRefused("receipt=generic-80mm@tcp:host:65536", "the port must be a whole number from 1 to 65535");
        assertRefused("receipt=generic-80mm@serial:/dev/ttyS0?baud=299", "baud must be a whole number from 300 to 921600");
    }

    @Test
    void numbersAtTheEndsOfTheirRangesAreTaken() {
        assertThat(new HardwareSetup("receipt=generic-80mm@tcp:host:65535?connectMs=100&replyMs=60000").roles(DATA).getFirst().connection())
                .isEqualTo(new Connection.Tcp("host", 65535, Duration.ofMillis(100), Duration.ofMillis(60_000)));
        assertThat(new HardwareSetup("receipt=generic-80mm@tcp:host:1").roles(DATA).getFirst().connection())
                .isEqualTo(new Connection.Tcp("host", 1, Duration.ofSeconds(2), Duration.ofSeconds(2)));
        assertThat(new HardwareSetup("receipt=generic-80mm@serial:/dev/ttyS0?baud=300").roles(DATA).getFirst().connection())
                .isEqualTo(new Connection.Serial("/dev/ttyS0", 300));
        assertThat(new HardwareSetup("drawer=drawer-gpio-relay@gpio:0?sensor=27").roles(DATA).getFirst().connection())
                .isEqualTo(new Connection.Gpio(0, 27));
    }

    @Test
    void rolesMustAgreeWithEachOther() {
        assertRefused("kitchen=generic-80mm@usb:/dev/usb/lp0?backup=kitchen.bar", "backup must name another printer's role");
        assertRefused("kitchen=generic-80mm@usb:/dev/usb/lp0?backup=kitchen", "backup must name another printer's role");
        assertRefused("pole=pd3000-2x20@usb:/dev/usb/lp0?backup=receipt;receipt=generic-80mm@usb:/dev/usb/lp1",
                "backup must name another printer's role");
        assertRefused("drawer=drawer-via-printer@gpio:17", "through a printer: connect it as printer:ROLE");
        assertRefused("drawer=drawer-gpio-relay@printer:receipt;receipt=generic-80mm@usb:/dev/usb/lp0", "by a GPIO relay: connect it as gpio:PIN");
        assertRefused("drawer=drawer-gpio-relay@serial:/dev/ttyS0", "by a GPIO relay: connect it as gpio:PIN");
        assertRefused("drawer=drawer-via-printer@printer:receipt", "printer:receipt must name a printer's role whose model kicks a drawer");
        assertRefused("drawer=drawer-via-printer@printer:pole;pole=pd3000-2x20@usb:/dev/usb/lp0", "must name a printer's role");
        assertRefused("receipt=generic-80mm@gpio:17", "only a drawer connects through a printer or a GPIO pin");
        assertRefused("pole=pd3000-2x20@printer:receipt;receipt=generic-80mm@usb:/dev/usb/lp0", "only a drawer connects");
    }

    private static void assertRefused(String text, String why) {
        Throwable refused = catchThrowable(() -> new HardwareSetup(text).roles(DATA));
        assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("BACKROOM_HARDWARE: '").hasMessageContaining(why);
    }
}
