package backroom.edge.storedvalue;

import java.time.Instant;

/**
 * One movement of a card's balance, as its {@code stored_value.opened} or {@code stored_value.moved}
 * entry says and its row keeps: by how much, why, for which sale or refund, and the balance after it.
 */
public record CardMove(String cardNumber, String kind, long delta, String reason, String saleId, String refundId, long balance,
                       Instant movedAt) {
}
