package backroom.edge.hardware;

import backroom.edge.profiles.SerialSettings;
import java.io.IOException;

/** Opens the link a connection names. */
public final class DeviceLinks {

    private DeviceLinks() {
    }

    /** A link to a printer or display; {@code serial} is the model's line settings, for a serial port. */
    public static DeviceLink open(Connection connection, SerialSettings serial) throws IOException {
        return switch (connection) {
            case Connection.File file -> FileLink.simulated(file.path());
            case Connection.Usb usb -> FileLink.usb(usb.device());
            case Connection.Serial port -> SerialLink.open(port.port(), port.baud() == null ? serial : serial.withBaud(port.baud()),
                    (int) HardwareSetup.REPLY_TIMEOUT.toMillis());
            case Connection.Tcp tcp -> TcpLink.open(tcp);
            case Connection.Gpio gpio -> throw new IOException("GPIO pin " + gpio.pin() + " carries no bytes");
            case Connection.ViaPrinter via -> throw new IOException("a drawer on " + via.printerRole() + " is kicked through that printer");
        };
    }
}
