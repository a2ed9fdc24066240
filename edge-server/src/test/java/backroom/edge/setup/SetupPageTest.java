package backroom.edge.setup;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.hardware.HardwareSetup;
import backroom.edge.testing.Api;
import backroom.edge.testing.Axe;
import backroom.edge.testing.HeadlessChromium;
import backroom.edge.testing.SignIn;
import backroom.edge.testing.TempFolders;
import backroom.edge.testing.TestBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The /setup page in headless Chromium against a real box with simulated printers (files) and a
 * kitchen printer nobody answers at: the technician pairs the laptop, signs in with the PIN, sees
 * each device's live status, prints a test page, makes pairing codes shown and printed, and reads
 * the relay's state and the store's settings.
 */
class SetupPageTest {

    private TestBox box;
    private ChromeDriver browser;
    private Path printer;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (box != null) {
            box.close();
        }
        if (printer != null) {
            TempFolders.delete(printer);
        }
    }

    @Test
    void aTechnicianPairsSignsInAndSetsUpTheStoresDevices() throws Exception {
        int deadPort = freePort();
        printer = Files.createTempDirectory("backroom-setup");
        box = TestBox.start(config -> config.withHardware(new HardwareSetup("receipt=generic-80mm@file:" + printer.resolve("receipt.prn")
                + ";kitchen=generic-80mm@tcp:127.0.0.1:" + deadPort
                + "?connectMs=200&replyMs=200;drawer=drawer-via-printer@printer:receipt")));
        browser = HeadlessChromium.start();
        Api api = box.api();
        browser.get("http://127.0.0.1:" + box.port() + "/setup");
        waitUpTo(5).until(page -> browser.findElement(By.id("pair-code")).isDisplayed());
        assertThat(Axe.seriousViolations(browser)).as("the pairing form").isEmpty();

        browser.findElement(By.id("pair-code")).sendKeys("000000");
        browser.findElement(By.cssSelector("#pairing button")).click();
        waitUpTo(5).until(page -> !browser.findElement(By.id("error")).getText().isEmpty());
        String laptopCode = api.post("/api/v1/devices/pairing-codes", Map.of("name", "Technician laptop", "kind", "terminal")).field("code");
        browser.findElement(By.id("pair-code")).clear();
        browser.findElement(By.id("pair-code")).sendKeys(laptopCode);
        browser.findElement(By.cssSelector("#pairing button")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("pin")).isDisplayed());
        browser.findElement(By.id("pin")).sendKeys(SignIn.TECHNICIAN_PIN);
        browser.findElement(By.cssSelector("#sign-in button")).click();

        waitUpTo(10).until(page -> browser.findElement(By.id("feed")).getText().equals("live"));
        assertThat(browser.findElement(By.id("who")).getText()).endsWith("(technician)");
        WebElement kitchen = waitUpTo(15).until(page -> row("kitchen").getText().contains("unreachable") ? row("kitchen") : null);
        assertThat(kitchen.findElement(By.cssSelector(".status")).getAttribute("class")).contains("bad");
        assertThat(row("receipt").getText()).contains("generic-80mm", "not asked yet");
        assertThat(row("drawer").findElement(By.tagName("button")).getText()).isEqualTo("Kick drawer");

        row("receipt").findElement(By.tagName("button")).click();
        waitUpTo(10).until(page -> printed().contains("TEST PAGE"));

        new Select(browser.findElement(By.id("print-on"))).selectByValue("receipt");
        browser.findElement(By.id("device-name")).clear();
        browser.findElement(By.id("device-name")).sendKeys("Till 2");
        browser.findElement(By.cssSelector("#new-code button")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("code-shown")).getText().equals("printed on receipt"));
        waitUpTo(10).until(page -> printed().contains("PAIRING CODE") && printed().contains("Till 2 (terminal)"));

        new Select(browser.findElement(By.id("print-on"))).selectByValue("");
        new Select(browser.findElement(By.id("device-kind"))).selectByValue("kds");
        browser.findElement(By.cssSelector("#new-code button")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("code-shown")).getText().matches("[0-9]{6}"));
        String shown = browser.findElement(By.id("code-shown")).getText();
        assertThat(api.anonymous().post("/api/v1/devices/pair", Map.of("code", shown)).field("kind")).isEqualTo("kds");

        assertThat(browser.findElement(By.id("relay-state")).getText()).startsWith("not configured");
        long head = api.headSeq();
        waitUpTo(10).until(page -> Long.parseLong(browser.findElement(By.id("relay-progress")).getDomProperty("max")) >= head);
        assertThat(browser.findElement(By.id("relay-acked")).getText()).as("the bar and the figures agree")
                .isEqualTo("seq 0 of " + browser.findElement(By.id("relay-progress")).getDomProperty("max"));
        assertThat(browser.findElement(By.id("relay-progress")).getDomProperty("value")).isEqualTo("0");
        assertThat(browser.findElement(By.id("store")).getText()).contains("Service charge", "IDR");
        assertThat(browser.findElement(By.id("taxes")).getText()).contains("%");

        assertThat(Axe.seriousViolations(browser)).as("the whole page, signed in").isEmpty();
    }

    @Test
    void aWrongPinKeepsTheLaptopPairedAndSaysWhy() {
        box = TestBox.start();
        browser = HeadlessChromium.start();
        String code = box.api().post("/api/v1/devices/pairing-codes", Map.of("name", "Laptop", "kind", "terminal")).field("code");
        browser.get("http://127.0.0.1:" + box.port() + "/setup");
        browser.findElement(By.id("pair-code")).sendKeys(code);
        browser.findElement(By.cssSelector("#pairing button")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("pin")).isDisplayed());
        browser.findElement(By.id("pin")).sendKeys("99999");
        browser.findElement(By.cssSelector("#sign-in button")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("error")).getText().contains("PIN"));
        assertThat(browser.findElement(By.id("pin")).isDisplayed()).as("still paired, asked for the PIN again").isTrue();
        assertThat(Axe.seriousViolations(browser)).as("the sign-in form after a wrong PIN").isEmpty();

        browser.navigate().refresh();
        waitUpTo(5).until(page -> browser.findElement(By.id("pin")).isDisplayed());
    }

    private WebElement row(String role) {
        return browser.findElement(By.cssSelector("#devices tr[data-role='" + role + "']"));
    }

    /** What the receipt printer was sent, as text. */
    private String printed() {
        try {
            Path file = printer.resolve("receipt.prn");
            return Files.exists(file) ? new String(Files.readAllBytes(file), Charset.forName("windows-1252")) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebDriverWait waitUpTo(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds), Duration.ofMillis(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.ignoring(org.openqa.selenium.NoSuchElementException.class);
        return wait;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
