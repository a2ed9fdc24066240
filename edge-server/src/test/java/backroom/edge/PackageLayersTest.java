package backroom.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rule, read off the sources: a capability's package uses only those below it, so the
 * packages under {@code backroom.edge}, with the box that builds them all ({@code backroom.edge}
 * itself, here "box"), form no cycle; only the command line and the benchmarks, which start boxes,
 * stand above the box.
 */
class PackageLayersTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "backroom", "edge");
    /** {@code backroom.edge.sales.Sale} or {@code backroom.edge.Box}: the package under backroom.edge, or a top-level class. */
    private static final String BOX = "box";
    private static final Pattern REFERENCE = Pattern.compile("\\bbackroom\\.edge\\.([a-z][a-z0-9]*|[A-Z]\\w*)\\b");

    @Test
    void thePackagesUnderTheBoxFormNoCycle() throws IOException {
        Map<String, Set<String>> uses = uses();
        assertThat(uses).as("the sources were read").containsKeys("ledger", "sales", "access");
        List<String> cycle = cycle(uses);
        assertThat(cycle).as("packages using each other in a circle: " + String.join(" -> ", cycle)).isEmpty();
    }

    @Test
    void onlyTheCommandLineAndTheBenchmarksUseTheBoxItself() throws IOException {
        Set<String> above = new TreeSet<>();
        uses().forEach((from, targets) -> {
            if (targets.contains(BOX)) {
                above.add(from);
            }
        });
        assertThat(above).containsExactly("bench", "cli");
    }

    /** Package under backroom.edge -> what its files name: other packages, or classes of backroom.edge itself. */
    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Path folder = SOURCES.relativize(file.getParent());
                String from = folder.toString().isEmpty() ? BOX : folder.getName(0).toString();
                // A class named in a string (a child process started by its main class) is no import.
                String text = Files.readString(file).replaceFirst("(?m)^package [^;]+;", "").replaceAll("\"(?:[^\"\\\\\n]|\\\\.)*\"", "\"\"");
                Matcher reference = REFERENCE.matcher(text);
                Set<String> targets = uses.computeIfAbsent(from, key -> new TreeSet<>());
                while (reference.find()) {
                    String target = Character.isUpperCase(reference.group(1).charAt(0)) ? BOX : reference.group(1);
                    if (!target.equals(from)) {
                        targets.add(target);
                    }
                }
            }
        }
        return uses;
    }

    /** One cycle among the packages, as a path that ends where it starts; empty when there is none. */
    static List<String> cycle(Map<String, Set<String>> uses) {
        Map<String, Integer> state = new TreeMap<>();
        for (String start : new TreeSet<>(uses.keySet())) {
            List<String> path = new ArrayList<>();
            if (walk(start, uses, state, path)) {
                return path;
            }
        }
        return List.of();
    }

    private static final int ON_PATH = 1;
    private static final int DONE = 2;

    private static boolean walk(String node, Map<String, Set<String>> uses, Map<String, Integer> state, List<String> path) {
        Integer seen = state.get(node);
        if (seen != null && seen == DONE) {
            return false;
        }
        path.add(node);
        if (seen != null) {
            path.subList(0, path.indexOf(node)).clear();
            return true;
        }
        state.put(node, ON_PATH);
        for (String next : uses.getOrDefault(node, Set.of())) {
            if (walk(next, uses, state, path)) {
                return true;
            }
        }
        state.put(node, DONE);
        path.removeLast();
        return false;
    }

    @Test
    void theCycleFinderFindsACircleAndAcceptsALadder() {
        assertThat(cycle(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a")))).containsExactly("a", "b", "c", "a");
        assertThat(cycle(Map.of("a", Set.of("b", "c"), "b", Set.of("c"), "c", Set.of()))).isEmpty();
    }
}
