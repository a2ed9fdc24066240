package backroom.edge.sales;

import static org.assertj.core.api.Assertions.assertThat;

import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.SharedBox;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad sale request gets a 4xx problem+json naming the field, and the ledger head stays put. */
class BadSaleInputTest {

    @RegisterExtension
    static final SharedBox box = new SharedBox();
    static Api api;
    static String shift;

    @BeforeAll
    static void connect() {
        api = box.api();
        shift = api.openShift("r1");
    }

    static String sale(String item, String payments) {
        return """
                {"registerId":"r1","shiftId":"%s","items":[%s],"payments":[%s]}""".formatted(shift, item, payments);
    }

    static String latte(String quantity) {
        return """
                {"productId":"coffee-latte","variantId":"large","quantity":%s,"modifierIds":["extra-shot"]}""".formatted(quantity);
    }

    static final String CASH = """
            {"method":"cash","amount":100000}""";

    static Stream<Arguments> badSales() {
        return Stream.of(
                Arguments.of("malformed JSON", "{\"registerId\":\"r1\",", 400, "body"),
                Arguments.of("not an object", "[1,2,3]", 400, "body"),
                Arguments.of("empty body", "", 400, "body"),
                Arguments.of("unknown product", sale("{\"productId\":\"unicorn-frappe\",\"quantity\":1}", CASH), 422, "items[0].productId"),
                Arguments.of("unknown variant", sale("{\"productId\":\"coffee-latte\",\"variantId\":\"venti\",\"quantity\":1}", CASH), 422, "items[0].variantId"),
                Arguments.of("unknown modifier", sale("{\"productId\":\"coffee-latte\",\"quantity\":1,\"modifierIds\":[\"gold-leaf\"]}", CASH), 422, "items[0].modifierIds"),
                Arguments.of("zero quantity", sale(latte("0"), CASH), 422, "items[0].quantity"),
                Arguments.of("negative quantity", sale(latte("-2"), CASH), 422, "items[0].quantity"),
                Arguments.of("absurd quantity", sale(latte("100000"), CASH), 422, "items[0].quantity"),
                Arguments.of("fractional quantity", sale(latte("1.5"), CASH), 400, "items[0].quantity"),
                Arguments.of("quantity as text", sale(latte("\"two\""), CASH), 400, "items[0].quantity"),
                Arguments.of("amount beyond a long", sale(latte("1"), "{\"method\":\"cash\",\"amount\":99999999999999999999999}"), 400, "payments[0].amount"),
                Arguments.of("absurd amount", sale(latte("1"), "{\"method\":\"cash\",\"amount\":9223372036854775807}"), 422, "payments[0].amount"),
                Arguments.of("negative amount", sale(latte("1"), "{\"method\":\"cash\",\"amount\":-5}"), 422, "payments[0].amount"),
                Arguments.of("unknown payment method", sale(latte("1"), "{\"method\":\"gold\",\"amount\":100000}"), 422, "payments[0].method"),
                Arguments.of("discount over the line", sale("{\"productId\":\"coffee-latte\",\"quantity\":1,\"discount\":999999}", CASH), 422, "items[0].discount"),
                Arguments.of("items of the wrong type", "{\"registerId\":\"r1\",\"shiftId\":\"" + shift + "\",\"items\":{},\"payments\":[]}", 400, "items"),
                Arguments.of("no items", sale("", CASH), 422, "items"),
                Arguments.of("no register", "{\"shiftId\":\"" + shift + "\",\"items\":[" + latte("1") + "],\"payments\":[" + CASH + "]}", 422, "registerId"),
                Arguments.of("unknown shift", "{\"registerId\":\"r1\",\"shiftId\":\"nope\",\"items\":[" + latte("1") + "],\"payments\":[" + CASH + "]}", 422, "shiftId"),
                Arguments.of("a key given twice", sale(latte("1").replace("\"quantity\":1", "\"quantity\":1,\"quantity\":3"), CASH), 400, "items[0].quantity"),
                Arguments.of("a key given twice at the top", sale(latte("1"), CASH).replace("{\"registerId\":\"r1\",", "{\"registerId\":\"r1\",\"registerId\":\"r2\","), 400, "registerId"),
                Arguments.of("an unpaired surrogate in a note", sale(latte("1").replace("}", ",\"notes\":\"oat \\ud800 milk\"}"), CASH), 400, "items[0].notes"),
                Arguments.of("a lone low surrogate", sale(latte("1").replace("}", ",\"notes\":\"\\udc00\"}"), CASH), 400, "items[0].notes"),
                Arguments.of("a reversed pair", sale(latte("1").replace("}", ",\"notes\":\"\\udc00\\ud83d\"}"), CASH), 400, "items[0].notes"),
                Arguments.of("an unpaired surrogate in a key", sale(latte("1").replace("}", ",\"n\\ud800\":1}"), CASH), 400, "items[0]"),
                Arguments.of("body over the size limit", sale(latte("1"), CASH).replace("\"r1\",", "\"r1\",\"pad\":\"" + "x".repeat(70_000) + "\","), 413, "body"),
                Arguments.of("body of a megabyte", sale(latte("1"), CASH).replace("\"r1\",", "\"r1\",\"pad\":\"" + "x".repeat(1_000_000) + "\","), 413, "body"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSales")
    void badSaleIsRefusedWithAProblemNamingTheFieldAndWritesNothing(String what, String body, int status, String field) {
        long headBefore = box.headSeq();

        Reply reply = api.postRaw("/api/v1/sales", body, UUID.randomUUID().toString());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.problemFields()).as(reply.toString()).containsExactly(field);
        assertThat(reply.body().path("status").asInt()).isEqualTo(status);
        assertThat(reply.body().path("title").asText()).isNotBlank();
        assertThat(box.headSeq()).isEqualTo(headBefore);
    }

    @Test
    void aSaleWithoutAnIdempotencyKeyIsRefused() {
        long headBefore = box.headSeq();

        Reply reply = api.postRaw("/api/v1/sales", sale(latte("1"), CASH), null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemFields()).containsExactly("Idempotency-Key");
        assertThat(box.headSeq()).isEqualTo(headBefore);
    }

    @Test
    void aWholeSurrogatePairIsText() {
        Reply reply = api.postRaw("/api/v1/sales", sale(latte("1").replace("}", ",\"notes\":\"\\ud83d\\ude00 no ice\"}"), CASH),
                UUID.randomUUID().toString());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        Reply sale = api.get("/api/v1/sales/" + reply.field("saleId"));
        assertThat(sale.body().path("lines").get(0).path("notes").asText()).isEqualTo("\uD83D\uDE00 no ice");
    }

    @ParameterizedTest(name = "Content-Type [{0}]")
    @MethodSource("notJson")
    void aBodyNotSentAsJsonIs415NamingTheContentType(String contentType) {
        long headBefore = box.headSeq();

        Reply reply = api.postAs("/api/v1/sales", contentType, sale(latte("1"), CASH), UUID.randomUUID().toString());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(415);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.problemFields()).containsExactly("Content-Type");
        assertThat(box.headSeq()).isEqualTo(headBefore);
    }

    static Stream<String> notJson() {
        return Stream.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json; charset=iso-8859-1", "application/jsonp", "text/json", "");
    }

    @Test
    void jsonWithAUtf8CharsetOrAPlusJsonTypeIsTaken() {
        Reply plain = api.postAs("/api/v1/sales", "application/json; charset=UTF-8", sale(latte("1"), CASH), UUID.randomUUID().toString());
        Reply vendor = api.postAs("/api/v1/sales", "application/vnd.backroom+json", sale(latte("1"), CASH), UUID.randomUUID().toString());

        assertThat(plain.status()).as(plain.toString()).isEqualTo(201);
        assertThat(vendor.status()).as(vendor.toString()).isEqualTo(201);
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        Reply reply = api.postRaw("/api/v1/sales",
                "{\"items\":[{\"productId\":\"coffee-latte\",\"quantity\":0}],\"payments\":[{\"method\":\"cash\",\"amount\":0}]}",
                UUID.randomUUID().toString());

        assertThat(reply.problemFields()).containsExactlyInAnyOrder("registerId", "shiftId", "items[0].quantity", "payments[0].amount");
    }
}
