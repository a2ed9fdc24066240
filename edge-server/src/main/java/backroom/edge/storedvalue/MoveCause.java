package backroom.edge.storedvalue;

/** Why a balance moves, and the sale (and refund) that moved it. */
public record MoveCause(String reason, String saleId, String refundId) {

    /** Sold as a new card, or a new store credit given by a refund. */
    public static final String ISSUE = "issue";
    public static final String TOP_UP = "top_up";
    public static final String PAYMENT = "payment";
    public static final String REFUND = "refund";
    /** A void taking back what its sale did to the card. */
    public static final String VOID = "void";

    public static MoveCause issue(String saleId) {
        return new MoveCause(ISSUE, saleId, null);
    }

    public static MoveCause topUp(String saleId) {
        return new MoveCause(TOP_UP, saleId, null);
    }

    public static MoveCause payment(String saleId) {
        return new MoveCause(PAYMENT, saleId, null);
    }

    public static MoveCause refund(String saleId, String refundId) {
        return new MoveCause(REFUND, saleId, refundId);
    }
}
