package backroom.edge.printing;

import backroom.edge.hardware.Connection;

/** A connection written as its binding writes it: {@code tcp:192.168.1.50:9100}. */
final class ConnectionText {

    private ConnectionText() {
    }

    static String of(Connection connection) {
        return switch (connection) {
            case Connection.File file -> "file:" + file.path();
            case Connection.Usb usb -> "usb:" + usb.device();
            case Connection.Serial serial -> "serial:" + serial.port() + (serial.baud() == null ? "" : "?baud=" + serial.baud());
            case Connection.Tcp tcp -> "tcp:" + tcp.host() + ":" + tcp.port();
            case Connection.Gpio gpio -> "gpio:" + gpio.pin() + (gpio.sensorPin() == null ? "" : "?sensor=" + gpio.sensorPin());
            case Connection.ViaPrinter via -> "printer:" + via.printerRole();
        };
    }
}
