package backroom.edge.sales;

import backroom.edge.catalog.Modifier;
import backroom.edge.catalog.Product;
import backroom.edge.catalog.Variant;
import java.util.List;

/** A sale line's variant and modifiers by the names the catalog gives them, for the kitchen and the receipt. */
final class CatalogNames {

    private CatalogNames() {
    }

    static String variant(Product product, String variantId) {
        return product.variants().stream().filter(v -> v.id().equals(variantId)).map(Variant::name).findFirst().orElse(null);
    }

    static List<String> modifiers(Product product, List<String> modifierIds) {
        return modifierIds.stream()
                .map(id -> product.modifiers().stream().filter(m -> m.id().equals(id)).map(Modifier::name).findFirst().orElse(id))
                .toList();
    }
}
