package backroom.edge.selforder;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Axe;
import backroom.edge.testing.HeadlessChromium;
import backroom.edge.testing.TestBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The /order page in headless Chromium against a real box, from the table's QR code to the
 * kitchen: the link in the code opens the menu with its allergens; two lattes and a croissant sent
 * from a table that pays later are a round of the table's check on the kitchen's screens at once;
 * from a table that pays first, the order waits for the till, which rings it and sends it on.
 */
class SelfOrderPageTest {

    private TestBox box;
    private ChromeDriver browser;
    private Api manager;

    @BeforeEach
    void start() {
        box = TestBox.start();
        browser = HeadlessChromium.start();
        manager = box.api();
        require(manager.put("/api/v1/self-order/menu/food-croissant", Map.of("allergens", List.of("gluten", "milk", "egg"))));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        box.close();
    }

    @Test
    void aGuestScansTheTablesCodeAndTheirOrderReachesTheKitchen() {
        String url = require(manager.put("/api/v1/self-order/tables/t5", Map.of("payLater", true))).path("url").asText();
        String svg = manager.get("/api/v1/self-order/tables/t5/qr").text();
        assertThat(svg).startsWith("<svg").contains("Table t5: scan to order");

        browser.get(url);
        waitUpTo(10).until(page -> !browser.findElements(By.cssSelector("[data-add=coffee-latte]")).isEmpty());
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Table t5: order here");
        assertThat(browser.findElement(By.xpath("//li[.//div[text()='Butter croissant']]//div[@class='allergens']")).getText())
                .isEqualTo("Contains: gluten, milk, egg");
        assertThat(Axe.seriousViolations(browser)).as("the menu on a guest's phone").isEmpty();
        browser.findElement(By.cssSelector("[data-add=coffee-latte]")).click();
        browser.findElement(By.cssSelector("[data-add=coffee-latte]")).click();
        browser.findElement(By.cssSelector("[data-add=food-croissant]")).click();
        browser.findElement(By.id("send")).click();
        waitUpTo(10).until(page -> browser.findElement(By.id("message")).getText().endsWith("is with the kitchen."));

        JsonNode bar = manager.get("/api/v1/orders?station=bar").body();
        JsonNode pastry = manager.get("/api/v1/orders?station=pastry").body();
        assertThat(bar.toString()).contains("\"tableId\":\"t5\"").contains("Latte");
        assertThat(pastry.toString()).contains("Butter croissant");
        JsonNode check = manager.get("/api/v1/checks").body();
        assertThat(check.toString()).as("a round of the table's open check, paid later").contains("\"tableId\":\"t5\"");
        waitUpTo(10).until(page -> browser.findElements(By.cssSelector("#placed li")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#placed li")).getText()).contains("2 x Latte", "1 x Butter croissant",
                "with the kitchen");
        assertThat(Axe.seriousViolations(browser)).as("the page with an order sent").isEmpty();
    }

    @Test
    void anOrderFromATableThatPaysFirstWaitsForTheTillWhichRingsItAndSendsItOn() {
        String url = require(manager.put("/api/v1/self-order/tables/t6", Map.of("payLater", false))).path("url").asText();
        browser.get(url);
        waitUpTo(10).until(page -> !browser.findElements(By.cssSelector("[data-add=food-croissant]")).isEmpty());
        browser.findElement(By.cssSelector("[data-add=food-croissant]")).click();
        browser.findElement(By.id("send")).click();
        waitUpTo(10).until(page -> browser.findElement(By.id("message")).getText().contains("please pay"));
        assertThat(manager.get("/api/v1/orders?station=pastry").body().toString()).as("not in the kitchen before it is paid")
                .doesNotContain("Butter croissant");

        JsonNode waiting = manager.get("/api/v1/self-order/orders?status=waiting").body().path("orders");
        assertThat(waiting).hasSize(1);
        String shift = manager.openShift("r1");
        long total = waiting.get(0).path("total").asLong();
        JsonNode paid = require(manager.postWithKey("/api/v1/self-order/orders/" + waiting.get(0).path("orderId").asText() + "/payments",
                "pay-t6", Map.of("registerId", "r1", "shiftId", shift, "payments", List.of(Map.of("method", "cash", "amount", total)))));
        assertThat(paid.path("receiptNumber").asText()).isNotBlank();
        assertThat(paid.path("checkStatus").asText()).isEqualTo("closed");
        assertThat(manager.get("/api/v1/orders?station=pastry").body().toString()).contains("Butter croissant");
        assertThat(manager.get("/api/v1/self-order/orders?status=waiting").body().path("orders")).isEmpty();
        browser.navigate().refresh();
        waitUpTo(10).until(page -> browser.findElements(By.cssSelector("#placed li")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("#placed li")).getText()).contains("(paid)");
    }

    private static JsonNode require(backroom.edge.testing.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
        return reply.body();
    }

    private WebDriverWait waitUpTo(int seconds) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds), Duration.ofMillis(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
