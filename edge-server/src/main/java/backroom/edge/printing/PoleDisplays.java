package backroom.edge.printing;

import backroom.edge.hardware.DeviceLink;
import backroom.edge.hardware.DeviceLinks;
import backroom.edge.hardware.DeviceRole;
import backroom.edge.hardware.HardwareSetup;
import backroom.edge.profiles.PoleDisplayProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The customers' pole displays: during a sale the line just rung and the running total, at its
 * end the total and the change. A display shows the moment, so nothing of it is kept: each
 * register's display is written in order on a thread of its own, and a failure is shown on the
 * hardware list, never held against the sale. A register shows on {@code pole.REGISTER}, else on
 * {@code pole}.
 */
public final class PoleDisplays implements AutoCloseable {

    private final Map<String, Pole> poles = new LinkedHashMap<>();

    public PoleDisplays(List<DeviceRole> roles, DeviceStatusBoard board) {
        HardwareSetup.ofKind(roles, DeviceRole.Kind.POLE_DISPLAY).forEach(role -> poles.put(role.name(),
                new Pole(role, PoleDisplayProfile.load(role.profileId()), board, Executors.newSingleThreadExecutor(
                        runnable -> Thread.ofPlatform().name("pole-" + role.name()).daemon().unstarted(runnable)))));
    }

    /** Shows {@code top} and {@code bottom} on the register's display; the two lines as shown, empty if it has none. */
    public Optional<List<String>> show(String registerId, String top, String bottom) {
        return poleOf(registerId).map(display -> display.show(top, bottom));
    }

    /** Whether the register has a display to show anything on. */
    public boolean shownAt(String registerId) {
        return poleOf(registerId).isPresent();
    }

    private Optional<Pole> poleOf(String registerId) {
        return Optional.ofNullable(registerId == null ? null : poles.get("pole." + registerId))
                .or(() -> Optional.ofNullable(poles.get("pole")));
    }

    /** A line and the running total: {@code 2 Latte     60,000} over {@code TOTAL      129,000}. */
    public Optional<List<String>> showLine(String registerId, int quantity, String name, long amount, long total, String currency) {
        return show(registerId, quantity + " " + name + "\t" + MoneyText.of(amount, currency), "TOTAL\t" + MoneyText.of(total, currency));
    }

    /** The end of a sale: what it came to, and the change to hand back. */
    public Optional<List<String>> showChange(String registerId, long total, long change, String currency) {
        return show(registerId, "TOTAL\t" + MoneyText.of(total, currency), "CHANGE\t" + MoneyText.of(change, currency));
    }

    @Override
    public void close() {
        poles.values().forEach(pole -> {
            pole.writer().shutdown();
            try {
                pole.writer().awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private record Pole(DeviceRole role, PoleDisplayProfile profile, DeviceStatusBoard board, ExecutorService writer) {

        List<String> show(String top, String bottom) {
            List<String> lines = List.of(fit(top), fit(bottom));
            writer.execute(() -> send(lines));
            return lines;
        }

        /** One line of the display's width: a tab splits it into a left part, cut short if need be, and a right one flush right. */
        private String fit(String text) {
            int tab = text.indexOf('\t');
            String left = CodePageText.fit(tab < 0 ? text : text.substring(0, tab), profile.codePage());
            String right = tab < 0 ? "" : CodePageText.fit(text.substring(tab + 1), profile.codePage());
            right = right.length() > profile.columns() ? right.substring(0, profile.columns()) : right;
            int room = profile.columns() - right.length() - (right.isEmpty() ? 0 : 1);
            left = left.length() > room ? left.substring(0, Math.max(0, room)) : left;
            return left + " ".repeat(profile.columns() - left.length() - right.length()) + right;
        }

        /**
         * {@code ESC @} initialise, {@code ESC = 2} select the display, {@code ESC t n} its code
         * page, {@code US C 0} cursor off, {@code FF} clear, {@code VT} home; then both lines.
         */
        private void send(List<String> lines) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(new byte[] {0x1B, 0x40, 0x1B, 0x3D, 0x02, 0x1B, 0x74, (byte) profile.codePageNumber(), 0x1F, 0x43, 0x00,
                0x0C, 0x0B});
            lines.forEach(line -> bytes.writeBytes(line.getBytes(profile.codePage())));
            try (DeviceLink link = DeviceLinks.open(role.connection(), profile.serial())) {
                link.write(bytes.toByteArray());
            } catch (IOException e) {
                board.failed(role, e.getMessage());
            }
        }
    }
}
