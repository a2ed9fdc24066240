package backroom.edge.testing.powercut;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operating system's page cache for one real file, shared by every channel open on it.
 *
 * <p>Writes land in 4 KiB dirty pages and the real file does not change until {@link #force}.
 * A truncate is unforced too: real bytes at or after {@code durable} are treated as gone, so
 * they read as zeros if the file grows again before a force. Invariant: {@code durable <= size}.
 */
final class PageCache {

    static final int PAGE = 4096;

    private final Path file;
    private final TreeMap<Long, byte[]> dirty = new TreeMap<>();
    private final Set<FileChannel> realChannels = new HashSet<>();
    private long size = -1;   // as the file looks to its readers, cache included; -1 until first opened
    private long durable;     // real-file bytes below this offset are still part of the file
    private boolean dead;

    PageCache(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    synchronized void attach(FileChannel real) throws IOException {
        check();
        if (size < 0) {
            size = durable = real.size();
        }
        realChannels.add(real);
    }

    /** @return true when no channel is left and the disk holds everything */
    synchronized boolean detach(FileChannel real) {
        realChannels.remove(real);
        return realChannels.isEmpty() && !hasUnforcedData();
    }

    synchronized boolean hasUnforcedData() {
        return !dirty.isEmpty() || durable != size;
    }

    synchronized long size() throws IOException {
        check();
        return size;
    }

    synchronized long sizeOr(long realSize) {
        return dead || size < 0 ? realSize : size;
    }

    synchronized int read(FileChannel real, ByteBuffer dst, long position) throws IOException {
        check();
        if (dst.remaining() == 0) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        int length = (int) Math.min(dst.remaining(), size - position);
        for (int done = 0; done < length; ) {
            long offset = position + done;
            int inPage = (int) (offset % PAGE);
            int n = Math.min(PAGE - inPage, length - done);
            byte[] page = dirty.get(offset / PAGE);
            dst.put(page != null ? page : loadPage(real, offset / PAGE), inPage, n);
            done += n;
        }
        return length;
    }

    synchronized int write(FileChannel real, ByteBuffer src, long position) throws IOException {
        check();
        int length = src.remaining();
        for (int done = 0; done < length; ) {
            long offset = position + done;
            int inPage = (int) (offset % PAGE);
            int n = Math.min(PAGE - inPage, length - done);
            byte[] page = dirty.get(offset / PAGE);
            if (page == null) {
                page = loadPage(real, offset / PAGE);
                dirty.put(offset / PAGE, page);
            }
            src.get(page, inPage, n);
            done += n;
        }
        size = Math.max(size, position + length);
        return length;
    }

    synchronized void truncate(long newSize) throws IOException {
        check();
        if (newSize >= size) {
            return;
        }
        size = newSize;
        durable = Math.min(durable, newSize);
        dirty.tailMap((newSize + PAGE - 1) / PAGE).clear();
        byte[] last = dirty.get(newSize / PAGE);
        if (last != null) {
            Arrays.fill(last, (int) (newSize % PAGE), PAGE, (byte) 0);
        }
    }

    /** fsync: the real file takes the cache's length and every dirty page, then is forced. */
    synchronized void force(FileChannel real, boolean metaData) throws IOException {
        check();
        if (real.size() > durable) {
            real.truncate(durable);
        }
        for (Map.Entry<Long, byte[]> page : dirty.entrySet()) {
            writePage(real, page.getKey(), page.getValue());
        }
        if (real.size() < size) {
            writeFully(real, ByteBuffer.allocate(1), size - 1);
        }
        real.force(metaData);
        dirty.clear();
        durable = size;
    }

    /** Power loss: dirty pages are dropped, real channels closed (releasing their locks). */
    synchronized void cut() {
        dead = true;
        dirty.clear();
        for (FileChannel real : realChannels) {
            try {
                real.close();
            } catch (IOException alreadyGone) {
                // the power is off: there is nobody left to tell
            }
        }
        realChannels.clear();
    }

    private void check() throws IOException {
        if (dead) {
            throw new IOException("Input/output error (simulated power cut): " + file);
        }
    }

    private byte[] loadPage(FileChannel real, long pageIndex) throws IOException {
        byte[] page = new byte[PAGE];
        long start = pageIndex * PAGE;
        ByteBuffer buffer = ByteBuffer.wrap(page, 0, (int) Math.max(0, Math.min(PAGE, durable - start)));
        while (buffer.hasRemaining() && real.read(buffer, start + buffer.position()) >= 0) {
            // a real file shorter than durable (a sparse end) reads as zeros
        }
        return page;
    }

    private void writePage(FileChannel real, long pageIndex, byte[] page) throws IOException {
        long start = pageIndex * PAGE;
        int n = (int) Math.min(PAGE, size - start);
        if (n > 0) {
            writeFully(real, ByteBuffer.wrap(page, 0, n), start);
        }
    }

    private static void writeFully(FileChannel real, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            position += real.write(buffer, position);
        }
    }
}
