package backroom.edge.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code install/install.sh} run as a technician runs it, from a copy of the checkout whose jar and
 * libs are stand-ins (the tests run before {@code package}), always with {@code --root}. The
 * commands that would change this machine (useradd, apt-get, systemctl, chown...) are replaced on
 * its PATH by stubs that only write down that they were called: {@link #machineCalls()}.
 */
final class Installer {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> MACHINE_COMMANDS = List.of("useradd", "userdel", "groupadd", "getent", "apt-get",
            "apt-cache", "systemctl", "udevadm", "chown", "chgrp", "runuser", "modprobe", "mvn");

    private final Path checkout;
    private final Path stubs;
    private final Path calls;

    /** What a run printed (stdout and stderr together), and how it exited. */
    record Ran(int exitCode, String output) {
    }

    Installer(Path workFolder) {
        this.checkout = workFolder.resolve("checkout");
        this.stubs = workFolder.resolve("stubs");
        this.calls = workFolder.resolve("machine-calls.txt");
        copy(REPO.resolve("backroom"), checkout.resolve("backroom"));
        copyFolder(REPO.resolve("install"), checkout.resolve("install"));
        copyFolder(REPO.resolve("device-profiles"), checkout.resolve("device-profiles"));
        write(checkout.resolve("edge-server/target/edge-server.jar"), "stand-in for the box's jar\n");
        write(checkout.resolve("edge-server/target/libs/helidon-webserver.jar"), "stand-in for a library\n");
        for (String command : MACHINE_COMMANDS) {
            Path stub = stubs.resolve(command);
            write(stub, "#!/bin/sh\necho \"" + command + " $*\" >> '" + calls + "'\nexit 1\n");
            setMode(stub, "rwxr-xr-x");
        }
    }

    /** Runs {@code install/install.sh} of the copy with {@code args}. */
    Ran run(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", checkout.resolve("install/install.sh").toString()));
        command.addAll(List.of(args));
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("PATH", stubs + ":" + environment.getOrDefault("PATH", "/usr/bin:/bin"));
        environment.remove("JAVA_HOME");
        return exec(command, environment);
    }

    /** Runs {@code command} to its end (at most 20 s) with {@code environment} as its whole environment. */
    static Ran exec(List<String> command, Map<String, String> environment) {
        try {
            Path output = Files.createTempFile("backroom-install-test", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
                builder.environment().clear();
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command + " did not end within 20 s:\n" + Files.readString(output));
                }
                return new Ran(process.exitValue(), Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The commands the script ran that would have changed this machine: none, under {@code --root}. */
    List<String> machineCalls() {
        try {
            return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every path under {@code root} with its mode, size, modification time and content hash. */
    static Map<String, String> tree(Path root) {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String hash = Files.isRegularFile(path) ? sha256(path) : "";
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                tree.put(root.relativize(path).toString(), mode + " " + Files.size(path) + " " + Files.getLastModifiedTime(path) + " " + hash);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a JDK of feature version {@code major} under {@code root}/usr/lib/jvm, as far as the launcher's rule looks. */
    static void jdk(Path root, String name, int major) {
        Path home = root.resolve("usr/lib/jvm").resolve(name);
        write(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + major + ".0.5\"\n");
        write(home.resolve("bin/javac"), "#!/bin/sh\n");
        setMode(home.resolve("bin/javac"), "rwxr-xr-x");
    }

    /** Says which distribution {@code root} is, as /etc/os-release does. */
    static void osRelease(Path root, String id, String versionId, String codename) {
        write(root.resolve("etc/os-release"), "ID=" + id + "\nVERSION_ID=\"" + versionId + "\"\nVERSION_CODENAME=" + codename + "\n");
    }

    /** Copies {@code from} and everything in it to {@code to}, symbolic links as links. */
    static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, LinkOption.NOFOLLOW_LINKS);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
            setMode(to, PosixFilePermissions.toString(Files.getPosixFilePermissions(from)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFolder(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            files.filter(Files::isRegularFile).forEach(file -> copy(file, to.resolve(file.getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setMode(Path file, String mode) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
