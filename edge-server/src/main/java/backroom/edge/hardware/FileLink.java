package backroom.edge.hardware;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalInt;

/**
 * A simulated device ({@code file:}), whose bytes are appended to a file, or a USB line printer
 * ({@code usb:/dev/usb/lp0}), written as a device file. Neither answers status: over the usblp
 * driver a read may need several tries and often gets nothing.
 */
final class FileLink implements DeviceLink {

    private final FileOutputStream out;

    private FileLink(FileOutputStream out) {
        this.out = out;
    }

    /** A receipt names what was sold and to whom it was paid: the simulated paper is the box's own, like its ledger. */
    static FileLink simulated(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return new FileLink(new FileOutputStream(file.toFile(), true));
    }

    static FileLink usb(Path device) throws IOException {
        return new FileLink(new FileOutputStream(device.toFile(), true));
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public OptionalInt ask(int n) {
        return OptionalInt.empty();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // nothing more can be lost: every write was flushed or failed
        }
    }
}
