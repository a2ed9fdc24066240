package backroom.edge.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.catalog.CatalogImport;
import backroom.edge.catalog.CurrentPriceList;
import backroom.edge.testing.Api;
import backroom.edge.testing.Axe;
import backroom.edge.testing.HeadlessChromium;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.TestBox;
import backroom.edge.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The /kds page in headless Chromium: it pairs, shows a new order within a second of the sale, and bumps it with a key. */
class KdsPageTest {

    private TestBox box;
    private ChromeDriver browser;

    @BeforeEach
    void start() {
        box = TestBox.start();
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        box.close();
    }

    @Test
    void aPairedScreenShowsANewOrderWithinASecondAndAKeyBumpsIt() {
        Api api = box.api();
        pairScreen("bar");
        assertThat(browser.findElements(By.cssSelector(".card"))).isEmpty();

        String shift = api.openShift("r-kds");
        Reply sale = api.ringSale(Sales.sale("r-kds", shift, List.of(Map.of("productId", "coffee-latte", "variantId", "large",
                "quantity", 2, "modifierIds", List.of("extra-shot"), "notes", "no sugar")), List.of(Sales.payment("cash", 100_000))));

        WebElement card = waitUpTo(Duration.ofSeconds(1)).until(page -> browser.findElements(By.cssSelector(".card")).stream()
                .findFirst().orElse(null));
        assertThat(card.getAttribute("data-order-id")).isEqualTo(sale.field("orderId"));
        assertThat(card.getText()).contains("2 x Latte (Large)", "Extra shot", "no sugar", "takeaway");
        assertThat(browser.findElement(By.id("all-day")).getText()).isEqualTo("2 x Latte");

        new Actions(browser).sendKeys("1").perform();

        waitUpTo(Duration.ofSeconds(5)).until(page -> "cooking".equals(
                api.get("/api/v1/orders/" + sale.field("orderId")).body().path("status").asText()));
        waitUpTo(Duration.ofSeconds(5)).until(page -> browser.findElement(By.cssSelector(".card .status")).getText()
                .equalsIgnoreCase("cooking"));
    }

    @Test
    void cardsTurnAmberAndRedAtTheStoresTimesAndTheKeysAreTheBarProfiles() {
        box.box().database().writer().submit((handle, ledger) -> CatalogImport.apply(handle, ledger, null,
                Json.MAPPER.valueToTree(Map.of("kdsAmberSeconds", 1, "kdsRedSeconds", 3)), new CurrentPriceList()));
        Api api = box.api();
        pairScreen("bar&keys=logic-controls-kb1700");
        String shift = api.openShift("r-kds");
        String orderId = api.ringSale(Sales.twoLargeLattesWithExtraShot("r-kds", shift)).field("orderId");

        waitUpTo(Duration.ofSeconds(3)).until(page -> cardClasses().contains("amber"));
        assertThat(cardClasses()).doesNotContain("red");
        waitUpTo(Duration.ofSeconds(4)).until(page -> cardClasses().contains("red"));
        assertThat(cardClasses()).doesNotContain("amber");

        new Actions(browser).sendKeys("1").perform();
        waitUpTo(Duration.ofSeconds(5)).until(page -> "cooking".equals(status(api, orderId)));
        new Actions(browser).sendKeys("R").perform();
        waitUpTo(Duration.ofSeconds(5)).until(page -> "pending".equals(status(api, orderId)));
    }

    @Test
    void aCookSignsInWithTheirPinBumpsAsThemselvesAndSignsOutLeavingTheScreenPaired() {
        Api api = box.api();
        String cook = api.post("/api/v1/staff", Map.of("name", "Sam", "pin", "24680", "role", "kitchen")).field("staffId");
        pairScreen("bar");
        browser.findElement(By.id("sign-in")).click();
        browser.findElement(By.id("pin")).sendKeys("13579");
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        waitUpTo(Duration.ofSeconds(5)).until(page -> browser.findElement(By.id("error")).getText().contains("wrong PIN"));
        assertThat(Axe.seriousViolations(browser)).as("the sign-in form, after a wrong PIN").isEmpty();
        assertThat(browser.findElement(By.id("screen")).isDisplayed()).as("a wrong PIN leaves the screen paired").isTrue();

        browser.findElement(By.id("pin")).sendKeys("24680");
        browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        waitUpTo(Duration.ofSeconds(5)).until(page -> browser.findElement(By.id("cook")).getText().equals("Sam (kitchen)"));
        waitUpTo(Duration.ofSeconds(5)).until(page -> browser.findElement(By.id("status")).getText().equals("online"));
        String shift = api.openShift("r-kds");
        String orderId = api.ringSale(Sales.twoLargeLattesWithExtraShot("r-kds", shift)).field("orderId");
        waitUpTo(Duration.ofSeconds(2)).until(page -> !browser.findElements(By.cssSelector(".card")).isEmpty());
        new Actions(browser).sendKeys("1").perform();
        waitUpTo(Duration.ofSeconds(5)).until(page -> "cooking".equals(status(api, orderId)));

        browser.findElement(By.id("sign-in")).click();
        waitUpTo(Duration.ofSeconds(5)).until(page -> browser.findElement(By.id("sign-in")).getText().equals("Sign in"));
        assertThat(browser.findElement(By.id("cook")).getText()).isEmpty();
        waitUpTo(Duration.ofSeconds(5)).until(page -> browser.findElement(By.id("status")).getText().equals("online"));
        new Actions(browser).sendKeys("1").perform();
        waitUpTo(Duration.ofSeconds(5)).until(page -> "ready".equals(status(api, orderId)));

        waitUpTo(Duration.ofSeconds(5)).until(page -> bumpedBy().size() == 2);
        assertThat(bumpedBy()).as("the first bump the cook's, the second the screen's own").containsExactly(cook, null);
    }

    /** Who made each kitchen change after the orders were created: the staff id, or null for the screen itself. */
    private List<String> bumpedBy() {
        return box.box().database().durableEntriesAfter(0, 10_000).stream()
                .filter(entry -> entry.type().startsWith("order.") && !entry.type().equals("order.created"))
                .map(entry -> tree(entry.payload()).path("by").path("staffId").asText(null))
                .toList();
    }

    private static JsonNode tree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String cardClasses() {
        return browser.findElement(By.cssSelector(".card")).getAttribute("class");
    }

    private static String status(Api api, String orderId) {
        return api.get("/api/v1/orders/" + orderId).body().path("status").asText();
    }

    @Test
    void aScreenThatLostTheBoxSaysSoAndCatchesUpWhenItIsBack() {
        pairScreen("pastry");

        int port = box.port();
        box.stop();
        waitUpTo(Duration.ofSeconds(5)).until(page -> browser.findElement(By.id("status")).getText().startsWith("offline"));
        box = TestBox.restart(box, config -> config.withHttpPort(port));
        String shift = box.api().openShift("r-kds");
        box.api().ringSale(Sales.one("r-kds", shift, "food-croissant", 25_300));

        waitUpTo(Duration.ofSeconds(15)).until(page -> browser.findElement(By.id("status")).getText().equals("online"));
        waitUpTo(Duration.ofSeconds(5)).until(page -> browser.findElements(By.cssSelector(".card")).size() == 1);
        assertThat(browser.findElement(By.cssSelector(".card")).getText()).contains("1 x Butter croissant");
    }

    @Test
    void thePageHasNoSeriousOrCriticalAccessibilityProblemsBeforeOrAfterPairing() {
        Api api = box.api();
        browser.get("http://127.0.0.1:" + box.port() + "/kds?station=bar");
        waitUpTo(Duration.ofSeconds(5)).until(page -> browser.findElement(By.id("code")).isDisplayed());
        assertThat(Axe.seriousViolations(browser)).as("the pairing form").isEmpty();

        String code = api.post("/api/v1/devices/pairing-codes", Map.of("name", "Bar screen", "kind", "kds")).field("code");
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.cssSelector("#pairing button")).click();
        waitUpTo(Duration.ofSeconds(15)).until(page -> browser.findElement(By.id("status")).getText().equals("online"));
        String shift = api.openShift("r-kds");
        api.ringSale(Sales.twoLargeLattesWithExtraShot("r-kds", shift));
        waitUpTo(Duration.ofSeconds(10)).until(page -> !browser.findElements(By.cssSelector(".card")).isEmpty());
        assertThat(Axe.seriousViolations(browser)).as("a screen with an order").isEmpty();
    }

    /** Opens the page for {@code station} (and what else the address says), pairs it with a new code and waits until it follows the feed. */
    private void pairScreen(String station) {
        String code = box.api().post("/api/v1/devices/pairing-codes", Map.of("name", station + " screen", "kind", "kds")).field("code");
        browser.get("http://127.0.0.1:" + box.port() + "/kds?station=" + station);
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.cssSelector("#pairing button")).click();
        waitUpTo(Duration.ofSeconds(10)).until(page -> browser.findElement(By.id("status")).getText().equals("online"));
    }

    private WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout, Duration.ofMillis(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }
}
