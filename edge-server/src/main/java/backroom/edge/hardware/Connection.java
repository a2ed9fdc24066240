package backroom.edge.hardware;

import java.nio.file.Path;
import java.time.Duration;

/** Where a device is plugged in, as its role's binding names it. */
public sealed interface Connection {

    /** {@code file:PATH}: a simulated device; what it is sent is appended to the file. */
    record File(Path path) implements Connection {
    }

    /** {@code usb:/dev/usb/lp0}: a USB line printer's device file. */
    record Usb(Path device) implements Connection {
    }

    /** {@code serial:/dev/ttyUSB0?baud=9600}: a serial port; {@code baud} null for the profile's speed. */
    record Serial(String port, Integer baud) implements Connection {
    }

    /** {@code tcp:HOST:9100}: a network printer, reached with our own socket and time-outs. */
    record Tcp(String host, int port, Duration connectTimeout, Duration replyTimeout) implements Connection {
    }

    /** {@code gpio:17?sensor=22}: a relay on a GPIO pin (BCM number), and the pin of its open sensor if it has one. */
    record Gpio(int pin, Integer sensorPin) implements Connection {
    }

    /** {@code printer:receipt}: a drawer on the DK port of the printer of another role. */
    record ViaPrinter(String printerRole) implements Connection {
    }
}
