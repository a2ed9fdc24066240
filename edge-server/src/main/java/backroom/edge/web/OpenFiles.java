package backroom.edge.web;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;

/** The process's open-file limit and the file descriptors it holds now, where the JVM can tell (Unix). */
public record OpenFiles(long limit, long open) {

    public static Optional<OpenFiles> ofThisProcess() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? Optional.of(new OpenFiles(unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount()))
                : Optional.empty();
    }

    /** What is left after {@code reserve} descriptors are kept back; below zero if even those are not there. */
    long leftAfter(int reserve) {
        return limit - open - reserve;
    }

    @Override
    public String toString() {
        return "limit " + limit + ", " + open + " open";
    }
}
