package backroom.edge.storedvalue;

import java.time.Instant;
import java.util.List;

/** A gift card or store credit as a balance check shows it: its balance and its latest movements, newest first. */
public record CardAccount(String cardNumber, String kind, long balance, Instant openedAt, List<CardMove> moves) {
}
