package backroom.edge.pos;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Axe;
import backroom.edge.testing.HeadlessChromium;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The /pos page in headless Chromium against a real box: paired, a cashier signs in with a PIN and
 * opens the shift; a table's check takes two rounds, is split three ways and paid part by part,
 * each part with its own receipt number shown, and the table is free again; a sale rung while the
 * box restarts is rung once.
 */
class PosPageTest {

    private static final Pattern RECEIPT = Pattern.compile("Receipt (\\S+):");

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
    void aCashierRingsATwoRoundCheckOnATableSplitsItThreeWaysAndPaysEachPart() {
        signInAtTheTill();

        type("table-id", "t7");
        product("coffee-latte").click();
        waitUpTo(5).until(page -> browser.findElement(By.id("options")).isDisplayed());
        assertThat(Axe.seriousViolations(browser)).as("the till choosing a latte's size").isEmpty();
        browser.findElement(By.cssSelector("#variants input[value=large]")).click();
        browser.findElement(By.cssSelector("#modifiers input[value=extra-shot]")).click();
        browser.findElement(By.id("options-add")).click();
        product("food-croissant").click();
        browser.findElement(By.id("send-to-check")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("message")).getText().equals("Sent to the kitchen"));

        type("search", "Butter croissant");
        browser.findElement(By.id("search")).submit();
        browser.findElement(By.id("add-round")).click();
        waitUpTo(5).until(page -> browser.findElements(By.cssSelector("#check-lines li")).size() == 3);
        assertThat(browser.findElement(By.id("check-title")).getText()).isEqualTo("Table t7");

        type("split-ways", "3");
        browser.findElement(By.id("split")).click();
        waitUpTo(5).until(page -> browser.findElements(By.cssSelector("#parts button")).size() == 3);
        List<String> receipts = new ArrayList<>();
        for (int part = 1; part <= 3; part++) {
            int partNo = part;
            By payPart = By.xpath("//button[text()='Pay part " + partNo + "']");
            // The parts are drawn again as the live feed reports the check: click the button as it is then.
            waitUpTo(5).until(page -> {
                browser.findElement(payPart).click();
                return true;
            });
            waitUpTo(5).until(page -> browser.findElement(By.id("tender")).isDisplayed());
            if (part == 1) {
                assertThat(Axe.seriousViolations(browser)).as("the till taking a payment").isEmpty();
            }
            type("tendered", "50000");
            browser.findElement(By.id("take-payment")).click();
            int before = receipts.size();
            waitUpTo(5).until(page -> receiptShown().filter(receipt -> !receipts.contains(receipt)).isPresent());
            receipts.add(receiptShown().orElseThrow());
            assertThat(receipts).hasSize(before + 1);
        }
        assertThat(receipts).doesNotHaveDuplicates();

        Api api = box.api();
        JsonNode closed = api.get("/api/v1/checks?status=closed").body().path("checks").get(0);
        List<String> paidWith = new ArrayList<>();
        closed.path("parts").forEach(part -> paidWith.add(part.path("receiptNumber").asText()));
        assertThat(paidWith).containsExactlyElementsOf(receipts);
        long sum = 0;
        for (JsonNode part : closed.path("parts")) {
            sum += api.get("/api/v1/sales/" + part.path("saleId").asText()).body().path("grandTotal").asLong();
        }
        assertThat(sum).isEqualTo(closed.path("grandTotal").asLong());
        assertThat(table(api, "t7").path("status").asText()).isEqualTo("available");
        waitUpTo(5).until(page -> browser.findElements(By.cssSelector("#checks li")).isEmpty());
    }

    @Test
    void aSaleTakenWhileTheBoxRestartsIsRungOnceWithTheSameKey() {
        int port = box.port();
        signInAtTheTill();
        product("food-croissant").click();
        browser.findElement(By.id("pay-now")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("tender")).isDisplayed());
        assertThat(browser.findElement(By.id("due")).getText()).endsWith("25,300");

        box.stop();
        browser.findElement(By.id("take-payment")).click();
        waitUpTo(10).until(page -> browser.findElement(By.id("box-status")).getText().equals("box unreachable: retrying"));
        box = TestBox.restart(box, config -> config.withHttpPort(port));

        waitUpTo(20).until(page -> receiptShown().isPresent());
        assertThat(browser.findElement(By.id("box-status")).getText()).isEqualTo("online");
        assertThat(box.api().get("/api/v1/sales").body().path("items")).as("rung once").hasSize(1);
    }

    @Test
    void aGuestsOrderFromATableThatPaysFirstIsPaidAtTheTillAndGoesToTheKitchen() {
        Api manager = box.api();
        String url = manager.put("/api/v1/self-order/tables/t6", Map.of("payLater", false)).body().path("url").asText();
        String guest = manager.anonymous().post("/api/v1/self-order/sessions", Map.of("table", "t6", "code", url.replaceAll(".*code=", "")))
                .field("session");
        assertThat(manager.anonymous().send("POST", "/api/v1/self-order/guest-orders", Map.of("Authorization", "Guest " + guest),
                Map.of("items", List.of(Map.of("productId", "food-croissant", "quantity", 1)))).status()).isEqualTo(201);

        signInAtTheTill();
        waitUpTo(5).until(page -> !browser.findElements(By.cssSelector("#guest-orders li")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#guest-orders li")).getText()).contains("Table t6, order 1: 1 x Butter croissant");
        browser.findElement(By.cssSelector("#guest-orders li button")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("tender")).isDisplayed());
        assertThat(browser.findElement(By.id("tender-title")).getText()).isEqualTo("Take payment for guest order 1");
        assertThat(browser.findElement(By.id("due")).getText()).endsWith("25,300");
        browser.findElement(By.id("take-payment")).click();
        waitUpTo(5).until(page -> receiptShown().isPresent());
        waitUpTo(5).until(page -> browser.findElements(By.cssSelector("#guest-orders li")).isEmpty());
        assertThat(manager.get("/api/v1/orders?station=pastry").body().toString()).as("paid, so sent to the kitchen")
                .contains("Butter croissant");
        assertThat(manager.get("/api/v1/self-order/orders?status=paid").body().path("orders")).hasSize(1);

        assertThat(manager.anonymous().send("POST", "/api/v1/self-order/guest-orders", Map.of("Authorization", "Guest " + guest),
                Map.of("items", List.of(Map.of("productId", "food-banana-bread", "quantity", 2)))).status()).isEqualTo(201);
        waitUpTo(5).until(page -> browser.findElements(By.cssSelector("#guest-orders li")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#guest-orders li")).getText()).as("shown as it is placed, from the live feed")
                .contains("order 2: 2 x Banana bread");
    }

    @Test
    void theTillShowsItsShiftsXReport() {
        signInAtTheTill();
        product("food-croissant").click();
        browser.findElement(By.id("pay-now")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("tender")).isDisplayed());
        type("tip", "2000");
        browser.findElement(By.id("take-payment")).click();
        waitUpTo(5).until(page -> receiptShown().isPresent());
        assertThat(browser.findElement(By.id("last-receipt")).getText()).endsWith("tip IDR 2,000");
        browser.findElement(By.id("x-report-button")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("x-report")).isDisplayed());
        assertThat(browser.findElement(By.id("x-report-table")).getText()).contains("Sales 1 for IDR 25,300", "Taken by cash IDR 25,300",
                "Tips IDR 2,000", "Expected cash IDR 127,300");
        assertThat(Axe.seriousViolations(browser)).as("the till with its X report").isEmpty();
    }

    @Test
    void aSaleIsPaidWithAGiftCardWhoseBalanceTheTillShowsAndACardShortOfTheDueIsSaid() {
        Api office = box.api();
        String shift = office.openShift("r-office");
        for (Map.Entry<String, Integer> card : Map.of("GC-POS0001", 30_000, "GC-POS0002", 10_000).entrySet()) {
            office.postWithKey("/api/v1/gift-cards", card.getKey(), Map.of("number", card.getKey(), "amount", card.getValue(),
                    "registerId", "r-office", "shiftId", shift, "payments", List.of(Map.of("method", "cash", "amount", card.getValue()))));
        }
        signInAtTheTill();
        product("food-croissant").click();
        browser.findElement(By.id("pay-now")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("tender")).isDisplayed());
        new Select(browser.findElement(By.id("tender-method"))).selectByValue("gift_card");
        type("card-number", "GC-POS0002");
        browser.findElement(By.id("card-balance-button")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("card-balance")).getText().equals("holds IDR 10,000"));
        assertThat(Axe.seriousViolations(browser)).as("the tender with a gift card's balance").isEmpty();
        browser.findElement(By.id("take-payment")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("message")).getText().contains("holds 10000"));
        assertThat(receiptShown()).isEmpty();

        type("card-number", "GC-POS0001");
        browser.findElement(By.id("take-payment")).click();
        waitUpTo(5).until(page -> receiptShown().isPresent());
        assertThat(office.get("/api/v1/gift-cards/GC-POS0001").body().path("balance").asLong()).isEqualTo(30_000 - 25_300);
        assertThat(office.get("/api/v1/gift-cards/GC-POS0002").body().path("balance").asLong()).isEqualTo(10_000);
    }

    /** Pairs the page at register r-pos, signs a new cashier in with their PIN and opens the shift. */
    private void signInAtTheTill() {
        Api api = box.api();
        api.post("/api/v1/staff", Map.of("name", "Rina", "pin", "86420", "role", "cashier"));
        String code = api.post("/api/v1/devices/pairing-codes", Map.of("name", "Till 1", "kind", "terminal")).field("code");
        browser.get("http://127.0.0.1:" + box.port() + "/pos");
        waitUpTo(5).until(page -> browser.findElement(By.id("pairing-code")).isDisplayed());
        assertThat(Axe.seriousViolations(browser)).as("the pairing form").isEmpty();
        type("pairing-code", code);
        type("register-id", "r-pos");
        browser.findElement(By.cssSelector("#pairing button")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("pin")).isDisplayed());
        type("pin", "11111");
        browser.findElement(By.cssSelector("#sign-in button")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("message")).getText().contains("PIN"));
        assertThat(Axe.seriousViolations(browser)).as("the sign-in form after a wrong PIN").isEmpty();
        type("pin", "86420");
        browser.findElement(By.cssSelector("#sign-in button")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("opening-float")).isDisplayed());
        type("opening-float", "100000");
        browser.findElement(By.cssSelector("#open-shift button")).click();
        waitUpTo(5).until(page -> browser.findElement(By.id("till")).isDisplayed());
        assertThat(browser.findElement(By.id("cashier")).getText()).isEqualTo("Rina (cashier)");
        assertThat(Axe.seriousViolations(browser)).as("the till").isEmpty();
    }

    private WebElement product(String productId) {
        return waitUpTo(5).until(page -> browser.findElement(By.cssSelector("#products button[data-product-id='" + productId + "']")));
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private java.util.Optional<String> receiptShown() {
        Matcher matcher = RECEIPT.matcher(browser.findElement(By.id("last-receipt")).getText());
        return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
    }

    private static JsonNode table(Api api, String tableId) {
        for (JsonNode table : api.get("/api/v1/tables").body().path("tables")) {
            if (table.path("tableId").asText().equals(tableId)) {
                return table;
            }
        }
        throw new AssertionError("no table " + tableId);
    }

    private WebDriverWait waitUpTo(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds), Duration.ofMillis(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
