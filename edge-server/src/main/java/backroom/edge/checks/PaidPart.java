package backroom.edge.checks;

/** What {@code POST /api/v1/checks/{id}/payments} answers: the part's sale, and what the check still owes. */
public record PaidPart(String checkId, int partNo, String saleId, String receiptNumber, long grandTotal, long paid, long change,
                       long ledgerSeq, String checkStatus, long balanceDue) {
}
