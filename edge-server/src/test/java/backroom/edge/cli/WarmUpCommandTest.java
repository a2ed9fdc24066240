package backroom.edge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.ChildBox.CommandRun;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmUpCommandTest {

    @TempDir
    Path dir;

    @Test
    void aWarmUpRingsASaleOnAThrowAwayBoxLeavesNoFolderBehindAndItsJvmWritesTheClassArchive() throws Exception {
        Path archive = dir.resolve("backroom.jsa");
        Path temp = Files.createDirectories(dir.resolve("tmp"));

        CommandRun warmUp = run(List.of("-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive", "-Djava.io.tmpdir=" + temp),
                jarredClassPath());

        assertThat(warmUp.exitCode()).as(warmUp.output()).isZero();
        assertThat(warmUp.output()).contains("Warmed up: a throw-away box started, rang a sale and stopped.");
        assertThat(temp).as("the throw-away box's data folder, deleted").isEmptyDirectory();
        assertThat(Files.size(archive)).as("the class-data archive the JVM wrote as the warm-up exited").isGreaterThan(1 << 20);
    }

    /** {@code backroom warm-up} in a JVM of its own. */
    private static CommandRun run(List<String> flags, String classPath) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        line.addAll(flags);
        line.addAll(List.of("-cp", classPath, "backroom.edge.cli.BackroomCommand", "warm-up"));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        return new CommandRun(process.waitFor(), output);
    }

    /** This test's class path with each folder in it made a jar: the JVM archives classes from jars only, as the box runs. */
    private String jarredClassPath() {
        ToolProvider jar = ToolProvider.findFirst("jar").orElseThrow();
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Files.isDirectory(Path.of(entry))) {
                String jarred = dir.resolve("classes-" + entries.size() + ".jar").toString();
                assertThat(jar.run(System.out, System.err, "--create", "--file", jarred, "-C", entry, ".")).isZero();
                entry = jarred;
            }
            entries.add(entry);
        }
        return String.join(File.pathSeparator, entries);
    }
}
