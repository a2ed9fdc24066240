package backroom.edge.testing.powercut;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FilePath;

/**
 * The power supply and the disk of one folder, as seen by H2 through the {@code powercut:} file
 * system. Files opened at {@link #path} write into a simulated page cache; only
 * {@code FileChannel.force} (H2's {@code CHECKPOINT SYNC}) puts bytes on the real disk.
 * {@link #cut()} throws away everything not forced and fails all I/O from then on; the real files
 * then hold exactly what a machine would find after the power came back, and open with a plain
 * {@code jdbc:h2:file:} URL.
 *
 * <pre>{@code
 * try (PowerCut power = PowerCut.over(dir)) {
 *     String url = "jdbc:h2:" + power.path("ledger") + ";TRACE_LEVEL_FILE=0";
 *     ... write, commit, maybe CHECKPOINT SYNC ...
 *     power.cut();
 * }
 * }</pre>
 *
 * <p>{@code TRACE_LEVEL_FILE=0} keeps H2 from writing its trace file through the dead file system
 * after the cut. Not modelled: writes that reach the disk without a force (the kernel's own
 * write-back), torn pages, renames of files with unforced data (refused), directory entries.
 */
public final class PowerCut implements AutoCloseable {

    static {
        FilePath.register(new PowerCutFilePath());
    }

    /** H2 finds the wrapper by scheme only, so each folder's state is looked up by path. */
    private static final Map<Path, PowerCut> FOLDERS = new ConcurrentHashMap<>();

    private final Path folder;
    private final Map<Path, PageCache> files = new HashMap<>();
    private final AtomicLong spaceLeft = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong forceCalls = new AtomicLong();
    private final AtomicLong diskOperations = new AtomicLong();
    private final AtomicLong cutAtOperation = new AtomicLong(Long.MAX_VALUE);
    private volatile boolean off;

    private PowerCut(Path folder) {
        this.folder = folder;
    }

    /** Puts {@code folder} on a power supply of its own; files under it open as {@link #path}. */
    public static PowerCut over(Path folder) {
        PowerCut power = new PowerCut(folder.toAbsolutePath().normalize());
        if (FOLDERS.putIfAbsent(power.folder, power) != null) {
            throw new IllegalStateException(folder + " is already on a PowerCut");
        }
        return power;
    }

    /** The H2 file name of {@code fileName} in the folder: {@code powercut:/abs/folder/fileName}. */
    public String path(String fileName) {
        return PowerCutFilePath.SCHEME + ":" + folder.resolve(fileName);
    }

    /** Power loss: every unforced byte is gone and every open file fails from now on. */
    public synchronized void cut() {
        off = true;
        files.values().forEach(PageCache::cut);
        files.clear();
    }

    /**
     * The power fails as the {@code n}-th write, truncate or force from now (1: the next) begins:
     * that one and everything after it never reach the page cache or the disk.
     */
    public void cutAtDiskOperation(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("the cut comes at the first disk operation from now or a later one, not " + n);
        }
        cutAtOperation.set(diskOperations.get() + n);
    }

    /** How many writes, truncates and forces the files in the folder began. */
    public long diskOperations() {
        return diskOperations.get();
    }

    /** Writes fail with "No space left on device" once {@code bytes} more bytes were written. */
    public void diskFullAfter(long bytes) {
        spaceLeft.set(bytes);
    }

    public void diskSpaceFreed() {
        spaceLeft.set(Long.MAX_VALUE);
    }

    /** How many times a file in the folder was forced to disk. */
    public long forceCalls() {
        return forceCalls.get();
    }

    /** Takes the folder off this supply; channels still open keep their page cache. */
    @Override
    public void close() {
        FOLDERS.remove(folder, this);
    }

    static PowerCut serving(Path file) {
        return FOLDERS.values().stream()
                .filter(power -> file.startsWith(power.folder))
                .max(Comparator.comparingInt(power -> power.folder.getNameCount()))
                .orElseThrow(() -> new IllegalStateException("no PowerCut over a folder holding " + file));
    }

    synchronized FileChannel open(FilePath real, Path file, String mode) throws IOException {
        checkOn();
        FileChannel channel = real.open(mode);
        try {
            PageCache pages = files.computeIfAbsent(file, PageCache::new);
            return new PageCacheChannel(this, pages, channel, !"r".equals(mode));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A closed file is forgotten only when the disk holds all of it, as the OS would keep its cache. */
    synchronized void closed(PageCache pages, FileChannel real) {
        if (pages.detach(real)) {
            files.remove(pages.file(), pages);
        }
    }

    synchronized long size(Path file, long realSize) {
        PageCache pages = files.get(file);
        return pages == null ? realSize : pages.sizeOr(realSize);
    }

    synchronized void deleted(Path file) {
        checkOnUnchecked();
        files.remove(file);
    }

    synchronized void renamed(Path from, Path to) {
        checkOnUnchecked();
        PageCache pages = files.get(from);
        if (pages != null && pages.hasUnforcedData()) {
            throw new IllegalStateException("PowerCut does not model renaming a file with unforced data: " + from);
        }
        files.remove(from);
        files.remove(to);
    }

    /** @return how many of {@code wanted} bytes fit on the disk (a short write), or throws ENOSPC. */
    int reserveSpace(int wanted) throws IOException {
        while (true) {
            long left = spaceLeft.get();
            if (left == Long.MAX_VALUE) {
                return wanted;
            }
            if (left <= 0 && wanted > 0) {
                throw new IOException("No space left on device");
            }
            int granted = (int) Math.min(wanted, left);
            if (spaceLeft.compareAndSet(left, left - granted)) {
                return granted;
            }
        }
    }

    /** A write, truncate or force begins: the one the cut was set for finds the power off. */
    void diskOperationStarting() throws IOException {
        if (diskOperations.incrementAndGet() == cutAtOperation.get()) {
            cut();
        }
        checkOn();
    }

    void forced() {
        forceCalls.incrementAndGet();
    }

    void checkOn() throws IOException {
        if (off) {
            throw new IOException("Input/output error (simulated power cut) in " + folder);
        }
    }

    void checkOnUnchecked() {
        if (off) {
            throw new IllegalStateException("Input/output error (simulated power cut) in " + folder);
        }
    }
}
