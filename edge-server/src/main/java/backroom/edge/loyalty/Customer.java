package backroom.edge.loyalty;

/** A loyalty member: found by phone or card number; their points, lifetime spend and tier. */
public record Customer(String customerId, String name, String phone, String cardNumber, long points, long lifetimeSpend, String tier) {
}
