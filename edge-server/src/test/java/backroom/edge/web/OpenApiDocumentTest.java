package backroom.edge.web;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.access.Access;
import backroom.edge.access.Route;
import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.Sales;
import backroom.edge.testing.SharedBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docs/openapi.yaml} says what the box serves: every route of the route table and nothing
 * else, each with the access the route really asks for, and the fields of real answers.
 */
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "docs", "openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String HEALTH = "GET /observe/health";
    private static final String METRICS = "GET /observe/metrics";

    @RegisterExtension
    static final SharedBox box = new SharedBox();

    private static Map<String, Object> document;
    /** "METHOD /path" of every operation in the document. */
    private static Map<String, Map<String, Object>> operations;

    @BeforeAll
    static void read() throws IOException {
        assertThat(DOCUMENT).as("the OpenAPI file, from the edge-server module").exists();
        try (Reader reader = Files.newBufferedReader(DOCUMENT)) {
            document = new Yaml().load(reader);
        }
        operations = operationsOf(document);
    }

    @Test
    void documentsEveryRouteOfTheRouteTableAndNothingElse() {
        Set<String> served = new TreeSet<>();
        box.box().box().routes().all().forEach(route -> served.add(key(route)));
        served.add(HEALTH);
        served.add(METRICS);

        assertThat(operations.keySet()).isEqualTo(served);
    }

    @Test
    void givesEachOperationTheAccessItsRouteAsksFor() {
        SoftAssertions soft = new SoftAssertions();
        for (Route route : box.box().box().routes().all()) {
            Map<String, Object> operation = operations.get(key(route));
            soft.assertThat(operation).as(key(route)).isNotNull();
            if (operation != null) {
                soft.assertThat(operation.get("x-access")).as(key(route)).isEqualTo(accessName(route.access()));
            }
        }
        soft.assertThat(operations.get(HEALTH)).extracting(op -> op.get("x-access")).isEqualTo("public");
        soft.assertThat(operations.get(METRICS)).extracting(op -> op.get("x-access")).isEqualTo("public");
        soft.assertAll();
    }

    @Test
    void protectedOperationsNeedABearerTokenAndSay401And403() {
        SoftAssertions soft = new SoftAssertions();
        Set<String> operationIds = new LinkedHashSet<>();
        operations.forEach((key, operation) -> {
            soft.assertThat(operation.get("summary")).as(key + " summary").isNotNull();
            soft.assertThat(operationIds.add(String.valueOf(operation.get("operationId")))).as(key + " operationId is unique").isTrue();
            Map<String, Object> responses = map(operation.get("responses"));
            // OpenAPI: status codes MUST be quoted, or YAML reads them as numbers and JSON tools differ.
            assertThat(responses.keySet().stream().map(Object.class::cast)).as(key + " status codes are quoted")
                    .allMatch(String.class::isInstance);
            soft.assertThat(responses.keySet()).as(key + " answers").anyMatch(status -> status.startsWith("2") || status.equals("101"));
            if ("public".equals(operation.get("x-access"))) {
                soft.assertThat(operation.get("security")).as(key).isEqualTo(List.of());
            } else if ("guest".equals(operation.get("x-access"))) {
                soft.assertThat(operation.get("security")).as(key + ": no bearer token, a guest session").isEqualTo(List.of());
                soft.assertThat(responses).as(key).containsKeys("401");
            } else {
                soft.assertThat(operation.get("security")).as(key).isEqualTo(List.of(Map.of("bearerAuth", List.of())));
                soft.assertThat(responses).as(key).containsKeys("401", "403");
            }
        });
        soft.assertAll();
    }

    @Test
    void everyReferenceResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(document, refs);
        assertThat(refs).isNotEmpty();
        SoftAssertions soft = new SoftAssertions();
        for (String ref : refs) {
            soft.assertThatCode(() -> resolve(ref)).as(ref).doesNotThrowAnyException();
        }
        soft.assertAll();
    }

    @Test
    void realAnswersMatchTheirSchemasAllTheWayDown() {
        Api api = box.api();
        String shiftId = api.openShift("openapi-r1");
        SoftAssertions soft = new SoftAssertions();
        matches(soft, "PUT /api/v1/ingredients/{id}", "200", api.put("/api/v1/ingredients/openapi-milk", Map.of("name", "Milk",
                "unit", "ml", "lowAt", 500)));
        matches(soft, "PUT /api/v1/recipes/{productId}/variants/{variantId}", "200", api.put("/api/v1/recipes/coffee-latte/variants/large",
                Map.of("ingredients", List.of(Map.of("ingredientId", "openapi-milk", "quantity", 300)))));
        matches(soft, "POST /api/v1/ingredients/{id}/deliveries", "201", api.postWithKey("/api/v1/ingredients/openapi-milk/deliveries",
                "openapi-milk-1", Map.of("quantity", 1_000, "note", "dairy")));
        Reply sale = api.ringSale(Sales.twoLargeLattesWithExtraShot("openapi-r1", shiftId));
        Reply refused = api.post("/api/v1/sales", Map.of("registerId", "openapi-r1"));
        matches(soft, "GET /api/v1/ingredients/{id}", "200", api.get("/api/v1/ingredients/openapi-milk"));
        matches(soft, "GET /api/v1/ingredients", "200", api.get("/api/v1/ingredients"));
        matches(soft, "GET /api/v1/recipes/{productId}", "200", api.get("/api/v1/recipes/coffee-latte"));
        Reply table = api.put("/api/v1/self-order/tables/openapi-t1", Map.of("payLater", false));
        matches(soft, "PUT /api/v1/self-order/tables/{tableId}", "200", table);
        String code = table.body().path("url").asText().replaceAll(".*code=", "");
        Reply session = api.anonymous().post("/api/v1/self-order/sessions", Map.of("table", "openapi-t1", "code", code));
        matches(soft, "POST /api/v1/self-order/sessions", "201", session);
        Map<String, String> guest = Map.of("Authorization", "Guest " + session.field("session"));
        matches(soft, "GET /api/v1/self-order/menu", "200", api.anonymous().send("GET", "/api/v1/self-order/menu", guest, null));
        matches(soft, "POST /api/v1/self-order/guest-orders", "201", api.anonymous().send("POST", "/api/v1/self-order/guest-orders", guest,
                Map.of("items", List.of(Map.of("productId", "food-croissant", "quantity", 1)))));
        matches(soft, "GET /api/v1/self-order/orders", "200", api.get("/api/v1/self-order/orders"));

        matches(soft, "POST /api/v1/sales", "201", sale);
        matches(soft, "GET /api/v1/sales/{id}", "200", api.get("/api/v1/sales/" + sale.field("saleId")));
        matches(soft, "GET /api/v1/shifts/{id}", "200", api.get("/api/v1/shifts/" + shiftId));
        matches(soft, "GET /api/v1/shifts/{id}/report", "200", api.get("/api/v1/shifts/" + shiftId + "/report"));
        matches(soft, "GET /api/v1/catalog", "200", api.get("/api/v1/catalog"));
        matches(soft, "GET /api/v1/sales", "200", api.get("/api/v1/sales?limit=2"));
        matches(soft, "POST /api/v1/sales", "400", refused);
        Reply other = api.ringSale(Sales.twoLargeLattesWithExtraShot("openapi-r1", shiftId));
        matches(soft, "POST /api/v1/sales/{id}/refunds", "201", api.post("/api/v1/sales/" + sale.field("saleId") + "/refunds",
                Map.of("items", List.of(Map.of("lineNo", 1, "quantity", 1)), "reason", "spilt")));
        matches(soft, "POST /api/v1/sales/{id}/void", "200", api.post("/api/v1/sales/" + other.field("saleId") + "/void", Map.of("reason", "twice")));
        matches(soft, "POST /api/v1/shifts/{id}/cash-movements", "201", api.post("/api/v1/shifts/" + shiftId + "/cash-movements",
                Map.of("kind", "out", "amount", 1_000, "reason", "milk")));
        matches(soft, "GET /api/v1/shifts/{id}/cash-movements", "200", api.get("/api/v1/shifts/" + shiftId + "/cash-movements"));
        matches(soft, "POST /api/v1/drawer/open", "201", api.post("/api/v1/drawer/open", Map.of("registerId", "openapi-r1", "reason", "change")));
        matches(soft, "GET /api/v1/shifts", "200", api.get("/api/v1/shifts?registerId=openapi-r1"));
        matches(soft, "POST /api/v1/devices/pairing-codes", "201", api.post("/api/v1/devices/pairing-codes", Map.of("name", "Tab", "kind", "kds")));
        matches(soft, "GET /api/v1/devices", "200", api.get("/api/v1/devices"));
        matches(soft, "POST /api/v1/staff", "201", api.post("/api/v1/staff", Map.of("name", "Ana", "pin", "86420", "role", "cashier")));
        matches(soft, "GET /api/v1/staff", "200", api.get("/api/v1/staff"));
        Map<String, Object> dineIn = new HashMap<>(Sales.twoLargeLattesWithExtraShot("openapi-r1", shiftId));
        dineIn.put("orderType", "dine_in");
        dineIn.put("tableId", "t1");
        String orderId = api.ringSale(dineIn).field("orderId");
        matches(soft, "POST /api/v1/orders/{id}/bump", "200", api.post("/api/v1/orders/" + orderId + "/bump", Map.of("station", "bar")));
        matches(soft, "GET /api/v1/orders/{id}", "200", api.get("/api/v1/orders/" + orderId));
        matches(soft, "GET /api/v1/orders", "200", api.get("/api/v1/orders?station=bar"));
        matches(soft, "GET /api/v1/tables", "200", api.get("/api/v1/tables"));
        matches(soft, "POST /api/v1/shifts/{id}/close", "200", api.post("/api/v1/shifts/" + shiftId + "/close", Map.of("countedCash", 500_000)));
        matches(soft, "GET /api/v1/relay", "200", api.get("/api/v1/relay"));
        matches(soft, "GET /observe/health", "200", api.get("/observe/health"));
        soft.assertAll();
    }

    private static void matches(SoftAssertions soft, String operationKey, String status, Reply reply) {
        soft.assertThat(reply.status()).as(operationKey).isEqualTo(Integer.parseInt(status));
        List<String> mismatches = new ArrayList<>();
        conforms(reply.body(), responseSchema(operationKey, status), "$", mismatches);
        soft.assertThat(mismatches).as(operationKey + " " + status + " answer against its schema").isEmpty();
    }

    /**
     * Walks a real answer beside its schema, all the way down: every object field is documented,
     * every required one is there, and every value has a documented JSON type.
     */
    private static void conforms(JsonNode value, Map<String, Object> given, String at, List<String> mismatches) {
        Map<String, Object> schema = follow(given);
        if (schema.containsKey("oneOf")) {
            @SuppressWarnings("unchecked")
            List<Object> choices = (List<Object>) schema.get("oneOf");
            Map<String, Object> chosen = choices.stream().map(choice -> follow(map(choice)))
                    .filter(choice -> value.isNull() == types(choice).contains("null"))
                    .findFirst().orElse(Map.of("type", "none"));
            conforms(value, chosen, at, mismatches);
            return;
        }
        Set<String> types = types(schema);
        if (!types.isEmpty() && !types.contains(jsonType(value)) && !(value.isIntegralNumber() && types.contains("number"))) {
            mismatches.add(at + " is " + jsonType(value) + ", documented " + types);
            return;
        }
        if (value.isObject()) {
            Map<String, Object> properties = map(schema.get("properties"));
            @SuppressWarnings("unchecked")
            List<String> required = (List<String>) schema.getOrDefault("required", List.of());
            required.stream().filter(name -> !value.has(name)).forEach(name -> mismatches.add(at + "." + name + " is required but missing"));
            value.fieldNames().forEachRemaining(name -> {
                Object fieldSchema = properties.containsKey(name) ? properties.get(name) : schema.get("additionalProperties");
                if (fieldSchema instanceof Map<?, ?>) {
                    conforms(value.get(name), map(fieldSchema), at + "." + name, mismatches);
                } else {
                    mismatches.add(at + "." + name + " is not documented");
                }
            });
        } else if (value.isArray() && schema.get("items") != null) {
            for (int i = 0; i < value.size(); i++) {
                conforms(value.get(i), map(schema.get("items")), at + "[" + i + "]", mismatches);
            }
        }
    }

    private static Set<String> types(Map<String, Object> schema) {
        Object type = schema.get("type");
        Set<String> types = new TreeSet<>();
        if (type instanceof String one) {
            types.add(one);
        } else if (type instanceof List<?> many) {
            many.forEach(t -> types.add(String.valueOf(t)));
        }
        return types;
    }

    private static String jsonType(JsonNode value) {
        return switch (value.getNodeType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
            default -> value.getNodeType().name().toLowerCase();
        };
    }

    /** The schema of one answer, its references followed. */
    private static Map<String, Object> responseSchema(String operationKey, String status) {
        Map<String, Object> response = follow(map(map(operations.get(operationKey).get("responses")).get(status)));
        Map<String, Object> content = map(response.get("content"));
        assertThat(content).as(operationKey + " " + status + " content").isNotEmpty();
        return follow(map(map(content.values().iterator().next()).get("schema")));
    }

    private static Map<String, Map<String, Object>> operationsOf(Map<String, Object> openApi) {
        Map<String, Map<String, Object>> found = new TreeMap<>();
        map(openApi.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                found.put(method.toUpperCase() + " " + path, map(operation));
            }
        }));
        return found;
    }

    private static String key(Route route) {
        return route.method().text() + " " + route.template();
    }

    private static String accessName(Access access) {
        return switch (access) {
            case Access.Public p -> "public";
            case Access.Guest g -> "guest";
            case Access.AnyDevice d -> "any-device";
            case Access.Needs needs -> needs.permission().name();
        };
    }

    private static Map<String, Object> follow(Map<String, Object> node) {
        Object ref = node.get("$ref");
        return ref == null ? node : follow(resolve((String) ref));
    }

    private static Map<String, Object> resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only references inside the document: " + ref);
        }
        Object node = document;
        for (String part : ref.substring(2).split("/")) {
            node = map(node).get(part);
            if (node == null) {
                throw new IllegalArgumentException("nothing at " + ref);
            }
        }
        return map(node);
    }

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("$ref".equals(k)) {
                    refs.add((String) v);
                } else {
                    collectRefs(v, refs);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectRefs(item, refs));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }
}
