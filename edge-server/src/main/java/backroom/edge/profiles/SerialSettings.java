package backroom.edge.profiles;

import com.fasterxml.jackson.databind.JsonNode;

/** How a model talks over a serial line: 9600 8N1 with no flow control unless its profile says otherwise. */
public record SerialSettings(int baud, int dataBits, int stopBits, Parity parity, FlowControl flowControl) {

    public static final SerialSettings DEFAULT = new SerialSettings(9600, 8, 1, Parity.NONE, FlowControl.NONE);

    public enum Parity { NONE, ODD, EVEN }

    /** Impact printers such as the TM-U220 stop after about 18 lines without RTS/CTS. */
    public enum FlowControl { NONE, RTS_CTS, XON_XOFF }

    /** The same line at another speed: a binding's {@code ?baud=} overrides the profile's. */
    public SerialSettings withBaud(int newBaud) {
        return new SerialSettings(newBaud, dataBits, stopBits, parity, flowControl);
    }

    static SerialSettings of(JsonNode connection) {
        return new SerialSettings(connection.path("baud").asInt(DEFAULT.baud()), connection.path("dataBits").asInt(DEFAULT.dataBits()),
                connection.path("stopBits").asInt(DEFAULT.stopBits()),
                Parity.valueOf(connection.path("parity").asText("none").toUpperCase(java.util.Locale.ROOT)),
                FlowControl.valueOf(connection.path("flowControl").asText("none").replace('-', '_').toUpperCase(java.util.Locale.ROOT)));
    }
}
