package backroom.edge.testing.powercut;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import org.h2.store.fs.FileBaseDefault;

/** A channel H2 opened on a {@link PowerCut} file: reads and writes go to the page cache, force to the disk. */
final class PageCacheChannel extends FileBaseDefault {

    private final PowerCut power;
    private final PageCache pages;
    private final FileChannel real;
    private final boolean writable;

    PageCacheChannel(PowerCut power, PageCache pages, FileChannel real, boolean writable) throws IOException {
        this.power = power;
        this.pages = pages;
        this.real = real;
        this.writable = writable;
        pages.attach(real);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return pages.read(real, dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        requireWritable();
        power.diskOperationStarting();
        int fits = power.reserveSpace(src.remaining());
        ByteBuffer part = src.slice(src.position(), fits);
        int written = pages.write(real, part, position);
        src.position(src.position() + written);
        return written;
    }

    @Override
    protected void implTruncate(long newLength) throws IOException {
        requireWritable();
        power.diskOperationStarting();
        pages.truncate(newLength);
    }

    @Override
    public long size() throws IOException {
        return pages.size();
    }

    @Override
    public void force(boolean metaData) throws IOException {
        if (writable) {
            power.diskOperationStarting();
            pages.force(real, metaData);
            power.forced();
        }
    }

    /** A real OS lock on the real file; the cut closes the real channel and so frees it. */
    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        power.closed(pages, real);
        real.close();
    }

    private void requireWritable() {
        if (!writable) {
            throw new NonWritableChannelException();
        }
    }
}
