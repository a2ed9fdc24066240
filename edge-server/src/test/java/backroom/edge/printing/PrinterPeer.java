package backroom.edge.printing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The printer's side of a link, as a test scripts it: it keeps every byte a job sent and answers
 * each {@code DLE EOT n} with the status bytes of its current state (online, paper out, cover
 * open, silent), as an Epson would.
 */
class PrinterPeer {

    /** What the printer answers: its DLE EOT 1, 2 and 4 bytes, or nothing at all. */
    enum State {
        READY(0x12, 0x12, 0x12),
        PAPER_OUT(0x1A, 0x32, 0x72),
        COVER_OPEN(0x1A, 0x16, 0x12),
        DRAWER_OPEN(0x16, 0x12, 0x12),
        SILENT(-1, -1, -1);

        private final int[] answers;

        State(int one, int two, int four) {
            this.answers = new int[] {one, two, 0, four};
        }
    }

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile State state = State.READY;
    private volatile boolean hung;

    void set(State newState) {
        state = newState;
    }

    private volatile boolean hangAfterCut;

    /** Answers until it has taken a whole page (its cut), then nothing more: a printer that hangs with a job. */
    void hangAfterNextCut() {
        hangAfterCut = true;
    }

    /** Answers every question again. */
    void answerAll() {
        hangAfterCut = false;
        hung = false;
    }

    private boolean waitUntilReading() {
        while (!reading) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    synchronized byte[] received() {
        return received.toByteArray();
    }

    private volatile boolean reading = true;

    /** Stops reading the line, as a jammed printer does: what is sent waits in the buffers, questions go unanswered. */
    void stopReading() {
        reading = false;
    }

    void resumeReading() {
        reading = true;
    }

    /**
     * Reads {@code in} until it ends, answering status questions on {@code out}. A DLE is kept
     * back until the next byte shows whether it asks for status (DLE EOT n, no job's), so that a
     * reader of {@link #received} never sees half a question.
     */
    void serve(InputStream in, OutputStream out) throws IOException {
        int previous = -1;
        boolean dleHeld = false;
        int b;
        while (waitUntilReading() && (b = in.read()) >= 0) {
            if (dleHeld) {
                dleHeld = false;
                if (b == 0x04) {
                    int n = in.read();
                    int answer = n >= 1 && n <= 4 ? state.answers[n - 1] : -1;
                    if (answer >= 0 && !hung) {
                        out.write(answer);
                        out.flush();
                    }
                    previous = -1;
                    continue;
                }
                synchronized (this) {
                    received.write(0x10);
                }
            }
            if (b == 0x10) {
                dleHeld = true;
                previous = b;
                continue;
            }
            synchronized (this) {
                received.write(b);
            }
            if (previous == 0x1D && b == 0x56 && hangAfterCut) {
                hung = true;
            }
            previous = b;
        }
        if (dleHeld) {
            synchronized (this) {
                received.write(0x10);
            }
        }
    }
}
