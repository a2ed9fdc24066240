package backroom.edge.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Tools a test runs for real (a browser, socat, shellcheck): where one is missing the test is skipped, except
 * under CI=true, where it fails, since CI installs them.
 */
public final class NeededTools {

    private NeededTools() {
    }

    /** Returns normally when every one of {@code tools} is there to run. */
    public static void require(String aptPackages, Path... tools) {
        for (Path tool : tools) {
            if (Files.isExecutable(tool)) {
                continue;
            }
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(tool + " is needed (apt-get install " + aptPackages + ")");
            }
            Assumptions.abort("no " + tool + " here: apt-get install " + aptPackages);
        }
    }
}
