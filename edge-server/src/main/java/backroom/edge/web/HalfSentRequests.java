package backroom.edge.web;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps out of the log a request whose client sent part of its headers and closed the connection.
 * Helidon 4.2.6 logs each as "WARNING: Internal server error" with two stack traces, 18 lines
 * (2,000 such connections wrote 36,000 lines), though the box did nothing wrong and nobody is left
 * to answer. Such a record is dropped, with a short message of our own at FINE in its place; every
 * other record of Helidon's HTTP/1 logger is left as it is.
 */
public final class HalfSentRequests implements Filter {

    /**
     * Helidon's HTTP/1 logger, held here: java.util.logging keeps loggers only weakly, and one that
     * is collected before Helidon asks for it again comes back without this filter.
     */
    private static final Logger HELIDON_HTTP1 = Logger.getLogger("io.helidon.webserver.http1.Http1Connection");
    private static final Logger LOG = Logger.getLogger(HalfSentRequests.class.getName());

    private final Filter others;

    private HalfSentRequests(Filter others) {
        this.others = others;
    }

    /** Installs the filter on Helidon's HTTP/1 logger, once however many boxes a process starts. */
    public static synchronized void keepOutOfHelidonsLog() {
        Filter current = HELIDON_HTTP1.getFilter();
        if (!(current instanceof HalfSentRequests)) {
            HELIDON_HTTP1.setFilter(new HalfSentRequests(current));
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (ClientGone.causedBy(record.getThrown())) {
            LOG.fine("a client closed its connection half-way through a request's headers");
            return false;
        }
        return others == null || others.isLoggable(record);
    }
}
