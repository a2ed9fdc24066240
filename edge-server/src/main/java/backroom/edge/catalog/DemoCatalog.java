package backroom.edge.catalog;

import backroom.edge.catalog.StoreSettings.RoundingRule;
import java.util.List;

/**
 * The coffee shop a new box starts with, so a newcomer can ring a sale at once. IDR has no minor
 * unit in use, so amounts are whole rupiah: a latte is 25,000.
 */
public final class DemoCatalog {

    public static final StoreSettings SETTINGS = new StoreSettings(
            "demo-store", "Backroom Demo Coffee", "IDR", 500, 100, RoundingRule.HALF_UP,
            StoreSettings.KDS_AMBER_SECONDS, StoreSettings.KDS_RED_SECONDS);

    public static final List<TaxRate> TAXES = List.of(
            new TaxRate("ppn-10", "Tax 10%", 1000, false),
            new TaxRate("ppn-11-incl", "Tax 11% (included)", 1100, true));

    public static final List<Category> CATEGORIES = List.of(
            new Category("coffee", "Coffee", "bar"),
            new Category("tea", "Tea", "bar"),
            new Category("food", "Food", "pastry"),
            new Category("retail", "Retail", null));

    private static final List<Variant> CUP_SIZES = List.of(
            new Variant("regular", "Regular", 0),
            new Variant("large", "Large", 0));

    private static final List<Modifier> COFFEE_ADD_ONS = List.of(
            new Modifier("extra-shot", "Extra shot", 5_000),
            new Modifier("oat-milk", "Oat milk", 7_000),
            new Modifier("vanilla-syrup", "Vanilla syrup", 4_000));

    public static final List<Product> PRODUCTS = List.of(
            drink("coffee-latte", "Latte", "coffee", 25_000, CUP_SIZES, COFFEE_ADD_ONS),
            drink("coffee-americano", "Americano", "coffee", 20_000, CUP_SIZES, COFFEE_ADD_ONS),
            drink("coffee-cappuccino", "Cappuccino", "coffee", 27_000, CUP_SIZES, COFFEE_ADD_ONS),
            drink("tea-jasmine", "Jasmine tea", "tea", 18_000,
                    List.of(new Variant("hot", "Hot", 0), new Variant("iced", "Iced", 2_000)), List.of()),
            food("food-croissant", "Butter croissant", 22_000, 12),
            food("food-banana-bread", "Banana bread", 19_000, 8),
            new Product("retail-beans-250", "BEANS-250", "8991234567890", "House blend beans 250 g", "retail",
                    95_000, "ppn-11-incl", true, null, List.of(), List.of(), 20L));

    private DemoCatalog() {
    }

    private static Product drink(String id, String name, String category, long price, List<Variant> variants, List<Modifier> modifiers) {
        return new Product(id, id.toUpperCase(), null, name, category, price, "ppn-10", false, "bar", variants, modifiers, null);
    }

    private static Product food(String id, String name, long price, long stock) {
        return new Product(id, id.toUpperCase(), null, name, "food", price, "ppn-10", true, "pastry", List.of(), List.of(), stock);
    }
}
