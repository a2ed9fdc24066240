package backroom.edge.storedvalue;

import backroom.edge.ledger.LedgerAppender;
import backroom.edge.web.Problem;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Moves stored value inside the caller's ledger write: each movement checked against the card's
 * balance as it stands on the writer's thread, then its rows and its own entry written. Two
 * terminals spending one card are two writes in turn, so the second sees what the first left.
 * {@code field} names the request field to blame when a card is unknown or short.
 */
public final class StoredValue {

    public static final String GIFT_CARD = "gift_card";
    public static final String STORE_CREDIT = "store_credit";
    public static final Set<String> KINDS = Set.of(GIFT_CARD, STORE_CREDIT);
    public static final String OPENED = "stored_value.opened";
    public static final String MOVED = "stored_value.moved";

    private StoredValue() {
    }

    /** A new card of {@code kind} holding {@code amount}, under {@code number}, or under a new number when it is null. */
    public static CardMove open(LedgerAppender ledger, String kind, String number, long amount, MoveCause cause, String field) {
        String cardNumber = number;
        if (cardNumber == null) {
            cardNumber = CardNumbers.fresh(candidate -> CardRows.balanceOf(ledger.statements(), candidate).isPresent());
        } else if (CardRows.balanceOf(ledger.statements(), cardNumber).isPresent()) {
            throw Problem.conflict(field, "card " + cardNumber + " is already issued; top it up instead");
        }
        CardMove move = new CardMove(cardNumber, kind, amount, cause.reason(), cause.saleId(), cause.refundId(), amount, ledger.now());
        CardRows.open(ledger.statements(), move, ledger.nextSeq());
        ledger.append(OPENED, move);
        return move;
    }

    /** Adds {@code amount} to a card of {@code kind} that is already issued (a top-up, or a refund onto it). */
    public static CardMove load(LedgerAppender ledger, String number, String kind, long amount, MoveCause cause, String field) {
        return move(ledger, number, kind, amount, cause, field);
    }

    /** Takes {@code amount} off a card of {@code kind}; a 409 naming {@code field} when it holds less. */
    public static void spend(LedgerAppender ledger, String number, String kind, long amount, MoveCause cause, String field) {
        move(ledger, number, kind, -amount, cause, field);
    }

    /**
     * Takes back every movement {@code saleId} made on any card (a void): a payment goes back onto
     * its card, a card's issue or top-up comes off it, refused with a 409 when it has been spent since.
     */
    public static void reverseSale(LedgerAppender ledger, String saleId, String field) {
        for (CardMove made : CardRows.movesOfSale(ledger.statements(), saleId)) {
            if (!made.reason().equals(MoveCause.REFUND) && !made.reason().equals(MoveCause.VOID)) {
                MoveCause undone = new MoveCause(MoveCause.VOID, saleId, null);
                move(ledger, made.cardNumber(), made.kind(), -made.delta(), undone, field);
            }
        }
    }

    /** The card and its latest {@code most} movements; empty when no card has that number. */
    public static Optional<CardAccount> find(Handle handle, String number, int most) {
        return CardRows.find(handle, number, most);
    }

    private static CardMove move(LedgerAppender ledger, String number, String kind, long delta, MoveCause cause, String field) {
        CardRows.Balance card = CardRows.balanceOf(ledger.statements(), number)
                .orElseThrow(() -> Problem.invalid(field, "no gift card or store credit has the number " + number));
        if (!card.kind().equals(kind)) {
            throw Problem.invalid(field, "card " + number + " is " + card.kind() + ", not " + kind);
        }
        long after;
        try {
            after = Math.addExact(card.balance(), delta);
        } catch (ArithmeticException overflow) {
            throw Problem.invalid(field, "card " + number + " cannot hold that much");
        }
        if (after < 0) {
            throw Problem.conflict(field, "card " + number + " holds " + card.balance() + ", short of " + -delta + " by " + -after);
        }
        CardMove move = new CardMove(number, kind, delta, cause.reason(), cause.saleId(), cause.refundId(), after, ledger.now());
        CardRows.move(ledger.statements(), move, ledger.nextSeq());
        ledger.append(MOVED, move);
        return move;
    }
}
