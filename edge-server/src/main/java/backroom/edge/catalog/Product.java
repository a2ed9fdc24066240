package backroom.edge.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Something the store sells, priced in minor units. {@code stockOnHand} is null for products
 * that do not track stock.
 */
public record Product(
        String id,
        String sku,
        String barcode,
        String name,
        String categoryId,
        long price,
        String taxId,
        boolean trackStock,
        String station,
        List<Variant> variants,
        List<Modifier> modifiers,
        Long stockOnHand) {

    public Optional<Variant> variant(String variantId) {
        return variants.stream().filter(v -> v.id().equals(variantId)).findFirst();
    }

    public Optional<Modifier> modifier(String modifierId) {
        return modifiers.stream().filter(m -> m.id().equals(modifierId)).findFirst();
    }
}
