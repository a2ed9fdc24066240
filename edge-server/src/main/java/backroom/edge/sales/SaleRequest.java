package backroom.edge.sales;

import java.util.List;

/** The body of {@code POST /api/v1/sales}, as the tablet sends it. Checked by {@link SaleRequestRules}. */
public record SaleRequest(
        String registerId,
        String shiftId,
        String orderType,
        String tableId,
        String customerId,
        List<Item> items,
        List<Payment> payments) {

    /** One line as ordered: a product, optionally a variant and modifiers, times a quantity. */
    public record Item(String productId, String variantId, Integer quantity, List<String> modifierIds, String notes, Long discount) {

        List<String> modifiers() {
            return modifierIds == null ? List.of() : modifierIds;
        }

        long discountOrZero() {
            return discount == null ? 0 : discount;
        }
    }

    /**
     * One tender: cash, card, QRIS, e-wallet or voucher, with the processor's reference if any;
     * {@code amount} goes toward the sale, a {@code tip} (card and cash only) is taken on top of it.
     */
    public record Payment(String method, Long amount, String reference, Long tip) {

        long tipOrZero() {
            return tip == null ? 0 : tip;
        }
    }
}
