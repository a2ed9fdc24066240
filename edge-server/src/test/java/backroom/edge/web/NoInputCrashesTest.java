package backroom.edge.web;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.SharedBox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No body a client can send makes the box answer 5xx: every write route gets a valid body with
 * every field it reads (which must be taken), then one value at a time swapped for something hostile (a 5,000-character string, a number too big
 * for a long, the largest long, a negative, a boolean, an object, an array, null), and every
 * answer must be 2xx or a 4xx problem+json. A value the code does not check reaches the database
 * and fails there as a 500; this is the walk that finds it.
 */
class NoInputCrashesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> HOSTILE = List.of(
            NODES.textNode("x".repeat(5_000)),
            NODES.numberNode(new BigInteger("100000000000000000000000000000")),
            NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(-1),
            NODES.booleanNode(true),
            NODES.objectNode(),
            NODES.arrayNode(),
            NODES.nullNode());

    @RegisterExtension
    static final SharedBox box = new SharedBox();

    @Test
    void noHostileValueInAnyWriteBodyGetsA5xx() {
        Api api = box.api();
        String shift = api.openShift("fuzz-r1");
        String toRefund = api.ringSale(Sales.twoLargeLattesWithExtraShot("fuzz-r1", shift)).field("saleId");
        String toVoid = api.ringSale(Sales.twoLargeLattesWithExtraShot("fuzz-r1", shift)).field("saleId");
        String cashier = box.box().addStaff("Fuzz cashier", "cashier", "73519");
        String code = api.post("/api/v1/devices/pairing-codes", Map.of("name", "Fuzz", "kind", "terminal")).field("code");
        Api device = box.box().newDevice("terminal");
        SoftAssertions soft = new SoftAssertions();
        int sent = 0;

        sent += walk(soft, "POST /api/v1/devices/pairing-codes", "{\"name\":\"Fuzz\",\"kind\":\"terminal\"}",
                body -> api.post("/api/v1/devices/pairing-codes", body));
        sent += walk(soft, "POST /api/v1/devices/pair", "{\"code\":\"" + code + "\"}",
                body -> api.anonymous().post("/api/v1/devices/pair", body));
        sent += walk(soft, "POST /api/v1/sessions", "{\"pin\":\"73519\",\"staffId\":\"" + cashier + "\"}",
                body -> device.post("/api/v1/sessions", body));
        sent += walk(soft, "POST /api/v1/staff", "{\"name\":\"Fuzz\",\"pin\":\"4321\",\"role\":\"cashier\"}",
                body -> api.post("/api/v1/staff", body));
        sent += walk(soft, "PATCH /api/v1/staff/{id}", "{\"name\":\"Fuzz 2\",\"pin\":\"54321\",\"role\":\"cashier\"}",
                body -> api.patch("/api/v1/staff/" + cashier, body));
        sent += walk(soft, "PUT /api/v1/catalog/products/{id}", """
                {"id":"fuzz-product","name":"Fuzz","price":1000,"sku":"F-1","barcode":"123","categoryId":"tea","taxId":"ppn-10",
                 "trackStock":true,"station":"bar","variants":[{"id":"big","name":"Big","priceDelta":500}],
                 "modifiers":[{"id":"ice","name":"Ice","price":0}]}""",
                body -> api.put("/api/v1/catalog/products/fuzz-product", body));
        sent += walk(soft, "POST /api/v1/stock/{productId}/adjustments", "{\"delta\":5,\"reason\":\"delivery\"}",
                body -> api.post("/api/v1/stock/fuzz-product/adjustments", body));
        sent += walk(soft, "POST /api/v1/shifts", "{\"registerId\":\"fuzz-r2\",\"openingFloat\":1000}",
                body -> api.post("/api/v1/shifts", body));
        sent += walk(soft, "POST /api/v1/shifts/{id}/cash-movements", "{\"kind\":\"in\",\"amount\":1000,\"reason\":\"top-up\"}",
                body -> api.post("/api/v1/shifts/" + shift + "/cash-movements", body));
        String sale = """
                {"registerId":"fuzz-r1","shiftId":"%s","orderType":"dine_in","tableId":"t5","customerId":null,
                 "items":[{"productId":"coffee-latte","variantId":"large","quantity":2,"modifierIds":["extra-shot"],
                           "notes":"no sugar","discount":0}],
                 "payments":[{"method":"cash","amount":100000,"reference":null,"tip":0}]}""".formatted(shift);
        sent += walk(soft, "POST /api/v1/sales", sale, body -> api.ringSale(UUID.randomUUID().toString(), body));
        sent += walk(soft, "POST /api/v1/sales/{id}/refunds",
                "{\"items\":[{\"lineNo\":1,\"quantity\":1}],\"reason\":\"spilt\",\"method\":\"cash\",\"shiftId\":\"" + shift + "\"}",
                body -> api.postWithKey("/api/v1/sales/" + toRefund + "/refunds", UUID.randomUUID().toString(), body));
        for (String key : new String[] {"k".repeat(1_000), " ", "\u00e9\u00e9"}) {
            check(soft, "POST /api/v1/sales with Idempotency-Key " + shorten(key), api.ringSale(key, read(sale)));
            check(soft, "POST /api/v1/sales/{id}/refunds with Idempotency-Key " + shorten(key),
                    api.postWithKey("/api/v1/sales/" + toRefund + "/refunds", key, Map.of("reason", "key")));
            sent += 2;
        }
        sent += walk(soft, "POST /api/v1/sales/quote", """
                {"items":[{"productId":"coffee-latte","variantId":"large","quantity":2,"modifierIds":["extra-shot"],
                           "notes":"no sugar","discount":0}]}""", body -> api.post("/api/v1/sales/quote", body));
        sent += walk(soft, "POST /api/v1/checks", "{\"tableId\":\"fuzz-t1\",\"name\":\"Ana\",\"orderType\":\"dine_in\",\"guests\":2}",
                body -> api.postWithKey("/api/v1/checks", UUID.randomUUID().toString(), body));
        String check = api.postWithKey("/api/v1/checks", UUID.randomUUID().toString(), Map.of("name", "fuzz")).field("checkId");
        String other = api.postWithKey("/api/v1/checks", UUID.randomUUID().toString(), Map.of("name", "fuzz 2")).field("checkId");
        String checks = "/api/v1/checks/" + check;
        sent += walk(soft, "POST /api/v1/checks/{id}/rounds", """
                {"items":[{"productId":"coffee-latte","variantId":"large","quantity":2,"modifierIds":["extra-shot"],
                           "notes":"no sugar","discount":0}]}""",
                body -> api.postWithKey(checks + "/rounds", UUID.randomUUID().toString(), body));
        sent += walk(soft, "POST /api/v1/checks/{id}/move", "{\"tableId\":\"fuzz-t2\"}", body -> api.post(checks + "/move", body));
        sent += walk(soft, "POST /api/v1/checks/{id}/merge", "{\"fromCheckId\":\"" + other + "\"}", body -> api.post(checks + "/merge", body));
        String split = "/api/v1/checks/" + api.postWithKey("/api/v1/checks", UUID.randomUUID().toString(), Map.of("name", "fuzz 3"))
                .field("checkId");
        api.postWithKey(split + "/rounds", UUID.randomUUID().toString(), Map.of("items", List.of(
                Sales.item("coffee-latte", "large", 1, List.of()), Sales.item("food-croissant", null, 1, List.of()))));
        sent += walk(soft, "POST /api/v1/checks/{id}/discount", "{\"amount\":100,\"reason\":\"regular\"}",
                body -> api.post(split + "/discount", body));
        sent += walk(soft, "POST /api/v1/checks/{id}/discount", "{\"percentBp\":500,\"reason\":\"regular\"}",
                body -> api.post(split + "/discount", body));
        sent += walk(soft, "POST /api/v1/checks/{id}/lines/{lineNo}/price", "{\"unitPrice\":20000,\"reason\":\"stale\"}",
                body -> api.post(split + "/lines/2/price", body));
        long grandTotal = api.get(split).number("grandTotal");
        sent += walk(soft, "POST /api/v1/checks/{id}/split", "{\"by\":\"items\",\"parts\":[{\"lineNos\":[1]},{\"lineNos\":[2]}]}",
                body -> api.post(split + "/split", body));
        sent += walk(soft, "POST /api/v1/checks/{id}/split", "{\"by\":\"amounts\",\"amounts\":[1," + (grandTotal - 1) + "],\"ways\":2}",
                body -> api.post(split + "/split", body));
        sent += walk(soft, "POST /api/v1/checks/{id}/payments", """
                {"registerId":"fuzz-r1","shiftId":"%s","partNo":1,"payments":[{"method":"card","amount":1,"reference":null,"tip":0}]}"""
                        .formatted(shift), body -> api.postWithKey(split + "/payments", UUID.randomUUID().toString(), body));
        sent += walk(soft, "POST /api/v1/drawer/open", "{\"registerId\":\"fuzz-r1\",\"reason\":\"change\"}",
                body -> api.post("/api/v1/drawer/open", body));
        sent += walk(soft, "POST /api/v1/sales/{id}/void", "{\"reason\":\"mistake\"}",
                body -> api.post("/api/v1/sales/" + toVoid + "/void", body));
        sent += walk(soft, "POST /api/v1/shifts/{id}/close", "{\"countedCash\":1000}",
                body -> api.post("/api/v1/shifts/" + shift + "/close", body));

        soft.assertAll();
        assertThat(sent).as("hostile bodies sent").isGreaterThan(300);
        assertThat(box.verifyChain().intact()).isTrue();
    }

    @Test
    void noHostileQueryValueGetsA5xx() {
        Api api = box.api();
        // Helidon refuses a request line over 4,096 bytes itself, before the box sees it.
        String wide = "x".repeat(1_000);
        SoftAssertions soft = new SoftAssertions();
        for (String query : new String[] {
                "/api/v1/sales?limit=-1", "/api/v1/sales?limit=99999999999999999999", "/api/v1/sales?limit=abc",
                "/api/v1/sales?cursor=" + wide, "/api/v1/sales?cursor=%00", "/api/v1/sales?from=yesterday", "/api/v1/sales?to=" + wide,
                "/api/v1/sales?from=2026-13-45T99:00:00Z", "/api/v1/sales/" + wide, "/api/v1/shifts?status=" + wide,
                "/api/v1/shifts?registerId=" + wide, "/api/v1/shifts/" + wide, "/api/v1/shifts/" + wide + "/report",
                "/api/v1/shifts/none/cash-movements", "/ws?since=-5", "/ws?since=abc"}) {
            check(soft, "GET " + shorten(query), api.get(query));
        }
        soft.assertAll();
    }

    /**
     * Sends the valid body, which must be taken, then the body with each value in turn (and each
     * object and array) swapped for each hostile value; returns how many were sent.
     */
    private static int walk(SoftAssertions soft, String route, String validBody, Function<JsonNode, Reply> send) {
        JsonNode valid = read(validBody);
        Reply taken = send.apply(valid);
        soft.assertThat(taken.status()).as(route + " with a valid body: " + shorten(taken.text())).isBetween(200, 299);
        int sent = 1;
        for (List<Object> path : leaves(valid, new ArrayList<>())) {
            for (JsonNode value : HOSTILE) {
                JsonNode body = valid.deepCopy();
                replace(body, path, value);
                check(soft, route + " with " + path + " = " + shorten(value.toString()), send.apply(body));
                sent++;
            }
        }
        return sent;
    }

    private static void check(SoftAssertions soft, String what, Reply reply) {
        soft.assertThat(reply.status()).as(what + ": " + shorten(reply.text())).isBetween(200, 499);
        if (reply.status() >= 400) {
            soft.assertThat(reply.contentType()).as(what).isEqualTo("application/problem+json");
        }
    }

    /** The path (field names and indexes) of every value that is not an object or array, and of every container too. */
    private static List<List<Object>> leaves(JsonNode node, List<Object> at) {
        List<List<Object>> paths = new ArrayList<>();
        if (!at.isEmpty()) {
            paths.add(List.copyOf(at));
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                at.add(name);
                paths.addAll(leaves(node.get(name), at));
                at.removeLast();
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                at.add(i);
                paths.addAll(leaves(node.get(i), at));
                at.removeLast();
            }
        }
        return paths;
    }

    private static void replace(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = path.getLast();
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
