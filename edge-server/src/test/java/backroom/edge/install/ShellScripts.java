package backroom.edge.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The shell scripts of the repository, found by name (.sh) or by their first line, so a new one is linted without being listed. */
final class ShellScripts {

    private static final Set<String> NOT_THE_REPOSITORY = Set.of(".git", "target", "data", "hq-data", "node_modules");

    private ShellScripts() {
    }

    /** The repository's shell scripts (a .sh name or a shell's #! line), relative to it; built output and data left out. */
    static List<String> inRepository() {
        List<String> scripts = new ArrayList<>();
        try {
            Files.walkFileTree(Installer.REPO, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return NOT_THE_REPOSITORY.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && (file.toString().endsWith(".sh") || startsAsShellScript(file))) {
                        scripts.add(Installer.REPO.relativize(file).toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scripts.stream().sorted().toList();
    }

    private static boolean startsAsShellScript(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            String start = new String(in.readNBytes(64), StandardCharsets.ISO_8859_1);
            String firstLine = start.lines().findFirst().orElse("");
            return firstLine.startsWith("#!") && firstLine.matches("#!.*\\b(ba)?sh\\b.*");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
