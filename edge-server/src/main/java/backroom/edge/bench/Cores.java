package backroom.edge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Which of the machine's cores a process may run on ({@code taskset}), so that parts that run on
 * separate machines in the field (the box; HQ and its broker) do not take each other's cores on
 * a bench machine. The box keeps every core but the last; HQ and the broker get the last one. A
 * process's thread started later keeps the cores of the thread that started it.
 */
final class Cores {

    private Cores() {
    }

    /** Every core but the last (on a one-core machine, that one: nothing to split). */
    static String forBox() {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores <= 2 ? "0" : "0-" + (cores - 2);
    }

    static String forHq() {
        return String.valueOf(Math.max(0, Runtime.getRuntime().availableProcessors() - 1));
    }

    static String all() {
        return "0-" + (Runtime.getRuntime().availableProcessors() - 1);
    }

    /** Holds every thread of process {@code pid} (and those they start) to {@code cores}. */
    static void pin(long pid, String cores) {
        try {
            Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cores, String.valueOf(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (taskset.waitFor() != 0) {
                throw new IllegalStateException("taskset could not hold process " + pid + " to cores " + cores);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("taskset is missing (util-linux)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
