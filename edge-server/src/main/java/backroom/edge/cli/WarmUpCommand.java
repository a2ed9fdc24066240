package backroom.edge.cli;

import backroom.edge.bench.WarmUp;
import io.helidon.logging.common.LogConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code backroom warm-up}: starts a box of its own on an empty data folder and a free loopback
 * port, rings one sale through its HTTP API as a tablet would, stops it and deletes the folder
 * ({@link WarmUp}).
 *
 * <p>The unit runs it, with its own JVM flags, while there is no class-data archive, so that the
 * JVM writes one as the command exits ({@code -XX:+AutoCreateSharedArchive}) before the box first
 * starts. The JVM writes that archive only when it stops cleanly: a box whose power is cut before
 * it is ever stopped would otherwise start without one every time, 1.7-2.7 s to ready instead of
 * about 1 (bench footprint).
 */
@Command(name = "warm-up", description = "Start and stop a throw-away box, so the JVM writes its class-data archive (the unit runs it).")
final class WarmUpCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        LogConfig.configureRuntime();
        WarmUp.run();
        System.out.println("Warmed up: a throw-away box started, rang a sale and stopped.");
        return 0;
    }
}
