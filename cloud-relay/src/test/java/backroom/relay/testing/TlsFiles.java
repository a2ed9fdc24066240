package backroom.relay.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority and a broker certificate for 127.0.0.1 signed by it, and a Mosquitto
 * password file, each made by the test with {@code openssl} and {@code mosquitto_passwd}.
 */
public record TlsFiles(Path caCertificate, Path brokerCertificate, Path brokerKey, Path passwordFile) {

    public static TlsFiles make(Path dir, String username, String password) {
        TlsFiles files = new TlsFiles(dir.resolve("ca.pem"), dir.resolve("broker.pem"), dir.resolve("broker.key"), dir.resolve("passwords"));
        Path caKey = dir.resolve("ca.key");
        Path request = dir.resolve("broker.csr");
        Path names = dir.resolve("broker.ext");
        write(names, "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out",
                files.caCertificate().toString(), "-days", "2", "-subj", "/CN=backroom-test-ca");
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", files.brokerKey().toString(), "-out",
                request.toString(), "-subj", "/CN=127.0.0.1");
        run(dir, "openssl", "x509", "-req", "-in", request.toString(), "-CA", files.caCertificate().toString(), "-CAkey",
                caKey.toString(), "-CAcreateserial", "-out", files.brokerCertificate().toString(), "-days", "2", "-extfile", names.toString());
        run(dir, "mosquitto_passwd", "-c", "-b", files.passwordFile().toString(), username, password);
        return files;
    }

    /** Mosquitto's lines for a TLS listener that lets in only the password file's users. */
    public String mosquittoConfig() {
        return "cafile " + caCertificate + "\ncertfile " + brokerCertificate + "\nkeyfile " + brokerKey
                + "\nallow_anonymous false\npassword_file " + passwordFile + "\n";
    }

    private static void run(Path dir, String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(command[0] + " is needed for this test", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
