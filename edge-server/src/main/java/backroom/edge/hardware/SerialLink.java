package backroom.edge.hardware;

import backroom.edge.profiles.SerialSettings;
import java.io.IOException;
import java.util.OptionalInt;
import jssc.SerialPort;
import jssc.SerialPortException;
import jssc.SerialPortTimeoutException;

/** A printer or pole display on a serial port, through jSSC, with the profile's line settings and flow control. */
final class SerialLink implements DeviceLink {

    private final SerialPort port;
    private final int replyMillis;

    private SerialLink(SerialPort port, int replyMillis) {
        this.port = port;
        this.replyMillis = replyMillis;
    }

    static SerialLink open(String name, SerialSettings settings, int replyMillis) throws IOException {
        SerialPort port = new SerialPort(name);
        try {
            port.openPort();
            port.setParams(settings.baud(), settings.dataBits(), settings.stopBits() == 2 ? SerialPort.STOPBITS_2 : SerialPort.STOPBITS_1,
                    switch (settings.parity()) {
                        case NONE -> SerialPort.PARITY_NONE;
                        case ODD -> SerialPort.PARITY_ODD;
                        case EVEN -> SerialPort.PARITY_EVEN;
                    });
            port.setFlowControlMode(switch (settings.flowControl()) {
                case NONE -> SerialPort.FLOWCONTROL_NONE;
                case RTS_CTS -> SerialPort.FLOWCONTROL_RTSCTS_IN | SerialPort.FLOWCONTROL_RTSCTS_OUT;
                case XON_XOFF -> SerialPort.FLOWCONTROL_XONXOFF_IN | SerialPort.FLOWCONTROL_XONXOFF_OUT;
            });
            return new SerialLink(port, replyMillis);
        } catch (SerialPortException e) {
            closeQuietly(port);
            throw new IOException("cannot open serial port " + name + ": " + e.getExceptionType(), e);
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        try {
            if (!port.writeBytes(bytes)) {
                throw new IOException("serial port " + port.getPortName() + " took not all of " + bytes.length + " bytes");
            }
        } catch (SerialPortException e) {
            throw new IOException("cannot write to serial port " + port.getPortName() + ": " + e.getExceptionType(), e);
        }
    }

    @Override
    public OptionalInt ask(int n) throws IOException {
        try {
            port.purgePort(SerialPort.PURGE_RXCLEAR);
            write(new byte[] {0x10, 0x04, (byte) n});
            return OptionalInt.of(port.readBytes(1, replyMillis)[0] & 0xFF);
        } catch (SerialPortTimeoutException e) {
            throw new IOException("the printer on " + port.getPortName() + " did not answer DLE EOT " + n + " within " + replyMillis + " ms", e);
        } catch (SerialPortException e) {
            throw new IOException("cannot read serial port " + port.getPortName() + ": " + e.getExceptionType(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(port);
    }

    private static void closeQuietly(SerialPort port) {
        try {
            if (port.isOpened()) {
                port.closePort();
            }
        } catch (SerialPortException e) {
            // the port is going away either way
        }
    }
}
