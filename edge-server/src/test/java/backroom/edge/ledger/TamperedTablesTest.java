package backroom.edge.ledger;

import static backroom.edge.testing.Sales.item;
import static backroom.edge.testing.Sales.payment;
import static backroom.edge.testing.Sales.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backroom.edge.Box;
import backroom.edge.BoxConfig;
import backroom.edge.cli.BackroomCommand;
import backroom.edge.testing.Api;
import backroom.edge.testing.Reply;
import backroom.edge.testing.TempFolders;
import backroom.edge.testing.TestBox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * A store's day (sales, a void, a refund, cash in, a no-sale open, a stock delivery, the Z report)
 * and then, on a copy of its data each time, one table changed on disk with the ledger left alone:
 * verify-ledger names the row that no longer agrees ({@code #} in an expected message stands for
 * an entry's seq), and a box refuses to start on a row changed after its verified point.
 */
class TamperedTablesTest {

    @TempDir
    static Path day;
    @TempDir
    Path copy;

    static String saleA;
    static String saleC;
    static String checkK;

    @BeforeAll
    static void aStoresDay() throws IOException {
        TestBox box = TestBox.start();
        Api api = box.api();
        require(api.put("/api/v1/catalog/products/cookie", Map.of("name", "Cookie", "price", 10_000, "taxId", "ppn-10",
                "categoryId", "food", "trackStock", true)), 200);
        require(api.post("/api/v1/stock/cookie/adjustments", Map.of("delta", 20, "reason", "opening count")), 200);
        require(api.put("/api/v1/ingredients/beans", Map.of("name", "Beans", "unit", "g", "lowAt", 900)), 200);
        require(api.put("/api/v1/recipes/coffee-latte/variants/large", Map.of("ingredients", List.of(Map.of("ingredientId", "beans",
                "quantity", 27)))), 200);
        require(api.postWithKey("/api/v1/ingredients/beans/deliveries", "beans-1", Map.of("quantity", 1_000)), 201);
        String shift = api.openShift("r1");
        saleA = require(api.ringSale(sale("r1", shift, List.of(item("coffee-latte", "large", 2, List.of("extra-shot")),
                item("cookie", null, 1, List.of())), List.of(payment("cash", 100_000)))), 201).field("saleId");
        require(api.ringSale(sale("r1", shift, List.of(item("coffee-latte", "large", 1, List.of())), List.of(payment("cash", 50_000)))), 201);
        saleC = require(api.ringSale(sale("r1", shift, List.of(item("cookie", null, 2, List.of())), List.of(payment("cash", 30_000)))), 201)
                .field("saleId");
        require(api.post("/api/v1/sales/" + saleC + "/void", Map.of("reason", "rang the wrong table")), 200);
        require(api.post("/api/v1/sales/" + saleA + "/refunds", Map.of("items", List.of(Map.of("lineNo", 2, "quantity", 1)),
                "reason", "stale")), 201);
        require(api.post("/api/v1/shifts/" + shift + "/cash-movements", Map.of("kind", "in", "amount", 50_000, "reason", "coins")), 201);
        require(api.post("/api/v1/drawer/open", Map.of("registerId", "r1", "reason", "change for the till")), 201);
        checkK = require(api.postWithKey("/api/v1/checks", "open-t1", Map.of("tableId", "t1")), 201).field("checkId");
        require(api.postWithKey("/api/v1/checks/" + checkK + "/rounds", "round-1", Map.of("items", List.of(item("cookie", null, 2,
                List.of())))), 201);
        require(api.post("/api/v1/checks/" + checkK + "/split", Map.of("by", "equally", "ways", 2)), 200);
        require(api.post("/api/v1/stock/cookie/adjustments", Map.of("delta", 5, "reason", "delivery")), 200);
        require(api.postWithKey("/api/v1/gift-cards", "card-1", Map.of("number", "GC-TAMPER1", "amount", 100_000, "registerId", "r1",
                "shiftId", shift, "payments", List.of(payment("card", 100_000)))), 201);
        require(api.ringSale(sale("r1", shift, List.of(item("coffee-latte", "large", 1, List.of())), List.of(Map.of("method", "gift_card",
                "amount", 28_800, "reference", "GC-TAMPER1")))), 201);
        require(api.put("/api/v1/loyalty/program", Map.of("amountPerPoint", 10_000, "pointValue", 1_000, "tiers", List.of(Map.of("id",
                "basic", "name", "Basic", "threshold", 0, "multiplierBp", 10_000)))), 200);
        String member = require(api.post("/api/v1/customers", Map.of("name", "Sari", "phone", "0811111111")), 201).field("customerId");
        Map<String, Object> membersSale = new java.util.HashMap<>(sale("r1", shift, List.of(item("coffee-latte", "large", 1, List.of())),
                List.of(payment("card", 28_800))));
        membersSale.put("customerId", member);
        require(api.ringSale(membersSale), 201);
        String t9 = require(api.put("/api/v1/self-order/tables/t9", Map.of("payLater", false)), 200).body().path("url").asText();
        String guest = require(api.anonymous().post("/api/v1/self-order/sessions", Map.of("table", "t9", "code",
                t9.replaceAll(".*code=", ""))), 201).field("session");
        require(api.anonymous().send("POST", "/api/v1/self-order/guest-orders", Map.of("Authorization", "Guest " + guest),
                Map.of("items", List.of(item("food-croissant", null, 1, List.of())))), 201);
        require(api.post("/api/v1/shifts/" + shift + "/close", Map.of("countedCash", 600_000)), 200);
        api.openShift("r2");
        box.stop();
        TempFolders.copy(box.dataDir(), day);
        box.deleteData();
    }

    static Stream<Arguments> tamperings() {
        return Stream.of(
                Arguments.of("a grand total made smaller", "UPDATE sales SET grand_total = grand_total - 10000 WHERE id = '%A'",
                        "sales row id %A: grand_total is 70500 but ledger entry # (sale.completed) says 80500"),
                Arguments.of("a payment made smaller", "UPDATE sale_payments SET amount = 90000 WHERE sale_id = '%A'",
                        "sale_payments row sale %A payment 1: amount is 90000 but ledger entry"),
                Arguments.of("a sale's time moved", "UPDATE sales SET sold_at = sold_at - INTERVAL '1' HOUR WHERE id = '%A'",
                        "sales row id %A: sold_at is"),
                Arguments.of("a sale line deleted", "DELETE FROM sale_lines WHERE sale_id = '%A' AND line_no = 2",
                        "sale_lines holds 1 rows of sale %A but ledger entry"),
                Arguments.of("a line's quantity changed", "UPDATE sale_lines SET quantity = 3 WHERE sale_id = '%A' AND line_no = 1",
                        "sale_lines row sale %A line 1: quantity is 3"),
                Arguments.of("a sale no entry rang", """
                        INSERT INTO sales (id, receipt_number, register_id, shift_id, order_type, currency, subtotal, tax_total,
                            service_charge, rounding, grand_total, paid, change_due, ledger_seq, sold_at)
                        SELECT 'forged', 'r1-000099', register_id, shift_id, order_type, currency, 1, 0, 0, 0, 1, 1, 0, 1, sold_at
                        FROM sales WHERE id = '%A'""", "row id forged points at no sale.completed entry"),
                Arguments.of("a line of no sale", """
                        INSERT INTO sale_lines (sale_id, line_no, product_id, product_name, modifier_ids, quantity, unit_price,
                            discount, line_total) VALUES ('nobody', 1, 'cookie', 'Cookie', '', 1, 10000, 0, 10000)""",
                        "row sale nobody line 1 belongs to no row of sales"),
                Arguments.of("a void removed", "DELETE FROM sale_voids WHERE sale_id = '%C'", "sale_voids has no row sale %C"),
                Arguments.of("a refund made bigger", "UPDATE refunds SET amount = amount + 5000 WHERE sale_id = '%A'",
                        "refunds row id"),
                Arguments.of("a refunded quantity changed", "UPDATE refund_lines SET quantity = 2", "refund_lines row refund"),
                Arguments.of("cash in made bigger", "UPDATE cash_movements SET amount = 90000", "cash_movements row id"),
                Arguments.of("stock on hand raised", "UPDATE stock_levels SET on_hand = on_hand + 100 WHERE product_id = 'cookie'",
                        "stock_levels row product cookie: on_hand is 123 but the ledger's entries add up to 23"),
                Arguments.of("a void's stock movement removed", "DELETE FROM stock_movements WHERE reason = 'void'",
                        "stock_movements holds 0 rows of ledger entry"),
                Arguments.of("a counted cash changed", "UPDATE shifts SET counted_cash = 700000", "shifts row id"),
                Arguments.of("an opening float changed", "UPDATE shifts SET opening_float = 1", "opening_float is 1 but ledger entry"),
                Arguments.of("a shift no entry opened", """
                        INSERT INTO shifts (id, register_id, open_register, opening_float, opened_at)
                        VALUES ('forged-shift', 'r9', 'r9', 0, CURRENT_TIMESTAMP)""", "shift forged-shift was opened but no shift.opened entry"),
                Arguments.of("a no-sale open's reason changed", "UPDATE drawer_openings SET reason = 'nothing'", "drawer_openings row id"),
                Arguments.of("a void's time moved", "UPDATE sale_voids SET voided_at = voided_at - INTERVAL '1' HOUR",
                        "sale_voids row sale %C: voided_at is"),
                Arguments.of("a void no entry made", """
                        INSERT INTO sale_voids (sale_id, reason, ledger_seq, voided_at)
                        SELECT id, 'forged', 2, sold_at FROM sales WHERE id = '%A'""", "row sale %A points at no sale.voided entry"),
                Arguments.of("a refund no entry made", """
                        INSERT INTO refunds (id, sale_id, shift_id, method, amount, reason, ledger_seq, refunded_at)
                        SELECT 'forged-refund', id, shift_id, 'cash', 1000, 'forged', 2, sold_at FROM sales WHERE id = '%A'""",
                        "row id forged-refund points at no sale.refunded entry"),
                Arguments.of("a second payment added to a sale", """
                        INSERT INTO sale_payments (sale_id, line_no, method, amount) VALUES ('%A', 2, 'card', 5000)""",
                        "sale_payments holds 2 rows of sale %A but ledger entry # (sale.completed) wrote 1"),
                Arguments.of("a second line added to a refund", """
                        INSERT INTO refund_lines (refund_id, line_no, quantity, amount)
                        SELECT id, 1, 1, 5000 FROM refunds WHERE sale_id = '%A'""",
                        "refund_lines holds 2 rows of refund"),
                Arguments.of("a payment of no sale", """
                        INSERT INTO sale_payments (sale_id, line_no, method, amount) VALUES ('nobody', 1, 'cash', 5000)""",
                        "row sale nobody payment 1 belongs to no row of sales"),
                Arguments.of("a refund line of no refund", """
                        SET REFERENTIAL_INTEGRITY FALSE;
                        INSERT INTO refund_lines (refund_id, line_no, quantity, amount) VALUES ('nobody', 1, 1, 5000)""",
                        "row refund nobody line 1 belongs to no row of refunds"),
                Arguments.of("cash out no entry made", """
                        INSERT INTO cash_movements (id, shift_id, kind, amount, reason, ledger_seq, moved_at)
                        SELECT 'forged-cash', shift_id, 'out', 50000, 'forged', 2, sold_at FROM sales WHERE id = '%A'""",
                        "row id forged-cash points at no cash.moved entry"),
                Arguments.of("a stock movement no entry made", """
                        INSERT INTO stock_movements (product_id, delta, reason, ledger_seq, moved_at)
                        VALUES ('cookie', 100, 'found', 2, CURRENT_TIMESTAMP)""", "points at no sale.completed or check.round_added or sale.voided"),
                Arguments.of("a stock level removed", "DELETE FROM stock_levels WHERE product_id = 'cookie'",
                        "stock_levels has no row for product cookie"),
                Arguments.of("a no-sale open no entry made", """
                        INSERT INTO drawer_openings (id, register_id, reason, ledger_seq, opened_at)
                        VALUES ('forged-open', 'r1', 'forged', 2, CURRENT_TIMESTAMP)""", "row id forged-open points at no drawer.opened entry"),
                Arguments.of("a kitchen item sent to another station", "UPDATE kitchen_items SET station = 'grill' WHERE sale_id = '%A'",
                        "kitchen_items row order %A item 1: station is grill but ledger entry # (order.created) says bar"),
                Arguments.of("a kitchen item bumped by hand", "UPDATE kitchen_items SET status = 'ready' WHERE sale_id = '%A' AND item_no = 2",
                        "kitchen_items row order %A item 2: status is ready but the ledger's entries say pending"),
                Arguments.of("a cancelled kitchen order brought back", "UPDATE kitchen_items SET status = 'pending' WHERE sale_id = '%C'",
                        "kitchen_items row order %C item 1: status is pending but the ledger's entries say cancelled"),
                Arguments.of("an order rushed by hand", "UPDATE kitchen_orders SET rush = TRUE WHERE id = '%A'",
                        "kitchen_orders row id %A: rush is true but the ledger's entries say false"),
                Arguments.of("an open check's total made smaller", "UPDATE checks SET grand_total = grand_total - 1000 WHERE id = '%K'",
                        "checks row id %K: grand_total is 22000 but ledger entry # (check.split) says 23000"),
                Arguments.of("a check's part marked paid by hand", "UPDATE check_parts SET sale_id = 'forged' WHERE part_no = 1",
                        "check_parts row check %K part 1: sale_id is forged but ledger entry # (check.split) says null"),
                Arguments.of("a check opened by no entry", """
                        INSERT INTO checks (id, name, order_type, status, rounds, subtotal, tax_total, service_charge, rounding,
                            grand_total, tax_by_rate, ledger_seq, opened_at)
                        VALUES ('forged-check', 'Tab', 'dine_in', 'open', 0, 0, 0, 0, 0, 0, '{}', 2, CURRENT_TIMESTAMP)""",
                        "row id forged-check points at no check.opened entry"),
                Arguments.of("a check line no entry wrote", """
                        INSERT INTO check_lines (check_id, line_no, round_no, product_id, product_name, modifier_ids, quantity,
                            unit_price, discount, line_total) VALUES ('%K', 2, 1, 'cookie', 'Cookie', '', 1, 10000, 0, 10000)""",
                        "check_lines holds 2 rows of check %K but ledger entry # (check.split) leaves it 1"),
                Arguments.of("a check line of no check", """
                        SET REFERENTIAL_INTEGRITY FALSE;
                        INSERT INTO check_lines (check_id, line_no, round_no, product_id, product_name, modifier_ids, quantity,
                            unit_price, discount, line_total) VALUES ('nobody', 1, 1, 'cookie', 'Cookie', '', 1, 10000, 0, 10000)""",
                        "row nobody line 1 belongs to no row of checks"),
                Arguments.of("a check's part of no check", """
                        SET REFERENTIAL_INTEGRITY FALSE;
                        INSERT INTO check_parts (check_id, part_no, line_nos, subtotal, tax_total, service_charge, rounding, grand_total,
                            tax_by_rate) VALUES ('nobody', 1, '', 0, 0, 0, 0, 0, '{}')""",
                        "row nobody part 1 belongs to no row of checks"),
                Arguments.of("a check's line made cheaper", "UPDATE check_lines SET line_total = 1 WHERE check_id = '%K'",
                        "check_lines row check %K line 1: line_total is 1 but ledger entry # (check.split) says 20000"),
                Arguments.of("a check's part made cheaper", "UPDATE check_parts SET grand_total = 1 WHERE part_no = 2",
                        "check_parts row check %K part 2: grand_total is 1 but ledger entry # (check.split) says 11500"),
                Arguments.of("a check's part removed", "DELETE FROM check_parts WHERE part_no = 2",
                        "check_parts holds 1 rows of check %K but ledger entry # (check.split) leaves it 2"),
                Arguments.of("an open check's table let go by hand", "DELETE FROM table_holds",
                        "table_holds holds {} but the open checks' entries hold {t1=%K}"),
                Arguments.of("a gift card's balance raised", "UPDATE stored_value_accounts SET balance = balance + 1000",
                        "stored_value_accounts row card GC-TAMPER1: balance is 72200 but its movements add up to 71200"),
                Arguments.of("a gift card made store credit", "UPDATE stored_value_accounts SET kind = 'store_credit'",
                        "stored_value_accounts row card GC-TAMPER1: kind is store_credit but ledger entry # (stored_value.opened)"
                                + " says gift_card"),
                Arguments.of("a gift card's payment made smaller", "UPDATE stored_value_moves SET delta = -1 WHERE reason = 'payment'",
                        "stored_value_moves row seq #: delta is -1 but ledger entry # (stored_value.moved) says"),
                Arguments.of("a gift card topped up by no entry", """
                        INSERT INTO stored_value_moves (ledger_seq, card_number, delta, reason, balance, moved_at)
                        VALUES (2, 'GC-TAMPER1', 100000, 'top_up', 150000, CURRENT_TIMESTAMP)""",
                        "row seq 2 points at no stored_value.opened or stored_value.moved entry"),
                Arguments.of("a gift card opened by no entry", """
                        INSERT INTO stored_value_accounts (card_number, kind, balance, opened_seq, opened_at)
                        VALUES ('GC-FORGED1', 'gift_card', 0, 2, CURRENT_TIMESTAMP)""",
                        "stored_value_accounts holds 2 cards but the ledger's entries opened 1"),
                Arguments.of("an ingredient's stock raised", "UPDATE ingredients SET on_hand = on_hand + 100",
                        "ingredients row beans: on_hand is 965 but its movements add up to 865"),
                Arguments.of("an ingredient's low mark cleared by hand", "UPDATE ingredients SET is_low = FALSE",
                        "ingredients row beans: is_low is false at 865 on hand with its low mark at 900"),
                Arguments.of("a sale's use of an ingredient made smaller", "UPDATE ingredient_moves SET delta = -1 WHERE sale_id = '%A'",
                        "ingredient_moves row seq #: delta is -1 but ledger entry # (ingredient.moved) says -54"),
                Arguments.of("a line's use per unit made smaller", "UPDATE ingredient_uses SET per_unit = 1 WHERE sale_id = '%A'",
                        "ingredient_uses row sale %A line 1: per_unit is 1 but ledger entry # (ingredient.moved) says 27"),
                Arguments.of("a recipe changed by hand", "UPDATE recipe_lines SET quantity = 1",
                        "recipe_lines of coffee-latte variant large hold {beans=1} but entry # set {beans=27}"),
                Arguments.of("an ingredient delivered by no entry", """
                        INSERT INTO ingredient_moves (ledger_seq, ingredient_id, delta, reason, on_hand, moved_at)
                        VALUES (2, 'beans', 500, 'received', 1500, CURRENT_TIMESTAMP)""",
                        "row seq 2 points at no ingredient.moved entry"),
                Arguments.of("an ingredient renamed by hand", "UPDATE ingredients SET name = 'Sand'",
                        "ingredients row id beans: name is Sand but ledger entry # (ingredient.defined) says Beans"),
                Arguments.of("a line's use of an ingredient no entry made", """
                        INSERT INTO ingredient_uses (sale_id, line_no, ingredient_id, per_unit, ledger_seq)
                        VALUES ('%A', 9, 'beans', 5, 99)""",
                        "ingredient_uses holds 5 rows but the ledger's entries wrote 4"),
                Arguments.of("an ingredient defined by no entry", """
                        INSERT INTO ingredients (id, name, unit, on_hand, low_at, is_low, refuse_short, defined_seq)
                        VALUES ('forged', 'Forged', 'g', 0, NULL, FALSE, FALSE, 2)""",
                        "ingredients holds 2 rows but the ledger's entries defined 1"),
                Arguments.of("a member's points raised", "UPDATE customers SET points = points + 100",
                        "points 102 and spend 28800 but its movements add up to 2 and 28800"),
                Arguments.of("a member's points earned made more", "UPDATE loyalty_moves SET points = 50",
                        "loyalty_moves row seq #: points is 50 but ledger entry # (loyalty.moved) says 2"),
                Arguments.of("a member signed up by no entry", """
                        INSERT INTO customers (id, name, phone, points, lifetime_spend, tier, joined_seq, joined_at)
                        VALUES ('forged', 'Forged', '0899999999', 0, 0, 'basic', 2, CURRENT_TIMESTAMP)""",
                        "customers holds 2 members but the ledger's entries signed up 1"),
                Arguments.of("a member renamed by hand", "UPDATE customers SET name = 'Someone'",
                        "name is Someone but ledger entry # (customer.joined) says Sari"),
                Arguments.of("points given by no entry", """
                        INSERT INTO loyalty_moves (ledger_seq, customer_id, points, spend, kind, balance, lifetime_spend, tier, multiplier_bp,
                            amount_per_point, moved_at)
                        SELECT 2, id, 0, 0, 'earned', 2, 28800, 'basic', 10000, 10000, CURRENT_TIMESTAMP FROM customers""",
                        "row seq 2 points at no loyalty.moved entry"),
                Arguments.of("the loyalty program changed by hand", "UPDATE loyalty_program SET amount_per_point = 1",
                        "loyalty_program row 1: amount_per_point is 1 but ledger entry # (loyalty.program_set) says 10000"),
                Arguments.of("a guest's order made cheaper", "UPDATE self_orders SET total = 1",
                        "total is 1 but ledger entry # (self_order.placed) says 25300"),
                Arguments.of("a guest's order placed by no entry", """
                        INSERT INTO self_orders (id, order_no, table_id, status, items, total, placed_seq, placed_at)
                        VALUES ('forged', 9, 't9', 'waiting', '[]', 0, 3, CURRENT_TIMESTAMP)""",
                        "self_orders holds 2 orders placed after entry 0 but the ledger's entries placed 1"),
                Arguments.of("a table made to pay later by hand", "UPDATE self_order_tables SET pay_later = TRUE",
                        "self_order_tables row table t9: pay_later is true but ledger entry # (self_order.table_set) says false"),
                Arguments.of("an open shift closed by hand", "UPDATE shifts SET open_register = NULL, closed_at = CURRENT_TIMESTAMP,"
                        + " counted_cash = 0 WHERE register_id = 'r2'", "is closed but no shift.closed entry says so"));
    }

    @Test
    void theUntouchedDayVerifies() {
        TempFolders.copy(day, copy);

        assertThat(verifyLedger(copy)).startsWith("ledger OK: ");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void verifyLedgerNamesTheRowThatNoLongerAgreesWithTheLedger(String what, String sql, String named) {
        TempFolders.copy(day, copy);
        change(copy, sql.replace("%A", saleA).replace("%C", saleC).replace("%K", checkK));

        String said = verifyLedger(copy);

        String expected = named.replace("%A", saleA).replace("%C", saleC).replace("%K", checkK);
        assertThat(said).startsWith("tables DISAGREE with the ledger: ")
                .containsPattern(Arrays.stream(expected.split("#", -1)).map(Pattern::quote).collect(Collectors.joining("[0-9]+")));
    }

    @Test
    void aBoxRefusesToStartOnATableChangedAfterItsVerifiedPoint() {
        TempFolders.copy(day, copy);
        change(copy, "UPDATE shifts SET opening_float = 1 WHERE register_id = 'r2'");

        assertThatThrownBy(() -> LedgerDatabase.open(copy, Clock.systemUTC(), Box.tableAudits()).close())
                .isInstanceOf(LedgerDamagedException.class)
                .hasMessageContaining("a table no longer agrees with the ledger: shifts row id");
    }

    @Test
    void aRowAddedAfterTheVerifiedPointIsCountedFromTheEntryBeforeItAtStartUp() {
        TempFolders.copy(day, copy);
        moveVerifiedPointBackTo(copy, 3);
        change(copy, """
                INSERT INTO sales (id, receipt_number, register_id, shift_id, order_type, currency, subtotal, tax_total,
                    service_charge, rounding, grand_total, paid, change_due, ledger_seq, sold_at)
                SELECT 'forged', 'r1-000099', register_id, shift_id, order_type, currency, 1, 0, 0, 0, 1, 1, 0, 5, sold_at
                FROM sales WHERE id = '""" + saleA + "'");

        assertThatThrownBy(() -> LedgerDatabase.open(copy, Clock.systemUTC(), Box.tableAudits()).close())
                .isInstanceOf(LedgerDamagedException.class)
                .hasMessageContaining("sales holds 7 rows from after entry 2 but the ledger's entries wrote 6; row id forged points at"
                        + " no sale.completed entry");
    }

    @Test
    void aBoxThatStoppedWithoutMovingItsVerifiedPointHoldsEveryLaterEntrysRowsAtStartUp() {
        TempFolders.copy(day, copy);
        moveVerifiedPointBackTo(copy, 3);
        change(copy, "UPDATE sale_payments SET amount = 90000 WHERE sale_id = '" + saleA + "'");

        assertThatThrownBy(() -> LedgerDatabase.open(copy, Clock.systemUTC(), Box.tableAudits()).close())
                .isInstanceOf(LedgerDamagedException.class)
                .hasMessageContaining("sale_payments row sale " + saleA + " payment 1: amount is 90000");
    }

    @Test
    void theEntryAtTheVerifiedPointIsHashedAgainAtStartUp() {
        TempFolders.copy(day, copy);
        try (var handle = Jdbi.open(LedgerDatabase.urlFor(copy), "sa", "")) {
            handle.execute("DROP TRIGGER ledger_append_only");
            handle.execute("UPDATE ledger SET payload = REPLACE(payload, '\"openingFloat\":500000', '\"openingFloat\":1')"
                    + " WHERE seq = (SELECT MAX(seq) FROM ledger)");
        }

        assertThatThrownBy(() -> LedgerDatabase.open(copy, Clock.systemUTC(), Box.tableAudits()).close())
                .isInstanceOf(LedgerDamagedException.class)
                .hasMessageContaining("hash does not match the entry's contents");
    }

    @Test
    void aRowChangedBeforeTheVerifiedPointLetsTheBoxStartAndHealthNamesIt() throws Exception {
        TempFolders.copy(day, copy);
        change(copy, "UPDATE sale_payments SET amount = 90000 WHERE sale_id = '" + saleA + "'");

        JsonNode audit = auditCheckOnceDone(copy);

        assertThat(audit.path("status").asText()).isEqualTo("DOWN");
        assertThat(audit.path("data").path("problem").asText())
                .contains("a table no longer agrees with the ledger: sale_payments row sale " + saleA + " payment 1: amount is 90000");
    }

    @Test
    void anEntryChangedBeforeTheVerifiedPointLetsTheBoxStartAndHealthNamesIt() throws Exception {
        TempFolders.copy(day, copy);
        try (var handle = Jdbi.open(LedgerDatabase.urlFor(copy), "sa", "")) {
            handle.execute("DROP TRIGGER ledger_append_only");
            handle.execute("UPDATE ledger SET payload = REPLACE(payload, '80500', '70500') WHERE type = 'sale.completed'"
                    + " AND payload LIKE '%" + saleA + "%'");
        }

        JsonNode audit = auditCheckOnceDone(copy);

        assertThat(audit.path("status").asText()).isEqualTo("DOWN");
        assertThat(audit.path("data").path("problem").asText()).containsPattern("the hash chain breaks at entry [0-9]+: hash does not match");
    }

    @Test
    void anUntouchedDaysBoxWalksItsWholeLedgerAndSaysSo() throws Exception {
        TempFolders.copy(day, copy);
        long entries;
        try (var handle = Jdbi.open(LedgerDatabase.urlFor(copy), "sa", "")) {
            entries = handle.createQuery("SELECT COUNT(*) FROM ledger").mapTo(Long.class).one();
        }

        JsonNode audit = auditCheckOnceDone(copy);

        assertThat(audit.path("status").asText()).isEqualTo("UP");
        assertThat(audit.path("data").path("entriesChecked").asLong()).isEqualTo(entries).isGreaterThan(15);
    }

    @Test
    void aProductWhoseStockTrackingChangedAfterItsSalesIsNoFalseAlarmAfterACrash() {
        TestBox box = TestBox.start();
        Api api = box.api();
        Map<String, Object> tart = new java.util.HashMap<>(Map.of("name", "Tart", "price", 10_000, "taxId", "ppn-10",
                "categoryId", "food", "trackStock", true));
        require(api.put("/api/v1/catalog/products/tart", tart), 200);
        require(api.put("/api/v1/catalog/products/pie", Map.of("name", "Pie", "price", 10_000, "taxId", "ppn-10",
                "categoryId", "food")), 200);
        require(api.post("/api/v1/stock/tart/adjustments", Map.of("delta", 5, "reason", "baked")), 200);
        long beforeTheSales = box.headSeq();
        String shift = api.openShift("t1");
        require(api.ringSale(sale("t1", shift, List.of(item("tart", null, 1, List.of()), item("pie", null, 1, List.of())),
                List.of(payment("cash", 30_000)))), 201);
        tart.put("trackStock", false);
        require(api.put("/api/v1/catalog/products/tart", tart), 200);
        require(api.put("/api/v1/catalog/products/pie", Map.of("name", "Pie", "price", 10_000, "taxId", "ppn-10",
                "categoryId", "food", "trackStock", true)), 200);
        box.stop();
        moveVerifiedPointBackTo(box.dataDir(), beforeTheSales);

        try {
            assertThatCode(() -> LedgerDatabase.open(box.dataDir(), Clock.systemUTC(), Box.tableAudits()).close()).doesNotThrowAnyException();
        } finally {
            box.deleteData();
        }
    }

    /** Starts a box on {@code data} and waits for the walk of its whole ledger to be done. */
    private static JsonNode auditCheckOnceDone(Path data) throws Exception {
        try (Box box = Box.start(new BoxConfig("127.0.0.1", 0, data));
             HttpClient client = HttpClient.newHttpClient()) {
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + box.port() + "/observe/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                for (JsonNode check : new ObjectMapper().readTree(health.body()).path("checks")) {
                    if (check.path("name").asText().equals("audit") && check.path("data").path("done").asBoolean()) {
                        return check;
                    }
                }
                Thread.sleep(50);
            }
            throw new AssertionError("the whole-ledger walk did not finish within 30 s");
        }
    }

    private static void moveVerifiedPointBackTo(Path data, long seq) {
        try (var handle = Jdbi.open(LedgerDatabase.urlFor(data), "sa", "")) {
            String hash = handle.createQuery("SELECT hash FROM ledger WHERE seq = :seq").bind("seq", seq).mapTo(String.class).one();
            handle.createUpdate("UPDATE ledger_verified SET seq = :seq, hash = :hash").bind("seq", seq).bind("hash", hash).execute();
            Files.writeString(data.resolve("ledger.verified"), seq + " " + hash + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the tamperer's statements (one per {@code ;} at a line's end); the last must change a row. */
    private static void change(Path data, String sql) {
        try (var handle = Jdbi.open(LedgerDatabase.urlFor(data), "sa", "")) {
            String[] statements = sql.split(";\n");
            for (int i = 0; i < statements.length - 1; i++) {
                handle.execute(statements[i]);
            }
            assertThat(handle.execute(statements[statements.length - 1])).as(sql).isPositive();
        }
    }

    private static String verifyLedger(Path data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            new CommandLine(new BackroomCommand()).execute("verify-ledger", "--data", data.toString());
            return out.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
        } finally {
            System.setOut(original);
        }
    }

    private static Reply require(Reply reply, int status) {
        if (reply.status() != status) {
            throw new AssertionError("the day went wrong: " + reply);
        }
        return reply;
    }
}
