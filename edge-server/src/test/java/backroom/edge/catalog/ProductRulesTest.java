package backroom.edge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SharedBox;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@code PUT /api/v1/catalog/products/{id}} accepts, at each limit docs/openapi.yaml gives
 * (ids of 1-64 letters, digits, '.', '_' or '-'; names of 1-200 characters; prices from 0 to 10^12;
 * variant deltas from -10^12 to 10^12), and that every refusal names each field at fault, exactly.
 */
class ProductRulesTest {

    private static final long MAX_PRICE = 1_000_000_000_000L;
    private static final String ID_RULE = "must be 1-64 letters, digits, '.', '_' or '-'";
    private static final String OPTION_ID_RULE = "must be a unique id of letters, digits, '.', '_' or '-'";
    private static final String NAME_RULE = "is required (at most 200 characters)";
    private static final String PRICE_RULE = "must be between 0 and 1000000000000";

    @RegisterExtension
    static final SharedBox box = new SharedBox();
    static Api api;

    @BeforeAll
    static void connect() {
        api = box.api();
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnceAndNothingIsWritten() {
        JsonNode before = api.get("/api/v1/catalog").body();
        long head = box.headSeq();

        Reply reply = api.put("/api/v1/catalog/products/bad", Map.of("id", "other", "name", " ", "price", -1,
                "taxId", "vat-99", "categoryId", "shoes"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.field("title")).isEqualTo("Invalid request");
        assertThat(reply.number("status")).isEqualTo(422);
        assertThat(reply.field("detail")).isEqualTo("id: does not match the id in the path");
        assertThat(Problems.errors(reply)).containsExactly(
                "id: does not match the id in the path",
                "name: " + NAME_RULE,
                "price: " + PRICE_RULE,
                "taxId: no tax rate vat-99",
                "categoryId: no category shoes");
        assertThat(box.headSeq()).isEqualTo(head);
        assertThat(api.get("/api/v1/catalog").body()).isEqualTo(before);
    }

    @Test
    void theIdInThePathIsOneTo64LettersDigitsDotsUnderscoresOrDashes() {
        long head = box.headSeq();

        assertThat(Problems.errors(put("x".repeat(65), product()))).containsExactly("id: " + ID_RULE);
        assertThat(Problems.errors(put("-leading-dash", product()))).containsExactly("id: " + ID_RULE);
        assertThat(Problems.errors(put("star*", product()))).containsExactly("id: " + ID_RULE);
        assertThat(box.headSeq()).isEqualTo(head);

        assertThat(put("x".repeat(64), product()).status()).isEqualTo(200);
        assertThat(put("A1._-z", product()).status()).isEqualTo(200);
        assertThat(put("7", product()).status()).isEqualTo(200);
    }

    @Test
    void aBodyIdMayRepeatThePathIdButNotDiffer() {
        Map<String, Object> same = product();
        same.put("id", "same-id");

        Reply reply = put("same-id", same);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.field("id")).isEqualTo("same-id");
    }

    @Test
    void aNameIsOneTo200CharactersNotBlank() {
        long head = box.headSeq();
        Map<String, Object> missing = product();
        missing.remove("name");
        Map<String, Object> empty = product();
        empty.put("name", "");
        Map<String, Object> tooLong = product();
        tooLong.put("name", "n".repeat(201));

        for (Map<String, Object> body : List.of(missing, empty, tooLong)) {
            assertThat(Problems.errors(put("named", body))).containsExactly("name: " + NAME_RULE);
        }
        assertThat(box.headSeq()).isEqualTo(head);

        Map<String, Object> longest = product();
        longest.put("name", "n".repeat(200));
        assertThat(put("named", longest).field("name")).isEqualTo("n".repeat(200));
    }

    @Test
    void aPriceIsFromZeroTo10ToThe12() {
        long head = box.headSeq();
        Map<String, Object> missing = product();
        missing.remove("price");

        assertThat(Problems.errors(put("priced", missing))).containsExactly("price: " + PRICE_RULE);
        assertThat(Problems.errors(put("priced", priced(-1)))).containsExactly("price: " + PRICE_RULE);
        assertThat(Problems.errors(put("priced", priced(MAX_PRICE + 1)))).containsExactly("price: " + PRICE_RULE);
        assertThat(box.headSeq()).isEqualTo(head);

        assertThat(put("priced", priced(0)).number("price")).isEqualTo(0);
        assertThat(put("priced", priced(MAX_PRICE)).number("price")).isEqualTo(MAX_PRICE);
    }

    @Test
    void aVariantDeltaIsWithinPlusOrMinus10ToThe12AndAModifierPriceFromZeroTo10ToThe12() {
        long head = box.headSeq();

        Reply outOfRange = put("options", withOptions(MAX_PRICE,
                List.of(variant("down", -MAX_PRICE - 1), variant("up", MAX_PRICE + 1)),
                List.of(modifier("below", -1), modifier("above", MAX_PRICE + 1))));

        // -10^12 - 1 is out of range, and only that: it is not also called a negative price.
        assertThat(Problems.errors(outOfRange)).containsExactly(
                "variants[0].priceDelta: is out of range",
                "variants[1].priceDelta: is out of range",
                "modifiers[0].price: is out of range",
                "modifiers[1].price: is out of range");
        assertThat(box.headSeq()).isEqualTo(head);

        Reply atTheLimits = put("options", withOptions(MAX_PRICE,
                List.of(variant("down", -MAX_PRICE), variant("up", MAX_PRICE)),
                List.of(modifier("free", 0), modifier("dear", MAX_PRICE))));
        assertThat(atTheLimits.status()).isEqualTo(200);
        assertThat(atTheLimits.body().path("variants").findValuesAsText("priceDelta")).containsExactly("-1000000000000", "1000000000000");
        assertThat(atTheLimits.body().path("modifiers").findValuesAsText("price")).containsExactly("0", "1000000000000");
    }

    @Test
    void aDeltaAtTheEndOfItsRangeIsStillHeldToThePrice() {
        long head = box.headSeq();

        // 5 - 10^12 is below zero; the delta itself is in range.
        Reply reply = put("cheap", withOptions(5, List.of(variant("huge-off", -MAX_PRICE)), List.of()));

        assertThat(Problems.errors(reply)).containsExactly("variants[0].priceDelta: would make the variant's price negative");
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void aPriceOutOfRangeIsTheOnlyFaultNamedNotItsVariantsToo() {
        long head = box.headSeq();
        Map<String, Object> noPrice = withOptions(0, List.of(variant("up", 1_000)), List.of());
        noPrice.remove("price");

        assertThat(Problems.errors(put("unpriced", noPrice))).containsExactly("price: " + PRICE_RULE);
        // Long.MAX_VALUE + 1 wraps below zero in long arithmetic; the variant is not what is wrong.
        assertThat(Problems.errors(put("unpriced", withOptions(Long.MAX_VALUE, List.of(variant("up", 1)), List.of()))))
                .containsExactly("price: " + PRICE_RULE);
        assertThat(Problems.errors(put("unpriced", withOptions(-1, List.of(variant("down", -1)), List.of()))))
                .containsExactly("price: " + PRICE_RULE);
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void variantAndModifierIdsAreWellFormedAndUniqueAndTheirNamesRequired() {
        long head = box.headSeq();
        List<Object> variants = new ArrayList<>();
        variants.add(variant("small", 0));
        variants.add(variant("small", 1_000));
        variants.add(Map.of("id", "-bad", "name", "Bad", "priceDelta", 0));
        variants.add(Map.of("name", "No id", "priceDelta", 0));
        variants.add(Map.of("id", "nameless", "name", " ", "priceDelta", 0));
        variants.add(null);
        List<Object> modifiers = new ArrayList<>();
        modifiers.add(modifier("shot", 1_000));
        modifiers.add(modifier("shot", 2_000));
        modifiers.add(Map.of("id", "x".repeat(65), "name", "Long id", "price", 0));
        modifiers.add(Map.of("id", "nameless", "price", 0));
        modifiers.add(null);

        Reply reply = put("choices", withOptions(10_000, variants, modifiers));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(Problems.errors(reply)).containsExactly(
                "variants[1].id: " + OPTION_ID_RULE,
                "variants[2].id: " + OPTION_ID_RULE,
                "variants[3].id: " + OPTION_ID_RULE,
                "variants[4].name: " + NAME_RULE,
                "variants[5].id: " + OPTION_ID_RULE,
                "variants[5].name: " + NAME_RULE,
                "modifiers[1].id: " + OPTION_ID_RULE,
                "modifiers[2].id: " + OPTION_ID_RULE,
                "modifiers[3].name: " + NAME_RULE,
                "modifiers[4].id: " + OPTION_ID_RULE,
                "modifiers[4].name: " + NAME_RULE);
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void anOptionsNameIsAtMost200Characters() {
        List<Object> longest = List.of(Map.of("id", "long", "name", "v".repeat(200), "priceDelta", 0));
        List<Object> tooLong = List.of(Map.of("id", "long", "name", "v".repeat(201), "priceDelta", 0));
        List<Object> modifierTooLong = List.of(Map.of("id", "long", "name", "m".repeat(201), "price", 0));

        Reply taken = put("long-names", withOptions(10_000, longest, List.of()));
        assertThat(taken.status()).isEqualTo(200);
        assertThat(taken.body().path("variants").get(0).path("name").asText()).hasSize(200);
        long head = box.headSeq();
        assertThat(Problems.errors(put("long-names", withOptions(10_000, tooLong, modifierTooLong))))
                .containsExactly("variants[0].name: " + NAME_RULE, "modifiers[0].name: " + NAME_RULE);
        assertThat(box.headSeq()).isEqualTo(head);
    }

    @Test
    void aVariantAndAModifierMayShareAnId() {
        Reply reply = put("shared-ids", withOptions(10_000, List.of(variant("oat", 0)), List.of(modifier("oat", 3_000))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("variants").findValuesAsText("id")).containsExactly("oat");
        assertThat(reply.body().path("modifiers").findValuesAsText("id")).containsExactly("oat");
    }

    @Test
    void aProductNeedsNoTaxCategoryVariantsOrModifiersAndDoesNotTrackStockUnlessAsked() {
        Reply reply = put("plain", product());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("taxId").isNull()).isTrue();
        assertThat(reply.body().path("categoryId").isNull()).isTrue();
        assertThat(reply.body().path("trackStock").asBoolean()).isFalse();
        assertThat(reply.body().path("stockOnHand").isNull()).isTrue();
        assertThat(reply.body().path("variants").isArray()).isTrue();
        assertThat(reply.body().path("variants").size()).isEqualTo(0);
        assertThat(reply.body().path("modifiers").isArray()).isTrue();
        assertThat(reply.body().path("modifiers").size()).isEqualTo(0);
    }

    private static Reply put(String id, Object body) {
        return api.put("/api/v1/catalog/products/" + id, body);
    }

    private static Map<String, Object> product() {
        return new HashMap<>(Map.of("name", "Thing", "price", 1_000));
    }

    private static Map<String, Object> priced(long price) {
        Map<String, Object> body = product();
        body.put("price", price);
        return body;
    }

    private static Map<String, Object> withOptions(long price, List<?> variants, List<?> modifiers) {
        Map<String, Object> body = priced(price);
        body.put("variants", variants);
        body.put("modifiers", modifiers);
        return body;
    }

    private static Map<String, Object> variant(String id, long priceDelta) {
        return Map.of("id", id, "name", "Variant " + id, "priceDelta", priceDelta);
    }

    private static Map<String, Object> modifier(String id, long price) {
        return Map.of("id", id, "name", "Modifier " + id, "price", price);
    }
}
