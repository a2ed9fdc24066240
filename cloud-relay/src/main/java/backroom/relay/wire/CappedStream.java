package backroom.relay.wire;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most {@code cap} bytes, then fails: an inflated message may not grow without bound. */
final class CappedStream extends FilterInputStream {

    private final long cap;
    private long read;

    CappedStream(InputStream in, long cap) {
        super(in);
        this.cap = cap;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) throws IOException {
        read += n;
        if (read > cap) {
            throw new IOException("the message inflates past " + cap + " bytes");
        }
    }
}
